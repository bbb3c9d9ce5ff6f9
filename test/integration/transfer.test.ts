import { execFile, execFileSync, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { curlCommand, shellQuote } from '../../shared/curl';
import { allDeliveries, openTestCore } from '../support/core';
import { useCore } from '../support/perTest';
import { reply } from '../support/receiver';

const running = useCore();

const createHook = () =>
  running.core.call('hooks.create', { name: 'Receiver', url: running.receiver.url, events: ['User.Created', 'PostSignIn'] });
async function deliver(event: 'User.Created' | 'PostSignIn' = 'User.Created', payload?: Record<string, unknown>) {
  const { deliveries } = await running.core.call('events.trigger', { event, payload });
  return running.core.finished(deliveries[0]!.id);
}

describe('redeliver', () => {
  it('sends the same bytes again, signed with the current key, as a new entry that links to the original', async () => {
    const hook = await createHook();
    running.receiver.answer(reply(500, 'down'), reply(500, 'down'), reply(500, 'down'), reply(500, 'down'), reply(200, 'ok'));
    const original = await deliver();
    expect(original.outcome).toBe('failed');
    const rekeyed = await running.core.call('hooks.regenerateKey', { id: hook.id });

    const { delivery } = await running.core.call('logs.redeliver', { id: original.id });
    const again = await running.core.finished(delivery.id);
    expect(again).toMatchObject({ outcome: 'success', redeliveryOf: original.id, event: original.event, hookId: hook.id });
    const arrived = running.receiver.received.at(-1)!;
    expect(arrived.body).toBe(original.request.body);
    expect(arrived.headers['logto-signature-sha-256']).toBe(createHmac('sha256', rekeyed.signingKey).update(arrived.body).digest('hex'));
    expect((await running.core.call('logs.query', { hookId: hook.id, range: 'all' })).items).toHaveLength(2);
  });

  it('redelivers every unsuccessful delivery in a range after saying how many', async () => {
    const hook = await createHook();
    running.receiver.answer((request, response) => {
      response.writeHead(JSON.parse(request.body).event === 'User.Created' ? 404 : 200).end();
    });
    await deliver('User.Created');
    await deliver('User.Created');
    await deliver('PostSignIn');
    expect(await running.core.call('logs.unsuccessfulCount', { hookId: hook.id, range: '1h' })).toEqual({ count: 2 });
    running.receiver.answer(reply(200, 'ok'));
    expect(await running.core.call('logs.redeliverUnsuccessful', { hookId: hook.id, range: '1h' })).toEqual({
      count: 2,
      runId: expect.any(String),
    });
    await running.core.settled();
    const redelivered = (await allDeliveries(running.core)).filter((delivery) => delivery.redeliveryOf !== null);
    expect(redelivered.map(({ outcome }) => ({ outcome }))).toEqual([{ outcome: 'success' }, { outcome: 'success' }]);
  });

  it('explains why a delivery of a deleted or disabled hook cannot be sent again', async () => {
    const hook = await createHook();
    const original = await deliver();
    await running.core.call('hooks.update', { id: hook.id, enabled: false });
    await expect(running.core.call('logs.redeliver', { id: original.id })).rejects.toThrow(
      '“Receiver” is disabled; enable it to send requests again.',
    );
    await running.core.call('hooks.remove', { id: hook.id });
    await expect(running.core.call('logs.redeliver', { id: original.id })).rejects.toThrow('has been deleted, so it cannot be sent again');
    await expect(running.core.call('logs.redeliver', { id: 'no-such-delivery' })).rejects.toThrow(
      'No delivery has the id "no-such-delivery"',
    );
  });
});

describe('copy as cURL', () => {
  it('quotes anything safely for a POSIX shell', () => {
    const nasty = `it's "$HOME" \`whoami\` \\ ; rm -rf / #\n'end'`;
    expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(nasty)}`]).toString()).toBe(nasty);
  });

  it('replays the exact request: the receiver gets the same bytes and the signature verifies', async () => {
    const hook = await createHook();
    // curl drops a header written "name: " with nothing after it; an empty one must still arrive.
    await running.core.call('hooks.update', {
      id: hook.id,
      headers: [
        { name: 'X-Empty', value: '' },
        { name: 'X-Quote', value: "it's" },
      ],
    });
    const original = await deliver('User.Created', { data: { note: `O'Brien says "hi" & $PATH` } });
    running.receiver.received.length = 0;
    // Asynchronously: the receiver answering curl lives in this process.
    await promisify(execFile)('sh', ['-c', `${curlCommand(original.request)} --silent --show-error --output /dev/null`]);
    const replayed = running.receiver.received[0]!;
    expect(replayed.body).toBe(original.request.body);
    expect(replayed.headers['logto-signature-sha-256']).toBe(createHmac('sha256', hook.signingKey).update(replayed.body).digest('hex'));
    // The log records the whole header block as it went on the wire, host and connection included.
    expect(replayed.headers).toEqual(original.request.headers);
    expect(replayed.headers).toMatchObject({ 'x-empty': '', 'x-quote': "it's" });
  });

  it('replays a body too large for one command argument, piped in by the shell', async () => {
    const hook = await createHook();
    const original = await deliver('User.Created', { data: { bio: `${"it's ".repeat(40_000)}\n` } });
    expect(original.request.body.length).toBeGreaterThan(200_000);
    running.receiver.received.length = 0;
    // As a user runs it: pasted into a shell, not passed to one as a single argument.
    const shell = spawn('sh', ['-s'], { stdio: ['pipe', 'ignore', 'inherit'] });
    shell.stdin.end(`${curlCommand(original.request)} --silent --show-error --output /dev/null\n`);
    await once(shell, 'exit');
    const replayed = running.receiver.received[0]!;
    expect(replayed.body).toBe(original.request.body);
    expect(replayed.headers['logto-signature-sha-256']).toBe(createHmac('sha256', hook.signingKey).update(replayed.body).digest('hex'));
  });
});

