import { existsSync, renameSync } from 'node:fs';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { ValidInput } from '../../../shared/contract';
import type { Attempt, Delivery, DeliveryKind, DeliverySummary, RetryBehaviour, SentRequest } from '../../../shared/domain';
import { UserFacingError } from '../../../shared/errors';
import type { HookEvent } from '../../../shared/events';
import { rangeStart } from '../../../shared/time';
import type { DeliveryRecorder } from '../delivery/engine';
import type { Report } from '../notices';
import { moveAside } from '../util/moveAside';
import { LOG_SCHEMA_VERSION, migrateLog, schemaVersion } from './schema';

export const LOG_FILE_NAME = 'requests.sqlite';

type LogsQuery = ValidInput<'logs.query'>;
export type LogPage = { items: DeliverySummary[]; nextCursor: string | null };

type Row = {
  seq: number;
  id: string;
  kind: DeliveryKind;
  hook_id: string | null;
  event: string;
  created_at: number;
  outcome: DeliverySummary['outcome'];
  status: number | null;
  duration_ms: number | null;
  attempt_count: number;
};
type FullRow = Row & {
  error: string | null;
  request: string;
  request_body: string;
  attempts: string;
  redelivery_of: string | null;
  retry_behaviour: RetryBehaviour | null;
  run_id: string | null;
};

const SUMMARY_COLUMNS = 'seq, id, kind, hook_id, event, created_at, outcome, status, duration_ms, attempt_count';

/**
 * Every delivery, durable and queryable offline. Written before the first attempt and again
 * after the last, so a crash leaves an in-flight row that the next start marks interrupted.
 *
 * Writes are committed together once per turn of the event loop (group commit): one
 * transaction for everything that happened in that turn instead of one each. The delivery engine
 * waits for `flushed()` before a delivery's first attempt, so no request leaves before its row
 * is on disk; reads flush first, so they always see every write.
 */
export class RequestLog implements DeliveryRecorder {
  readonly path: string;
  readonly db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  #pending: Array<[sql: string, values: SQLInputValue[]]> = [];
  #flushing: Promise<void> | null = null;

  readonly #report: Report;

  constructor(path: string, report: Report) {
    this.path = path;
    this.#report = report;
    this.db = this.#open();
    this.#recoverInterrupted();
  }

