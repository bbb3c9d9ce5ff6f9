import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { PassThrough } from 'node:stream';
import { request } from 'undici';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleForNode } from '../../bench/bundle.mjs';
import { commands } from '../../electron/cli/commands';
import { runCli } from '../../electron/cli/run';
import type { Delivery, DeliverySummary } from '../../shared/domain';
import { cliProcess } from '../support/cli';
import { openTestCore } from '../support/core';
import { type Receiver, reply, startReceiver } from '../support/receiver';
import { useTempDir } from '../support/tempDir';

const tempDir = useTempDir();
let dataDir: string;
let receiver: Receiver;
let bin: string;
beforeAll(async () => {
  bin = await bundleForNode('electron/cli/main.ts', 'hookbench-cli-commands');
});
beforeEach(async () => {
  dataDir = tempDir();
  receiver = await startReceiver();
});
afterEach(() => receiver.close());

/** The built `hookbench` in its own process, stdout and stderr not terminals, colour off. */
const hookbench = (...args: string[]) => cliProcess(bin, dataDir, args, { ...process.env, NO_COLOR: '' });

const add = (name: string, ...more: string[]) =>
  hookbench('hooks', 'add', '--name', name, '--url', receiver.url, '--event', 'PostSignIn', ...more);

async function storedHooks() {
  const app = openTestCore({ dataDir });
  try {
    return await app.call('hooks.list', {});
  } finally {
    await app.dispose();
  }
}

