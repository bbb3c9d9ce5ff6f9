import { statSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL } from '../../shared/channels';
import * as electron from '../support/electronDouble';

vi.mock('electron', () => import('../support/electronDouble'));
const { startApp } = await import('../../electron/shell/main');

describe('app start', async () => {
  await vi.waitFor(() => expect(electron.ipcMain.handlers.has(INVOKE_CHANNEL)).toBe(true));
  const window = electron.BrowserWindow.instances[0]!;

  it('opens one window on the app:// page with the built preload', () => {
    expect(electron.BrowserWindow.instances).toHaveLength(1);
    expect(window.loadedUrl).toBe('app://hookbench/index.html');
    expect(window.options.webPreferences.preload).toMatch(/preload\.cjs$/);
  });

  it('registers app:// as a secure standard scheme before the app is ready, and serves the renderer folder on it', async () => {
    // The double throws when the scheme is registered after ready, as Electron does.
    expect(electron.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const serve = electron.protocol.handlers.get('app')!;
    await serve(new Request('app://hookbench/assets/index.js'));
    expect(electron.net.fetch).toHaveBeenLastCalledWith(expect.stringMatching(/^file:\/\/.*\/renderer\/assets\/index\.js$/));
    const refused = await serve(new Request('app://hookbench/..%2F..%2Fpackage.json'));
    expect(refused.status).toBe(404);
    expect(electron.net.fetch).toHaveBeenCalledTimes(1);
  });

  it('installs the app menu', () => {
    const labels = (electron.Menu.applicationMenu as { template: Array<{ role?: string }> }).template.map((item) => item.role);
    expect(labels).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help']));
  });

  it('refuses web permissions, both when asked and when checked, except writing to the clipboard from its own page', () => {
    const { permissionHandler, permissionCheckHandler } = electron.session.defaultSession;
    const request = (permission: string, requestingUrl: string, isMainFrame = true) => {
      let granted: boolean | undefined;
      permissionHandler!(null, permission, (value: boolean) => (granted = value), { requestingUrl, isMainFrame });
      return granted;
    };
    const check = (permission: string, origin: string) => permissionCheckHandler!(null, permission, origin, {});
    const page = 'app://hookbench/index.html';
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(request(permission, page)).toBe(false);
      expect(check(permission, 'app://hookbench')).toBe(false);
    }
    expect(request('clipboard-sanitized-write', page)).toBe(true);
    expect(check('clipboard-sanitized-write', 'app://hookbench')).toBe(true);
    expect(request('clipboard-sanitized-write', page, false)).toBe(false);
    expect(request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(check('clipboard-sanitized-write', 'file://')).toBe(false);
    expect(check('clipboard-sanitized-write', 'evil://hookbench')).toBe(false);
  });

  it('starts the built-in receiver by itself once a hook points at it', async () => {
    const invoke = electron.ipcMain.handlers.get(INVOKE_CHANNEL)!;
    const fromPage = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    const free = createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const port = (free.address() as AddressInfo).port;
    await new Promise((resolve) => free.close(resolve));
    expect(await invoke(fromPage, 'receiver.configure', { port })).toMatchObject({ ok: true, value: { running: false, port } });
    const created = await invoke(fromPage, 'hooks.create', {
      name: 'Scripted',
      url: `http://127.0.0.1:${port}/r/any`,
      events: ['PostSignIn'],
    });
    expect(created.ok).toBe(true);
    expect(await invoke(fromPage, 'receiver.status', {})).toMatchObject({ ok: true, value: { running: true, port } });
    await invoke(fromPage, 'receiver.stop', {});
    await invoke(fromPage, 'hooks.remove', { id: created.value.id });
  });

  it('answers its own page in the main frame, and keeps hooks with electron-store in the userData folder, owner-only', async () => {
    const invoke = electron.ipcMain.handlers.get(INVOKE_CHANNEL)!;
    const fromPage = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    const answer = await invoke(fromPage, 'hooks.create', { name: 'CRM', url: 'http://localhost:3000/x', events: ['PostSignIn'] });
    expect(answer.ok).toBe(true);
    const file = join(electron.app.userData, 'hooks.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fromFrame = { sender: window.webContents, senderFrame: { url: window.loadedUrl } };
    expect(await invoke(fromFrame, 'hooks.list', {})).toMatchObject({ ok: false });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"app://hookbench/index.html (a sub-frame)" calling "hooks.list"'));
    warn.mockRestore();
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

  it('never showed a start-up error', () => {
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
  });
});