  started(delivery: Delivery): void {
    const { body, ...request } = delivery.request;
    this.#queue(
      `INSERT INTO deliveries (id, kind, hook_id, event, created_at, outcome, request, request_body, owner_pid, redelivery_of, retry_behaviour, run_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      delivery.id,
      delivery.kind,
      delivery.hookId,
      delivery.event,
      delivery.createdAt,
      delivery.outcome,
      JSON.stringify(request),
      body,
      process.pid,
      delivery.redeliveryOf,
      delivery.retryBehaviour,
      delivery.runId,
    );
  }

  finished(delivery: Delivery): void {
    this.#queue(
      `UPDATE deliveries SET outcome = ?, status = ?, duration_ms = ?, attempt_count = ?, error = ?, attempts = ?, owner_pid = NULL
       WHERE id = ?`,
      delivery.outcome,
      delivery.status,
      delivery.durationMs,
      delivery.attemptCount,
      delivery.error,
      JSON.stringify(delivery.attempts),
      delivery.id,
    );
  }

  /** Resolves once every write queued so far is committed. */
  flushed(): Promise<void> {
    if (this.#pending.length === 0) return Promise.resolve();
    this.#flushing ??= new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        this.#flushing = null;
        try {
          this.flush();
          resolve();
        } catch (error) {
          reject(error);
        }
      }),
    );
    return this.#flushing;
  }

  /** Commits every queued write now, in one transaction. */
  flush(): void {
    if (this.#pending.length === 0 || !this.db.isOpen) return;
    const writes = this.#pending;
    this.#pending = [];
    try {
      this.db.exec('BEGIN');
      for (const [sql, values] of writes) this.#statement(sql).run(...values);
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw new UserFacingError('storage', `Could not write to the request log at ${this.path}: ${(error as Error).message}`);
    }
  }

  /** A hook's deliveries, newest first. The cursor is a position, so pages stay put while new deliveries arrive. */
  query(query: LogsQuery, now = Date.now()): LogPage {
    const where = ['hook_id IS ?', 'kind = ?'];
    const values: SQLInputValue[] = [query.hookId, query.kind];
    if (query.cursor) {
      where.push('seq < ?');
      values.push(Number(query.cursor));
    }
    if (query.outcome) {
      where.push('outcome = ?');
      values.push(query.outcome);
    }
    if (query.event) {
      where.push('event = ?');
      values.push(query.event);
    }
    if (typeof query.status === 'number') {
      where.push('status = ?');
      values.push(query.status);
    } else if (query.status === 'none') {
      where.push("status IS NULL AND outcome != 'in_flight'");
    } else if (query.status) {
      const low = Number(query.status[0]) * 100;
      where.push('status BETWEEN ? AND ?');
      values.push(low, low + 99);
    }
    const since = rangeStart(query.range, now);
    if (since !== null) {
      where.push('created_at >= ?');
      values.push(since);
    }
    if (query.text) {
      where.push("(request_body LIKE ? ESCAPE '\\' OR attempts LIKE ? ESCAPE '\\')");
      const pattern = `%${query.text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      values.push(pattern, pattern);
    }
    values.push(query.limit + 1);
    const rows = this.#all<Row>(
      `SELECT ${SUMMARY_COLUMNS} FROM deliveries WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ?`,
      ...values,
    );
    const more = rows.length > query.limit;
    const page = more ? rows.slice(0, query.limit) : rows;
    return { items: page.map(summaryFromRow), nextCursor: more ? String(page.at(-1)!.seq) : null };
  }

  get(id: string): Delivery {
    this.flush();
    const row = this.#statement(
      `SELECT ${SUMMARY_COLUMNS}, error, request, request_body, attempts, redelivery_of, retry_behaviour, run_id FROM deliveries WHERE id = ?`,
    ).get(id) as FullRow | undefined;
    if (!row) throw new UserFacingError('not_found', `No delivery has the id "${id}"; it may have been removed by retention.`);
    const request = { ...(JSON.parse(row.request) as Omit<SentRequest, 'body'>), body: row.request_body };
    return {
      ...summaryFromRow(row),
      request,
      attempts: JSON.parse(row.attempts) as Attempt[],
      error: row.error,
      redeliveryOf: row.redelivery_of,
      retryBehaviour: row.retry_behaviour,
      runId: row.run_id,
    };
  }

  /** Ids of a hook's deliveries that did not succeed (failed, interrupted, cancelled) since a time, oldest first. */
  unsuccessfulSince(hookId: string, since: number | null): string[] {
    return this.#all<{ id: string }>(
      `SELECT id FROM deliveries WHERE hook_id = ? AND kind = 'delivery' AND created_at >= ? AND outcome IN ('failed', 'interrupted', 'cancelled') ORDER BY seq`,
      hookId,
      since ?? 0,
    ).map((row) => row.id);
  }

  getSetting(key: string): string | null {
    this.flush();
    const row = this.#statement('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setSetting(key: string, value: string): void {
    this.#run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, value);
  }

  all<T>(sql: string, ...values: SQLInputValue[]): T[] {
    return this.#all<T>(sql, ...values);
  }

  run(sql: string, ...values: SQLInputValue[]): number {
    return Number(this.#run(sql, ...values).changes);
  }

  /** The SQLite library's version, for diagnostics. */
  sqliteVersion(): string {
    return this.#all<{ version: string }>('SELECT sqlite_version() AS version')[0]!.version;
  }

  /** How many deliveries the log holds, for diagnostics. */
  rowCount(): number {
    return this.#all<{ count: number }>('SELECT count(*) AS count FROM deliveries')[0]!.count;
  }

  close(): void {
    if (!this.db.isOpen) return;
    this.flush();
    this.db.close();
  }

  #queue(sql: string, ...values: SQLInputValue[]): void {
    this.#pending.push([sql, values]);
    void this.flushed().catch((error) => console.error('[hookbench] request log write failed', error));
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #run(sql: string, ...values: SQLInputValue[]) {
    this.flush();
    try {
      return this.#statement(sql).run(...values);
    } catch (error) {
      throw new UserFacingError('storage', `Could not write to the request log at ${this.path}: ${(error as Error).message}`);
    }
  }

  #all<T>(sql: string, ...values: SQLInputValue[]): T[] {
    this.flush();
    try {
      return this.#statement(sql).all(...values) as T[];
    } catch (error) {
      throw new UserFacingError('storage', `Could not read the request log at ${this.path}: ${(error as Error).message}`);
    }
  }

  #open(): DatabaseSync {
    try {
      return this.#prepare(new DatabaseSync(this.path));
    } catch (error) {
      if (!existsSync(this.path)) {
        throw new UserFacingError('storage', `Could not create the request log at ${this.path}: ${(error as Error).message}`);
      }
      const newer = error instanceof NewerLogError;
      const keptAt = moveDatabaseAside(this.path, newer ? 'newer' : 'corrupt');
      this.#report({
        id: `log-${newer ? 'newer' : 'corrupt'}-${Date.now()}`,
        level: 'warning',
        message: newer
          ? `The request log was written by a newer Hookbench; it is kept at ${keptAt} and a new, empty log was started. Update Hookbench to read it again.`
          : `The request log could not be opened (${(error as Error).message}); it is kept at ${keptAt} and a new, empty log was started.`,
      });
      return this.#prepare(new DatabaseSync(this.path));
    }
  }

  #prepare(db: DatabaseSync): DatabaseSync {
    try {
      db.exec('PRAGMA journal_mode = WAL');
      db.exec('PRAGMA synchronous = NORMAL');
      // The command line may write while the app does; wait for the other writer instead of failing.
      db.exec('PRAGMA busy_timeout = 5000');
      const version = schemaVersion(db);
      if (version > LOG_SCHEMA_VERSION) throw new NewerLogError(version);
      migrateLog(db);
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** In-flight rows whose process is gone were cut off by a crash or a kill: say so instead of leaving them pending. */
  #recoverInterrupted(): void {
    const owners = this.#all<{ owner_pid: number | null }>("SELECT DISTINCT owner_pid FROM deliveries WHERE outcome = 'in_flight'");
    for (const { owner_pid: pid } of owners) {
      if (pid !== null && pid !== process.pid && isAlive(pid)) continue;
      this.#run(
        `UPDATE deliveries SET outcome = 'interrupted', owner_pid = NULL,
           error = 'Hookbench stopped before this delivery finished; the receiver may or may not have received it.'
         WHERE outcome = 'in_flight' AND owner_pid IS ?`,
        pid,
      );
    }
  }
}

class NewerLogError extends Error {
  constructor(version: number) {
    super(`schema version ${version} is newer than this Hookbench understands`);
  }
}

export function moveDatabaseAside(path: string, reason: string): string {
  const keptAt = moveAside(path, reason);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, keptAt + suffix);
  }
  return keptAt;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function summaryFromRow(row: Row): DeliverySummary {
  return {
    id: row.id,
    kind: row.kind,
    hookId: row.hook_id,
    event: row.event as HookEvent,
    createdAt: row.created_at,
    outcome: row.outcome,
    status: row.status,
    durationMs: row.duration_ms,
    attemptCount: row.attempt_count,
  };
}