describe('export', () => {
  it('writes HAR 1.2 with one entry per attempt that parses back with every field a viewer needs', async () => {
    const hook = await createHook();
    running.receiver.answer(reply(503, '{"retry":true}'), reply(200, '{"ok":true}', { 'x-receiver': 'yes' }));
    const delivery = await deliver();
    const file = await running.core.call('logs.export', { hookId: hook.id, range: 'all', format: 'har' });
    expect(file).toMatchObject({ count: 1, mimeType: 'application/json' });
    expect(file.fileName).toMatch(/\.har$/);
    const { log } = JSON.parse(file.content);
    expect(log.version).toBe('1.2');
    expect(log.creator).toEqual({ name: 'Hookbench', version: 'development' });
    expect(log.entries).toHaveLength(2);
    for (const entry of log.entries) {
      expect(Object.keys(entry)).toEqual(expect.arrayContaining(['startedDateTime', 'time', 'request', 'response', 'cache', 'timings']));
      expect(new Date(entry.startedDateTime).toISOString()).toBe(entry.startedDateTime);
      expect(entry.request).toMatchObject({
        method: 'POST',
        url: running.receiver.url,
        httpVersion: 'HTTP/1.1',
        cookies: [],
        queryString: [],
        headersSize: -1,
      });
      expect(entry.request.postData).toEqual({ mimeType: 'application/json', text: delivery.request.body });
      expect(entry.request.headers).toContainEqual({
        name: 'logto-signature-sha-256',
        value: delivery.request.headers['logto-signature-sha-256'],
      });
      expect(entry.response).toMatchObject({ httpVersion: 'HTTP/1.1', cookies: [], redirectURL: '', headersSize: -1 });
      expect(entry.response.content).toMatchObject({ mimeType: 'application/json' });
      expect(entry.timings).toMatchObject({ send: 0, receive: 0, wait: expect.any(Number) });
    }
    expect(
      log.entries.map((entry: { response: { status: number; content: { text: string } } }) => [
        entry.response.status,
        entry.response.content.text,
      ]),
    ).toEqual([
      [503, '{"retry":true}'],
      [200, '{"ok":true}'],
    ]);
    expect(log.entries[1].response.headers).toContainEqual({ name: 'x-receiver', value: 'yes' });
  });

  it('writes JSON Lines, one whole delivery per line, filtered as on screen', async () => {
    const hook = await createHook();
    running.receiver.answer((request, response) => {
      response.writeHead(JSON.parse(request.body).event === 'User.Created' ? 500 : 200).end();
    });
    await deliver('PostSignIn');
    await deliver('User.Created');
    const file = await running.core.call('logs.export', { hookId: hook.id, range: 'all', format: 'jsonl', outcome: 'success' });
    const lines = file.content
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ event: 'PostSignIn', outcome: 'success', request: { method: 'POST' }, attempts: [{ status: 200 }] });
  });
});

