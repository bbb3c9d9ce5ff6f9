import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { bundleForNode } from '../../bench/bundle.mjs';
import { openDatabase } from '../../electron/core/log/database';
import { RequestLog } from '../../electron/core/log/requestLog';
import type { Notice } from '../../shared/domain';
import { seedLog } from '../support/seedLog';
import { useTempDir } from '../support/tempDir';

const tempDir = useTempDir();
const setAside = (dir: string) => readdirSync(dir).filter((name) => /^requests\.(corrupt|newer|wrong-schema)-/.test(name));

function run(file: string, dataDir: string, { umask, flag }: { umask?: string; flag?: string } = {}): Promise<string> {
  const args = ['--no-warnings', file, dataDir, ...(flag ? [flag] : [])];
  return new Promise((resolve, reject) => {
    const child = umask
      ? spawn('/bin/sh', ['-c', `umask ${umask} && exec "$0" "$@"`, process.execPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('exit', () => resolve(output.trim()));
  });
}

describe('opening the log', () => {
  it('lets 40 processes open a new data folder at once: none fails, nothing is set aside', async () => {
    const dataDir = join(tempDir(), 'data');
    const file = await bundleForNode('test/support/openingChild.ts', 'opening-child');
    const outputs = await Promise.all(Array.from({ length: 40 }, () => run(file, dataDir)));
    expect(outputs.filter((output) => output !== 'opened')).toEqual([]);
    expect(setAside(dataDir)).toEqual([]);
    const log = new RequestLog(join(dataDir, 'requests.sqlite'), () => {});
    expect(log.countForHook('any')).toBe(0);
    log.close();
  }, 120_000);

  it('in a read-only folder: a new log fails with the file named and what to do; an existing one still opens to be read; nothing moves', () => {
    const dir = tempDir();
    const path = join(dir, 'requests.sqlite');
    const notices: Notice[] = [];
    const report = (notice: Notice) => notices.push(notice);
    expect(() => openDatabase(path, { report, readOnly: true })).toThrow(
      new RegExp(`Could not open the request log at ${path}: unable to open database file\\. The folder cannot be opened or written`),
    );
    expect(readdirSync(dir)).toEqual([]);

    new RequestLog(path, () => {}).close();
    const before = readFileSync(path);
    const { db } = openDatabase(path, { report, readOnly: true });
    expect(db.prepare('SELECT count(*) AS count FROM deliveries').get()).toEqual({ count: 0 });
    db.close();
    expect(notices).toEqual([]);
    expect(setAside(dir)).toEqual([]);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('does not take a locked log for a damaged one', () => {
    const dir = tempDir();
    const path = join(dir, 'requests.sqlite');
    new RequestLog(path, () => {}).close();
    const holder = new DatabaseSync(path);
    holder.exec('PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE');
    try {
      expect(() => new RequestLog(path, () => {})).toThrow(
        /database is locked\. Another program holds the log locked; close other Hookbench/,
      );
      expect(setAside(dir)).toEqual([]);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  }, 20_000);

  it('does not move a path it cannot open as a file', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'requests.sqlite'));
    expect(() => new RequestLog(join(dir, 'requests.sqlite'), () => {})).toThrow(/Could not open the request log at .*requests\.sqlite/);
    expect(statSync(join(dir, 'requests.sqlite')).isDirectory()).toBe(true);
    expect(setAside(dir)).toEqual([]);
  });

  it('sets a log of the wrong shape aside once, with a notice, and starts cleanly after', () => {
    const dir = tempDir();
    const path = join(dir, 'requests.sqlite');
    const wrong = new DatabaseSync(path);
    wrong.exec('CREATE TABLE deliveries (id TEXT, body TEXT); CREATE TABLE settings (key TEXT, value TEXT); PRAGMA user_version = 4;');
    wrong.close();
    const notices: Notice[] = [];
    const log = new RequestLog(path, (notice) => notices.push(notice));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toContain('tables are not what its version says');
    const [aside] = setAside(dir);
    expect(aside).toMatch(/^requests\.wrong-schema-/);
    expect(notices[0]!.message).toContain(join(dir, aside!));
    const kept = new DatabaseSync(join(dir, aside!));
    expect(kept.prepare('SELECT name FROM pragma_table_info(?)').all('deliveries')).toEqual([{ name: 'id' }, { name: 'body' }]);
    kept.close();
    log.close();
    const again: Notice[] = [];
    new RequestLog(path, (notice) => again.push(notice)).close();
    expect(again).toEqual([]);
  });

  it('sets aside a log whose version no Hookbench writes (a negative one) instead of failing to open', () => {
    const dir = tempDir();
    const path = join(dir, 'requests.sqlite');
    const changed = new DatabaseSync(path);
    changed.exec('PRAGMA user_version = -3;');
    changed.close();
    const notices: Notice[] = [];
    const log = new RequestLog(path, (notice) => notices.push(notice));
    expect(notices.map((notice) => notice.level)).toEqual(['warning']);
    expect(setAside(dir)).toEqual([expect.stringMatching(/^requests\.wrong-schema-/)]);
    expect(log.rowCount()).toBe(0);
    log.close();
  });

  it('still sets a damaged file aside', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'requests.sqlite'), 'not a database '.repeat(500));
    const notices: Notice[] = [];
    new RequestLog(join(dir, 'requests.sqlite'), (notice) => notices.push(notice)).close();
    expect(setAside(dir)).toHaveLength(1);
    expect(notices[0]!.message).toContain('could not be opened');
  });
});

