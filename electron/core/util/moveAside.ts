import { existsSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/**
 * Renames a file the app cannot use to a dated name beside it, so nothing is ever deleted:
 * `hooks.json` becomes `hooks.corrupt-2026-11-22T21-50-00-000Z.json`. Returns the new path.
 */
export function moveAside(path: string, reason: string, now = new Date()): string {
  const extension = extname(path);
  const stem = basename(path, extension);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = join(dirname(path), `${stem}.${reason}-${stamp}${extension}`);
  for (let n = 2; existsSync(target); n++) target = join(dirname(path), `${stem}.${reason}-${stamp}-${n}${extension}`);
  renameSync(path, target);
  return target;
}
