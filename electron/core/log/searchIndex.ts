import type { DatabaseSync } from 'node:sqlite';
import type { Attempt } from '../../../shared/domain';

/**
 * Keeps the FTS5 search index (`delivery_text`, trigram tokens) up with the log. A finished row is
 * put in `text_pending` by a trigger, in the same commit as its outcome, which costs one small
 * insert; the text itself is indexed here, later, in batches, away from any delivery's wait.
 * The index is contentless: it holds tokens and row numbers, not a second copy of every body.
 */

type PendingRow = { seq: number; request: string; request_body: string; attempts: string };

/** Indexes up to `batch` waiting rows in one transaction; answers how many it took. */
export function indexPending(db: DatabaseSync, batch: number): number {
  const rows = db
    .prepare(
      `SELECT d.seq, d.request, d.request_body, d.attempts FROM text_pending p JOIN deliveries d ON d.seq = p.seq ORDER BY p.seq LIMIT ?`,
    )
    .all(batch) as PendingRow[];
  if (rows.length === 0) return 0;
  const add = db.prepare('INSERT INTO delivery_text (rowid, text) VALUES (?, ?)');
  const done = db.prepare('DELETE FROM text_pending WHERE seq = ?');
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const row of rows) {
      add.run(row.seq, searchableText(row));
      done.run(row.seq);
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
  return rows.length;
}

/** Removes rows about to be deleted from the index (by row number, which SQLite never reuses here). */
export function unindex(db: DatabaseSync, seqs: readonly number[]): void {
  db.prepare('DELETE FROM delivery_text WHERE rowid IN (SELECT value FROM json_each(?))').run(JSON.stringify(seqs));
}

/** What a search looks through: the request's headers and body, each response's headers, body and error, as the user sees them. */
function searchableText(row: PendingRow): string {
  const request = JSON.parse(row.request) as { headers?: Record<string, string> };
  const parts = [headerLines(request.headers), row.request_body];
  for (const attempt of JSON.parse(row.attempts) as Attempt[]) {
    parts.push(headerLines(attempt.headers), attempt.body ?? '', attempt.error?.message ?? '');
  }
  return parts.join('\n');
}

function headerLines(headers: Record<string, string> | null | undefined): string {
  return Object.entries(headers ?? {})
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}
