import { homedir } from 'node:os';
import { join } from 'node:path';

/** Electron names the user-data folder after package.json's productName. */
export const APP_FOLDER = 'Hookbench';

/** The app's data folder, found the way Electron finds userData, so the command line shares it. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.HOOKBENCH_DATA_DIR) return env.HOOKBENCH_DATA_DIR;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_FOLDER);
}
