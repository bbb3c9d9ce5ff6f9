import { basename, dirname } from 'node:path';
import type { DatabaseSync, SQLInputValue, SQLOutputValue, StatementSync } from 'node:sqlite';
import type { Delivery, DeliverySummary } from '../../../shared/domain';
import { UserFacingError } from '../../../shared/errors';
import type { DeliveryRecorder } from '../delivery/engine';
import type { Report } from '../notices';
import { isAlive } from '../util/process';
import { openDatabase, SQLITE_CORRUPT, sqliteCode } from './database';
import { buildLogQuery, FULL_COLUMNS, type FullRow, type LogsQuery, type SearchMode, summaryFromRow } from './queries';
import { indexPending, unindex } from './searchIndex';
import { LogSettings } from './settings';
import { deliveryFromRow } from './storedDelivery';
import { type Write, WriteQueue } from './writeQueue';

export { LOG_FILE_NAME } from './database';

export type LogPage = { items: DeliverySummary[]; nextCursor: string | null; searchMode?: SearchMode; total?: number };
export type HookCounts = { hook_id: string; succeeded: number; failed: number };
export type LogLimits = { maxPageCount?: number };

const INDEX_BATCH = 100;
/** How many unsent deliveries `get` can still explain. */
const UNSENT_KEPT = 1_000;
/** Upkeep (search indexing, copying the journal in) waits until writes have been quiet this long: it shares main's thread with them. */
const UPKEEP_IDLE_MS = 1_000;
const INTERRUPTED = 'Hookbench stopped before this delivery finished; the receiver may or may not have received it.';

/**
 * Every delivery, durable and queryable offline: the log's one door for the rest of the core.
 * A delivery is written before its first attempt and again after its last, so a crash leaves an
 * in-flight row that the next start marks interrupted. Writes go through the write queue (group
 * commit, see writeQueue.ts); reads commit what is queued first, so they see every write, and
 * still answer from what is stored when that commit fails (the failure is reported, not hidden).
 * Nothing outside this folder gets the database or writes SQL.
 *
 * Over 300 lines on purpose: it is the list of named methods that replaced raw SQL in health,
 * retention and the service; each is a few lines, and the real work lives in the files it uses.
 */
export class RequestLog implements DeliveryRecorder {
  readonly path: string;
  readonly #db: DatabaseSync;
  readonly #fts: boolean;
  readonly #writes: WriteQueue;
  readonly #settings: LogSettings;
  readonly #report: Report;
  readonly #statements = new Map<string, StatementSync>();
  /** Deliveries started and not yet waited for, oldest first: the order the engine waits in. */
  readonly #unclaimed = new Map<string, number>();
  /** Deliveries whose first row could not be written, so they were never sent and have no row: why, for `get`. */
  readonly #unsent = new Map<string, string>();
  #failures = 0;
  #failing = false;
  #upkeep: NodeJS.Timeout | null = null;
  /** When the log was last written to (performance.now()); upkeep waits for a pause after it. */
  #lastWrite = Number.NEGATIVE_INFINITY;
  #dataVersion = 0;

