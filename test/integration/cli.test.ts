import { execFile, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleForNode } from '../../bench/bundle.mjs';
import { defaultDataDir } from '../../electron/cli/dataDir';
import { cliInProcess } from '../support/cli';
import { allDeliveries, openTestCore, withCore } from '../support/core';
import { type Receiver, reply, startReceiver } from '../support/receiver';
import { useTempDir } from '../support/tempDir';

const tempDir = useTempDir();
let dataDir: string;
let receiver: Receiver;
beforeEach(async () => {
  dataDir = tempDir();
  receiver = await startReceiver();
});
afterEach(() => receiver.close());

const cli = (...args: string[]) => cliInProcess(dataDir, ...args);

const createHook = (name: string, events: string[] = ['PostSignIn', 'User.Created']) =>
  withCore(dataDir, (app) => app.call('hooks.create', { name, url: receiver.url, events }));

describe('hookbench', () => {
  it('reads a number option only as typed digits: "1.0", " 5", "1e1" and "0x10" are refused by every option, exit 2', async () => {
    await createHook('Numbers');
    const cases: Array<[string[], string]> = [
      [['logs', '--limit', '1.0'], '--limit takes a whole number from 1 to 500, not "1.0"'],
      [['logs', '--limit', ' 5'], '--limit takes a whole number from 1 to 500, not " 5"'],
      [['check', '--hook', 'Numbers', '--burst', '1e1'], '--burst takes a whole number from 1 to 1000, not "1e1"'],
      [['listen', '--port', '0x1F90'], '--port takes a port number, not "0x1F90"'],
      [['hooks', 'edit', 'Numbers', '--retries', '1e0'], '--retries takes 0, 1, 2 or 3, not "1e0"'],
      [['redeliver', '--failed', '--hook', 'Numbers', '--limit', '2.5'], '--limit takes a whole number, not "2.5"'],
      [
        ['redeliver', '--failed', '--hook', 'Numbers', '--rate', '1e2'],
        '--rate takes a number of sends a second, e.g. 10 or 0.5, not "1e2"',
      ],
      [['trigger', 'PostSignIn', '--repeat', '1e3'], '--repeat takes a whole number of at least 1, not "1e3"'],
      [
        ['trigger', 'PostSignIn', '--repeat', '2', '--rate', '0x10'],
        '--rate takes deliveries per second above 0, e.g. 100 or 100/s, not "0x10"',
      ],
    ];
    for (const [args, message] of cases) {
      const result = await cli(...args);
      expect(result, args.join(' ')).toMatchObject({ code: 2, err: expect.stringContaining(`hookbench: ${message}`) });
    }
    // What is typed as a number still works, a pace with a fraction too.
    expect((await cli('logs', '--limit', '5')).code).toBe(0);
    expect(await cli('redeliver', '--failed', '--hook', 'Numbers', '--rate', '0.5')).toMatchObject({
      code: 1,
      err: expect.stringContaining('nothing was sent: "Numbers" has no failed deliveries'),
    });
    expect(receiver.received).toHaveLength(0);
  });

  it('explains itself and refuses what it does not know, with exit code 2', async () => {
    expect((await cli('--help')).code).toBe(0);
    expect((await cli('--help')).out).toContain('trigger <event> [--payload file] [--hook h]');
    expect(await cli('--version')).toMatchObject({ code: 0, out: '9.9.9\n' });
    expect(await cli('launch', 'rockets')).toMatchObject({
      code: 2,
      err: expect.stringContaining('"launch rockets" is not a hookbench command.\n'),
    });
    // Before the command word, options are told in the same words as after it, and one a command takes says where it goes.
    for (const [args, message] of [
      [['--bogus', 'logs'], 'Unknown option --bogus; the options it takes are below'],
      [['--constructor', 'logs'], 'Unknown option --constructor; the options it takes are below'],
      [['--dat-dir', '/tmp', 'logs'], 'Unknown option --dat-dir; did you mean --data-dir?'],
      [['--data-dir'], '--data-dir needs a value'],
      [['--version=3'], '--version takes no value'],
      [['--json', 'hooks', 'list'], '--json goes after the command, e.g. hookbench hooks list --json'],
      [['--hook', 'CRM', 'logs'], '--hook goes after the command, e.g. hookbench logs --hook h'],
    ] as const) {
      expect(await cli(...args), args.join(' ')).toMatchObject({
        code: 2,
        err: expect.stringMatching(new RegExp(`^hookbench: ${escapeRegExp(message)}\n`)),
      });
    }
    // A slip of a letter, or the word another tool uses, is matched to the command meant.
    for (const [typed, said, meant] of [
      [['hooks', 'create'], 'hooks create', 'hooks add'],
      [['hooks', 'delte', 'CRM'], 'hooks delte', 'hooks remove'],
      [['lgos'], 'lgos', 'logs'],
      [['send', 'User.Created'], 'send User.Created', 'trigger'],
      [['import', 'hooks.json'], 'import hooks.json', 'hooks import'],
    ] as const) {
      expect(await cli(...typed), said).toMatchObject({
        code: 2,
        err: expect.stringContaining(`hookbench: "${said}" is not a hookbench command. Did you mean "${meant}"?\n`),
      });
    }
    // The suggestion stays on screen: the command names follow it, not the whole usage.
    const { err } = await cli('lgos');
    expect(err.split('\n').length).toBeLessThan(6);
    expect(err).toContain('Commands: hooks list, hooks add,');
    expect(err).toContain('hookbench --help shows what each does and its options');
    expect((await cli('hooks', 'delte')).err).toContain(
      'Commands: list, add, edit, enable, disable, remove, rotate-key, test, export, import.\n',
    );
    expect(await cli('logs', '--since', 'forever')).toMatchObject({
      code: 2,
      err: 'hookbench: --since takes 1h, 24h, 7d or all, not "forever"\n',
    });
    expect(await cli('logs', '--colour')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Unknown option --colour; the options it takes are below'),
    });
    // Typos are matched to the option meant; values that start with a dash say how to give them.
    expect(await cli('logs', '--jsn')).toMatchObject({
      code: 2,
      err: expect.stringContaining('hookbench: logs: Unknown option --jsn; did you mean --json?\n'),
    });
    expect(await cli('logs', '--limit', '-1')).toMatchObject({
      code: 2,
      err: expect.stringContaining(
        'hookbench: logs: --limit needs a value; "-1" starts with "-", so it reads as an option (write --limit=-1 to give it as the value)\n',
      ),
    });
    expect(await cli('logs', '--json=yes')).toMatchObject({
      code: 2,
      err: expect.stringContaining('hookbench: logs: --json takes no value\n'),
    });
    expect(await cli('logs', '--limit')).toMatchObject({
      code: 2,
      err: expect.stringContaining('hookbench: logs: --limit needs a value\n'),
    });
  });

  it('lists hooks with their health, and hides signing keys from --json', async () => {
    const hook = await createHook('CRM sync');
    const listed = await cli('hooks', 'list');
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/ID\s+NAME\s+STATE\s+EVENTS\s+REQUESTS 24H\s+SUCCESS\s+URL/);
    expect(listed.out).toContain(`${hook.id}  CRM sync  enabled  2`);
    const json = JSON.parse((await cli('hooks', 'list', '--json')).out);
    expect(json[0]).toMatchObject({ id: hook.id, name: 'CRM sync', health: { total: 0 } });
    expect(json[0]).not.toHaveProperty('signingKey');
  });

  it('triggers an event, waits for the deliveries, and exits 1 when one fails so CI notices', async () => {
    await createHook('Receiver');
    receiver.answer(reply(200, 'ok'));
    const ok = await cli('trigger', 'PostSignIn');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Receiver\s+PostSignIn\s+success\s+200\s+1/);

    receiver.answer(reply(400, 'nope'));
    const failed = await cli('trigger', 'User.Created', '--hook', 'receiver');
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(/failed\s+400\s+1/);
  });

  it('sends a payload file as given, and says what is wrong with a bad one', async () => {
    const hook = await createHook('Receiver');
    const file = join(dataDir, 'payload.json');
    writeFileSync(file, JSON.stringify({ event: 'User.Created', createdAt: '2026-01-01T00:00:00.000Z', data: { id: 'u1' } }));
    expect((await cli('trigger', 'User.Created', '--payload', file)).code).toBe(0);
    expect(JSON.parse(receiver.received[0]!.body)).toEqual({
      event: 'User.Created',
      createdAt: '2026-01-01T00:00:00.000Z',
      data: { id: 'u1' },
      hookId: hook.id,
    });

    writeFileSync(file, '{"event": ');
    expect(await cli('trigger', 'User.Created', '--payload', file)).toMatchObject({
      code: 2,
      err: expect.stringContaining(`${file} is not valid JSON`),
    });
    expect(await cli('trigger', 'User.Created', '--payload', join(dataDir, 'missing.json'))).toMatchObject({
      code: 2,
      err: expect.stringContaining('no such file'),
    });
    // A file that never ends is read no further than the largest payload, and refused.
    expect(await cli('trigger', 'User.Created', '--payload', '/dev/zero')).toEqual({
      code: 2,
      out: '',
      err: 'hookbench: /dev/zero is over 1 MB; that is more than Hookbench takes here\n',
    });
    expect(await cli('hooks', 'import', '/dev/zero')).toMatchObject({ code: 2, err: expect.stringContaining('/dev/zero is over 64 MB') });
    expect(await cli('trigger', 'User.Created', '--payload', '')).toMatchObject({
      code: 2,
      err: 'hookbench: Name the file to read; an empty name was given\n',
    });
    // A byte-order mark, as some Windows editors write, is not part of the JSON.
    writeFileSync(file, `\uFEFF${JSON.stringify({ event: 'User.Created', createdAt: '2026-01-02T00:00:00.000Z' })}`);
    expect((await cli('trigger', 'User.Created', '--payload', file)).code).toBe(0);
    expect(JSON.parse(receiver.received.at(-1)!.body)).toMatchObject({ createdAt: '2026-01-02T00:00:00.000Z' });
    expect(await cli('trigger', 'User.Exploded')).toMatchObject({
      code: 2,
      err: 'hookbench: "User.Exploded" is not a Logto webhook event\n',
    });
    writeFileSync(file, '\n');
    expect(await cli('trigger', 'User.Created', '--payload', file)).toMatchObject({
      code: 2,
      err: `hookbench: ${file} is empty; put the JSON object to send in it, or leave out --payload to send Logto's sample\n`,
    });
    expect(await cli('trigger', 'postsignin')).toMatchObject({
      code: 2,
      err: 'hookbench: "postsignin" is not a Logto webhook event; did you mean PostSignIn? Event names are matched exactly\n',
    });
    expect(await cli('trigger', 'Role.Created')).toMatchObject({
      code: 1,
      err: 'hookbench: no enabled hook subscribes to Role.Created; nothing was sent\n',
    });
    // With --json, standard output is JSON even then: an empty list.
    expect(await cli('trigger', 'Role.Created', '--json')).toEqual({
      code: 1,
      out: '[]\n',
      err: 'hookbench: no enabled hook subscribes to Role.Created; nothing was sent\n',
    });
    expect(await cli('trigger', 'PostSignIn', '--hook', 'Nobody')).toMatchObject({
      code: 2,
      err: expect.stringContaining('No hook is named or has the id "Nobody"'),
    });
  });

  it('tests a hook with Logto’s test payload and exits 1 when an event fails', async () => {
    await createHook('Receiver');
    const longBody = `{"received":true,"note":"${'x'.repeat(200)}"}`;
    receiver.answer((request, response) => {
      response.writeHead(JSON.parse(request.body).event === 'User.Created' ? 422 : 200).end(longBody);
    });
    const tested = await cli('hooks', 'test', 'Receiver');
    expect(tested.code).toBe(1);
    // A long body is previewed and marked as cut; a failure is said in full, to its last word.
    expect(tested.out).toMatch(/PostSignIn\s+ok\s+200\s+\d+ ms\s+\{"received":true,"note":"x{55}…\n/);
    expect(tested.out).toMatch(/User\.Created\s+FAILED\s+422\s+\d+ ms\s+.+anything but 2xx counts as a failure[^\n]*\.\n/);
  });

  it('shows logs, filters failures, exports HAR and JSON Lines, and redelivers', async () => {
    await createHook('Receiver');
    receiver.answer((request, response) => {
      response.writeHead(JSON.parse(request.body).event === 'User.Created' ? 404 : 200).end();
    });
    await cli('trigger', 'PostSignIn');
    await cli('trigger', 'User.Created');
    const failed = JSON.parse((await cli('logs', '--failed', '--json')).out);
    expect(failed.map((item: { event: string }) => item.event)).toEqual(['User.Created']);
    expect((await cli('logs')).out).toMatch(/PostSignIn\s+success/);

    const harFile = join(dataDir, 'out.har');
    expect((await cli('export', '--format', 'har', '--out', harFile)).code).toBe(0);
    const har = JSON.parse(readFileSync(harFile, 'utf8'));
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'Hookbench', version: '9.9.9' });
    // One timeline, oldest first, across hooks.
    await createHook('Second receiver');
    await cli('trigger', 'PostSignIn');
    expect((await cli('export', '--format', 'har', '--out', harFile, '--force')).code).toBe(0);
    const entries = JSON.parse(readFileSync(harFile, 'utf8')).log.entries as Array<{
      startedDateTime: string;
      response: { status: number };
    }>;
    expect(entries.map((entry) => entry.response.status)).toEqual([200, 404, 200, 200]);
    const times = entries.map((entry) => entry.startedDateTime);
    expect(times).toEqual([...times].sort());
    const lines = (await cli('export', '--failed')).out.trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).event)).toEqual(['User.Created']);

    receiver.answer(reply(200, 'ok'));
    const redelivered = await cli('redeliver', failed[0].id);
    expect(redelivered.code).toBe(0);
    expect(redelivered.out).toMatch(/User\.Created\s+success\s+200/);
  });

  it('exports hook definitions and imports them, reporting skips', async () => {
    await createHook('Receiver');
    const file = join(dataDir, 'hooks.export.json');
    expect((await cli('hooks', 'export', '--out', file)).code).toBe(0);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.hooks[0]).not.toHaveProperty('signingKey');
    exported.hooks.push({ name: 'Broken', events: [], config: { url: 'http://localhost:1' } });
    writeFileSync(file, JSON.stringify(exported));
    // The file holds a hook that is already here: nothing is imported until the user says what to do.
    const asked = await cli('hooks', 'import', file);
    expect(asked.code).toBe(2);
    expect(asked.err).toContain('duplicate #1 Receiver: same id as your hook Receiver');
    expect(asked.err).toContain('Run again with --on-duplicate replace, keep-both or skip');
    expect((await cli('hooks', 'list', '--json')).out).not.toContain('Broken');
    const imported = await cli('hooks', 'import', file, '--on-duplicate', 'keep-both');
    expect(imported.code).toBe(2);
    expect(imported.out).toContain('0 imported, 0 replaced, 1 kept both, 1 skipped');
    expect(imported.err).toContain('skipped    #2 Broken: events: Pick at least one event');
    // Exported without keys, so the copy got a new one: said, with how to put the old one back.
    expect(imported.err).toContain(
      '\n1 hook had no signing key in the file (an export without --with-keys), so new keys were made; a receiver that checks the old key will refuse them. Set the old key: hookbench hooks edit <hook> --signing-key <key>\n',
    );
    expect(await cli('hooks', 'import', file, '--on-duplicate', 'merge')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--on-duplicate takes replace, keep-both, skip, not "merge"'),
    });
  });
});

