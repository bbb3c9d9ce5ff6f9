import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { UserFacingError } from '../../../shared/errors';
import { isAlive } from './process';

/**
 * A lock file beside the file it guards, so the app and the command line never interleave a
 * read-modify-write. It holds its owner's pid: a lock whose owner process is gone (crashed, or
 * its write failed) is taken over at once, not after a timeout.
 */

/** A lock whose owner is alive but that has not changed for this long is taken over anyway (pid reused). */
const STALE_MS = 10_000;
/** An empty lock is an owner between creating it and writing its pid: microseconds, so this is generous. */
const EMPTY_STALE_MS = 1_000;
const POLL_MS = 10;

/**
 * Runs `work` holding the lock, waiting for it without blocking the thread (the Electron main
 * thread must never freeze), for at most `timeoutMs`.
 */
export async function withFileLock<T>(lockPath: string, work: () => T, { timeoutMs = 5_000 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (!acquire(lockPath)) {
    if (Date.now() > deadline) {
      throw new UserFacingError(
        'storage',
        `Another Hookbench (the app or the command line) is still writing; try again. If none is running, delete ${lockPath}.`,
      );
    }
    await sleep(POLL_MS);
  }
  return release(lockPath, work);
}

/** Runs `work` if the lock is free now; answers undefined, having done nothing, when it is not. */
export function tryFileLock<T>(lockPath: string, work: () => T): T | undefined {
  return acquire(lockPath) ? release(lockPath, work) : undefined;
}

function release<T>(lockPath: string, work: () => T): T {
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

/** One attempt: true when this process now holds the lock. */
function acquire(lockPath: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (!abandoned(lockPath)) return false;
    try {
      unlinkSync(lockPath);
    } catch {
      // Another process took it over first; the next attempt sees its lock.
    }
    return false;
  }
  try {
    writeSync(fd, String(process.pid));
  } catch (error) {
    // A full disk: leave no lock behind that would block the next write once space is freed.
    closeSync(fd);
    unlinkSync(lockPath);
    throw new UserFacingError('storage', `Could not write ${lockPath}: ${(error as Error).message}. Free some disk space and try again.`);
  }
  closeSync(fd);
  return true;
}

function abandoned(lockPath: string): boolean {
  let owner: string;
  let age: number;
  try {
    owner = readFileSync(lockPath, 'utf8').trim();
    age = Date.now() - statSync(lockPath).mtimeMs;
  } catch {
    return false; // Released between our attempts: the next one takes it.
  }
  const pid = Number(owner);
  if (owner === '' || !Number.isSafeInteger(pid) || pid <= 0) return age > EMPTY_STALE_MS;
  return !isAlive(pid) || age > STALE_MS;
}