describe('hooks add, edit, enable, disable, remove, rotate-key', () => {
  it('manage a hook from start to end, without an import file', async () => {
    const added = await hookbench(
      'hooks',
      'add',
      '--name',
      'CRM sync',
      '--url',
      receiver.url,
      '--event',
      'PostSignIn',
      '--event',
      'User.Created',
      '--header',
      'Authorization: Bearer dev:token',
      '--disabled',
    );
    expect(added).toMatchObject({ code: 0, err: '' });
    let [hook] = await storedHooks();
    expect(hook).toMatchObject({
      name: 'CRM sync',
      enabled: false,
      events: ['PostSignIn', 'User.Created'],
      config: { url: receiver.url, headers: { Authorization: 'Bearer dev:token' } },
    });
    expect(added.out).toBe(`added  ${hook!.id}  CRM sync  disabled  ${receiver.url}\n`);
    expect(added.out).not.toContain(hook!.signingKey);
    expect(added.out).not.toContain('dev:token');

    expect((await hookbench('hooks', 'enable', 'crm SYNC')).code).toBe(0);
    expect((await storedHooks())[0]!.enabled).toBe(true);
    expect((await hookbench('hooks', 'disable', hook!.id)).code).toBe(0);
    expect((await storedHooks())[0]!.enabled).toBe(false);

    const edited = await hookbench('hooks', 'edit', 'CRM sync', '--name', 'CRM', '--event', 'Role.Created', '--header', 'X-Env: dev');
    expect(edited.code).toBe(0);
    [hook] = await storedHooks();
    expect(hook).toMatchObject({ name: 'CRM', events: ['Role.Created'], config: { url: receiver.url, headers: { 'X-Env': 'dev' } } });

    // An empty value is a change to check, not a missing one.
    expect(await hookbench('hooks', 'edit', 'CRM', '--name', '')).toEqual({
      code: 2,
      out: '',
      err: 'hookbench: --name: Give the hook a name\n',
    });
    expect((await hookbench('hooks', 'edit', 'CRM', '--header', '')).code).toBe(0);
    [hook] = await storedHooks();
    expect(hook!.config.headers).toEqual({});
    expect(await hookbench('hooks', 'edit', 'CRM', '--header', '', '--header', 'X-Env: dev')).toEqual({
      code: 2,
      out: '',
      err: "hookbench: --header '' means no custom headers; give it alone, without other --header options\n",
    });

    const before = hook!.signingKey;
    const rotated = await hookbench('hooks', 'rotate-key', 'CRM');
    [hook] = await storedHooks();
    expect(hook!.signingKey).not.toBe(before);
    expect(rotated).toMatchObject({ code: 0, out: `${hook!.signingKey}\n` });
    expect(rotated.err).toContain('new signing key for "CRM"');

    expect(await hookbench('hooks', 'remove', 'CRM')).toMatchObject({ code: 0, out: `removed  ${hook!.id}  CRM\n` });
    expect(await storedHooks()).toEqual([]);
  });

  it('name the option to fix when the contract refuses the input', async () => {
    const refusals: Array<[string[], string]> = [
      [['--url', 'localhost:3000'], 'hookbench: --url: Enter a full URL with its scheme: did you mean http://localhost:3000?\n'],
      [['--url', 'ftp://example.com'], 'hookbench: --url: Use an http:// or https:// URL (this one starts with ftp://)\n'],
      [['--event', 'User.Exploded'], 'hookbench: --event: "User.Exploded" is not a Logto webhook event\n'],
      [
        ['--event', 'user.created'],
        'hookbench: --event: "user.created" is not a Logto webhook event; did you mean User.Created? Event names are matched exactly\n',
      ],
      [
        ['--header', 'X-A: 1', '--header', 'Bad Name: 2'],
        'hookbench: --header #2: "Bad Name" is not a valid header name: use letters, digits and - _ . only, no spaces or colons\n',
      ],
      [
        ['--header', 'content-length: 3'],
        "hookbench: --header #1: content-length is computed from the body, and Logto's request fails when a custom one differs; remove this header\n",
      ],
      [
        ['--header', 'no colon'],
        `hookbench: --header #1 takes 'name: value', e.g. --header 'Authorization: Bearer dev-token', not "no colon"\n`,
      ],
      [['--name', '   '], 'hookbench: --name: Give the hook a name\n'],
    ];
    for (const [change, message] of refusals) {
      const values = { '--name': 'A', '--url': receiver.url, '--event': 'PostSignIn' };
      const args = Object.entries(values).flatMap(([option, value]) => (change.includes(option) ? [] : [option, value]));
      expect(await hookbench('hooks', 'add', ...args, ...change)).toEqual({ code: 2, out: '', err: message });
    }
    expect(await storedHooks()).toEqual([]);

    const missing = await hookbench('hooks', 'add', '--name', 'A', '--url', receiver.url);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(
      /^hookbench: hooks add needs --event\n\nUsage: hookbench hooks add --name name --url url --event event\.\.\./,
    );

    await add('Kept');
    expect(await hookbench('hooks', 'edit', 'Kept', '--url', 'mailto:a@b')).toMatchObject({
      code: 2,
      err: expect.stringContaining('hookbench: --url: '),
    });
    expect(await hookbench('hooks', 'edit', 'Kept')).toMatchObject({
      code: 2,
      err: 'hookbench: hooks edit needs at least one change: --name, --url, --event, --header, --signing-key, --retries or --retry-behaviour\n',
    });
    expect((await storedHooks())[0]!.config.url).toBe(receiver.url);
  });

  it('refuse an unknown hook, and a name two hooks share, pointing to the ids', async () => {
    await add('Twin');
    await add('twin');
    const ids = (await storedHooks()).map((hook) => hook.id);
    for (const command of ['enable', 'disable', 'remove', 'rotate-key', 'test']) {
      expect(await hookbench('hooks', command, 'Nobody')).toEqual({
        code: 2,
        out: '',
        err: 'hookbench: No hook is named or has the id "Nobody". See: hookbench hooks list\n',
      });
      expect(await hookbench('hooks', command, 'TWIN')).toEqual({
        code: 2,
        out: '',
        err: `hookbench: 2 hooks are named "TWIN"; use an id: ${ids.join(', ')}\n`,
      });
    }
    expect(await storedHooks()).toHaveLength(2);
  });
});