describe('hook definitions', () => {
  it('exports without signing keys unless asked, and imports them elsewhere under the same id', async () => {
    const hook = await running.core.call('hooks.create', {
      name: 'CRM',
      url: 'http://localhost:3000/x',
      events: ['PostSignIn'],
      headers: [{ name: 'x-tenant', value: 'acme' }],
    });
    const plain = await running.core.call('hooks.export', {});
    expect(plain.content).not.toContain(hook.signingKey);
    const withKeys = await running.core.call('hooks.export', { includeSigningKeys: true });
    expect(withKeys.content).toContain(hook.signingKey);

    const other = openTestCore();
    try {
      const report = await other.call('hooks.import', { content: withKeys.content });
      expect(report.skipped).toEqual([]);
      expect(report.imported).toEqual([
        expect.objectContaining({ name: 'CRM', events: ['PostSignIn'], config: hook.config, signingKey: hook.signingKey, enabled: true }),
      ]);
      // Its id goes with it, so the hookId its payloads carry is the one the receiver saw before.
      expect(report.imported[0]!.id).toBe(hook.id);
      expect(report.entries[0]).not.toHaveProperty('newSigningKey');
      // The same hook again: found (same id), nothing changed until the user chooses.
      expect((await other.call('hooks.import', { content: plain.content })).applied).toBe(false);
      const keyless = await other.call('hooks.import', { content: plain.content, onDuplicate: 'keep-both' });
      expect(keyless.imported[0]!.id).not.toBe(hook.id);
      expect(keyless.imported[0]!.signingKey).toMatch(/^[0-9a-zA-Z]{32}$/);
      expect(keyless.imported[0]!.signingKey).not.toBe(hook.signingKey);
      expect(keyless.entries[0]!.newSigningKey).toBe(true);
    } finally {
      await other.dispose();
    }
  });

  it('imports what is valid and reports what was skipped and why', async () => {
    const content = JSON.stringify({
      hooks: [
        { name: 'Good', events: ['User.Created'], config: { url: 'https://example.com/hooks' } },
        { name: 'Bad URL', events: ['User.Created'], config: { url: 'example.com/hooks' } },
        { name: 'Bad event', events: ['User.Exploded'], config: { url: 'https://example.com/hooks' } },
        { name: 'No config', events: ['User.Created'] },
        'not a hook',
      ],
    });
    const report = await running.core.call('hooks.import', { content });
    expect(report.imported.map((hook) => hook.name)).toEqual(['Good']);
    expect(report.skipped).toEqual([
      { index: 1, name: 'Bad URL', reason: 'url: Enter a full URL with its scheme: did you mean http://example.com/hooks?' },
      { index: 2, name: 'Bad event', reason: 'events: "User.Exploded" is not a Logto webhook event' },
      {
        index: 3,
        name: 'No config',
        reason: 'config: Required: put the endpoint in "config": {"url": "http://localhost:3000/webhooks"}, as Logto keeps it',
      },
      { index: 4, name: 'hook 5', reason: 'each hook must be an object with a name, events and a config' },
    ]);
  });

  it('imports Logto’s GET /hooks array, legacy single-event hooks, config.retries and header names in two cases included, keys kept exactly', async () => {
    const fromLogto = [
      {
        tenantId: 'default',
        id: 'logto0hook0id0000001',
        name: 'Legacy',
        event: 'PostRegister',
        events: [],
        config: { url: 'https://example.com/legacy', retries: 1 },
        signingKey: 'Ab3dEf6hIj9lMn2pQr5tUv8xYz1bCd4f',
        enabled: true,
        createdAt: 1,
      },
      {
        id: 'logto0hook0id0000002',
        name: 'No key',
        events: ['User.Created'],
        // Logto compares header names exactly, so a tenant can hold both cases (fetch joins them when sending).
        config: { url: 'https://example.com/k', headers: { 'x-a': '1', 'X-A': '2' } },
        signingKey: '',
      },
    ];
    const report = await running.core.call('hooks.import', { content: JSON.stringify(fromLogto) });
    expect(report).toMatchObject({ applied: true, skipped: [] });
    expect(report.entries.map(({ name, outcome }) => ({ name, outcome }))).toEqual([
      { name: 'Legacy', outcome: 'imported' },
      { name: 'No key', outcome: 'imported' },
    ]);
    expect(await running.core.call('hooks.list', {})).toEqual([
      expect.objectContaining({
        name: 'Legacy',
        events: ['PostRegister'],
        config: { url: 'https://example.com/legacy', headers: {}, retries: 1 },
        signingKey: 'Ab3dEf6hIj9lMn2pQr5tUv8xYz1bCd4f',
        retryBehaviour: null,
      }),
      expect.objectContaining({
        name: 'No key',
        config: { url: 'https://example.com/k', headers: { 'x-a': '1', 'X-A': '2' }, retries: 3 },
        signingKey: '',
      }),
    ]);
  });

  it('finds the hooks you already have and asks before changing anything, then replaces, keeps both or skips', async () => {
    const hook = await running.core.call('hooks.create', { name: 'CRM', url: 'http://localhost:3000/x', events: ['PostSignIn'] });
    const other = await running.core.call('hooks.create', { name: 'Audit', url: 'http://localhost:3000/audit', events: ['User.Created'] });
    const exported = JSON.parse((await running.core.call('hooks.export', { includeSigningKeys: true })).content);
    exported.hooks[0].events = ['PostSignIn', 'User.Deleted'];
    delete exported.hooks[1].id; // matched by name and URL instead
    exported.hooks.push({ name: 'New', events: ['User.Created'], config: { url: 'http://localhost:3000/new' } });
    const content = JSON.stringify(exported);

    const preview = await running.core.call('hooks.import', { content });
    expect(preview).toMatchObject({ applied: false, imported: [], skipped: [] });
    expect(preview.entries).toEqual([
      { index: 0, name: 'CRM', outcome: 'duplicate', duplicateOf: { id: hook.id, name: 'CRM', by: 'id' } },
      { index: 1, name: 'Audit', outcome: 'duplicate', duplicateOf: { id: other.id, name: 'Audit', by: 'name and URL' } },
      { index: 2, name: 'New', outcome: 'imported' },
    ]);
    expect(await running.core.call('hooks.list', {})).toEqual([hook, other]);

    const skipped = await running.core.call('hooks.import', { content, onDuplicate: 'skip' });
    expect(skipped.skipped).toEqual([
      { index: 0, name: 'CRM', reason: 'you already have “CRM” (same id)' },
      { index: 1, name: 'Audit', reason: 'you already have “Audit” (same name and URL)' },
    ]);
    expect((await running.core.call('hooks.list', {})).map((stored) => stored.name)).toEqual(['CRM', 'Audit', 'New']);

    const replaced = await running.core.call('hooks.import', { content, onDuplicate: 'replace' });
    expect(replaced.entries.map(({ outcome }) => outcome)).toEqual(['replaced', 'replaced', 'replaced']);
    const afterReplace = await running.core.call('hooks.list', {});
    expect(afterReplace).toHaveLength(3);
    expect(afterReplace[0]).toEqual({ ...hook, events: ['PostSignIn', 'User.Deleted'] });

    const both = await running.core.call('hooks.import', { content, onDuplicate: 'keep-both' });
    expect(both.entries.map(({ outcome }) => outcome)).toEqual(['kept-both', 'kept-both', 'kept-both']);
    const all = await running.core.call('hooks.list', {});
    expect(all).toHaveLength(6);
    expect(new Set(all.map((stored) => stored.id)).size).toBe(6);
    expect(both.imported[0]!.signingKey).toBe(hook.signingKey);
  });

  it('imports back an export of 20 000 hooks (over 5 MB) whole, ids kept, and finds them all again', async () => {
    const hooks = Array.from({ length: 20_000 }, (_, index) => ({
      name: `Tenant ${index}`,
      events: ['User.Created', 'PostSignIn'],
      config: { url: `http://localhost:3000/webhooks/${index}`, headers: { 'x-tenant': `tenant-${index}` } },
    }));
    const first = await running.core.call('hooks.import', { content: JSON.stringify(hooks) });
    expect(first.imported).toHaveLength(20_000);
    const exported = (await running.core.call('hooks.export', { includeSigningKeys: true })).content;
    expect(exported.length).toBeGreaterThan(5 * 1024 * 1024);

    const other = openTestCore();
    try {
      const report = await other.call('hooks.import', { content: exported });
      expect(report.skipped).toEqual([]);
      expect(report.imported.map((hook) => hook.id)).toEqual(first.imported.map((hook) => hook.id));
      const again = await other.call('hooks.import', { content: exported, onDuplicate: 'replace' });
      expect(again.entries.filter(({ outcome }) => outcome === 'replaced')).toHaveLength(20_000);
      expect(await other.call('hooks.list', {})).toHaveLength(20_000);
    } finally {
      await other.dispose();
    }
  });

  it('refuses a "__proto__" header and headers that are not an object, naming the hook, instead of dropping them', async () => {
    const url = 'http://localhost:3000/x';
    const content = `[
      {"name": "Proto", "events": ["PostSignIn"], "config": {"url": "${url}", "headers": {"__proto__": "x", "x-a": "1"}}},
      {"name": "Listed", "events": ["PostSignIn"], "config": {"url": "${url}", "headers": ["a"]}},
      {"name": "Ctor", "events": ["PostSignIn"], "config": {"url": "${url}", "headers": {"constructor": "y"}}}
    ]`;
    const report = await running.core.call('hooks.import', { content });
    expect(report.skipped).toEqual([
      { index: 0, name: 'Proto', reason: 'headers.0.name: "__proto__" cannot be kept as a header name; use another name' },
      {
        index: 1,
        name: 'Listed',
        reason: 'config.headers: headers must be an object of header names and values, e.g. {"x-tenant": "acme"}',
      },
    ]);
    expect(report.imported.map((hook) => hook.config.headers)).toEqual([{ constructor: 'y' }]);
  });

  it('imports a hooks file that was set aside, keys and ids included, as the set-aside notice advises', async () => {
    const hook = await running.core.call('hooks.create', { name: 'Kept', url: 'http://localhost:3000/kept', events: ['PostSignIn'] });
    const setAside = JSON.stringify({ schemaVersion: 2, hooks: await running.core.call('hooks.list', {}) });
    const other = openTestCore();
    try {
      const report = await other.call('hooks.import', { content: setAside });
      expect(report.imported).toEqual([expect.objectContaining({ id: hook.id, signingKey: hook.signingKey, config: hook.config })]);
      expect(report.entries[0]).not.toHaveProperty('newSigningKey');
    } finally {
      await other.dispose();
    }
  });

  it('keeps an imported id that could be Logto’s, and gives a new one in place of a path or a URL', async () => {
    const entry = (id: string, name: string) => ({ id, name, events: ['PostSignIn'], config: { url: `http://localhost:3000/${name}` } });
    const report = await running.core.call('hooks.import', {
      content: JSON.stringify([entry('u8yz3k0tbq7nv2xw5m1ca', 'logto'), entry('../../etc', 'path'), entry('a/b?c', 'url')]),
    });
    const ids = report.imported.map((hook) => hook.id);
    expect(ids[0]).toBe('u8yz3k0tbq7nv2xw5m1ca');
    for (const id of ids.slice(1)) expect(id).toMatch(/^[a-z0-9]+$/);
  });

  it('refuses a file that is not a hooks export, saying what it expected', async () => {
    await expect(running.core.call('hooks.import', { content: '{"hooks": 3}' })).rejects.toThrow('The file holds no list of hooks');
    await expect(running.core.call('hooks.import', { content: 'hooks:\n - name: x' })).rejects.toThrow('The file is not JSON');
    await expect(running.core.call('hooks.import', { content: ' \n' })).rejects.toThrow(
      "The file is empty; import a file from Hookbench's Export hooks",
    );
    expect(await running.core.call('hooks.list', {})).toEqual([]);
  });
});