describe('a log damaged inside', () => {
  it('passes the open, and a query that reaches the damage says the file is damaged and how to start over', async () => {
    const dir = tempDir();
    const path = join(dir, 'requests.sqlite');
    await seedLog(dir, 3_000, (index) => ({
      hookId: 'h',
      event: 'User.Created',
      createdAt: Date.now() - index,
      outcome: 'success',
      status: 200,
      body: `{"n":${index},"pad":"${'x'.repeat(900)}"}`,
    }));
    // Garbage over pages in the middle of the file, where rows live; the header and schema (page 1) are intact.
    const file = readFileSync(path);
    const pageSize = file.readUInt16BE(16);
    const middle = Math.floor(file.length / pageSize / 2) * pageSize;
    file.fill(0xa5, middle, middle + 8 * pageSize);
    writeFileSync(path, file);

    const log = new RequestLog(path, () => {});
    expect(setAside(dir)).toEqual([]);
    let thrown: unknown;
    try {
      for (let cursor: string | null = null; ; ) {
        const page = log.query({ hookId: 'h', kind: 'delivery', range: 'all', limit: 500, cursor: cursor ?? undefined });
        for (const item of page.items) log.get(item.id);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).toMatch(
      new RegExp(
        `^Could not read the request log at ${path}: database disk image is malformed\\. Part of the file is damaged\\. Quit Hookbench and its commands, then move requests\\.sqlite \\(with its -wal and -shm files\\) out of ${dir}: the next start begins a new log`,
      ),
    );
    log.close();
  });
});

describe('who may read the log', () => {
  it('creates the data folder owner-only and the log with its -wal and -shm 0600, even under umask 000', async () => {
    const dataDir = join(tempDir(), 'data');
    const file = await bundleForNode('test/support/openingChild.ts', 'opening-child');
    const output = await run(file, dataDir, { umask: '000', flag: '--modes' });
    expect(JSON.parse(output)).toEqual({ folder: '700', log: '600', wal: '600', shm: '600' });
  });

  it('tightens a log an older release left readable by others', () => {
    const dir = tempDir();
    const path = join(dir, 'requests.sqlite');
    new RequestLog(path, () => {}).close();
    chmodSync(path, 0o644);
    new RequestLog(path, () => {}).close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