  constructor(path: string, report: Report, limits: LogLimits = {}) {
    this.path = path;
    this.#report = report;
    ({ db: this.#db, fts: this.#fts } = openDatabase(path, { report, ...limits }));
    this.#settings = new LogSettings(this.#db);
    this.#writes = new WriteQueue(this.#commit, this.#writeFailed);
    this.#dataVersion = this.#version();
    this.#recoverInterrupted();
    this.#upkeepAfter(UPKEEP_IDLE_MS);
  }

  get isOpen(): boolean {
    return this.#db.isOpen;
  }

  // ---- DeliveryRecorder: what the engine writes and waits for ----

  started(delivery: Delivery): void {
    const { body, ...request } = delivery.request;
    const ticket = this.#writes.push({
      sql: `INSERT INTO deliveries (id, kind, hook_id, event, created_at, outcome, request, request_body, owner_pid, redelivery_of, retry_behaviour, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      values: [
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
      ],
      dropWhenRefused: true,
    });
    this.#unclaimed.set(delivery.id, ticket);
    this.#wrote();
  }

  finished(delivery: Delivery): void {
    this.#unclaimed.delete(delivery.id);
    this.#writes.push({
      sql: `UPDATE deliveries SET outcome = ?, status = ?, duration_ms = ?, attempt_count = ?, error = ?, attempts = ?, owner_pid = NULL
            WHERE id = ?`,
      values: [
        delivery.outcome,
        delivery.status,
        delivery.durationMs,
        delivery.attemptCount,
        delivery.error,
        JSON.stringify(delivery.attempts),
        delivery.id,
      ],
    });
    this.#wrote();
  }

  /** Resolves once every write queued so far is committed (for callers that record without sending). */
  flushed(): Promise<void> {
    return this.#writes.durableThrough();
  }

  /**
   * The wait before a request leaves: resolves once this delivery's first row is committed, and
   * rejects (dropping the row: it will not be sent) only when that row could not be. Another
   * delivery's failed row never refuses this one.
   */
  recorded(deliveryId: string): Promise<void> {
    const ticket = this.#unclaimed.get(deliveryId);
    if (ticket === undefined) return this.#writes.durableThrough();
    this.#unclaimed.delete(deliveryId);
    return this.#writes.durable(ticket).catch((error: unknown) => {
      // A lock held elsewhere fails the whole commit with SQLite's bare words; say which file.
      const told = this.#storageError('write', error);
      this.#unsent.set(deliveryId, told.message);
      if (this.#unsent.size > UNSENT_KEPT) this.#unsent.delete(this.#unsent.keys().next().value!);
      throw told;
    });
  }

  /** Commits every queued write now. Throws the storage error when some could not be committed (they stay queued). */
  flush(): void {
    if (this.#db.isOpen) this.#writes.flush();
  }

  // ---- Reading ----

  /** A hook's deliveries, newest first. The cursor is a position, so pages stay put while new deliveries arrive. */
  query(query: LogsQuery, now = Date.now()): LogPage {
    const built = buildLogQuery(query, now, { fts: this.#fts });
    const rows = this.#all<FullRow>(built.sql, ...built.values);
    const more = rows.length > query.limit;
    const page = more ? rows.slice(0, query.limit) : rows;
    const answer: LogPage = { items: page.map(summaryFromRow), nextCursor: more ? String(page.at(-1)!.seq) : null };
    if (built.count) answer.total = this.#all<{ total: number }>(built.count.sql, ...built.count.values)[0]!.total;
    return built.searchMode ? { ...answer, searchMode: built.searchMode } : answer;
  }

  get(id: string): Delivery {
    const [row] = this.#all<FullRow>(`SELECT ${FULL_COLUMNS} FROM deliveries WHERE id = ?`, id);
    const unsent = this.#unsent.get(id);
    if (!row && unsent) {
      throw new UserFacingError(
        'storage',
        `${unsent}. This delivery was not sent, so that nothing goes unrecorded; free disk space or close what holds the log, then send it again.`,
      );
    }
    if (!row) throw new UserFacingError('not_found', `No delivery has the id "${id}"; it may have been removed by retention.`);
    return deliveryFromRow(row);
  }

  /**
   * Ids of a hook's deliveries that did not succeed (failed, interrupted, cancelled) since a time,
   * oldest first, leaving out those already sent again: what to redeliver is the latest try of each
   * event, so a run sends an event once however many times it failed before, and none that a
   * redelivery has since delivered (or is still sending).
   */
  unsuccessfulSince(hookId: string, since: number | null): string[] {
    const sentAgain = new Set(
      this.#all<{ original: string }>(
        `SELECT redelivery_of AS original FROM deliveries
         WHERE hook_id = ? AND kind = 'delivery' AND created_at >= ? AND redelivery_of IS NOT NULL`,
        hookId,
        since ?? 0,
      ).map((row) => row.original),
    );
    return this.#all<{ id: string }>(
      `SELECT id FROM deliveries WHERE hook_id = ? AND kind = 'delivery' AND created_at >= ? AND outcome IN ('failed', 'interrupted', 'cancelled') ORDER BY seq`,
      hookId,
      since ?? 0,
    )
      .map((row) => row.id)
      .filter((id) => !sentAgain.has(id));
  }

  // ---- Health ----

  /** Finished deliveries per hook from the hourly counts, for every hour starting at or after `fromHour`. */
  countsSinceHour(fromHour: number): HookCounts[] {
    return this.#all<HookCounts>(
      'SELECT hook_id, sum(succeeded) AS succeeded, sum(failed) AS failed FROM hourly_counts WHERE hour >= ? GROUP BY hook_id',
      fromHour,
    );
  }

  /** Finished deliveries per hook created in [from, to), counted row by row (for a partial hour). */
  countsBetween(from: number, to: number): HookCounts[] {
    return this.#all<HookCounts>(
      `SELECT hook_id, sum(outcome = 'success') AS succeeded, sum(outcome != 'success') AS failed
       FROM deliveries INDEXED BY deliveries_by_time
       WHERE created_at >= ? AND created_at < ? AND outcome != 'in_flight' AND kind = 'delivery' GROUP BY hook_id`,
      from,
      to,
    );
  }

  /** One hook's hourly counts from `fromHour` on. */
  hourlyCounts(hookId: string, fromHour: number): Array<{ hour: number; succeeded: number; failed: number }> {
    return this.#all('SELECT hour, succeeded, failed FROM hourly_counts WHERE hook_id = ? AND hour >= ?', hookId, fromHour);
  }

  /** When each hook's latest delivery was made (null when it has none). */
  lastDeliveryAt(hookId: string): number | null {
    const [row] = this.#all<{ created_at: number }>(
      "SELECT created_at FROM deliveries WHERE hook_id = ? AND kind = 'delivery' ORDER BY seq DESC LIMIT 1",
      hookId,
    );
    return row?.created_at ?? null;
  }

  /**
   * Every hook id the log holds rows for, in order. Skips from one id to the next along the hook
   * index, so the cost grows with the number of hooks, not of rows.
   */
  hookIds(): string[] {
    return this.#all<{ id: string }>(
      `WITH RECURSIVE ids(id) AS (
         SELECT min(hook_id) FROM deliveries
         UNION ALL
         SELECT (SELECT min(hook_id) FROM deliveries WHERE hook_id > ids.id) FROM ids WHERE ids.id IS NOT NULL
       )
       SELECT id FROM ids WHERE id IS NOT NULL`,
    ).map((row) => row.id);
  }

  /** How many of a hook's deliveries (not checks or captures) the log holds. */
  deliveryCount(hookId: string): number {
    return this.#all<{ count: number }>("SELECT count(*) AS count FROM deliveries WHERE hook_id = ? AND kind = 'delivery'", hookId)[0]!
      .count;
  }

  // ---- Removing ----

  /** How many rows of every kind a hook has in the log. */
  countForHook(hookId: string): number {
    return this.#all<{ count: number }>('SELECT count(*) AS count FROM deliveries WHERE hook_id = ?', hookId)[0]!.count;
  }

  /** Removes up to `batch` of a hook's finished rows; answers how many went. */
  removeForHook(hookId: string, batch: number): number {
    return this.#remove("SELECT seq FROM deliveries WHERE hook_id = ? AND outcome != 'in_flight' LIMIT ?", hookId, batch);
  }

  /**
   * Removes up to `batch` finished rows older than `before`, answering how many went. A row dated
   * after `now` (written while the clock was wrong) would never grow old, so it goes as soon as a
   * row recorded after it is old enough: row numbers only grow, so that row is truly newer.
   */
  removeDecided(before: number, now: number, batch: number): number {
    const [{ seq: through } = { seq: null }] = this.#all<{ seq: number | null }>(
      'SELECT max(seq) AS seq FROM deliveries WHERE created_at < ?',
      before,
    );
    if (through === null) return 0;
    return this.#remove(
      "SELECT seq FROM deliveries WHERE outcome != 'in_flight' AND (created_at < ? OR (created_at > ? AND seq <= ?)) ORDER BY seq LIMIT ?",
      before,
      now,
      through,
      batch,
    );
  }

  /** Gives up to `pages` free pages back to the file system; answers how many free pages remain. */
  reclaimSpace(pages: number): number {
    this.flush();
    this.#db.exec(`PRAGMA incremental_vacuum(${Math.floor(pages)})`);
    return (this.#db.prepare('PRAGMA freelist_count').get() as { freelist_count: number }).freelist_count;
  }

  // ---- Settings, other processes, life ----

  getSetting(key: string): string | null {
    this.#tryFlush();
    return this.#settings.get(key);
  }

  setSetting(key: string, value: string): void {
    this.#tryFlush();
    this.#guard('write', () => this.#settings.set(key, value));
  }

  /** Finished rows the search index has not taken yet (they are still found, by a direct scan). */
  searchBacklog(): number {
    return this.#all<{ count: number }>('SELECT count(*) AS count FROM text_pending')[0]!.count;
  }

  /** Whether another process (the command line, a second window) committed to the log since the last call. */
  changes(): boolean {
    const version = this.#version();
    const changed = version !== this.#dataVersion;
    this.#dataVersion = version;
    return changed;
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
    if (!this.#db.isOpen) return;
    if (this.#upkeep) clearTimeout(this.#upkeep);
    this.#writes.stop();
    // A last try; when it fails, the failure has been reported and the next start marks what stayed in flight.
    this.#tryFlush();
    this.#db.close();
  }

  #commit = (writes: readonly Write[]): Array<Error | undefined> => {
    const errors: Array<Error | undefined> = writes.map(() => undefined);
    this.#db.exec('BEGIN IMMEDIATE');
    let lost: Error | undefined;
    writes.forEach((write, index) => {
      if (lost) return;
      try {
        this.#statement(write.sql).run(...write.values);
      } catch (error) {
        errors[index] = this.#storageError('write', error);
        // Some errors (a full disk among them) may end the whole transaction, not just the statement.
        if (!this.#db.isTransaction) lost = errors[index];
      }
    });
    if (!lost) {
      try {
        this.#db.exec('COMMIT');
      } catch (error) {
        lost = this.#storageError('write', error);
      }
    }
    if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
    if (lost) return errors.map(() => lost);
    if (!errors.some(Boolean)) this.#failing = false;
    return errors;
  };

  #writeFailed = (error: Error, waiting: number): void => {
    if (!this.#failing) this.#failures++;
    this.#failing = true;
    this.#report({
      id: `log-write-failed-${this.#failures}`,
      level: 'error',
      message: `${error.message}. ${waiting} change(s) to deliveries already sent are kept and saved as soon as the log can be written again, and nothing new is sent until then; free disk space or check the data folder.`,
    });
  };

  #remove(select: string, ...values: SQLInputValue[]): number {
    const seqs = this.#all<{ seq: number }>(select, ...values).map((row) => row.seq);
    if (seqs.length === 0) return 0;
    this.#guard('write', () => {
      this.#db.exec('BEGIN IMMEDIATE');
      try {
        if (this.#fts) unindex(this.#db, seqs);
        this.#statement('DELETE FROM deliveries WHERE seq IN (SELECT value FROM json_each(?))').run(JSON.stringify(seqs));
        this.#db.exec('COMMIT');
      } catch (error) {
        if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
        throw error;
      }
    });
    return seqs.length;
  }

  /** A write pushes upkeep back: one timestamp, not a timer set and cleared per delivery. */
  #wrote(): void {
    this.#lastWrite = performance.now();
    if (!this.#upkeep) this.#upkeepAfter(UPKEEP_IDLE_MS);
  }

  #upkeepAfter(delay: number): void {
    this.#upkeep = setTimeout(() => this.#runUpkeep(), delay);
    this.#upkeep.unref();
  }

  /**
   * Once writes pause: finished rows are indexed for search, in small batches (a backlog from an
   * upgraded log or a burst goes on one batch per turn of the event loop, and stops when deliveries
   * start again); then the journal is copied into the log, which a burst no longer stops to do.
   */
  #runUpkeep(): void {
    this.#upkeep = null;
    if (!this.#db.isOpen) return;
    const quiet = performance.now() - this.#lastWrite;
    if (quiet < UPKEEP_IDLE_MS) {
      this.#upkeepAfter(UPKEEP_IDLE_MS - quiet);
      return;
    }
    try {
      if (this.#fts && indexPending(this.#db, INDEX_BATCH) === INDEX_BATCH) {
        this.#upkeepAfter(0);
        return;
      }
      // PASSIVE: never waits for another process's reader or writer; what it cannot copy now waits for the next pause.
      this.#db.exec('PRAGMA wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or full: pending rows are still found by a direct scan, and the journal still holds every write; the next pause tries again.
    }
  }

  /** In-flight rows whose process is gone were cut off by a crash or a kill: say so instead of leaving them pending. */
  #recoverInterrupted(): void {
    const owners = this.#all<{ owner_pid: number | null }>("SELECT DISTINCT owner_pid FROM deliveries WHERE outcome = 'in_flight'");
    for (const { owner_pid: pid } of owners) {
      if (pid !== null && pid !== process.pid && isAlive(pid)) continue;
      this.#guard('write', () =>
        this.#statement(
          "UPDATE deliveries SET outcome = 'interrupted', owner_pid = NULL, error = ? WHERE outcome = 'in_flight' AND owner_pid IS ?",
        ).run(INTERRUPTED, pid),
      );
    }
  }

  #version(): number {
    return (this.#db.prepare('PRAGMA data_version').get() as { data_version: number }).data_version;
  }

  /** Reads see every write; when the write fails, they answer from what is stored and the failure is reported. */
  #tryFlush(): void {
    try {
      this.flush();
    } catch {
      // Reported through #writeFailed; the queued writes stay queued.
    }
  }

  #all<T>(sql: string, ...values: SQLInputValue[]): T[] {
    this.#tryFlush();
    return this.#guard('read', () => {
      const statement = this.#statement(sql);
      // One integer past 2^53 (a damaged or hand-edited row) would otherwise fail the whole read.
      statement.setReadBigInts(true);
      return statement.all(...values).map(withSafeNumbers) as T[];
    });
  }

  #guard<T>(action: 'read' | 'write', work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw this.#storageError(action, error);
    }
  }

  #storageError(action: 'read' | 'write', error: unknown): Error {
    if (error instanceof UserFacingError) return error;
    const said = `Could not ${action} the request log at ${this.path}: ${(error as Error).message}`;
    // A damaged page deep in the file passes the open and fails only the queries that reach it.
    if (sqliteCode(error) !== SQLITE_CORRUPT) return new UserFacingError('storage', said);
    return new UserFacingError(
      'storage',
      `${said}. Part of the file is damaged. Quit Hookbench and its commands, then move ${basename(this.path)} (with its -wal and -shm files) out of ${dirname(this.path)}: the next start begins a new log, and \`sqlite3 <file> .recover\` can save what is readable in the old one.`,
    );
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}

/** A row with each integer as a number, or null where no JavaScript number can hold it: the readers treat that value as missing. */
function withSafeNumbers(row: Record<string, SQLOutputValue>): Record<string, SQLOutputValue> {
  const out: Record<string, SQLOutputValue> = {};
  for (const [column, value] of Object.entries(row)) {
    out[column] =
      typeof value !== 'bigint' ? value : value >= Number.MIN_SAFE_INTEGER && value <= Number.MAX_SAFE_INTEGER ? Number(value) : null;
  }
  return out;
}