describe('every command', () => {
  it('refuses an option it does not take with exit 2 and its own usage, and touches no data', async () => {
    for (const command of commands) {
      const result = await hookbench(...command.name.split(' '), '--bogus');
      expect(result.code, command.name).toBe(2);
      expect(result.err, command.name).toContain(`hookbench: ${command.name}: Unknown option --bogus; the options it takes are below`);
      expect(result.err, command.name).toContain(`Usage: hookbench ${command.name}`);
    }
    // Options that belong to another command are refused too.
    expect(await hookbench('hooks', 'list', '--with-keys')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Unknown option --with-keys;'),
    });
    expect(await hookbench('redeliver', 'x', '--since', '1h')).toMatchObject({
      code: 2,
      err: expect.stringContaining('redeliver --since goes with --failed; to send one delivery again, give only its id'),
    });
    expect(existsSync(join(dataDir, 'hooks.json'))).toBe(false);
  }, 60_000);

  it('refuses a single-value option given twice instead of keeping the last, and takes repeatable ones', async () => {
    for (const [args, option] of [
      [['hooks', 'add', '--name', 'A', '--name', 'B', '--url', receiver.url, '--event', 'PostSignIn'], 'hooks add: --name'],
      [['logs', '--since', '1h', '--since=7d'], 'logs: --since'],
      [['trigger', 'PostSignIn', '--rate', '5/s', '--repeat', '2', '--rate', '9/s'], 'trigger: --rate'],
    ] as const) {
      const result = await hookbench(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err.split('\n')[0]).toBe(`hookbench: ${option} was given more than once; give it once`);
    }
    // --data-dir before the command and again, before or after it: no folder is used, none is made.
    const elsewhere = join(dataDir, 'elsewhere');
    for (const args of [
      ['--data-dir', elsewhere, 'hooks', 'list'],
      ['hooks', 'list', '--data-dir', elsewhere],
    ]) {
      expect(await hookbench(...args), args.join(' ')).toMatchObject({
        code: 2,
        err: 'hookbench: --data-dir was given more than once; give it once\n',
      });
    }
    expect(existsSync(elsewhere)).toBe(false);
    expect(await storedHooks()).toEqual([]);
    const added = await hookbench('hooks', 'add', '--name', 'A', '--url', receiver.url, '--event', 'PostSignIn', '--event', 'User.Created');
    expect(added.code).toBe(0);
    expect((await storedHooks())[0]!.events).toEqual(['PostSignIn', 'User.Created']);
  });

  it('says what is missing when an argument is not given', async () => {
    const missing: Array<[string[], string]> = [
      [['hooks', 'edit'], 'hooks edit needs a hook name or id (see hookbench hooks list)'],
      [['hooks', 'rotate-key'], 'hooks rotate-key needs a hook name or id (see hookbench hooks list)'],
      [['hooks', 'import'], 'hooks import needs the file to import'],
      [['trigger'], 'trigger needs an event name, e.g. PostSignIn'],
      [['redeliver'], 'redeliver needs a delivery id (see hookbench logs), or --failed --hook h'],
      [['hooks'], 'hooks needs a subcommand'],
    ];
    for (const [args, message] of missing) {
      const result = await hookbench(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err.split('\n')[0]).toBe(`hookbench: ${message}`);
    }
    expect(await hookbench('hooks', 'list', 'extra')).toMatchObject({
      code: 2,
      err: expect.stringContaining('hooks list does not take "extra"'),
    });
    expect(await hookbench('redeliver', 'no-such-delivery')).toMatchObject({
      code: 2,
      err: expect.stringContaining('No delivery has the id "no-such-delivery"'),
    });
  });
});

/** Characters a terminal would act on, left raw in the text (line feeds aside). */
const rawControls = (text: string) =>
  [...text].filter((char) => char !== '\n' && (char < ' ' || (char >= '\x7f' && char <= '\x9f') || char === '\u202e'));

