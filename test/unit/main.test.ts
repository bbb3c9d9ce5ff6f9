import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL } from '../../shared/channels';
import * as electron from '../support/electronDouble';

vi.mock('electron', () => import('../support/electronDouble'));
const { startApp } = await import('../../electron/shell/main');

describe('app start', async () => {
  await vi.waitFor(() => expect(electron.ipcMain.handlers.has(INVOKE_CHANNEL)).toBe(true));
  const window = electron.BrowserWindow.instances[0]!;

  it('opens one window on the built renderer with the built preload', () => {
    expect(electron.BrowserWindow.instances).toHaveLength(1);
    expect(window.loadedUrl).toMatch(/^file:\/\/.*\/renderer\/index\.html$/);
    expect(window.options.webPreferences.preload).toMatch(/preload\.cjs$/);
  });

  it('installs the app menu', () => {
    const labels = (electron.Menu.applicationMenu as { template: Array<{ role?: string }> }).template.map((item) => item.role);
    expect(labels).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help']));
  });

  it('refuses web permissions except writing to the clipboard', () => {
    const handler = electron.session.defaultSession.permissionHandler!;
    const answer = (permission: string) => {
      let granted: boolean | undefined;
      handler(null, permission, (value: boolean) => (granted = value));
      return granted;
    };
    expect(answer('media')).toBe(false);
    expect(answer('geolocation')).toBe(false);
    expect(answer('clipboard-sanitized-write')).toBe(true);
  });

  it('keeps hooks with electron-store in the userData folder, owner-only', async () => {
    const invoke = electron.ipcMain.handlers.get(INVOKE_CHANNEL)!;
    const answer = await invoke({ senderFrame: { url: window.loadedUrl } }, 'hooks.create', {
      name: 'CRM',
      url: 'http://localhost:3000/x',
      events: ['PostSignIn'],
    });
    expect(answer.ok).toBe(true);
    const file = join(electron.app.userData, 'hooks.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('quits when the window is closed on Linux and Windows', () => {
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });

  it('holds the quit until the core has closed, then quits', async () => {
    electron.app.quit.mockClear();
    const event = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1));
    const again = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('steps aside for an instance that is already running', async () => {
    electron.app.quit.mockClear();
    const spy = vi.spyOn(electron.app, 'requestSingleInstanceLock').mockReturnValue(false);
    await startApp();
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(electron.BrowserWindow.instances).toHaveLength(1);
    spy.mockRestore();
  });
});