describe('the data folder', () => {
  it('is the one Electron gives the app, unless HOOKBENCH_DATA_DIR says otherwise', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/ana/.config' }, 'linux')).toBe('/home/ana/.config/Hookbench');
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Hookbench$/);
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32')).toMatch(/Roaming.Hookbench$/);
    expect(defaultDataDir({ HOOKBENCH_DATA_DIR: '/tmp/elsewhere' }, 'linux')).toBe('/tmp/elsewhere');
  });

  it('is never the app’s own by accident: an empty --data-dir or HOOKBENCH_DATA_DIR is refused', async () => {
    expect(await cliInProcess('', 'hooks', 'list')).toEqual({
      code: 2,
      out: '',
      err: 'hookbench: --data-dir is empty; name a folder, or leave the option out to use the app’s own\n',
    });
    expect(() => defaultDataDir({ HOOKBENCH_DATA_DIR: '' }, 'linux')).toThrow(
      'HOOKBENCH_DATA_DIR is set but empty; set it to a folder, or unset it to use the app’s own',
    );
  });

  it('says when it makes a new one, and refuses one that cannot be a folder, saying why', async () => {
    const fresh = join(dataDir, 'mistyped', 'hookbench');
    expect(await cliInProcess(fresh, 'hooks', 'list')).toMatchObject({
      code: 0,
      err: `hookbench: ${fresh} did not exist, so it was made as a new, empty data folder.\n`,
    });
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
    expect(await cliInProcess(fresh, 'hooks', 'list')).toMatchObject({ code: 0, err: '' });

    const file = join(dataDir, 'a-file');
    writeFileSync(file, 'not a folder');
    expect(await cliInProcess(file, 'hooks', 'list')).toEqual({
      code: 3,
      out: '',
      err: `hookbench: The data folder ${file} is a file, not a folder; choose a folder.\n`,
    });
    expect(await cliInProcess(join(file, 'inside'), 'logs')).toEqual({
      code: 3,
      out: '',
      err: `hookbench: Could not create the data folder ${join(file, 'inside')}: part of that path is a file, not a folder. Choose a folder you can write to.\n`,
    });
    // Under /proc nothing can be made; Node's own recursive mkdir never returned there.
    expect(await cliInProcess('/proc/hookbench-data', 'hooks', 'list')).toEqual({
      code: 3,
      out: '',
      err: 'hookbench: Could not create the data folder /proc/hookbench-data: nothing can be created there. Choose a folder you can write to.\n',
    });
  });

  it('matches the productName Electron names userData after', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.productName).toBe('Hookbench');
  });
});