describe('logs --kind, export --kind and show', () => {
  it('reads deliveries, check requests and captured requests apart, and shows one request in full', async () => {
    await add('Shown');
    receiver.answer(reply(503, 'busy'), reply(200, '{"ok":true}'));
    expect((await hookbench('trigger', 'PostSignIn')).code).toBe(0);
    const [delivery] = JSON.parse((await hookbench('logs', '--json')).out) as DeliverySummary[];
    const shown = await hookbench('show', delivery!.id);
    expect(shown).toMatchObject({ code: 0, err: '' });
    expect(shown.out).toMatch(new RegExp(`^delivery ${delivery!.id}\n  kind +delivery\n  hook +Shown \\(\\w+\\)\n  event +PostSignIn\n`));
    expect(shown.out).toMatch(/^ {2}outcome +success, status 200, 2 attempts, \d+ ms$/m);
    expect(shown.out).toMatch(/^Request sent\n {2}POST http:\/\/127\.0\.0\.1:\d+\/webhooks\/logto\n/m);
    expect(shown.out).toMatch(/^ {2}logto-signature-sha-256: [0-9a-f]{64}$/m);
    expect(shown.out).toMatch(/^Attempt 1 at \S+: 503 in \d+ ms\n {2}retried: 503 is 5xx\n/m);
    expect(shown.out).toContain('\n\n  busy\n');
    expect(shown.out).toMatch(/^Attempt 2 at \S+: 200 in \d+ ms\n {2}done: 200 is 2xx\n/m);
    // --curl gives the request as the app's "Copy as cURL" does: the same bytes, so its signature verifies.
    const curl = await hookbench('show', delivery!.id, '--curl');
    expect(curl.code).toBe(0);
    expect(curl.out).toMatch(/^curl -X POST 'http:\/\/127\.0\.0\.1:\d+\/webhooks\/logto' \\\n/);
    expect(curl.out).toMatch(/-H 'logto-signature-sha-256: [0-9a-f]{64}' \\\n/);
    expect(curl.out).toContain(`--data-raw '${receiver.received.at(-1)!.body}'`);
    expect(await hookbench('show', delivery!.id, '--curl', '--json')).toMatchObject({
      code: 2,
      err: expect.stringContaining('show prints --json or --curl, not both; give one'),
    });
    expect(JSON.parse((await hookbench('show', delivery!.id, '--json')).out)).toMatchObject({
      id: delivery!.id,
      attempts: [{ status: 503, body: 'busy' }, { status: 200 }],
    });

    // This receiver accepts anything, forgeries too: the check fails, and its requests are logged all the same.
    expect((await hookbench('check', '--hook', 'Shown', '--burst', '1')).code).toBe(1);
    const checks = JSON.parse((await hookbench('logs', '--kind', 'check', '--json')).out) as DeliverySummary[];
    expect(checks.length).toBeGreaterThan(10);
    expect(new Set(checks.map((row) => row.kind))).toEqual(new Set(['check']));
    expect((await hookbench('show', checks[0]!.id)).out).toMatch(/^ {2}check run +\S+$/m);
    expect(await hookbench('show', 'x'.repeat(10_000))).toMatchObject({
      code: 2,
      err: 'hookbench: That is not a delivery id (ids are at most 64 characters)\n',
    });

    const app = openTestCore({ dataDir, receiver: { port: 0 } });
    try {
      const { baseUrl } = await app.call('receiver.configure', { capture: { enabled: true, forwardUrl: null } });
      await request(`${baseUrl}/capture`, { method: 'POST', body: '{"event":"User.Created"}' });
    } finally {
      await app.dispose();
    }
    // Deliveries stay the default; a capture no hook's key verified is listed with no hook.
    expect(JSON.parse((await hookbench('logs', '--json')).out)).toHaveLength(1);
    const captured = await hookbench('logs', '--kind', 'captured');
    expect(captured.out).toMatch(/^\S+ +\S+ +\(no hook\) +User\.Created +failed +200 /m);
    const [row] = JSON.parse((await hookbench('logs', '--kind', 'captured', '--json')).out) as DeliverySummary[];
    const capturedShown = await hookbench('show', row!.id);
    expect(capturedShown.out).toMatch(new RegExp(`^request ${row!.id}\n  kind +captured\n  hook +\\(no hook\\)\n`));
    expect(capturedShown.out).toMatch(/^ {2}error +No logto-signature-sha-256 header/m);
    expect(capturedShown.out).toContain('Request received\n');
    const exported = await hookbench('export', '--kind', 'captured');
    expect(
      exported.out
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as Delivery).id),
    ).toEqual([row!.id]);
    expect((await hookbench('logs', '--kind', 'captured', '--hook', 'Shown')).out).toBe(
      'No captured requests in the chosen range (24h).\n',
    );

    for (const args of [
      ['logs', '--kind', 'sent'],
      ['export', '--kind', ''],
    ]) {
      expect(await hookbench(...args)).toMatchObject({
        code: 2,
        err: expect.stringContaining(`--kind takes delivery, check or captured, not "${args[2]}"`),
      });
    }
    expect(await hookbench('show')).toMatchObject({ code: 2, err: expect.stringContaining('show needs the id of a logged request') });
    expect(await hookbench('show', 'nope')).toMatchObject({
      code: 2,
      err: 'hookbench: No delivery has the id "nope"; it may have been removed by retention.\n',
    });
    expect(await hookbench('show', delivery!.id, 'extra')).toMatchObject({
      code: 2,
      err: expect.stringContaining('show does not take "extra"'),
    });
  });
});

