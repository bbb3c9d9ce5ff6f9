/** App lifecycle: one instance, one window, the core built with Electron's paths and storage. */

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, Menu, session } from 'electron';
import ElectronStore from 'electron-store';
import { HOOK_FILE_MODE, HOOK_FILE_NAME, openCore } from '../core';
import { push, registerIpc } from './ipc';
import { buildAppMenu } from './menu';
import { APP_ORIGIN, originOf, registerAppScheme, serveRenderer } from './protocol';
import { openCoreOrExplain, reportCrash } from './startFailure';
import { createMainWindow, isTrustedSender } from './window';

const preloadPath = fileURLToPath(new URL(/* @vite-ignore */ './preload.cjs', import.meta.url));
const rendererRoot = fileURLToPath(new URL(/* @vite-ignore */ '../renderer/', import.meta.url));

/**
 * Only copying to the clipboard (the Copy buttons), and only by Hookbench's own page. Asked both
 * ways: Chromium checks before it requests, and some APIs decide on the check alone.
 */
function mayUse(permission: string, origin: string | undefined): boolean {
  if (permission !== 'clipboard-sanitized-write' || !origin) return false;
  try {
    return originOf(origin) === APP_ORIGIN;
  } catch {
    return false;
  }
}

function lockDownSession(): void {
  const { defaultSession } = session;
  defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => mayUse(permission, requestingOrigin));
  defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(details.isMainFrame && mayUse(permission, details.requestingUrl)),
  );
}

export async function startApp(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  await app.whenReady();
  lockDownSession();
  serveRenderer(rendererRoot);

  const dataDir = app.getPath('userData');
  const core = await openCoreOrExplain(
    () =>
      openCore({
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
        // The app listens when a hook points at the built-in receiver or capture is on; the CLI only for `listen`.
        receiver: { autoStart: true },
      }),
    dataDir,
  );
  if (!core) {
    app.quit();
    return;
  }
  registerIpc(core.call, isTrustedSender);
  Menu.setApplicationMenu(buildAppMenu());

  let window = createMainWindow({ preloadPath });
  core.subscribe((channel, payload) => push(window.webContents, channel, payload));
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createMainWindow({ preloadPath });
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

startApp().catch((error: unknown) => {
  reportCrash(error);
  app.quit();
});