describe('a record damaged in the request log', () => {
  it('costs only what could not be read: the list, show, redeliver and exports go on, and the record says it is damaged', async () => {
    await createHook('Receiver');
    for (let i = 0; i < 3; i++) await cli('trigger', 'PostSignIn');
    const [first, second] = JSON.parse((await cli('logs', '--json')).out) as Array<{ id: string }>;
    const db = new DatabaseSync(join(dataDir, 'requests.sqlite'));
    db.prepare('UPDATE deliveries SET request = ? WHERE id = ?').run('not json', first!.id);
    db.prepare('UPDATE deliveries SET attempts = ? WHERE id = ?').run('{"x":1}', second!.id);
    db.close();

    const shown = await cli('show', first!.id);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('This record in the request log is damaged: its request line and headers could not be read');
    expect((await cli('show', second!.id)).out).toContain('its attempts could not be read');
    const har = await cli('export', '--format', 'har');
    expect(har.code).toBe(0);
    expect(JSON.parse(har.out).log.entries).toHaveLength(2);
    const lines = (await cli('export')).out.trim().split('\n');
    expect(lines).toHaveLength(3);
    const errors = lines.map((line) => JSON.parse(line).error as string | null);
    expect(errors.filter((error) => error?.startsWith('This record in the request log is damaged'))).toHaveLength(2);
    expect((await cli('redeliver', second!.id)).code).toBe(0);
  });

  it('reads a time, status or duration that is not a number as unknown: the list and the record still show, and say what is damaged', async () => {
    await createHook('Receiver');
    for (let i = 0; i < 2; i++) await cli('trigger', 'PostSignIn');
    const [damaged] = JSON.parse((await cli('logs', '--json')).out) as Array<{ id: string }>;
    const db = new DatabaseSync(join(dataDir, 'requests.sqlite'));
    db.prepare('UPDATE deliveries SET created_at = ?, status = ?, duration_ms = ? WHERE id = ?').run(
      'yesterday',
      'two hundred',
      'slow',
      damaged!.id,
    );
    db.close();

    const listed = await cli('logs', '--json');
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.out) as Array<{ id: string }>).find((item) => item.id === damaged!.id)).toMatchObject({
      createdAt: 0,
      status: null,
      durationMs: null,
    });
    expect((await cli('logs')).code).toBe(0);
    const shown = await cli('show', damaged!.id);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('This record in the request log is damaged: its time could not be read');
    expect((await cli('export', '--format', 'har')).code).toBe(0);
  });

  it('reads an integer too large for a JavaScript number as unknown, instead of failing the whole log', async () => {
    await createHook('Receiver');
    for (let i = 0; i < 2; i++) await cli('trigger', 'PostSignIn');
    const [damaged, intact] = JSON.parse((await cli('logs', '--json')).out) as Array<{ id: string }>;
    const db = new DatabaseSync(join(dataDir, 'requests.sqlite'));
    db.prepare('UPDATE deliveries SET created_at = ?, duration_ms = ? WHERE id = ?').run(2n ** 63n - 1n, 2n ** 60n, damaged!.id);
    db.close();

    const listed = await cli('logs', '--json');
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.out) as Array<{ id: string }>;
    expect(rows.find((item) => item.id === damaged!.id)).toMatchObject({ createdAt: 0, durationMs: null });
    expect(rows.find((item) => item.id === intact!.id)).toBeDefined();
    const shown = await cli('show', damaged!.id);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('This record in the request log is damaged: its time could not be read');
    expect((await cli('hooks', 'list')).code).toBe(0);
  });
});