describe('output', () => {
  const hostile = 'Evil\x1b]0;pwned\x07\x1b[2J';
  const shown = 'Evil\\x1b]0;pwned\\x07\\x1b[2J';

  it('escapes control characters in hook names, receiver answers and errors', async () => {
    await add(hostile, '--event', 'User.Created');
    receiver.answer(reply(200, 'boom\x1b[31m\x07'));
    const runs = [
      await hookbench('hooks', 'list'),
      await hookbench('hooks', 'test', hostile),
      await hookbench('trigger', 'PostSignIn'),
      await hookbench('logs'),
      await hookbench('hooks', 'list', '--json'),
      await hookbench('hooks', 'edit', hostile, '--url', 'nope\x1b'),
      await hookbench('hooks', 'add', '--name', 'B', '--url', receiver.url, '--event', 'Evil\x07'),
    ];
    for (const run of runs) expect(rawControls(run.out + run.err)).toEqual([]);
    expect(runs[0]!.out).toContain(shown);
    expect(runs[1]!.out).toContain('boom\\x1b[31m\\x07');
    expect(runs[2]!.out).toContain(shown);
    expect(runs[3]!.out).toContain(shown);
    expect(JSON.parse(runs[4]!.out)[0].name).toBe(hostile);
    expect(runs[5]!.err).toContain('nope\\x1b');
    expect(runs[6]!.err).toContain('"Evil\\x07" is not a Logto webhook event');
    // A name with a line break is still one line where the hook is described.
    const added = await hookbench('hooks', 'add', '--name', 'two\nlines', '--url', receiver.url, '--event', 'PostSignIn');
    expect(added.out.trimEnd().split('\n')).toEqual([expect.stringMatching(/^added {2}\S+ {2}two\\nlines {2}enabled {2}/)]);
  });

  it('counts finished deliveries on a terminal’s stderr, and is silent elsewhere', async () => {
    await add('One');
    await add('Two');
    receiver.answer(reply(200, 'ok'));
    const stderr = Object.assign(new PassThrough(), { isTTY: true });
    let err = '';
    stderr.on('data', (chunk) => (err += chunk));
    const code = await runCli(['--data-dir', dataDir, 'trigger', 'PostSignIn'], {
      stdout: new PassThrough(),
      stderr,
      env: {},
      version: '1',
    });
    expect(code).toBe(0);
    expect(err).toContain('2 of 2 finished…');
    expect(err.endsWith('\r\x1b[2K')).toBe(true);

    expect((await hookbench('trigger', 'PostSignIn')).err).toBe('');
  });
});

describe('files written with --out', () => {
  it('into a missing folder: a clear error, exit 2, nothing written', async () => {
    const missing = join(dataDir, 'no', 'such', 'folder', 'out.jsonl');
    for (const args of [
      ['export', '--out', missing],
      ['hooks', 'export', '--out', missing],
    ]) {
      expect(await hookbench(...args)).toEqual({
        code: 2,
        out: '',
        err: `hookbench: Could not write ${missing}: the folder ${join(dataDir, 'no', 'such', 'folder')} does not exist; create it first or choose another file\n`,
      });
    }
    expect(await hookbench('export', '--out', dataDir)).toMatchObject({ code: 2, err: expect.stringContaining('that is a folder') });
    // A folder that exists but takes no new files is not called missing.
    expect(await hookbench('export', '--out', '/proc/hookbench.jsonl')).toEqual({
      code: 2,
      out: '',
      err: 'hookbench: Could not write /proc/hookbench.jsonl: /proc does not take new files; choose a file in another folder\n',
    });
  });

  it('are readable by their owner only, keys or not, even when the file existed before', async () => {
    await add('Keyed');
    const file = join(dataDir, 'keys.json');
    writeFileSync(file, 'old', { mode: 0o644 });
    chmodSync(file, 0o644);
    expect((await hookbench('hooks', 'export', '--with-keys', '--out', file, '--force')).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).hooks[0].signingKey).toBe((await storedHooks())[0]!.signingKey);
    const fresh = join(dataDir, 'fresh.jsonl');
    expect((await hookbench('export', '--out', fresh)).code).toBe(0);
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
  });
});

