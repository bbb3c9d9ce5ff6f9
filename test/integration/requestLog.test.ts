import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it, vi } from 'vitest';
import { bundleForNode } from '../../bench/bundle.mjs';
import { healthSummaries, hookHealth } from '../../electron/core/log/health';
import { RequestLog } from '../../electron/core/log/requestLog';
import { Retention } from '../../electron/core/log/retention';
import type { Attempt, Delivery, Notice } from '../../shared/domain';
import { UserFacingError } from '../../shared/errors';
import { logsQuerySchema } from '../../shared/validation';
import { startReceiver } from '../support/receiver';
import { useTempDir } from '../support/tempDir';

/** A log whose notices are kept on it, for the test to read. */
function openLog(path: string) {
  const notices: Notice[] = [];
  return Object.assign(new RequestLog(path, (notice) => notices.push(notice)), { notices });
}

const tempDir = useTempDir();
const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 22, 12, 30);

let counter = 0;
function delivery(overrides: Partial<Delivery> & { body?: string; responseBody?: string } = {}): Delivery {
  const { body = '{"event":"User.Created"}', responseBody = 'ok', ...rest } = overrides;
  const status = rest.status === undefined ? 200 : rest.status;
  const attempt: Attempt = {
    number: 1,
    startedAt: NOW,
    durationMs: 12,
    status,
    headers: {},
    body: responseBody,
    bodyTruncated: false,
    error: null,
  };
  return {
    id: `d${++counter}`,
    kind: 'delivery',
    hookId: 'hook-a',
    event: 'User.Created',
    createdAt: NOW,
    outcome: status !== null && status < 300 ? 'success' : 'failed',
    status,
    durationMs: 12,
    attemptCount: 1,
    request: { method: 'POST', url: 'http://localhost:1/x', headers: { 'content-type': 'application/json' }, body },
    attempts: [attempt],
    error: null,
    redeliveryOf: null,
    retryBehaviour: 'retry-5xx',
    runId: null,
    ...rest,
  };
}

function record(log: RequestLog, entry: Delivery) {
  log.started({ ...entry, outcome: 'in_flight', status: null, attempts: [], attemptCount: 0, durationMs: null });
  log.finished(entry);
}

const query = (log: RequestLog, input: Record<string, unknown>) =>
  log.query(logsQuerySchema.parse({ hookId: 'hook-a', range: 'all', ...input }), NOW);

describe('recording', () => {
  it('keeps a delivery whole: request, every attempt, outcome', () => {
    const log = openLog(join(tempDir(), 'requests.sqlite'));
    const entry = delivery({ status: 503, outcome: 'failed', attemptCount: 4, error: 'The receiver answered 503 after 4 attempts' });
    record(log, entry);
    expect(log.get(entry.id)).toEqual(entry);
    log.close();
  });

  it('shows a delivery as in flight between its start and its end', () => {
    const log = openLog(join(tempDir(), 'requests.sqlite'));
    const entry = delivery();
    log.started({ ...entry, outcome: 'in_flight', status: null, attempts: [] });
    expect(log.get(entry.id)).toMatchObject({ outcome: 'in_flight', attempts: [] });
    log.close();
  });

  it('answers not_found for an unknown delivery', () => {
    const log = openLog(join(tempDir(), 'requests.sqlite'));
    expect(() => log.get('nope')).toThrow('No delivery has the id "nope"');
    log.close();
  });
});

