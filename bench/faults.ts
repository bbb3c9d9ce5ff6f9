/**
 * The fault matrix of issue 11, printed: each fault or bad input is run against the real core
 * (through `openCore` and its contract) or the built CLI, and judged on Hookbench's two promises —
 * every request a receiver got has a log row, and every file Hookbench could not read is still on
 * disk, set aside byte for byte — plus a clear refusal for bad input. The tests in test/ stay the
 * proof; this prints the matrix and its totals, and exits 1 when anything was lost.
 * `npm run bench -- faults`. Over 300 lines: one case per fault, kept side by side to be compared.
 */
import { execFile, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { type Core, confHookFile, openCore } from '../electron/core';
import type { Notice } from '../shared/domain';
import { bundleForNode } from './bundle.mjs';

type Verdict = { survived: boolean; refused?: boolean; rowsLost?: number; filesLost?: number; note: string };
type Receiver = { url: string; received(): number; close(): Promise<void> };

const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hookbench-faults-'));
  folders.push(dir);
  return dir;
};
const open = (dataDir: string, more: Partial<Parameters<typeof openCore>[0]> = {}) =>
  openCore({ dataDir, hookFile: confHookFile(dataDir), ...more });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startReceiver(answer: (response: ServerResponse) => void = (response) => response.end('ok')): Promise<Receiver> {
  let received = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received++;
      answer(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received: () => received,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function value<T>(answer: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const envelope = await answer;
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value;
}

/** Delivery rows in the log file, read by a second connection as another process would. */
function rowsIn(dataDir: string): number {
  const db = new DatabaseSync(join(dataDir, 'requests.sqlite'));
  try {
    return (db.prepare("SELECT count(*) AS count FROM deliveries WHERE kind = 'delivery'").get() as { count: number }).count;
  } finally {
    db.close();
  }
}

/** 0 when a file matching `pattern` in `dir` holds exactly `bytes`, else 1. */
function lostUnlessKept(dir: string, pattern: RegExp, bytes: Buffer): number {
  return readdirSync(dir).some((name) => pattern.test(name) && readFileSync(join(dir, name)).equals(bytes)) ? 0 : 1;
}

async function noticesOf(core: Core): Promise<Notice[]> {
  return value(core.call('app.notices', {}));
}

let cli = '';
async function hookbench(dataDir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--no-warnings', cli, '--data-dir', dataDir, ...args]);
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout, err: failed.stderr };
  }
}

async function diskFull(): Promise<Verdict> {
  const receiver = await startReceiver((response) => void setTimeout(() => response.end('ok'), 20));
  const dataDir = folder();
  let core = open(dataDir);
  const hooks = [];
  for (let index = 0; index < 12; index++) {
    hooks.push(await value(core.call('hooks.create', { name: `Receiver ${index}`, url: receiver.url, events: ['User.Created'] })));
  }
  await core.close();
  const db = new DatabaseSync(join(dataDir, 'requests.sqlite'));
  const { page_count: pages } = db.prepare('PRAGMA page_count').get() as { page_count: number };
  db.close();
  core = open(dataDir, { logLimits: { maxPageCount: pages + 6 } });
  let refused = 0;
  for (let round = 0; round < 100 && refused < 5; round++) {
    await core.call('events.trigger', { event: 'User.Created' });
    await Promise.all([
      core.call('logs.query', { hookId: hooks[0]!.id, range: 'all' }),
      core.call('health.list', {}),
      core.call('settings.get', {}),
    ]);
    await core.settled();
    refused = (await noticesOf(core)).filter((notice) => notice.message.includes('was not sent')).length;
  }
  const said = (await noticesOf(core)).some((notice) => /database or disk is full.*free disk space/.test(notice.message));
  await core.close();
  await receiver.close();
  const rowsLost = receiver.received() - rowsIn(dataDir);
  return {
    survived: said && rowsLost === 0 && refused > 0,
    refused: said,
    rowsLost,
    note: `${receiver.received()} received, ${refused} refused unsent`,
  };
}