describe('side files found damaged while a command runs', () => {
  it('are set aside and said on standard error, as a damaged file found at start is', async () => {
    await add('Noticed');
    writeFileSync(join(dataDir, 'payloads.json'), '{ not json');
    receiver.answer(reply(200, 'ok'));
    const run = await hookbench('trigger', 'PostSignIn');
    expect(run.code).toBe(0);
    expect(run.err).toMatch(
      /^hookbench: Your saved payloads file could not be used: it is not valid JSON\. It was moved to .*payloads\.corrupt-.*\.json; saved payloads start empty\.$/m,
    );
    expect(readdirSync(dataDir).some((name) => name.startsWith('payloads.corrupt-'))).toBe(true);

    writeFileSync(join(dataDir, 'receiver.json'), JSON.stringify({ port: 'http' }));
    const listed = await hookbench('hooks', 'list');
    expect(listed.err).toContain("The built-in receiver's settings could not be read (port: Expected number, received string)");
  });
});

describe('an --out file that already exists', () => {
  it('is kept unless --force replaces it, whole, with no partial file left beside it', async () => {
    await add('Kept');
    const file = join(dataDir, 'hooks-backup.json');
    writeFileSync(file, 'yesterday');
    for (const args of [
      ['export', '--out', file],
      ['hooks', 'export', '--out', file],
    ]) {
      expect(await hookbench(...args)).toEqual({
        code: 2,
        out: '',
        err: `hookbench: ${file} already exists; choose another file, or add --force to replace it\n`,
      });
    }
    expect(readFileSync(file, 'utf8')).toBe('yesterday');

    expect(await hookbench('hooks', 'export', '--out', file, '--force')).toEqual({ code: 0, out: '', err: '' });
    expect(JSON.parse(readFileSync(file, 'utf8')).hooks.map((hook: { name: string }) => hook.name)).toEqual(['Kept']);
    expect(readdirSync(dataDir).filter((name) => name.includes('partial'))).toEqual([]);
  });

  it('is written into as it is when it is a device, and --force alone is refused', async () => {
    await add('Piped');
    expect(await hookbench('hooks', 'export', '--out', '/dev/null')).toEqual({ code: 0, out: '', err: '' });
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(await hookbench('export', '--force')).toEqual({
      code: 2,
      out: '',
      err: 'hookbench: --force replaces the file named by --out; give --out too, or leave --force out\n',
    });
  });
});