describe('queries', () => {
  const dir = tempDir;
  function seeded() {
    const log = openLog(join(dir(), 'requests.sqlite'));
    record(log, delivery({ id: 'old', createdAt: NOW - 3 * 24 * HOUR }));
    record(log, delivery({ id: 'day', createdAt: NOW - 5 * HOUR, event: 'PostSignIn', body: '{"user":"jane@example.com"}' }));
    record(log, delivery({ id: 'fail404', createdAt: NOW - 30 * 60_000, status: 404, responseBody: 'route 100% missing' }));
    record(log, delivery({ id: 'fail500', createdAt: NOW - 20 * 60_000, status: 500, attemptCount: 4 }));
    record(log, delivery({ id: 'refused', createdAt: NOW - 10 * 60_000, status: null, outcome: 'failed' }));
    record(log, delivery({ id: 'other-hook', hookId: 'hook-b', createdAt: NOW - 60_000 }));
    return log;
  }
  const ids = (page: { items: Array<{ id: string }> }) => page.items.map((item) => item.id);

  it('lists one hook’s deliveries newest first', () => {
    expect(ids(query(seeded(), {}))).toEqual(['refused', 'fail500', 'fail404', 'day', 'old']);
  });

  it.each([
    [{ range: '1h' }, ['refused', 'fail500', 'fail404']],
    [{ range: '24h' }, ['refused', 'fail500', 'fail404', 'day']],
    [{ range: '7d' }, ['refused', 'fail500', 'fail404', 'day', 'old']],
    [{ outcome: 'success' }, ['day', 'old']],
    [{ outcome: 'failed' }, ['refused', 'fail500', 'fail404']],
    [{ event: 'PostSignIn' }, ['day']],
    [{ status: 404 }, ['fail404']],
    [{ status: '5xx' }, ['fail500']],
    [{ status: '2xx' }, ['day', 'old']],
    [{ status: 'none' }, ['refused']],
    [{ text: 'JANE@example' }, ['day']],
    [{ text: '100%' }, ['fail404']],
    [{ text: '_' }, []],
    [{ outcome: 'failed', range: '1h', status: '4xx' }, ['fail404']],
  ])('filters by %j', (filters, expected) => {
    expect(ids(query(seeded(), filters))).toEqual(expected);
  });

  it('pages with a cursor that stays stable while new deliveries arrive', () => {
    const log = seeded();
    const first = query(log, { limit: 2 });
    expect(ids(first)).toEqual(['refused', 'fail500']);
    record(log, delivery({ id: 'newest', createdAt: NOW }));
    const second = query(log, { limit: 2, cursor: first.nextCursor });
    expect(ids(second)).toEqual(['fail404', 'day']);
    const third = query(log, { limit: 2, cursor: second.nextCursor });
    expect(ids(third)).toEqual(['old']);
    expect(third.nextCursor).toBeNull();
    expect(ids(query(log, { limit: 1 }))).toEqual(['newest']);
  });

  it('says on the first page how many rows match every filter in all', () => {
    const log = seeded();
    expect(query(log, { limit: 2 }).total).toBe(5);
    expect(query(log, { limit: 1, outcome: 'failed' }).total).toBe(3);
    expect(query(log, { limit: 2, cursor: query(log, { limit: 2 }).nextCursor }).total).toBeUndefined();
  });
});

describe('the journal', () => {
  it('grows through a burst instead of stopping it to copy pages, then is copied in and cut back once writes pause', async () => {
    const path = join(tempDir(), 'requests.sqlite');
    const log = openLog(path);
    const journal = () => statSync(`${path}-wal`).size;
    const body = JSON.stringify({ event: 'User.Created', padding: 'x'.repeat(40_000) });
    // 400 deliveries of 40 kB, committed in many small groups as a burst of sends is.
    for (let index = 0; index < 400; index++) {
      record(log, delivery({ body }));
      if (index % 10 === 9) await log.flushed();
    }
    await log.flushed();
    // SQLite's default would have copied the journal in every 4 MB, and the file would have stayed near that.
    expect(journal()).toBeGreaterThan(12 * 1024 * 1024);

    // After the pause (and the search indexing of 16 MB that goes first), the next write starts the journal over, cut back.
    let written = 400;
    await vi.waitFor(
      async () => {
        // Longer than the pause upkeep waits for, which each write starts again.
        await new Promise((resolve) => setTimeout(resolve, 1_300));
        record(log, delivery());
        written++;
        await log.flushed();
        expect(journal()).toBeLessThanOrEqual(4 * 1024 * 1024);
      },
      { timeout: 40_000, interval: 0 },
    );
    expect(log.rowCount()).toBe(written);
    log.close();

    const reader = new DatabaseSync(path, { readOnly: true });
    expect(reader.prepare('SELECT count(*) AS count FROM deliveries').get()).toEqual({ count: written });
    reader.close();
  }, 60_000);
});

describe('health', () => {
  it('counts finished requests and the success rate over the last 24 h for every hook in one query', () => {
    const log = openLog(join(tempDir(), 'requests.sqlite'));
    record(log, delivery({ createdAt: NOW - 25 * HOUR }));
    record(log, delivery({ createdAt: NOW - 2 * HOUR }));
    record(log, delivery({ createdAt: NOW - HOUR, status: 500 }));
    record(log, delivery({ createdAt: NOW - 60_000 }));
    record(log, delivery({ createdAt: NOW - 60_000, hookId: 'hook-b', status: 404 }));
    log.started(delivery({ createdAt: NOW, outcome: 'in_flight', status: null }));
    expect(healthSummaries(log, ['hook-a', 'hook-b', 'hook-c'], NOW)).toEqual([
      // The last delivery counts one still in flight: it was made, it just has not finished.
      { hookId: 'hook-a', total: 3, succeeded: 2, successRate: 2 / 3, lastDeliveryAt: NOW },
      { hookId: 'hook-b', total: 1, succeeded: 0, successRate: 0, lastDeliveryAt: NOW - 60_000 },
      { hookId: 'hook-c', total: 0, succeeded: 0, successRate: null, lastDeliveryAt: null },
    ]);
  });

  it('gives 24 hourly buckets, oldest first, ending with the current hour', () => {
    const log = openLog(join(tempDir(), 'requests.sqlite'));
    record(log, delivery({ createdAt: NOW - 2 * HOUR }));
    record(log, delivery({ createdAt: NOW - 2 * HOUR, status: 502 }));
    record(log, delivery({ createdAt: NOW }));
    const { hourly, total } = hookHealth(log, 'hook-a', NOW);
    expect(total).toBe(3);
    expect(hourly).toHaveLength(24);
    expect(hourly.at(-1)).toEqual({ hourStart: Date.UTC(2026, 10, 22, 12), succeeded: 1, failed: 0 });
    expect(hourly.at(-3)).toEqual({ hourStart: Date.UTC(2026, 10, 22, 10), succeeded: 1, failed: 1 });
    expect(hourly.reduce((sum, hour) => sum + hour.succeeded + hour.failed, 0)).toBe(3);
  });
});

