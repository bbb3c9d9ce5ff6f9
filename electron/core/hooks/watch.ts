import { type FSWatcher, statSync, watch } from 'node:fs';
import { basename, dirname } from 'node:path';

/** Enough to tell one version of a file from another without reading it. */
export type FileSignature = { ino: number; mtimeMs: number; size: number };

export function signatureOf(path: string): FileSignature | null {
  try {
    const { ino, mtimeMs, size } = statSync(path);
    return { ino, mtimeMs, size };
  } catch {
    return null;
  }
}

/** A burst of events (a write is a temp file and a rename) is handled once. */
const DEBOUNCE_MS = 50;
/** The fallback check, for folders whose file system sends no events (network shares, some containers). */
const POLL_MS = 1_000;

/**
 * Calls `onSignature` with the file's current signature whenever it may have changed. The folder
 * is watched, not the file: writers replace the file by renaming, which ends a watch on the file.
 * Neither the watch nor the timer keeps the process alive. Returns the way to stop.
 */
export function watchFile(path: string, onSignature: (signature: FileSignature | null) => void): () => void {
  let pending: NodeJS.Timeout | undefined;
  const check = () => {
    pending = undefined;
    try {
      onSignature(signatureOf(path));
    } catch {
      // A file that cannot be read now is reported by the store on the next read.
    }
  };
  const soon = () => {
    pending ??= setTimeout(check, DEBOUNCE_MS).unref();
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dirname(path), (_event, name) => {
      if (name === null || name === basename(path)) soon();
    });
    watcher.on('error', () => watcher?.close());
    watcher.unref();
  } catch {
    // No watch on this file system: the timer alone notices changes.
  }
  const timer = setInterval(check, POLL_MS).unref();
  return () => {
    watcher?.close();
    clearInterval(timer);
    clearTimeout(pending);
  };
}