describe('doctor', () => {
  it('reports a healthy folder, and never a signing key or a header value', async () => {
    await add('Secret', '--header', 'Authorization: Bearer top-secret-token');
    receiver.answer(reply(200, 'ok'));
    await hookbench('trigger', 'PostSignIn');
    writeFileSync(join(dataDir, 'receiver.port'), `${JSON.stringify({ port: 4567, host: '127.0.0.1', pid: process.pid })}\n`);
    const [hook] = await storedHooks();

    const text = await hookbench('doctor');
    expect(text.code).toBe(0);
    expect(text.out.split('\n')[0]).toBe(`Hookbench      ${JSON.parse(readFileSync('package.json', 'utf8')).version}`);
    expect(text.out).toContain(`Runtime        Node ${process.versions.node}`);
    expect(text.out).toMatch(/SQLite {9}3\.\d+\.\d+/);
    expect(text.out).toContain(`Data folder    ${dataDir}`);
    expect(text.out).toContain('  writable     yes');
    expect(text.out).toContain(`Hooks          1 in ${join(dataDir, 'hooks.json')}`);
    expect(text.out).toContain('Request log    1 row, ');
    expect(text.out).toContain('Retention      14 days');
    expect(text.out).toContain('built-in receiver on port 4567');
    expect(text.out).toContain('Set aside      none');

    const json = await hookbench('doctor', '--json');
    const report = JSON.parse(json.out);
    expect(report).toMatchObject({
      versions: { node: process.versions.node, electron: null, sqlite: expect.stringMatching(/^3\./) },
      dataDir: { path: dataDir, mode: `0${(statSync(dataDir).mode & 0o777).toString(8)}`, writable: true },
      hooks: { count: 1 },
      log: { file: join(dataDir, 'requests.sqlite'), rows: 1, bytes: statSync(join(dataDir, 'requests.sqlite')).size },
      retentionDays: 14,
      setAside: [],
      receiver: { port: 4567 },
    });
    for (const run of [text, json]) {
      expect(run.out + run.err).not.toContain(hook!.signingKey);
      expect(run.out + run.err).not.toContain('top-secret-token');
    }

    // A port file left by a receiver whose process has ended is no receiver.
    const ended = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(join(dataDir, 'receiver.port'), `${JSON.stringify({ port: 4567, host: '127.0.0.1', pid: ended })}\n`);
    expect((await hookbench('doctor')).out).toContain('built-in receiver not running');
    const app = openTestCore({ dataDir });
    await app.call('settings.update', { retentionDays: 1 });
    await app.dispose();
    expect((await hookbench('doctor')).out).toContain('Retention      1 day\n');
  });

  it('still reports when a newer Hookbench wrote the hooks file or the log: what is known and why the folder cannot be opened, exit 3', async () => {
    await add('Any');
    const hooksFile = join(dataDir, 'hooks.json');
    const written = readFileSync(hooksFile, 'utf8');
    writeFileSync(hooksFile, JSON.stringify({ ...JSON.parse(written), schemaVersion: 99 }));
    const refusal = `${hooksFile} was written by a newer Hookbench (schema 99). Update this Hookbench to use those hooks; nothing was changed.`;
    const text = await hookbench('doctor');
    expect(text).toMatchObject({ code: 3, err: '' });
    expect(text.out).toBe(
      `Hookbench      ${JSON.parse(readFileSync('package.json', 'utf8')).version}\nRuntime        Node ${process.versions.node}\nData folder    ${dataDir}\nCannot open    ${refusal}\n`,
    );
    const json = await hookbench('doctor', '--json');
    expect(json.code).toBe(3);
    expect(JSON.parse(json.out)).toMatchObject({ dataDir: { path: dataDir }, error: { code: 'storage', message: refusal } });
    // Other commands only say why; nothing was changed either way.
    expect(await hookbench('logs')).toMatchObject({ code: 3, out: '', err: `hookbench: ${refusal}\n` });
    expect(JSON.parse(readFileSync(hooksFile, 'utf8')).schemaVersion).toBe(99);

    writeFileSync(hooksFile, written);
    const log = new DatabaseSync(join(dataDir, 'requests.sqlite'));
    log.exec('PRAGMA user_version = 99');
    log.close();
    const newerLog = await hookbench('doctor');
    expect(newerLog.code).toBe(3);
    expect(newerLog.out).toContain('Cannot open    The request log at ');
    expect(newerLog.out).toContain('was written by a newer Hookbench (schema version 99)');
  });

  it('says honestly whether the folder can be written, and whether others can open it', async () => {
    await add('Any');
    chmodSync(dataDir, 0o500);
    try {
      const report = JSON.parse((await hookbench('doctor', '--json')).out);
      expect(report.dataDir.mode).toBe('0500');
      // Root writes through permission bits, so the folder is writable for root; doctor says what is true.
      const root = process.getuid?.() === 0;
      expect(report.dataDir.writable).toBe(root);
      const text = (await hookbench('doctor')).out;
      expect(text).toContain('  permissions  0500\n');
      expect(text).toContain(root ? '  writable     yes' : '  writable     NO: Hookbench cannot save hooks or log deliveries here');
    } finally {
      chmodSync(dataDir, 0o700);
    }
    // A folder the user made, open to others: doctor says so and how to close it.
    chmodSync(dataDir, 0o755);
    try {
      expect((await hookbench('doctor')).out).toContain(
        `  permissions  0755 (others on this machine can open it, and your signing keys are in it: chmod 700 '${dataDir}')\n`,
      );
    } finally {
      chmodSync(dataDir, 0o700);
    }
  });

  it('lists files set aside, where they are, and the notice of this run', async () => {
    const damaged = '{"schemaVersion": 1, "hooks": [';
    writeFileSync(join(dataDir, 'hooks.json'), damaged);
    mkdirSync(join(dataDir, 'unrelated.corrupt-folder'));
    const text = await hookbench('doctor');
    expect(text.code).toBe(0);
    expect(text.err).toContain('Your hooks file is not valid JSON');
    const keptAt = /kept at (\S+hooks\.corrupt-\S+\.json);/.exec(text.err)?.[1];
    expect(keptAt).toBeDefined();
    expect(text.out).toContain('Set aside      1 file(s), kept for you to recover:');
    expect(text.out).toContain(`  ${keptAt} (${damaged.length} B)`);
    expect(text.out).toMatch(/Notices\n {2}warning: Your hooks file is not valid JSON/);
    expect(readFileSync(keptAt!, 'utf8')).toBe(damaged);

    const later = JSON.parse((await hookbench('doctor', '--json')).out);
    expect(later.setAside).toEqual([{ path: keptAt, bytes: damaged.length }]);
    expect(later.notices).toEqual([]);
  });
});

