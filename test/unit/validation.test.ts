import { describe, expect, it } from 'vitest';
import { eventMeant, hookEvents } from '../../shared/events';
import {
  headersSchema,
  hookInputSchema,
  hookTestSchema,
  hookUpdateSchema,
  joinedHeaderRows,
  logtoUrlRefusal,
  notAnEvent,
} from '../../shared/validation';

const valid = { name: 'CRM sync', url: 'http://localhost:3000/hooks', events: ['PostSignIn'] };

function firstError(input: unknown) {
  const result = hookInputSchema.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  const issue = result.error.issues[0]!;
  return { field: issue.path.join('.'), message: issue.message };
}

describe('hook input', () => {
  it('accepts a local http receiver, trims the name and drops repeated events', () => {
    const parsed = hookInputSchema.parse({ ...valid, name: '  CRM sync  ', events: ['PostSignIn', 'PostSignIn'] });
    expect(parsed).toEqual({
      name: 'CRM sync',
      url: 'http://localhost:3000/hooks',
      events: ['PostSignIn'],
      headers: [],
      retries: 3,
      retryBehaviour: null,
    });
  });

  it.each([
    [{ ...valid, name: '   ' }, 'name', 'Give the hook a name'],
    [{ ...valid, name: 'x'.repeat(129) }, 'name', 'Keep the name to 128 characters or fewer'],
    [{ ...valid, url: '' }, 'url', 'Enter the endpoint URL, e.g. http://localhost:3000/webhooks'],
    [{ ...valid, url: 'localhost:3000/hooks' }, 'url', 'Enter a full URL with its scheme: did you mean http://localhost:3000/hooks?'],
    [{ ...valid, url: 'ftp://example.com/hooks' }, 'url', 'Use an http:// or https:// URL (this one starts with ftp://)'],
    [{ ...valid, url: 'http://exa mple.com' }, 'url', 'Remove the spaces from the URL (in a path or query, write a space as %20)'],
    [{ ...valid, url: 'http://localhost:99999/x' }, 'url', 'The port must be from 1 to 65535 (this one is 99999)'],
    [{ ...valid, url: 'http://' }, 'url', 'Add the host after the scheme, e.g. http://localhost:3000/webhooks'],
    [{ ...valid, url: 'http:///webhooks' }, 'url', 'Add the host after the scheme, e.g. http://localhost:3000/webhooks'],
    [
      { ...valid, url: 'http://localhost:0/webhooks' },
      'url',
      'Port 0 cannot be connected to; use the port your receiver listens on, e.g. http://localhost:3000/webhooks',
    ],
    [{ ...valid, url: 'http://localhost:3000/\u001b[2J' }, 'url', 'Remove the control character U+001B from the URL'],
    [{ ...valid, url: 'http://localhost:3000/a\tb' }, 'url', 'Remove a tab (U+0009) from the URL'],
    [
      { ...valid, url: 'http://exa_mple%zz.com/x' },
      'url',
      '"exa_mple%zz.com" is not a host name, IP address or host:port; check it, e.g. http://localhost:3000/webhooks',
    ],
    [{ ...valid, url: 'javascript:alert(1)' }, 'url', 'Use an http:// or https:// URL (this one starts with javascript:)'],
    [
      { ...valid, url: 'http://user:pw@localhost/x' },
      'url',
      'Remove the user name and password from the URL; send credentials in a custom header instead',
    ],
    [{ ...valid, events: [] }, 'events', 'Pick at least one event'],
    [{ ...valid, events: ['User.Exploded'] }, 'events', '"User.Exploded" is not a Logto webhook event'],
    [
      { ...valid, events: ['Organization-Membership-Updated'] },
      'events',
      '"Organization-Membership-Updated" is not a Logto webhook event; did you mean Organization.Membership.Updated? Event names are matched exactly',
    ],
    [
      { ...valid, headers: [{ name: 'x key', value: '1' }] },
      'headers.0.name',
      '"x key" is not a valid header name: use letters, digits and - _ . only, no spaces or colons',
    ],
    [{ ...valid, headers: [{ name: '', value: '1' }] }, 'headers.0.name', 'Enter a header name or remove the row'],
    [
      { ...valid, headers: [{ name: 'x-a', value: 'a\r\nb' }] },
      'headers.0.value',
      'Header values cannot contain a line break (CR, U+000D); remove it',
    ],
    [
      { ...valid, headers: [{ name: 'x-a', value: 'a\nb' }] },
      'headers.0.value',
      'Header values cannot contain a line break (LF, U+000A); remove it',
    ],
    [
      { ...valid, headers: [{ name: 'x-a', value: 'a\0b' }] },
      'headers.0.value',
      'Header values cannot contain a NUL character (U+0000); remove it',
    ],
    [
      { ...valid, headers: [{ name: 'x-a', value: 'a\x01' }] },
      'headers.0.value',
      'Header values cannot contain the control character U+0001; remove it',
    ],
    [
      { ...valid, headers: [{ name: 'x-a', value: 'a\x7f' }] },
      'headers.0.value',
      'Header values cannot contain the control character U+007F; remove it',
    ],
    [
      { ...valid, headers: [{ name: 'x-a', value: '5 €' }] },
      'headers.0.value',
      'Header values cannot contain "€" (U+20AC), which is beyond Latin-1 and cannot be sent in an HTTP header; remove it',
    ],
    [
      { ...valid, headers: [{ name: 'x-a', value: 'ok 😀' }] },
      'headers.0.value',
      'Header values cannot contain "😀" (U+1F600), which is beyond Latin-1 and cannot be sent in an HTTP header; remove it',
    ],
    [
      { ...valid, signingKey: 'pasted0123456789abcdef0123456789\n' },
      'signingKey',
      'The signing key ends with a line break (LF, U+000A); a key is used exactly as given, so remove it (a paste often carries a trailing line break)',
    ],
    [
      { ...valid, signingKey: ' pasted' },
      'signingKey',
      'The signing key starts with a space (U+0020); a key is used exactly as given, so remove it (a paste often carries a trailing line break)',
    ],
    [
      { ...valid, signingKey: 'clé' },
      'signingKey',
      'The signing key contains "é" (U+00E9); use printable ASCII characters only, as Logto\'s keys do',
    ],
    [
      { ...valid, signingKey: 'a\tb' },
      'signingKey',
      "The signing key contains a tab (U+0009); use printable ASCII characters only, as Logto's keys do",
    ],
    [{ ...valid, signingKey: 'k'.repeat(257) }, 'signingKey', 'Keep the signing key to 256 characters or fewer'],
    [{ ...valid, signingKey: 42 }, 'signingKey', 'The signing key must be text'],
    [{ ...valid, retries: 4 }, 'retries', 'Logto retries at most 3 times; choose 0 to 3'],
    [{ ...valid, retries: -1 }, 'retries', 'Retries must be a number from 0 to 3'],
    [{ ...valid, retries: 1.5 }, 'retries', 'Retries must be a whole number from 0 to 3'],
    [{ ...valid, retries: '3' }, 'retries', 'Retries must be a number from 0 to 3'],
    [
      { ...valid, retryBehaviour: 'always' },
      'retryBehaviour',
      "Retry behaviour must be retry-5xx or send-once, or null for the app's default",
    ],
    [
      {
        ...valid,
        headers: [
          { name: 'X-Key', value: '1' },
          { name: ' X-Key ', value: '2' },
        ],
      },
      'headers.1.name',
      '"X-Key" is already set in row 1; a header can appear once',
    ],
    [
      { ...valid, headers: [{ name: 'Logto-Signature-Sha-256', value: 'forged' }] },
      'headers.0.name',
      'Logto always sets logto-signature-sha-256 itself, so this header would never be sent',
    ],
    [
      { ...valid, headers: [{ name: 'content-length', value: '1' }] },
      'headers.0.name',
      "content-length is computed from the body, and Logto's request fails when a custom one differs; remove this header",
    ],
    [
      { ...valid, headers: [{ name: 'Transfer-Encoding', value: 'chunked' }] },
      'headers.0.name',
      "Logto's request fails with a custom transfer-encoding (fetch refuses it); remove this header",
    ],
    [
      { ...valid, headers: [{ name: 'Connection', value: 'upgrade' }] },
      'headers.0.value',
      "connection can only be close or keep-alive; with any other value Logto's request fails",
    ],
    [
      { ...valid, headers: [{ name: '__proto__', value: 'x' }] },
      'headers.0.name',
      '"__proto__" cannot be kept as a header name; use another name',
    ],
  ])('refuses %j at %s', (input, field, message) => {
    expect(firstError(input)).toEqual({ field, message });
  });

  it('accepts a key pasted from Logto’s Console, a key with inner spaces and symbols, and no key at all', () => {
    for (const signingKey of ['Xy7Qm2LpR9sT4vW8zA1bC3dE5fG6hJ0k', 'my key: with spaces & ~symbols~', '']) {
      expect(hookInputSchema.parse({ ...valid, signingKey }).signingKey).toBe(signingKey);
    }
  });

  it('accepts the headers Logto’s fetch sends as given: Connection close or keep-alive, TE and Trailer', () => {
    const rows = [
      { name: 'Connection', value: 'Close' },
      { name: 'TE', value: 'trailers' },
      { name: 'Trailer', value: 'x-checksum' },
    ];
    expect(hookInputSchema.parse({ ...valid, headers: rows }).headers).toEqual(rows);
    expect(hookInputSchema.parse({ ...valid, headers: [{ name: 'connection', value: 'keep-alive' }] }).headers).toHaveLength(1);
  });

  it('takes header names that are also names of object properties as any other name', () => {
    const rows = [
      { name: 'constructor', value: 'y' },
      { name: 'toString', value: 'z' },
    ];
    expect(hookInputSchema.parse({ ...valid, headers: rows }).headers).toEqual(rows);
  });

  it('accepts Latin-1 header values, which fetch sends one byte per character, and tabs', () => {
    const rows = [{ name: 'x-city', value: 'Zürich\tcafé' }];
    expect(hookInputSchema.parse({ ...valid, headers: rows }).headers).toEqual(rows);
  });

  it('takes retries and retry behaviour on update, and null goes back to the app’s default', () => {
    expect(hookUpdateSchema.parse({ id: 'h', retries: 0, retryBehaviour: null })).toEqual({ id: 'h', retries: 0, retryBehaviour: null });
  });

  it('tests with the form’s values, checked as on save, but never with a key from the caller', () => {
    expect(hookTestSchema.parse({ id: 'h', url: 'http://localhost:1/x', retries: 1 })).toEqual({
      id: 'h',
      url: 'http://localhost:1/x',
      retries: 1,
    });
    expect(hookTestSchema.safeParse({ id: 'h', url: 'file:///x' }).error?.issues[0]?.message).toBe(
      'Use an http:// or https:// URL (this one starts with file://)',
    );
    expect(hookTestSchema.safeParse({ id: 'h', signingKey: 'mine' }).error?.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['signingKey'],
    });
  });

  it('lets a custom header replace user-agent and content-type, as Logto does', () => {
    const rows = [
      { name: 'user-agent', value: 'my-agent' },
      { name: 'content-type', value: 'application/vnd.custom+json' },
    ];
    expect(hookInputSchema.parse({ ...valid, headers: rows }).headers).toEqual(rows);
  });
});

