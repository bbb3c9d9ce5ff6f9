import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserFacingError } from '../../../shared/errors';

/** The data folder holds signing keys and custom header values (bearer tokens): owner only. */
const DATA_DIR_MODE = 0o700;

/**
 * Makes sure the data folder is there, creating it owner-only. mkdir's
 * mode is filtered by the umask (0777 under umask 000 is how secrets leaked), so the mode is set
 * again after creating it. A folder that already existed is the user's (it may be a folder they
 * chose): its mode is left alone. A path that cannot be a folder fails here, saying why, before
 * any file in it is opened.
 */
export function ensureDataDir(dir: string): void {
  const existing = statSync(dir, { throwIfNoEntry: false });
  if (existing?.isDirectory()) return;
  if (existing) throw new UserFacingError('storage', `The data folder ${dir} is a file, not a folder; choose a folder.`);
  try {
    makeFolders(dir);
  } catch (error) {
    throw new UserFacingError(
      'storage',
      `Could not create the data folder ${dir}: ${why(error as NodeJS.ErrnoException)}. Choose a folder you can write to.`,
    );
  }
  chmodSync(dir, DATA_DIR_MODE);
}

/**
 * `mkdir -p`, one level at a time. Node's own recursive mkdir never returns under a folder such
 * as /proc, where creating anything fails with ENOENT although the parent is there.
 */
function makeFolders(dir: string): void {
  try {
    mkdirSync(dir, { mode: DATA_DIR_MODE });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && statSync(dir).isDirectory()) return;
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw error;
    makeFolders(parent);
    mkdirSync(dir, { mode: DATA_DIR_MODE });
  }
}

function why(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOTDIR') return 'part of that path is a file, not a folder';
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied';
  if (error.code === 'EROFS') return 'that disk is read-only';
  if (error.code === 'ENOENT') return 'nothing can be created there';
  if (error.code === 'ENOSPC') return 'the disk is full';
  return error.message;
}