describe('the built command line on a Node too old for it', () => {
  let bin: string;
  beforeAll(async () => {
    bin = await bundleForNode('electron/cli/main.ts', 'hookbench-cli');
  });

  it('on a Node too old for it, says in one line which Node it needs, exit 1, instead of failing to load', async () => {
    // The Node in use reports the version an older one would: what the built entry sees first.
    const olderNode = `data:text/javascript,Object.defineProperty(process.versions, "node", { value: "20.20.2" })`;
    const child = await promisify(execFile)(process.execPath, ['--import', olderNode, bin, '--data-dir', dataDir, 'hooks', 'list']).catch(
      (error) => error as { code: number; stdout: string; stderr: string },
    );
    expect(child).toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        'Hookbench needs Node.js 22.19.0 or newer, but this is Node.js 20.20.2. Install Node.js 22 LTS or newer from https://nodejs.org/ (or run: nvm install 22), then run the command again.\n',
    });
  });
});

describe('standard output that fails under the command', () => {
  let bin: string;
  beforeAll(async () => {
    bin = await bundleForNode('electron/cli/main.ts', 'hookbench-cli');
  });
  /** Runs the built command line with its standard output on `stdout`; the pipe's reader end is closed at once. */
  const runWith = (stdout: 'pipe' | number, ...args: string[]) =>
    new Promise<{ code: number | null; err: string }>((resolve) => {
      const child = spawn(process.execPath, ['--no-warnings', bin, '--data-dir', dataDir, ...args], { stdio: ['ignore', stdout, 'pipe'] });
      child.stdout?.destroy();
      let err = '';
      child.stderr!.on('data', (chunk) => {
        err += chunk;
      });
      child.on('close', (code) => resolve({ code, err }));
    });

  it('stops quietly when the reader quits early, as `| head` does', async () => {
    await createHook('Piped');
    for (let i = 0; i < 3; i++) await cli('trigger', 'PostSignIn');
    for (const args of [['--help'], ['logs', '--json'], ['export', '--format', 'har']]) {
      expect(await runWith('pipe', ...args)).toEqual({ code: 0, err: '' });
    }
  });

  it('says the output was lost, in one line with exit 3, when the disk is full', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const { code, err } = await runWith(full, 'logs', '--json');
      expect(code).toBe(3);
      expect(err).toBe(
        'hookbench: could not write the output: ENOSPC: no space left on device, write. What the command did is done; only what it printed is lost.\n',
      );
    } finally {
      closeSync(full);
    }
  });
});

