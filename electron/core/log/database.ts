import { chmodSync, closeSync, existsSync, openSync, renameSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { UserFacingError } from '../../../shared/errors';
import type { Report } from '../notices';
import { moveAside } from '../util/moveAside';
import { expectedShape, LOG_SCHEMA_VERSION, migrateLog, schemaVersion, shapeOf } from './schema';

export const LOG_FILE_NAME = 'requests.sqlite';
/** The log holds signing keys and custom header values (bearer tokens): owner only. */
export const LOG_FILE_MODE = 0o600;
/** How long an open or a write waits for another process (the command line) to finish its write. */
const BUSY_TIMEOUT_MS = 5_000;
/**
 * The journal may grow this far (pages) before a write stops to copy it into the log. SQLite's
 * default, 1 000 pages, made a burst of deliveries pay for that copy again and again; the log
 * copies it once deliveries pause instead (RequestLog's upkeep), and this stays the bound for a
 * burst that never pauses.
 */
const JOURNAL_PAGES = 10_000;
/** What is left of the journal file once it has been copied in and starts over. */
const JOURNAL_KEPT_BYTES = 4 * 1024 * 1024;

export type OpenOptions = {
  report: Report;
  /** A ceiling on the file's size in pages; how tests make the disk "full" without filling it. */
  maxPageCount?: number;
  /** SQLite's read-only open flag: how tests, which run as root, meet a log they may not write. */
  readOnly?: boolean;
};

export type LogDatabase = {
  db: DatabaseSync;
  /** Whether this runtime's SQLite has FTS5 with the trigram tokenizer (some builds lack it). */
  fts: boolean;
};

/**
 * Opens the log, creating and migrating it as needed. Only a file SQLite itself calls damaged
 * (SQLITE_CORRUPT, SQLITE_NOTADB), or one whose tables are not what its version says, is moved
 * aside, with a notice saying where. One written by a newer Hookbench is not ours to move: the
 * newer app or command line sharing the folder still uses it, so the open fails saying to update.
 * Anything else (locked, read-only, I/O errors, no space) is the surroundings, not the file: it
 * fails with a message naming the file and what to do, and moves nothing.
 */
export function openDatabase(path: string, options: OpenOptions): LogDatabase {
  try {
    return open(path, options);
  } catch (error) {
    const reason = setAsideReason(error);
    if (!reason || !existsSync(path)) throw openFailure(path, error);
    const keptAt = moveDatabaseAside(path, reason);
    options.report({ id: `log-${reason}-${Date.now()}`, level: 'warning', message: asideMessage(reason, keptAt, error) });
    try {
      return open(path, options);
    } catch (again) {
      throw openFailure(path, again);
    }
  }
}

function open(path: string, { maxPageCount, readOnly = false }: OpenOptions): LogDatabase {
  if (!readOnly) ownerOnly(path);
  const db = new DatabaseSync(path, { readOnly });
  try {
    // First, before anything that takes a lock: switching to WAL does, and without a busy timeout
    // a process opening the folder while another does fails at once with "database is locked".
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Version and tables read in one snapshot: another process may be migrating this log right now,
    // and a version from before its commit beside tables from after would look like a wrong schema.
    db.exec('BEGIN');
    let version: number;
    let shape: ReturnType<typeof shapeOf> | null;
    try {
      version = schemaVersion(db);
      shape = version > 0 && version <= LOG_SCHEMA_VERSION ? shapeOf(db) : null;
    } finally {
      db.exec('COMMIT');
    }
    if (version > LOG_SCHEMA_VERSION) throw new NewerLogError(version);
    // A log whose tables are not what its version says would fail every migration and every start.
    if (shape && !sameShape(shape, expectedShape(version))) throw new WrongSchemaError(version);
    // No Hookbench writes a negative version: the file was changed by something else.
    if (version < 0) throw new WrongSchemaError(version);
    // Only takes effect on a log with no tables yet; older logs switch below, once.
    if (version === 0) db.exec('PRAGMA auto_vacuum = INCREMENTAL');
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec(`PRAGMA wal_autocheckpoint = ${JOURNAL_PAGES}`);
    db.exec(`PRAGMA journal_size_limit = ${JOURNAL_KEPT_BYTES}`);
    migrateLog(db);
    switchToIncrementalVacuum(db);
    for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) chmodSync(path + suffix, LOG_FILE_MODE);
    if (maxPageCount !== undefined) db.exec(`PRAGMA max_page_count = ${Math.floor(maxPageCount)}`);
    return { db, fts: prepareSearchIndex(db) };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Creates the file owner-only before SQLite does (SQLite would use 0644), and tightens an older one. */
function ownerOnly(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', LOG_FILE_MODE));
  chmodSync(path, LOG_FILE_MODE);
}

/**
 * Logs made before auto_vacuum was set never give space back. Switching needs a VACUUM, which
 * rewrites the file once; after that retention's freed pages can be returned step by step.
 */
function switchToIncrementalVacuum(db: DatabaseSync): void {
  const { auto_vacuum: mode } = db.prepare('PRAGMA auto_vacuum').get() as { auto_vacuum: number };
  if (mode === 2) return;
  db.exec('PRAGMA auto_vacuum = INCREMENTAL');
  db.exec('VACUUM');
}

/** Creates the search index where FTS5 with trigrams exists; answers whether it does. */
function prepareSearchIndex(db: DatabaseSync): boolean {
  try {
    db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS delivery_text USING fts5(text, content = '', contentless_delete = 1, tokenize = 'trigram')",
    );
    return true;
  } catch {
    return false;
  }
}

function sameShape(actual: Record<string, string[]>, wanted: Record<string, string[]>): boolean {
  return JSON.stringify(actual) === JSON.stringify(wanted);
}

// SQLite's primary result codes (the low byte of an extended code).
export const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

function setAsideReason(error: unknown): 'corrupt' | 'wrong-schema' | null {
  if (error instanceof WrongSchemaError) return 'wrong-schema';
  const code = sqliteCode(error);
  return code === SQLITE_CORRUPT || code === SQLITE_NOTADB ? 'corrupt' : null;
}

export function sqliteCode(error: unknown): number | null {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' ? code & 0xff : null;
}

const ADVICE: Record<number, string> = {
  5: 'Another program holds the log locked; close other Hookbench windows or commands, then try again.',
  8: 'The file or its folder is read-only; give your user write access to the folder, then try again.',
  10: 'The disk reported an error reading or writing it; check the disk, then try again.',
  13: 'The disk is full; free some space, then try again.',
  14: 'The folder cannot be opened or written; check that it exists and that your user may write to it.',
  23: 'Your user is not allowed to open it; check the file’s owner and permissions.',
};

function openFailure(path: string, error: unknown): UserFacingError {
  if (error instanceof UserFacingError) return error;
  if (error instanceof NewerLogError) {
    return new UserFacingError(
      'storage',
      `The request log at ${path} was written by a newer Hookbench (${error.message}). Update this Hookbench to read it; nothing was changed.`,
    );
  }
  const code = sqliteCode(error) ?? errnoCode(error);
  const advice = ADVICE[code ?? -1] ?? 'Check the file and its folder, then try again. The file was not changed.';
  return new UserFacingError('storage', `Could not open the request log at ${path}: ${(error as Error).message}. ${advice}`);
}

/** File-system errors before SQLite sees the file (creating it, setting its mode), in SQLite's terms. */
function errnoCode(error: unknown): number | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 23;
  if (code === 'EROFS') return 8;
  if (code === 'ENOSPC') return 13;
  return code === 'ENOENT' || code === 'ENOTDIR' ? 14 : null;
}

function asideMessage(reason: 'corrupt' | 'wrong-schema', keptAt: string, error: unknown): string {
  const fresh = 'a new, empty log was started';
  if (reason === 'wrong-schema') {
    return `The request log's tables are not what its version says (${(error as Error).message}); it is kept at ${keptAt} and ${fresh}.`;
  }
  return `The request log could not be opened (${(error as Error).message}); it is kept at ${keptAt} and ${fresh}.`;
}

/** Renames a log and its -wal/-shm beside it, dated: set aside, never deleted. Answers where it went. */
export function moveDatabaseAside(path: string, reason: string): string {
  const keptAt = moveAside(path, reason);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, keptAt + suffix);
  }
  return keptAt;
}

class NewerLogError extends Error {
  constructor(version: number) {
    super(`schema version ${version}`);
  }
}

class WrongSchemaError extends Error {
  constructor(version: number) {
    super(`version ${version} with different tables or columns`);
  }
}
