import { chmodSync, renameSync, writeFileSync } from 'node:fs';

/** Owner read and write only: the data folder's files may hold custom header values such as tokens. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Replaces `path` with `text` in one step (a temporary file renamed over it, so a crash never
 * leaves half a file), readable by its owner only whatever the umask or an older copy allowed.
 */
export function writePrivately(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: PRIVATE_FILE_MODE });
  // A temporary file left by a crash keeps its old mode; writeFileSync does not change it.
  chmodSync(temporary, PRIVATE_FILE_MODE);
  renameSync(temporary, path);
}
