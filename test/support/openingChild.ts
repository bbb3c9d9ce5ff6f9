/**
 * Run as one of many processes by the concurrency test: opens the core on a data folder, reads
 * the log once, and prints "opened" or the error the user would see.
 */
import { confHookFile, openCore } from '../../electron/core';

const [dataDir] = process.argv.slice(2) as [string];
try {
  const core = openCore({ dataDir, hookFile: confHookFile(dataDir) });
  const answer = await core.call('settings.get', {});
  await core.close();
  process.stdout.write(answer.ok ? 'opened\n' : `refused: ${answer.error.message}\n`);
} catch (error) {
  process.stdout.write(`failed: ${(error as Error).message}\n`);
}
