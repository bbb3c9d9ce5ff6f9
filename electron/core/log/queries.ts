import type { SQLInputValue } from 'node:sqlite';
import type { ValidInput } from '../../../shared/contract';
import type { DeliveryKind, DeliverySummary, RetryBehaviour } from '../../../shared/domain';
import type { HookEvent } from '../../../shared/events';
import { rangeStart } from '../../../shared/time';

/**
 * The log's one query with filters, built as SQL text and values and nothing else: no database,
 * no clock of its own, so every filter combination is tested without opening a file.
 */

export type LogsQuery = ValidInput<'logs.query'>;
/** How a text search ran: through the FTS5 index, or as a scan of each hook's latest rows only. */
export type SearchMode = 'index' | 'scan';
export type BuiltQuery = {
  sql: string;
  values: SQLInputValue[];
  searchMode?: SearchMode;
  /** On the first page: how many rows match every filter. */
  count?: { sql: string; values: SQLInputValue[] };
};

/** Without an index, a search reads at most this many of a hook's latest rows. */
export const SCAN_LIMIT = 20_000;
/** The trigram index finds only terms of three characters or more; shorter ones are scanned. */
const MIN_INDEXED_LENGTH = 3;

export const SUMMARY_COLUMNS = 'seq, id, kind, hook_id, event, created_at, outcome, status, duration_ms, attempt_count, redelivery_of';
export const FULL_COLUMNS = `${SUMMARY_COLUMNS}, error, request, request_body, attempts, retry_behaviour, run_id`;

export type Row = {
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
  redelivery_of: string | null;
};
export type FullRow = Row & {
  error: string | null;
  request: string;
  request_body: string;
  attempts: string;
  retry_behaviour: RetryBehaviour | null;
  run_id: string | null;
};

/** A hook's deliveries matching every filter, newest first, one row more than a page (to tell if more follow). */
export function buildLogQuery(query: LogsQuery, now: number, { fts }: { fts: boolean }): BuiltQuery {
  // IS, not =: captured requests no hook's key verified have a NULL hook, and are listed too.
  const where = ['hook_id IS ?', 'kind = ?'];
  const values: SQLInputValue[] = [query.hookId, query.kind];
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
  let searchMode: SearchMode | undefined;
  if (query.text) {
    const pattern = likePattern(query.text);
    const anyColumnLike = "(request_body LIKE ? ESCAPE '\\' OR request LIKE ? ESCAPE '\\' OR attempts LIKE ? ESCAPE '\\')";
    if (fts && [...query.text].length >= MIN_INDEXED_LENGTH) {
      searchMode = 'index';
      // Indexed rows through the index; rows the indexer has not reached yet (in flight, or just
      // finished) are few, and are read directly so a search never misses the newest deliveries.
      where.push(
        `(seq IN (SELECT rowid FROM delivery_text WHERE delivery_text MATCH ?)
          OR ((outcome = 'in_flight' OR seq IN (SELECT seq FROM text_pending)) AND ${anyColumnLike}))`,
      );
      values.push(phrase(query.text), pattern, pattern, pattern);
    } else {
      searchMode = 'scan';
      where.push(
        `seq > coalesce((SELECT seq FROM deliveries WHERE hook_id IS ? AND kind = ? ORDER BY seq DESC LIMIT 1 OFFSET ?), 0)`,
        anyColumnLike,
      );
      values.push(query.hookId, query.kind, SCAN_LIMIT - 1, pattern, pattern, pattern);
    }
  }
  // The first page also counts every match, so the list can say "100 of 14 286"; later pages need not.
  const count = query.cursor
    ? undefined
    : { sql: `SELECT count(*) AS total FROM deliveries WHERE ${where.join(' AND ')}`, values: [...values] };
  if (query.cursor) {
    where.push('seq < ?');
    values.push(Number(query.cursor));
  }
  values.push(query.limit + 1);
  const sql = `SELECT ${SUMMARY_COLUMNS} FROM deliveries WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ?`;
  return { sql, values, ...(searchMode ? { searchMode } : {}), ...(count ? { count } : {}) };
}

/** `%text%` with LIKE's own characters taken literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** The text as one FTS5 phrase: a trigram phrase matches it anywhere, as a substring. */
function phrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * A row's list fields. Its numbers are Hookbench's writing, but the file is the user's: one changed
 * outside Hookbench (a time that is text) is read as unknown, never handed on to break a screen or
 * a command; `storedDelivery` says on the record which of them were damaged.
 */
export function summaryFromRow(row: Row): DeliverySummary {
  return {
    id: row.id,
    kind: row.kind,
    hookId: row.hook_id,
    event: row.event as HookEvent,
    createdAt: isTime(row.created_at) ? row.created_at : 0,
    outcome: row.outcome,
    status: isCount(row.status) ? row.status : null,
    durationMs: isCount(row.duration_ms) ? row.duration_ms : null,
    attemptCount: isCount(row.attempt_count) ? row.attempt_count : 0,
    redeliveryOf: row.redelivery_of,
  };
}

/** Milliseconds a Date can hold (±8.64e15). */
export const isTime = (value: unknown): value is number => typeof value === 'number' && Math.abs(value) <= 8.64e15;
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