describe('header names that differ only in case', () => {
  const rows = [
    { name: 'X-Tenant', value: 'acme' },
    { name: 'x-trace', value: '1' },
    { name: 'x-tenant', value: 'beta' },
  ];

  it('are kept, as Logto’s Console and API keep them (they compare names exactly)', () => {
    expect(hookInputSchema.parse({ ...valid, headers: rows }).headers).toEqual(rows);
    expect(headersSchema.parse({ 'X-Tenant': 'acme', 'x-tenant': 'beta' })).toEqual({ 'X-Tenant': 'acme', 'x-tenant': 'beta' });
  });

  it('say, on each row, the one header they go out as, values in row order', () => {
    const said = joinedHeaderRows(rows);
    expect([...said.keys()]).toEqual([0, 2]);
    expect(said.get(0)).toBe(
      'Sent joined with row 3 as one header, "x-tenant: acme, beta": Logto\'s request joins names that differ only in case',
    );
    expect(said.get(2)).toBe(
      'Sent joined with row 1 as one header, "x-tenant: acme, beta": Logto\'s request joins names that differ only in case',
    );
  });

  it('join User-Agent after Logto’s own, while user-agent replaces it and is sent alone', () => {
    expect(joinedHeaderRows([{ name: 'User-Agent', value: 'my-tests/1.0' }]).get(0)).toBe(
      'Sent joined with Logto\'s own user-agent as one header, "user-agent: Logto (https://logto.io/), my-tests/1.0": Logto\'s request joins names that differ only in case',
    );
    expect(joinedHeaderRows([{ name: 'user-agent', value: 'my-tests/1.0' }]).size).toBe(0);
    // Logto's object spread puts the replaced user-agent first, ahead of a User-Agent row before it.
    expect(
      joinedHeaderRows([
        { name: 'User-Agent', value: 'a' },
        { name: 'user-agent', value: 'b' },
      ]).get(0),
    ).toContain('"user-agent: b, a"');
  });
});