/** A hooks file Hookbench cannot use: list empty, the file set aside whole, a notice naming it. */
async function unusableHooksFile(content: string, aside: RegExp): Promise<Verdict> {
  const dataDir = folder();
  writeFileSync(join(dataDir, 'hooks.json'), content);
  const core = open(dataDir);
  const listed = await value(core.call('hooks.list', {}));
  await value(core.call('hooks.create', { name: 'After', url: 'http://127.0.0.1:9/h', events: ['User.Created'] }));
  const said = (await noticesOf(core)).some((notice) => notice.message.includes(dataDir));
  await core.close();
  const filesLost = lostUnlessKept(dataDir, aside, Buffer.from(content));
  return {
    survived: listed.length === 0 && said && filesLost === 0,
    refused: said,
    filesLost,
    note: said ? 'set aside, notice names it' : 'no notice',
  };
}

/** A log Hookbench cannot use: the core opens on a fresh one, the old file set aside byte for byte. */
async function unusableLog(make: (path: string) => void, aside: RegExp): Promise<Verdict> {
  const dataDir = folder();
  const path = join(dataDir, 'requests.sqlite');
  make(path);
  const bytes = readFileSync(path);
  const core = open(dataDir);
  const answered = (await core.call('health.list', {})).ok;
  const said = (await noticesOf(core)).some((notice) => notice.message.includes(dataDir));
  await core.close();
  const filesLost = lostUnlessKept(dataDir, aside, bytes);
  return {
    survived: answered && said && filesLost === 0,
    refused: said,
    filesLost,
    note: answered ? 'started on a fresh log' : 'no answer',
  };
}

function wrongSchemaLog(path: string, version: number, tables = 'CREATE TABLE deliveries (id TEXT, body TEXT)'): void {
  const db = new DatabaseSync(path);
  db.exec(`${tables}; PRAGMA user_version = ${version};`);
  db.close();
}

async function lockedLog(): Promise<Verdict> {
  const dataDir = folder();
  await open(dataDir).close();
  const path = join(dataDir, 'requests.sqlite');
  const bytes = readFileSync(path);
  const holder = new DatabaseSync(path);
  holder.exec('PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE');
  let message = '';
  try {
    await open(dataDir).close();
  } catch (error) {
    message = (error as Error).message;
  } finally {
    holder.exec('ROLLBACK');
    holder.close();
  }
  const clear = /locked.*close other Hookbench/.test(message);
  const filesLost = existsSync(path) && readFileSync(path).equals(bytes) ? 0 : 1;
  const moved = readdirSync(dataDir).some((name) => /^requests\.(corrupt|newer|wrong-schema)-/.test(name));
  return {
    survived: clear && !moved && filesLost === 0,
    refused: clear,
    filesLost,
    note: clear ? 'refused: says another program holds it' : message || 'opened',
  };
}

async function badHeader(value: string): Promise<Verdict> {
  const core = open(folder());
  const answer = await core.call('hooks.create', {
    name: 'H',
    url: 'http://127.0.0.1:9/h',
    events: ['User.Created'],
    headers: [{ name: 'x-a', value }],
  });
  await core.close();
  const refused = !answer.ok && answer.error.message.length > 0;
  return { survived: refused, refused, note: answer.ok ? 'accepted' : answer.error.message };
}

