/**
 * Run as a separate process by the log's opening tests: opens the core on a data folder, reads
 * the log once, and prints "opened" or the error the user would see. With `--modes` it prints,
 * while the log is open, the permission bits of the folder and the log's files as JSON.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { confHookFile, openCore } from '../../electron/core';

const [dataDir, flag] = process.argv.slice(2) as [string, string | undefined];
const mode = (path: string) => (existsSync(path) ? (statSync(path).mode & 0o777).toString(8) : null);
try {
  const core = openCore({ dataDir, hookFile: confHookFile(dataDir) });
  const answer = await core.call('settings.update', { retentionDays: 30 });
  if (flag === '--modes') {
    const log = join(dataDir, 'requests.sqlite');
    const modes = { folder: mode(dataDir), log: mode(log), wal: mode(`${log}-wal`), shm: mode(`${log}-shm`) };
    process.stdout.write(`${JSON.stringify(modes)}\n`);
  }
  await core.close();
  if (!flag) process.stdout.write(answer.ok ? 'opened\n' : `refused: ${answer.error.message}\n`);
} catch (error) {
  process.stdout.write(`failed: ${(error as Error).message}\n`);
}
