import { closeSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { UserFacingError } from '../../../shared/errors';

const WAIT = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `work` while holding a lock file, so the app and the command line never interleave a
 * read-modify-write of the same file. A lock left by a crashed process is taken over once stale.
 */
export function withFileLock<T>(lockPath: string, work: () => T, { timeoutMs = 5_000, staleMs = 10_000 } = {}): T {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isStale(lockPath, staleMs)) continue;
      if (Date.now() > deadline) {
        throw new UserFacingError(
          'storage',
          `Another Hookbench (the app or the command line) is still writing; try again. If none is running, delete ${lockPath}.`,
        );
      }
      Atomics.wait(WAIT, 0, 0, 5);
    }
  }
  try {
    return work();
  } finally {
    try {
      unlinkSync(lockPath);
    } catch {
      // Already taken over as stale: nothing to release.
    }
  }
}

function isStale(lockPath: string, staleMs: number): boolean {
  try {
    if (Date.now() - statSync(lockPath).mtimeMs <= staleMs) return false;
    unlinkSync(lockPath);
    return true;
  } catch {
    // Released between our attempts: try again at once.
    return true;
  }
}
