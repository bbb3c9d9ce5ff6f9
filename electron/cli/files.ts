import {
  accessSync,
  closeSync,
  constants,
  createWriteStream,
  existsSync,
  fchmodSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError, usageError } from './errors';
import { type OutStream, writeAll } from './output';

/** Owner read/write only: an export may carry signing keys and custom header values such as tokens. */
export const EXPORT_FILE_MODE = 0o600;

function why(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    // Some folders exist yet take no new files (/proc): say which is the case.
    return existsSync(dirname(file))
      ? `${dirname(file)} does not take new files; choose a file in another folder`
      : `the folder ${dirname(file)} does not exist; create it first or choose another file`;
  }
  if (code === 'EISDIR') return 'that is a folder; name a file inside it';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return `part of ${dirname(file)} is a file, not a folder`;
  return (error as Error).message;
}

/**
 * A text file given on the command line, read only up to `maxBytes` (it may be /dev/zero or a pipe
 * that never ends), a byte-order mark dropped as editors on Windows write one.
 */
export function readText(file: string, maxBytes: number): string {
  if (file === '') throw usageError('Name the file to read; an empty name was given');
  const chunks: Buffer[] = [];
  let size = 0;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      size += read;
      if (size > maxBytes) throw usageError(`${file} is over ${maxBytes / (1024 * 1024)} MB; that is more than Hookbench takes here`);
      chunks.push(chunk.subarray(0, read));
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw usageError(`Could not read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : why(error, file)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}

/**
 * Refuses, before any work, a file that could not be written later: its folder missing or read-only,
 * or a folder in its place. What a long command writes at its end must not fail after the work.
 */
export function checkWritable(file: string): void {
  if (file === '') throw usageError('Name the file to write; an empty name was given');
  try {
    if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    accessSync(dirname(file), constants.W_OK);
  } catch (error) {
    throw usageError(`Could not write ${file}: ${why(error, file)}`);
  }
}

/**
 * Before any work: a --out file that can be written, and that holds nothing yet unless replacing it
 * was asked for (an export may be the only copy of deliveries retention has since removed).
 */
export function checkOut(file: string | undefined, replace: boolean): void {
  if (file === undefined) {
    if (replace) throw usageError('--force replaces the file named by --out; give --out too, or leave --force out');
    return;
  }
  checkWritable(file);
  if (!replace && statSync(file, { throwIfNoEntry: false })?.isFile())
    throw usageError(`${file} already exists; choose another file, or add --force to replace it`);
}

/** Where to write: through a link to the file it names; a pipe or device (/dev/stdout) is written into as it is. */
function target(file: string): { path: string; inPlace: boolean } {
  const found = statSync(file, { throwIfNoEntry: false });
  if (!found) return { path: file, inPlace: false };
  return found.isFile() ? { path: realpathSync(file), inPlace: false } : { path: file, inPlace: true };
}

/**
 * Streams pieces to standard output, or to `file`, readable by its owner only (0600): the pieces go
 * to a new file beside it that then takes its name, so a write that fails halfway leaves whatever
 * was there before whole, and never a half-written file.
 */
export async function writeOut(file: string | undefined, pieces: Iterable<string>, stdout: OutStream): Promise<void> {
  if (file === undefined) return writeAll(stdout, pieces);
  let written: { destination: string; inPlace: boolean; path: string; fd: number };
  try {
    const { path: destination, inPlace } = target(file);
    const path = inPlace ? destination : join(dirname(destination), `.${basename(destination)}.${process.pid}.partial`);
    written = { destination, inPlace, path, fd: openSync(path, inPlace ? 'w' : 'wx', EXPORT_FILE_MODE) };
  } catch (error) {
    throw usageError(`Could not write ${file}: ${why(error, file)}`);
  }
  const { destination, inPlace, path, fd } = written;
  const stream = createWriteStream(path, { fd });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  try {
    // The umask may have narrowed the mode further, never widened it; set it exactly.
    if (!inPlace) fchmodSync(fd, EXPORT_FILE_MODE);
    await Promise.race([writeAll(stream, pieces), failed]);
    await Promise.race([new Promise<void>((resolve) => stream.end(resolve)), failed]);
    if (!inPlace) renameSync(path, destination);
  } catch (error) {
    stream.destroy();
    if (!inPlace) rmSync(path, { force: true });
    throw usageError(`Could not write ${file}: ${why(error, file)}`);
  }
}