/** A header value the form admits is sent as Node 22's fetch sends it, and recorded. */
async function headerSent(header: string, expected: string): Promise<Verdict> {
  const receiver = await startReceiver();
  const dataDir = folder();
  const core = open(dataDir);
  await value(
    core.call('hooks.create', {
      name: 'H',
      url: receiver.url,
      events: ['User.Created'],
      headers: [{ name: 'x-a', value: header }],
      retries: 0,
    }),
  );
  const { deliveries } = await value(core.call('events.trigger', { event: 'User.Created' }));
  await core.settled();
  const delivery = await value(core.call('logs.get', { id: deliveries[0]!.id }));
  await core.close();
  await receiver.close();
  const rowsLost = receiver.received() - rowsIn(dataDir);
  return {
    survived: delivery.outcome === expected && rowsLost === 0,
    rowsLost,
    note: `${delivery.outcome}${delivery.error ? `: ${delivery.error}` : ''}`,
  };
}

async function handEdited(): Promise<Verdict> {
  const dataDir = folder();
  let core = open(dataDir);
  const good = await value(core.call('hooks.create', { name: 'Good', url: 'http://127.0.0.1:9/h', events: ['User.Created'] }));
  await core.close();
  const file = join(dataDir, 'hooks.json');
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  raw.hooks.push(
    { ...raw.hooks[0], id: 'b1', name: 'File URL', config: { ...raw.hooks[0].config, url: 'file:///etc/passwd' } },
    { ...raw.hooks[0], id: 'b2', name: 'CRLF', config: { ...raw.hooks[0].config, headers: { 'x-a': 'a\r\nInjected: yes' } } },
    { ...raw.hooks[0], id: 'b3', name: 'Host', config: { ...raw.hooks[0].config, headers: { host: 'evil.example' } } },
  );
  const edited = JSON.stringify(raw);
  writeFileSync(file, edited);
  core = open(dataDir);
  const names = (await value(core.call('hooks.list', {}))).map((hook) => hook.name);
  const said = (await noticesOf(core)).some((notice) => notice.message.includes('had 3 hook(s) that could not be used'));
  await core.close();
  const filesLost = lostUnlessKept(dataDir, /^hooks\.invalid-/, Buffer.from(edited));
  const kept = names.length === 1 && names[0] === good.name;
  return {
    survived: kept && said && filesLost === 0,
    refused: said,
    filesLost,
    note: `kept ${names.join(', ')}; 3 set aside with reasons`,
  };
}

async function staleLock(content: () => string): Promise<Verdict> {
  const dataDir = folder();
  const core = open(dataDir);
  writeFileSync(join(dataDir, 'hooks.json.lock'), content());
  const started = Date.now();
  const answer = await core.call('hooks.create', { name: 'After a crash', url: 'http://127.0.0.1:9/h', events: ['User.Created'] });
  const ms = Date.now() - started;
  await core.close();
  return { survived: answer.ok && ms < 2_000, note: answer.ok ? `written in ${ms} ms` : answer.error.message };
}

async function exportIntoMissingFolder(): Promise<Verdict> {
  const dataDir = folder();
  const missing = join(dataDir, 'no', 'such', 'out.jsonl');
  const runs = [await hookbench(dataDir, 'export', '--out', missing), await hookbench(dataDir, 'hooks', 'export', '--out', missing)];
  const clear = runs.every((run) => run.code === 2 && run.err.includes('does not exist; create it first'));
  return { survived: clear && !existsSync(missing), refused: clear, note: runs[0]!.err.trim() };
}

async function deepPayload(): Promise<Verdict> {
  const receiver = await startReceiver();
  const dataDir = folder();
  const core = open(dataDir);
  await value(core.call('hooks.create', { name: 'Deep', url: receiver.url, events: ['User.Created'] }));
  let payload: Record<string, unknown> = { leaf: true };
  for (let depth = 0; depth < 5_000; depth++) payload = { inner: payload };
  let answer: Awaited<ReturnType<Core['call']>> | null = null;
  try {
    answer = await core.call('events.trigger', { event: 'User.Created', payload: { ...payload, event: 'User.Created' } });
  } catch {}
  await core.settled();
  await core.close();
  await receiver.close();
  const rowsLost = receiver.received() - rowsIn(dataDir);
  const note = answer === null ? 'threw' : answer.ok ? 'sent' : `refused: ${answer.error.message}`;
  return { survived: answer !== null && rowsLost === 0, refused: answer !== null && !answer.ok, rowsLost, note };
}