describe('the app and the command line at once', () => {
  let bin: string;
  beforeAll(async () => {
    bin = await bundleForNode('electron/cli/main.ts', 'hookbench-cli');
  });
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, ['--no-warnings', bin, '--data-dir', dataDir, ...args]).catch(
      (error) => error as { stdout: string; code: number },
    );

  it('lose no delivery and no hook when both write together', async () => {
    receiver.answer(async (_request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      response.end('ok');
    });
    const app = openTestCore({ dataDir });
    try {
      await app.call('hooks.create', { name: 'Shared', url: receiver.url, events: ['PostSignIn'] });
      const importFile = join(dataDir, 'import.json');
      writeFileSync(
        importFile,
        JSON.stringify({
          hooks: Array.from({ length: 25 }, (_, i) => ({ name: `Imported ${i}`, events: ['Role.Created'], config: { url: receiver.url } })),
        }),
      );

      const appWork = (async () => {
        const ids: string[] = [];
        for (let i = 0; i < 25; i++) {
          await app.call('hooks.create', { name: `From app ${i}`, url: receiver.url, events: ['Role.Created'] });
          const { deliveries } = await app.call('events.trigger', { event: 'PostSignIn' });
          ids.push(...deliveries.map((delivery) => delivery.id));
          await new Promise((resolve) => setImmediate(resolve));
        }
        await app.settled();
        return ids;
      })();
      const cliWork = Promise.all([
        run('hooks', 'import', importFile),
        run('trigger', 'PostSignIn'),
        run('trigger', 'PostSignIn'),
        run('trigger', 'PostSignIn'),
      ]);
      const [appIds, cliRuns] = await Promise.all([appWork, cliWork]);

      expect(cliRuns.map((result) => ('code' in result ? result.code : 0))).toEqual([0, 0, 0, 0]);
      const names = (await app.call('hooks.list', {})).map((hook) => hook.name);
      expect(names).toHaveLength(1 + 25 + 25);
      expect(names.filter((name) => name.startsWith('Imported'))).toHaveLength(25);
      expect(names.filter((name) => name.startsWith('From app'))).toHaveLength(25);

      const outcomes = (await allDeliveries(app)).map((delivery) => delivery.outcome);
      expect(outcomes).toEqual(Array(appIds.length + 3).fill('success'));
      expect(receiver.received).toHaveLength(appIds.length + 3);
    } finally {
      await app.dispose();
    }
  });
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
