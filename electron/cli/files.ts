import { accessSync, closeSync, constants, createWriteStream, fchmodSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { CliError, usageError } from './errors';
import { type OutStream, writeAll } from './output';

/** Owner read/write only: an export may carry signing keys and custom header values such as tokens. */
export const EXPORT_FILE_MODE = 0o600;

function why(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `the folder ${dirname(file)} does not exist; create it first or choose another file`;
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
 * Streams pieces to standard output, or to `file` created 0600 (an existing file is narrowed to
 * 0600 too, since it is about to hold the same secrets). Opening first means a bad path is a
 * clear error before anything is written.
 */
export async function writeOut(file: string | undefined, pieces: Iterable<string>, stdout: OutStream): Promise<void> {
  if (file === undefined) return writeAll(stdout, pieces);
  let fd: number;
  try {
    fd = openSync(file, 'w', EXPORT_FILE_MODE);
  } catch (error) {
    throw usageError(`Could not write ${file}: ${why(error, file)}`);
  }
  try {
    fchmodSync(fd, EXPORT_FILE_MODE);
  } catch (error) {
    closeSync(fd);
    throw usageError(`Could not make ${file} readable by you only: ${why(error, file)}`);
  }
  const stream = createWriteStream(file, { fd });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  try {
    await Promise.race([writeAll(stream, pieces), failed]);
    await Promise.race([new Promise<void>((resolve) => stream.end(resolve)), failed]);
  } catch (error) {
    stream.destroy();
    throw usageError(`Could not write ${file}: ${why(error, file)}`);
  }
}