async function controlCharactersPrinted(): Promise<Verdict> {
  const dataDir = folder();
  const core = open(dataDir);
  await value(core.call('hooks.create', { name: 'Evil\x1b]0;pwned\x07\x1b[2J', url: 'http://127.0.0.1:9/h', events: ['User.Created'] }));
  await core.close();
  const run = await hookbench(dataDir, 'hooks', 'list');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the controls a terminal would act on are what is looked for
  const raw = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/.test(run.out + run.err);
  return { survived: !raw && run.out.includes('\\x1b]0;pwned\\x07'), note: raw ? 'printed raw' : 'printed escaped' };
}

async function futureDated(): Promise<Verdict> {
  const receiver = await startReceiver();
  const dataDir = folder();
  let core = open(dataDir);
  await value(core.call('hooks.create', { name: 'Skewed', url: receiver.url, events: ['User.Created'] }));
  const [first] = (await value(core.call('events.trigger', { event: 'User.Created' }))).deliveries;
  const [later] = (await value(core.call('events.trigger', { event: 'User.Created' }))).deliveries;
  await core.settled();
  await core.close();
  const rowsLost = receiver.received() - rowsIn(dataDir);
  const db = new DatabaseSync(join(dataDir, 'requests.sqlite'));
  const day = 24 * 3_600_000;
  db.prepare('UPDATE deliveries SET created_at = ? WHERE id = ?').run(Date.now() + 300 * day, first!.id);
  db.prepare('UPDATE deliveries SET created_at = ? WHERE id = ?').run(Date.now() - 40 * day, later!.id);
  db.close();
  core = open(dataDir);
  await sleep(500);
  const left = rowsIn(dataDir);
  await core.close();
  await receiver.close();
  return { survived: left === 0 && rowsLost === 0, rowsLost, note: `${left} row(s) left after the later one aged out` };
}

async function sameHookThrice(): Promise<Verdict> {
  const receiver = await startReceiver();
  const dataDir = folder();
  const core = open(dataDir);
  const hook = await value(core.call('hooks.create', { name: 'Once', url: receiver.url, events: ['User.Created'] }));
  const { deliveries } = await value(core.call('events.trigger', { event: 'User.Created', hookIds: [hook.id, hook.id, hook.id] }));
  await core.settled();
  await core.close();
  await receiver.close();
  const rowsLost = receiver.received() - rowsIn(dataDir);
  return {
    survived: deliveries.length === 1 && receiver.received() === 1 && rowsLost === 0,
    rowsLost,
    note: `${deliveries.length} delivery sent`,
  };
}

async function killedMidDelivery(): Promise<Verdict> {
  const receiver = await startReceiver(() => {});
  const dataDir = folder();
  const child = spawn(
    process.execPath,
    ['--no-warnings', await bundleForNode('test/support/deliveringChild.ts', 'delivering-child'), dataDir, receiver.url],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const id = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /recorded (\S+)/.exec(chunk.toString());
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`the delivering child exited early with ${code}`)));
  });
  while (receiver.received() === 0) await sleep(20);
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  await receiver.close();
  const core = open(dataDir);
  const answer = await core.call('logs.get', { id });
  await core.close();
  const rowsLost = receiver.received() - rowsIn(dataDir);
  const outcome = answer.ok ? answer.value.outcome : answer.error.message;
  return { survived: outcome === 'interrupted' && rowsLost === 0, rowsLost, note: `shown as ${outcome} at the next start` };
}

