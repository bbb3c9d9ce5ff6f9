import { closeSync, openSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostics } from '../../shared/contract';
import type { HookStore } from './hooks/store';
import type { RequestLog } from './log/requestLog';
import type { Retention } from './log/retention';
import type { NoticeBoard } from './notices';
import { readPortRecord } from './receiver/portRecord';

/**
 * The names `moveAside` gives: `hooks.corrupt-2026-11-22T21-50-00-000Z.json`, with `-2`… when
 * two land in the same millisecond, and `-wal`/`-shm` beside a moved log.
 */
const SET_ASIDE = /\.[a-z]+-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(-\d+)?(\.|$)/;

type Parts = { version: string; hooks: HookStore; log: RequestLog; retention: Retention; notices: NoticeBoard };

/** Everything a bug report needs about this installation, and no secret: counts, sizes, paths, versions. */
export function diagnostics({ version, hooks, log, retention, notices }: Parts): Diagnostics {
  const dataDir = dirname(log.path);
  const running = readPortRecord(dataDir);
  return {
    versions: { hookbench: version, node: process.versions.node, electron: process.versions.electron ?? null, sqlite: log.sqliteVersion() },
    dataDir: { path: dataDir, mode: `0${(statSync(dataDir).mode & 0o777).toString(8)}`, writable: canWrite(dataDir) },
    hooks: { file: hooks.path, count: hooks.list().length },
    log: { file: log.path, bytes: sizeOf(log.path), walBytes: sizeOf(`${log.path}-wal`), rows: log.rowCount() },
    retentionDays: retention.days,
    notices: notices.list(),
    setAside: readdirSync(dataDir)
      .filter((name) => SET_ASIDE.test(name))
      .sort()
      .map((name) => ({ path: join(dataDir, name), bytes: sizeOf(join(dataDir, name)) })),
    receiver: running && { port: running.port },
  };
}

/**
 * Whether a file can be created here, found by creating one: permission bits alone would lie
 * for root (who writes anyway) and on read-only mounts (which the bits do not show).
 */
function canWrite(folder: string): boolean {
  const probe = join(folder, `.hookbench-write-check-${process.pid}`);
  try {
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
    return true;
  } catch {
    return false;
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
