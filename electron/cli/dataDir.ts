import { homedir } from 'node:os';
import { join } from 'node:path';
import { usageError } from './errors';

/** Electron names the user-data folder after package.json's productName. */
export const APP_FOLDER = 'Hookbench';

/**
 * The data folder a command works on: `--data-dir`, else $HOOKBENCH_DATA_DIR, else the app's own.
 * An empty one is refused rather than read as "the app's own": a script whose variable came out
 * empty must not write into the user's real data.
 */
export function chosenDataDir(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (given !== undefined) {
    if (given.trim() === '') throw usageError('--data-dir is empty; name a folder, or leave the option out to use the app’s own');
    return given;
  }
  return defaultDataDir(env);
}

/** The app's data folder, found the way Electron finds userData, so the command line shares it. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.HOOKBENCH_DATA_DIR !== undefined) {
    if (env.HOOKBENCH_DATA_DIR.trim() === '') {
      throw usageError('HOOKBENCH_DATA_DIR is set but empty; set it to a folder, or unset it to use the app’s own');
    }
    return env.HOOKBENCH_DATA_DIR;
  }
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_FOLDER);
}