async function manyOpeners(): Promise<Verdict> {
  const dataDir = join(folder(), 'data');
  const file = await bundleForNode('test/support/openingChild.ts', 'opening-child');
  const outputs = await Promise.all(
    Array.from({ length: 40 }, () =>
      promisify(execFile)(process.execPath, ['--no-warnings', file, dataDir]).then(({ stdout }) => stdout.trim()),
    ),
  );
  const failed = outputs.filter((output) => output !== 'opened');
  const moved = readdirSync(dataDir).filter((name) => /^requests\.(corrupt|newer|wrong-schema)-/.test(name));
  return {
    survived: failed.length === 0 && moved.length === 0,
    filesLost: moved.length,
    note: `${40 - failed.length}/40 opened, ${moved.length} set aside`,
  };
}

async function appAndCliWriting(): Promise<Verdict> {
  const receiver = await startReceiver((response) => void setTimeout(() => response.end('ok'), 5));
  const dataDir = folder();
  const app = open(dataDir);
  await value(app.call('hooks.create', { name: 'Shared', url: receiver.url, events: ['PostSignIn'] }));
  const appWork = (async () => {
    for (let index = 0; index < 20; index++) {
      await value(app.call('hooks.create', { name: `From app ${index}`, url: receiver.url, events: ['Role.Created'] }));
      await value(app.call('events.trigger', { event: 'PostSignIn' }));
    }
    await app.settled();
  })();
  const cliRuns = await Promise.all([1, 2, 3, 4].map(() => hookbench(dataDir, 'trigger', 'PostSignIn')));
  await appWork;
  const hooks = (await value(app.call('hooks.list', {}))).length;
  await app.close();
  await receiver.close();
  const rowsLost = receiver.received() - rowsIn(dataDir);
  const ok = cliRuns.every((run) => run.code === 0) && hooks === 21 && receiver.received() === 24;
  return { survived: ok && rowsLost === 0, rowsLost, note: `${receiver.received()} received, ${hooks} hooks kept` };
}

async function fileModes(): Promise<Verdict> {
  const dataDir = join(folder(), 'data');
  const core = open(dataDir);
  await core.call('health.list', {});
  const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
  const modes = `folder ${mode(dataDir)}, log ${mode(join(dataDir, 'requests.sqlite'))}`;
  await core.close();
  return { survived: modes === 'folder 700, log 600', note: modes };
}

async function readOnlyFolder(): Promise<Verdict> {
  const dataDir = folder();
  await open(dataDir).close();
  const before = readdirSync(dataDir).sort().join(',');
  chmodSync(dataDir, 0o500);
  let note = 'opened to be read';
  try {
    const core = open(dataDir);
    const answer = await core.call('hooks.list', {});
    if (!answer.ok) note = answer.error.message;
    await core.close();
  } catch (error) {
    note = (error as Error).message;
  } finally {
    chmodSync(dataDir, 0o700);
  }
  const moved = readdirSync(dataDir).some((name) => /\.(corrupt|newer|wrong-schema)-/.test(name)) || !before.includes('requests.sqlite');
  return { survived: !moved, refused: note !== 'opened to be read', filesLost: moved ? 1 : 0, note: note.split('\n')[0]! };
}

async function badCalls(): Promise<Verdict> {
  const core = open(folder());
  const answers = await Promise.all([
    core.call('no.such.method', {}),
    core.call('hooks.create', null),
    core.call('hooks.create', { name: 'x', url: 'ftp://x', events: ['User.Created'] }),
    core.call('events.trigger', { event: 'User.Created', payload: [] }),
  ]);
  await core.close();
  const refused = answers.every((answer) => !answer.ok && answer.error.message.length > 0);
  return { survived: refused, refused, note: `${answers.filter((answer) => !answer.ok).length}/4 refused with a message` };
}