describe('hourly counts', () => {
  it('migrates a version-1 log and backfills its counts', () => {
    const path = join(tempDir(), 'requests.sqlite');
    const v1 = new DatabaseSync(path);
    v1.exec(`CREATE TABLE deliveries (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, hook_id TEXT NOT NULL,
      event TEXT NOT NULL, created_at INTEGER NOT NULL, outcome TEXT NOT NULL, status INTEGER, duration_ms INTEGER,
      attempt_count INTEGER NOT NULL DEFAULT 0, error TEXT, request TEXT NOT NULL, request_body TEXT NOT NULL,
      attempts TEXT NOT NULL DEFAULT '[]', owner_pid INTEGER);
      CREATE INDEX deliveries_by_hook ON deliveries (hook_id, seq);
      CREATE INDEX deliveries_by_time ON deliveries (created_at, hook_id, outcome);
      CREATE INDEX deliveries_in_flight ON deliveries (outcome) WHERE outcome = 'in_flight';
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      PRAGMA user_version = 1;`);
    const insert = v1.prepare(
      `INSERT INTO deliveries (id, hook_id, event, created_at, outcome, request, request_body) VALUES (?, 'hook-a', 'User.Created', ?, ?, '{}', '{}')`,
    );
    insert.run('s1', NOW - HOUR, 'success');
    insert.run('f1', NOW - HOUR, 'failed');
    v1.close();
    const log = openLog(path);
    expect(healthSummaries(log, ['hook-a'], NOW)).toEqual([
      { hookId: 'hook-a', total: 2, succeeded: 1, successRate: 0.5, lastDeliveryAt: NOW - HOUR },
    ]);
    expect(query(log, {}).items.map((item) => item.id)).toEqual(['f1', 's1']);
  });

  it('stay right through retention and crash recovery', async () => {
    const path = join(tempDir(), 'requests.sqlite');
    const log = openLog(path);
    record(log, delivery({ createdAt: NOW - HOUR }));
    record(log, delivery({ createdAt: Date.now() - 20 * 24 * HOUR }));
    const retention = new Retention(log, () => {});
    await retention.apply();
    expect(healthSummaries(log, ['hook-a'], NOW)).toEqual([
      { hookId: 'hook-a', total: 1, succeeded: 1, successRate: 1, lastDeliveryAt: NOW - HOUR },
    ]);
    log.started(delivery({ id: 'cut-off', createdAt: NOW - HOUR, outcome: 'in_flight', status: null }));
    log.close();
    // The row's writer is gone: as after a crash, its process no longer exists.
    const raw = new DatabaseSync(path);
    raw.prepare('UPDATE deliveries SET owner_pid = 999999999 WHERE id = ?').run('cut-off');
    raw.close();
    const reopened = openLog(path);
    expect(healthSummaries(reopened, ['hook-a'], NOW)).toEqual([
      { hookId: 'hook-a', total: 2, succeeded: 1, successRate: 0.5, lastDeliveryAt: NOW - HOUR },
    ]);
  });
});

