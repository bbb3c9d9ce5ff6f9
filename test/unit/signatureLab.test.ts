import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { diagnoseSignature, pythonDumps } from '../../electron/core/signature';

const key = 'k3yk3yk3yk3yk3yk3yk3yk3yk3yk3yk3';
const body = JSON.stringify({ event: 'User.Created', createdAt: '2026-01-02T03:04:05.000Z', data: { name: 'Mateo García' }, hookId: 'h1' });
const hmac = (bytes: string | Buffer, withKey: string | Buffer = key) => createHmac('sha256', withKey).update(bytes).digest('hex');

describe('signature lab', () => {
  it('says valid when the signature is the HMAC of these exact bytes', () => {
    expect(diagnoseSignature({ body, signature: hmac(body), key })).toMatchObject({
      verdict: 'valid',
      mistake: null,
      expected: hmac(body),
    });
  });

  it('says missing when there is no header at all', () => {
    expect(diagnoseSignature({ body, signature: null, key })).toMatchObject({ verdict: 'missing', mistake: null });
  });

  const cases: Array<[string, string, string | RegExp]> = [
    ['reserialised', hmac(body), 'JSON.stringify'],
    ['pretty-printed', hmac(JSON.stringify(JSON.parse(body), null, 2)), 'indent 2'],
    ['pretty-printed', hmac(JSON.stringify(JSON.parse(body), null, 4)), 'indent 4'],
    [
      'python-json-dumps',
      hmac('{"event": "User.Created", "createdAt": "2026-01-02T03:04:05.000Z", "data": {"name": "Mateo Garc\\u00eda"}, "hookId": "h1"}'),
      'json.dumps',
    ],
    ['trailing-newline', hmac(`${body}\n`), 'trailing newline added'],
    ['encoding', hmac(Buffer.from(body, 'latin1')), 'Latin-1'],
    ['encoding', hmac(Buffer.from(body, 'utf16le')), 'UTF-16'],
    ['uppercase-hex', hmac(body).toUpperCase(), 'uppercase'],
    ['digest-format', `sha256=${hmac(body)}`, '"sha256=" prefix'],
    ['digest-format', createHmac('sha256', key).update(body).digest('base64'), 'written in base64;'],
    ['digest-format', createHmac('sha256', key).update(body).digest('base64url'), 'written in base64url'],
    ['other-algorithm', createHmac('sha1', key).update(body).digest('hex'), 'is HMAC-SHA1;'],
    ['other-algorithm', createHmac('sha512', key).update(body).digest('hex'), 'is HMAC-SHA512;'],
    ['other-algorithm', createHash('sha256').update(body).digest('hex'), 'plain SHA-256 of the body, with no key'],
    ['other-algorithm', hmac(key, body), 'the key and the body swapped'],
    ['decoded-key', hmac(body, Buffer.from(key, 'base64')), 'decoded from base64'],
  ];

  it.each(cases)('finds the mistake %s (%#)', (kind, signature, words) => {
    // The pasted body is the one the receiver holds; for "reserialised" it holds a pretty copy of Logto's compact bytes.
    const held = kind === 'reserialised' ? JSON.stringify(JSON.parse(body), null, 3) : body;
    const diagnosis = diagnoseSignature({ body: held, signature, key });
    expect(diagnosis.verdict).toBe('invalid');
    expect(diagnosis.mistake?.kind).toBe(kind);
    expect(diagnosis.message).toMatch(words);
  });

  it('finds a trailing newline added to the held body after signing', () => {
    expect(diagnoseSignature({ body: `${body}\n`, signature: hmac(body), key }).mistake?.kind).toBe('trailing-newline');
  });

  it('names the other hook whose key made the signature', () => {
    const other = 'otherotherotherotherotherother12';
    const diagnosis = diagnoseSignature({
      body,
      signature: hmac(body, other),
      key,
      otherKeys: [
        { hookId: 'h-crm', name: 'CRM', key: 'nopenopenopenopenopenopenopenope' },
        { hookId: 'h-billing', name: 'Billing', key: other },
      ],
    });
    expect(diagnosis.mistake).toEqual({ kind: 'other-hook-key', hookId: 'h-billing', message: expect.stringContaining('“Billing”') });
  });

  it('says so when no usual mistake explains it, and never throws on a short or junk header', () => {
    for (const signature of ['', 'abc', 'zz'.repeat(40), '€'.repeat(64)]) {
      const diagnosis = diagnoseSignature({ body: 'not json', signature, key });
      expect(diagnosis).toMatchObject({ verdict: 'invalid', mistake: null });
      expect(diagnosis.message).toContain('none of the usual mistakes explains it');
    }
  });

  it('writes JSON the way Python’s json.dumps does by default', () => {
    expect(pythonDumps({ a: [1, 'é', null, true], b: { c: '✓' } })).toBe('{"a": [1, "\\u00e9", null, true], "b": {"c": "\\u2713"}}');
  });
});