describe('the README', () => {
  it('holds exactly what hookbench --help prints', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### Command line'));
    const reference = /```text\n([\s\S]*?)```/.exec(section)?.[1];
    const help = await hookbench('--help');
    expect(help.code).toBe(0);
    expect(reference).toBe(help.out);
  });
});

describe('keys, retries and unsaved test values on the command line', () => {
  it('keeps a pasted key exactly, allows no key, and takes retry settings', async () => {
    const pasted = 'AbCdEfGh0123456789IjKlMnOpQrStUv';
    expect((await add('Pasted', '--signing-key', pasted, '--retries', '1', '--retry-behaviour', 'send-once')).code).toBe(0);
    let [hook] = await storedHooks();
    expect(hook).toMatchObject({ signingKey: pasted, retryBehaviour: 'send-once', config: { retries: 1 } });

    expect((await hookbench('hooks', 'edit', 'Pasted', '--signing-key', '', '--retry-behaviour', 'default')).code).toBe(0);
    [hook] = await storedHooks();
    expect(hook).toMatchObject({ signingKey: '', retryBehaviour: null });
  });

  it('refuses retry settings and keys it cannot use, naming the option', async () => {
    expect(await add('A', '--retries', '5')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--retries takes 0, 1, 2 or 3, not "5"'),
    });
    expect(await add('A', '--retry-behaviour', 'always')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--retry-behaviour takes retry-5xx, send-once or default, not "always"'),
    });
    expect(await add('A', '--signing-key', 'key with a tab\there')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--signing-key:'),
    });
    expect(await storedHooks()).toEqual([]);
  });

  it('tests the values given on the command line without saving them', async () => {
    expect((await add('Stored')).code).toBe(0);
    const other = await startReceiver('/elsewhere');
    try {
      other.answer(reply(202, 'elsewhere'));
      const tested = await hookbench(
        'hooks',
        'test',
        'Stored',
        '--url',
        other.url,
        '--event',
        'User.Deleted',
        '--header',
        'X-Env: staging',
        '--json',
      );
      expect(tested.code).toBe(0);
      expect(JSON.parse(tested.out)).toEqual([
        expect.objectContaining({ event: 'User.Deleted', ok: true, status: 202, body: 'elsewhere' }),
      ]);
      expect(other.received[0]!.headers['x-env']).toBe('staging');
      expect(receiver.received).toHaveLength(0);
      const [hook] = await storedHooks();
      expect(hook).toMatchObject({ events: ['PostSignIn'], config: { url: receiver.url, headers: {} } });
    } finally {
      await other.close();
    }
  });
});