describe('retention', () => {
  it('removes deliveries older than the chosen days, in batches, and keeps the rest', async () => {
    const log = openLog(join(tempDir(), 'requests.sqlite'));
    for (let i = 0; i < 4500; i++) record(log, delivery({ createdAt: NOW - 20 * 24 * HOUR }));
    record(log, delivery({ id: 'recent', createdAt: NOW - 2 * 24 * HOUR }));
    const retention = new Retention(log, () => {});
    expect(retention.days).toBe(14);
    expect(await retention.apply(NOW)).toBe(4500);
    retention.days = 1;
    expect(await retention.apply(NOW)).toBe(1);
    expect(query(log, {}).items).toEqual([]);
  });

  it('gives the space back: the file shrinks after old deliveries go', async () => {
    const path = join(tempDir(), 'requests.sqlite');
    let log = openLog(path);
    const body = JSON.stringify({ event: 'User.Created', padding: 'x'.repeat(4_000) });
    for (let i = 0; i < 2_000; i++) record(log, delivery({ createdAt: NOW - 20 * 24 * HOUR, body }));
    record(log, delivery({ id: 'recent', createdAt: NOW - HOUR, body }));
    log.close();
    const full = statSync(path).size;
    log = openLog(path);
    expect(await new Retention(log, () => {}).apply(NOW)).toBe(2_000);
    log.close();
    expect(statSync(path).size).toBeLessThan(full / 10);
    expect(openLog(path).get('recent').request.body).toBe(body);
  });

  it('lets a delivery dated in the future go once a delivery recorded after it is old enough', async () => {
    const log = openLog(join(tempDir(), 'requests.sqlite'));
    record(log, delivery({ id: 'future', createdAt: NOW + 300 * 24 * HOUR }));
    const retention = new Retention(log, () => {});
    expect(await retention.apply(NOW)).toBe(0);
    expect(query(log, {}).items.map((item) => item.id)).toEqual(['future']);
    // The clock was put right; what was recorded after the future-dated row ages out, and takes it along.
    record(log, delivery({ id: 'after', createdAt: NOW - 20 * 24 * HOUR }));
    record(log, delivery({ id: 'recent', createdAt: NOW - HOUR }));
    expect(await retention.apply(NOW)).toBe(2);
    expect(query(log, {}).items.map((item) => item.id)).toEqual(['recent']);
  });

  it('tells a sweep that fails as a notice, once, with no stack trace on the console', async () => {
    const damaged = {
      isOpen: true,
      getSetting: () => null,
      removeDecided: () => {
        throw new UserFacingError('storage', 'Could not write the request log (requests.sqlite): database disk image is malformed.');
      },
    } as unknown as RequestLog;
    const notices: Notice[] = [];
    const console = vi.spyOn(globalThis.console, 'error');
    const retention = new Retention(damaged, (notice) => notices.push(notice));
    retention.start();
    await expect.poll(() => notices.length).toBe(1);
    retention.stop();
    expect(notices[0]).toMatchObject({
      level: 'warning',
      message: expect.stringMatching(
        /^Old deliveries could not be removed from the request log: Could not write .*malformed\. Nothing else/,
      ),
    });
    expect(console).not.toHaveBeenCalled();
    console.mockRestore();
  });

  it('keeps the setting across restarts', () => {
    const path = join(tempDir(), 'requests.sqlite');
    const log = openLog(path);
    new Retention(log, () => {}).days = 30;
    log.close();
    expect(new Retention(openLog(path), () => {}).days).toBe(30);
  });
});

describe('a log that cannot be used', () => {
  it('moves a corrupt file aside, starts a fresh log and says where the old one is', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'requests.sqlite'), 'this is not a database'.repeat(200));
    const log = openLog(join(dir, 'requests.sqlite'));
    expect(query(log, {}).items).toEqual([]);
    const aside = readdirSync(dir).find((name) => name.startsWith('requests.corrupt-'));
    expect(aside).toBeDefined();
    expect(log.notices[0]!.message).toContain(join(dir, aside!));
    record(log, delivery());
    expect(query(log, {}).items).toHaveLength(1);
  });

  it('does not touch a log from a newer Hookbench', () => {
    const dir = tempDir();
    const path = join(dir, 'requests.sqlite');
    const future = new DatabaseSync(path);
    future.exec('PRAGMA user_version = 99; CREATE TABLE future (x)');
    future.close();
    const before = readFileSync(path);
    // The newer app or command line sharing the folder still uses it: refused, neither moved nor changed.
    expect(() => openLog(path)).toThrow(
      `The request log at ${path} was written by a newer Hookbench (schema version 99). Update this Hookbench to read it; nothing was changed.`,
    );
    expect(readdirSync(dir)).toEqual(['requests.sqlite']);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('a crash mid-delivery', () => {
  it('shows the delivery as interrupted at the next start, never loses it', async () => {
    const dir = tempDir();
    const receiver = await startReceiver();
    receiver.answer(() => {});
    const child = spawn(process.execPath, [await bundleForNode('test/support/deliveringChild.ts', 'delivering-child'), dir, receiver.url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const id = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const match = /recorded (\S+)/.exec(chunk.toString());
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.received).toHaveLength(1);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    await receiver.close();

    const log = openLog(join(dir, 'requests.sqlite'));
    expect(log.get(id)).toMatchObject({ outcome: 'interrupted', hookId: expect.any(String) });
    expect(log.get(id).error).toContain('Hookbench stopped before this delivery finished');
    log.close();
  });
});
