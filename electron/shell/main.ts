/** App lifecycle: one instance, one window, the core built with Electron's paths and storage. */

import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, Menu, session } from 'electron';
import ElectronStore from 'electron-store';
import { HOOK_FILE_MODE, HOOK_FILE_NAME, openCore } from '../core';
import { push, registerIpc } from './ipc';
import { buildAppMenu } from './menu';
import { createMainWindow, isTrustedSender } from './window';

const preloadPath = fileURLToPath(new URL(/* @vite-ignore */ './preload.cjs', import.meta.url));
const rendererUrl = pathToFileURL(fileURLToPath(new URL(/* @vite-ignore */ '../renderer/index.html', import.meta.url))).href;

/** Only copying to the clipboard is allowed; every other web permission is refused. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export async function startApp(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission)));

  const dataDir = app.getPath('userData');
  const core = openCore({
    dataDir,
    version: app.getVersion(),
    hookFile: {
      path: join(dataDir, `${HOOK_FILE_NAME}.json`),
      open: () =>
        new ElectronStore<Record<string, unknown>>({
          name: HOOK_FILE_NAME,
          configFileMode: HOOK_FILE_MODE,
          clearInvalidConfig: false,
        }),
    },
  });
  registerIpc(core.call, (event) => isTrustedSender(event, rendererUrl));
  Menu.setApplicationMenu(buildAppMenu());

  let window = createMainWindow({ preloadPath, rendererUrl });
  core.subscribe((channel, payload) => push(window.webContents, channel, payload));
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createMainWindow({ preloadPath, rendererUrl });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Electron does not wait for async handlers: hold the quit until in-flight deliveries are
  // cancelled and written, then quit for real.
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

void startApp();