const cases: Array<[string, () => Promise<Verdict>]> = [
  ['1 disk full (max_page_count): nothing sent unrecorded', diskFull],
  [
    '2 hooks.json holding a JSON array (Logto GET /hooks)',
    () => unusableHooksFile('[{"id":"a1","name":"From Logto","events":["PostSignIn"]}]', /^hooks\.unrecognised-/),
  ],
  ['2 hooks.json holding null', () => unusableHooksFile('null', /^hooks\.unrecognised-/)],
  [
    '2 hooks.json with "hookz" instead of "hooks"',
    () => unusableHooksFile('{"schemaVersion":2,"hookz":[]}', /^hooks\.(unrecognised|invalid)-/),
  ],
  ['2 hooks.json that is not JSON', () => unusableHooksFile('{"schemaVersion":2,"hooks":[{"id":', /^hooks\.corrupt-/)],
  ['2 hooks.json from a newer Hookbench', () => unusableHooksFile('{"schemaVersion":99,"hooks":[{"future":true}]}', /^hooks\.newer-/)],
  ['3 corrupt log file', () => unusableLog((path) => writeFileSync(path, 'not a database '.repeat(500)), /^requests\.corrupt-/)],
  ['3 log from a newer Hookbench', () => unusableLog((path) => wrongSchemaLog(path, 99, 'CREATE TABLE future (x)'), /^requests\.newer-/)],
  ['3 log with the wrong schema', () => unusableLog((path) => wrongSchemaLog(path, 4), /^requests\.wrong-schema-/)],
  ['3 locked log (not taken for a damaged one)', lockedLog],
  ['3 read-only data folder', readOnlyFolder],
  ['3 40 processes opening one new data folder', manyOpeners],
  ['4 data folder 0700, log 0600', fileModes],
  ['6 header value "é" (Latin-1: sent as Node 22 sends it)', () => headerSent('café', 'success')],
  ['6 header value past Latin-1 (🚀)', () => badHeader('go 🚀')],
  ['6 header value \\x01', () => badHeader('a\x01')],
  ['6 header value \\x7f', () => badHeader('a\x7f')],
  ['6 hand-edited hooks.json: file: URL, CRLF, host header', handEdited],
  ['7 stale lock file of a gone process', () => staleLock(() => '999999999')],
  ['8 export --out into a missing folder (CLI)', exportIntoMissingFolder],
  ['9 payload nested 5 000 deep', deepPayload],
  ['10 ESC/BEL in a hook name printed by the CLI', controlCharactersPrinted],
  ['11 future-dated delivery expires with a later one', futureDated],
  ['12 the same hook id three times in events.trigger', sameHookThrice],
  ['- child process killed mid-delivery', killedMidDelivery],
  ['- app and 4 CLI processes writing one data folder', appAndCliWriting],
  ['- unknown method and wrong-shaped inputs', badCalls],
];

cli = await bundleForNode('electron/cli/main.ts', 'hookbench-cli-faults');
const results: Array<[string, Verdict]> = [];
for (const [name, run] of cases) {
  const verdict = await run().catch((error: Error) => ({ survived: false, note: `crashed: ${error.message}` }) as Verdict);
  results.push([name, verdict]);
  console.log(`${verdict.survived ? 'survived' : 'FAILED  '}  ${name.padEnd(58)} ${verdict.note.replace(/\s+/g, ' ').slice(0, 110)}`);
}
for (const dir of folders) rmSync(dir, { recursive: true, force: true });

const sum = (pick: (verdict: Verdict) => number) => results.reduce((total, [, verdict]) => total + pick(verdict), 0);
const rowsLost = sum((verdict) => Math.max(0, verdict.rowsLost ?? 0));
const filesLost = sum((verdict) => verdict.filesLost ?? 0);
console.log(
  `\ncases tried ${results.length}, survived ${sum((verdict) => Number(verdict.survived))}, bad inputs refused cleanly ${sum((verdict) => Number(verdict.refused ?? false))}, ` +
    `rows lost ${rowsLost} (must be 0), files lost ${filesLost} (must be 0)   (Node ${process.versions.node}; items 5 and 13 need Electron)`,
);
process.exit(rowsLost > 0 || filesLost > 0 ? 1 : 0);