describe('what a real Logto tenant would refuse', () => {
  it.each([
    'http://localhost:3000/hooks',
    'https://localhost/hooks',
    'https://127.0.0.1/hooks',
    'https://192.168.1.20/hooks',
    'https://10.0.0.5/hooks',
    'https://172.20.0.2/hooks',
    'https://[::1]:8443/hooks',
    'https://my-laptop.local/hooks',
    'https://receiver/hooks',
    'http://example.com/hooks',
  ])('flags %s', (url) => {
    expect(logtoUrlRefusal(url)).toMatch(/^A real Logto tenant would refuse this URL: /);
  });

  it('says both reasons for plain http to localhost', () => {
    expect(logtoUrlRefusal('http://localhost:3000/x')).toBe(
      'A real Logto tenant would refuse this URL: Logto only delivers to https:// endpoints, and localhost is a local or private address that a Logto tenant cannot reach. Use a public HTTPS URL (e.g. through a tunnel) when you move to Logto.',
    );
  });

  // Not a URL Hookbench sends to either: the form says what is wrong with it, and nothing about Logto.
  it.each(['localhost:3000/webhooks', 'ftp://example.com/x', 'not a url'])('leaves %s to the URL check', (url) => {
    expect(logtoUrlRefusal(url)).toBeNull();
  });

  it.each(['https://example.com/hooks', 'https://hooks.acme.dev:8443/logto', 'https://172.32.0.1/x'])('accepts %s', (url) => {
    expect(logtoUrlRefusal(url)).toBeNull();
  });
});

describe('an event name not quite right', () => {
  it('is matched to the one event it means, whatever the case or separators', () => {
    for (const event of hookEvents) {
      expect(eventMeant(event.toUpperCase())).toBe(event);
      expect(eventMeant(event.replaceAll('.', '_').toLowerCase())).toBe(event);
    }
    expect(eventMeant('User.Exploded')).toBeUndefined();
    expect(notAnEvent('User.Exploded')).toBe('"User.Exploded" is not a Logto webhook event');
  });
});
