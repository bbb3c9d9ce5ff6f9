import { DatabaseSync } from 'node:sqlite';

/**
 * The request log's schema, one migration per version. `PRAGMA user_version` records the version;
 * a database newer than the last migration here is not ours to change.
 */
const migrations: string[] = [
  // 1: one row per delivery; the request and all attempts travel with it.
  `CREATE TABLE deliveries (
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
     owner_pid      INTEGER
   );
   CREATE INDEX deliveries_by_hook ON deliveries (hook_id, seq);
   CREATE INDEX deliveries_by_time ON deliveries (created_at, hook_id, outcome);
   CREATE INDEX deliveries_in_flight ON deliveries (outcome) WHERE outcome = 'in_flight';
   CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,

  // 2: finished deliveries counted per hook and hour, kept by triggers so every writer (app,
  // command line, retention, crash recovery) keeps them right. Health reads these instead of
  // scanning every delivery of the day.
  `CREATE TABLE hourly_counts (
     hook_id    TEXT NOT NULL,
     hour       INTEGER NOT NULL,
     succeeded  INTEGER NOT NULL DEFAULT 0,
     failed     INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (hook_id, hour)
   ) WITHOUT ROWID;
   INSERT INTO hourly_counts (hook_id, hour, succeeded, failed)
     SELECT hook_id, (created_at / 3600000) * 3600000, sum(outcome = 'success'), sum(outcome != 'success')
     FROM deliveries WHERE outcome != 'in_flight' GROUP BY 1, 2;
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
   END;`,

  // 3: a redelivery links to the delivery it sent again.
  `ALTER TABLE deliveries ADD COLUMN redelivery_of TEXT;`,

  // 4: rows of three kinds (delivery, check, captured); a captured request may match no hook, so
  // hook_id may be NULL, which SQLite can only allow by rebuilding the table. Each row records the
  // retry rule it was sent under and, for checks, its run. Only deliveries count towards health.
  `CREATE TABLE deliveries_v4 (
     seq             INTEGER PRIMARY KEY AUTOINCREMENT,
     id              TEXT NOT NULL UNIQUE,
     kind            TEXT NOT NULL DEFAULT 'delivery',
     hook_id         TEXT,
     event           TEXT NOT NULL,
     created_at      INTEGER NOT NULL,
     outcome         TEXT NOT NULL,
     status          INTEGER,
     duration_ms     INTEGER,
     attempt_count   INTEGER NOT NULL DEFAULT 0,
     error           TEXT,
     request         TEXT NOT NULL,
     request_body    TEXT NOT NULL,
     attempts        TEXT NOT NULL DEFAULT '[]',
     owner_pid       INTEGER,
     redelivery_of   TEXT,
     retry_behaviour TEXT,
     run_id          TEXT
   );
   INSERT INTO deliveries_v4 (seq, id, kind, hook_id, event, created_at, outcome, status, duration_ms, attempt_count,
                              error, request, request_body, attempts, owner_pid, redelivery_of, retry_behaviour)
     SELECT seq, id, 'delivery', hook_id, event, created_at, outcome, status, duration_ms, attempt_count,
            error, request, request_body, attempts, owner_pid, redelivery_of, 'retry-5xx'
     FROM deliveries;
   DROP TABLE deliveries;
   ALTER TABLE deliveries_v4 RENAME TO deliveries;
   CREATE INDEX deliveries_by_hook ON deliveries (hook_id, kind, seq);
   CREATE INDEX deliveries_by_time ON deliveries (created_at, hook_id, outcome);
   CREATE INDEX deliveries_in_flight ON deliveries (outcome) WHERE outcome = 'in_flight';
   CREATE INDEX deliveries_by_run ON deliveries (run_id) WHERE run_id IS NOT NULL;
   CREATE TRIGGER count_finished AFTER UPDATE OF outcome ON deliveries
   WHEN OLD.outcome = 'in_flight' AND NEW.outcome != 'in_flight' AND NEW.kind = 'delivery'
   BEGIN
     INSERT INTO hourly_counts (hook_id, hour, succeeded, failed)
       VALUES (NEW.hook_id, (NEW.created_at / 3600000) * 3600000, NEW.outcome = 'success', NEW.outcome != 'success')
       ON CONFLICT (hook_id, hour) DO UPDATE SET succeeded = succeeded + excluded.succeeded, failed = failed + excluded.failed;
   END;
   CREATE TRIGGER uncount_removed AFTER DELETE ON deliveries
   WHEN OLD.outcome != 'in_flight' AND OLD.kind = 'delivery'
   BEGIN
     UPDATE hourly_counts
       SET succeeded = succeeded - (OLD.outcome = 'success'), failed = failed - (OLD.outcome != 'success')
       WHERE hook_id = OLD.hook_id AND hour = (OLD.created_at / 3600000) * 3600000;
   END;`,

  // 5: finished rows wait in text_pending until the search index (FTS5, built only where the
  // runtime's SQLite has it) takes them, off the send path. Rows already stored wait too.
  `CREATE TABLE text_pending (seq INTEGER PRIMARY KEY);
   INSERT INTO text_pending (seq) SELECT seq FROM deliveries WHERE outcome != 'in_flight';
   CREATE TRIGGER index_finished AFTER UPDATE OF outcome ON deliveries
   WHEN OLD.outcome = 'in_flight' AND NEW.outcome != 'in_flight'
   BEGIN
     INSERT OR IGNORE INTO text_pending (seq) VALUES (NEW.seq);
   END;
   CREATE TRIGGER index_inserted_finished AFTER INSERT ON deliveries
   WHEN NEW.outcome != 'in_flight'
   BEGIN
     INSERT OR IGNORE INTO text_pending (seq) VALUES (NEW.seq);
   END;
   CREATE TRIGGER unindex_removed AFTER DELETE ON deliveries
   BEGIN
     DELETE FROM text_pending WHERE seq = OLD.seq;
   END;`,
];

export const LOG_SCHEMA_VERSION = migrations.length;

export function schemaVersion(db: DatabaseSync): number {
  return Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
}

/**
 * Brings a log up to this release's schema. Each step takes the write lock first (BEGIN
 * IMMEDIATE) and reads the version again under it, so processes opening one folder at once
 * migrate it once between them instead of racing to create the same tables.
 */
export function migrateLog(db: DatabaseSync, target = migrations.length): void {
  while (schemaVersion(db) < target) {
    db.exec('BEGIN IMMEDIATE');
    try {
      const version = schemaVersion(db);
      if (version < target) {
        db.exec(migrations[version]!);
        db.exec(`PRAGMA user_version = ${version + 1}`);
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
}

/** Table name → column names, as this release's migrations leave them. */
export type SchemaShape = Record<string, string[]>;

const shapes = new Map<number, SchemaShape>();

/** What every log at a version must look like, found by migrating an empty in-memory log that far. */
export function expectedShape(version: number): SchemaShape {
  let shape = shapes.get(version);
  if (!shape) {
    const db = new DatabaseSync(':memory:');
    migrateLog(db, version);
    shape = shapeOf(db);
    shapes.set(version, shape);
    db.close();
  }
  return shape;
}

/** The ordinary tables of a log and their columns (the search index and SQLite's own tables aside). */
export function shapeOf(db: DatabaseSync): SchemaShape {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'delivery_text%' ORDER BY name",
    )
    .all() as Array<{ name: string }>;
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(name) as Array<{ name: string }>).map((column) => column.name),
    ]),
  );
}
