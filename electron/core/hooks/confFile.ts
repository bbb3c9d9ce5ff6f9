import { join } from 'node:path';
import Conf from 'conf';
import { HOOK_FILE_MODE, HOOK_FILE_NAME, type HookFileSource } from './hookFile';

/** The hook file outside Electron (tests, benchmarks, command line): same format, same place. */
export function confHookFile(dataDir: string): HookFileSource {
  return {
    path: join(dataDir, `${HOOK_FILE_NAME}.json`),
    open: () =>
      new Conf<Record<string, unknown>>({
        cwd: dataDir,
        configName: HOOK_FILE_NAME,
        configFileMode: HOOK_FILE_MODE,
        clearInvalidConfig: false,
        projectName: 'hookbench',
      }),
  };
}
