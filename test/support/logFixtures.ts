/**
 * A request log as the previous release (schema version 3) wrote it, built with that release's
 * own DDL so the upgrade is tested against what users have on disk, not against our migrations.
 */
import { DatabaseSync } from 'node:sqlite';

const HOUR = 3_600_000;
export const FIXTURE_HOOKS = Array.from({ length: 20 }, (_, index) => `hook-${String(index).padStart(2, '0')}`);

const V3_SCHEMA = `
  CREATE TABLE deliveries (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    id             TEXT NOT NULL UNIQUE,
    hook_id        TEXT NOT NULL,
    event          TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    outcome        TEXT NOT NULL,
    status         INTEGER,
    duration_ms    INTEGER,
    attempt_count  INTEGER NOT NULL DEFAULT 0,
    error          TEXT,
    request        TEXT NOT NULL,
    request_body   TEXT NOT NULL,
    attempts       TEXT NOT NULL DEFAULT '[]',
    owner_pid      INTEGER,
    redelivery_of  TEXT
  );
  CREATE INDEX deliveries_by_hook ON deliveries (hook_id, seq);
  CREATE INDEX deliveries_by_time ON deliveries (created_at, hook_id, outcome);
  CREATE INDEX deliveries_in_flight ON deliveries (outcome) WHERE outcome = 'in_flight';
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE hourly_counts (
    hook_id    TEXT NOT NULL,
    hour       INTEGER NOT NULL,
    succeeded  INTEGER NOT NULL DEFAULT 0,
    failed     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (hook_id, hour)
  ) WITHOUT ROWID;
  CREATE TRIGGER count_finished AFTER UPDATE OF outcome ON deliveries
  WHEN OLD.outcome = 'in_flight' AND NEW.outcome != 'in_flight'
  BEGIN
    INSERT INTO hourly_counts (hook_id, hour, succeeded, failed)
      VALUES (NEW.hook_id, (NEW.created_at / 3600000) * 3600000, NEW.outcome = 'success', NEW.outcome != 'success')
      ON CONFLICT (hook_id, hour) DO UPDATE SET succeeded = succeeded + excluded.succeeded, failed = failed + excluded.failed;
  END;
  CREATE TRIGGER uncount_removed AFTER DELETE ON deliveries
  WHEN OLD.outcome != 'in_flight'
  BEGIN
    UPDATE hourly_counts
      SET succeeded = succeeded - (OLD.outcome = 'success'), failed = failed - (OLD.outcome != 'success')
      WHERE hook_id = OLD.hook_id AND hour = (OLD.created_at / 3600000) * 3600000;
  END;
  PRAGMA user_version = 3;`;

export type FixtureRow = { id: string; hookId: string; createdAt: number; outcome: 'success' | 'failed' | 'interrupted'; body: string };

/** The rows the fixture holds: spread over the 30 hours before `now`, one in ten failed, one in a hundred interrupted. */
export function fixtureRow(index: number, total: number, now: number): FixtureRow {
  const outcome = index % 100 === 0 ? 'interrupted' : index % 10 === 0 ? 'failed' : 'success';
  return {
    id: `v3-${index}`,
    hookId: FIXTURE_HOOKS[index % FIXTURE_HOOKS.length]!,
    createdAt: now - 30 * HOUR + Math.floor((index / total) * 30 * HOUR),
    outcome,
    body: JSON.stringify({ event: 'User.Created', createdAt: new Date(now).toISOString(), data: { id: `user-${index}` } }),
  };
}

/** Writes a version-3 log of `total` deliveries at `path`, as the previous release left it (WAL, default auto_vacuum). */
export function writeV3Log(path: string, total: number, now: number): void {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(V3_SCHEMA);
  const insert = db.prepare(
    `INSERT INTO deliveries (id, hook_id, event, created_at, outcome, status, duration_ms, attempt_count, error, request, request_body, attempts)
     VALUES (?, ?, 'User.Created', ?, ?, ?, 12, ?, ?, ?, ?, ?)`,
  );
  db.exec('BEGIN');
  for (let index = 0; index < total; index++) {
    const row = fixtureRow(index, total, now);
    const status = row.outcome === 'success' ? 200 : row.outcome === 'failed' ? 500 : null;
    const attempts =
      status === null
        ? []
        : [{ number: 1, startedAt: row.createdAt, durationMs: 12, status, headers: {}, body: 'ok', bodyTruncated: false, error: null }];
    insert.run(
      row.id,
      row.hookId,
      row.createdAt,
      row.outcome,
      status,
      attempts.length,
      row.outcome === 'success' ? null : `ended ${row.outcome}`,
      JSON.stringify({ method: 'POST', url: 'http://localhost:3000/hook', headers: { 'content-type': 'application/json' } }),
      row.body,
      JSON.stringify(attempts),
    );
  }
  // The previous release kept these counts by trigger as rows finished; rows written finished here get them at once.
  db.exec(`INSERT INTO hourly_counts (hook_id, hour, succeeded, failed)
    SELECT hook_id, (created_at / 3600000) * 3600000, sum(outcome = 'success'), sum(outcome != 'success')
    FROM deliveries GROUP BY 1, 2`);
  db.exec('COMMIT');
  db.close();
}
