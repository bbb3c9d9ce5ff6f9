import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from '../support/electronDouble';

vi.mock('electron', () => import('../support/electronDouble'));
const { createMainWindow, isTrustedSender } = await import('../../electron/shell/window');

const page = 'app://hookbench/index.html';

function openWindow() {
  return createMainWindow({ preloadPath: '/opt/preload.cjs' }) as unknown as electron.BrowserWindow;
}

function navigate(window: electron.BrowserWindow, url: string) {
  const event = { preventDefault: vi.fn() };
  window.webContents.emit('will-navigate', event, url);
  return event.preventDefault.mock.calls.length > 0;
}

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  electron.shell.openExternal.mockClear();
  electron.dialog.shown.length = 0;
  warn?.mockRestore();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('the main window', () => {
  it('is titled Hookbench, loads the app:// page, and runs it isolated and sandboxed without Node', () => {
    const window = openWindow();
    expect(window.options.title).toBe('Hookbench');
    expect(window.loadedUrl).toBe(page);
    expect(window.options.webPreferences).toMatchObject({
      preload: '/opt/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('refuses to navigate away and opens the Logto docs in the system browser instead', () => {
    const window = openWindow();
    expect(navigate(window, 'https://docs.logto.io/developers/webhooks')).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://docs.logto.io/developers/webhooks');
  });

  it('opens no web page outside the allowlist, and says so in the log', () => {
    const window = openWindow();
    for (const url of [
      'https://example.com/',
      'http://docs.logto.io/',
      'https://docs.logto.io.evil.example/',
      'https://user@docs.logto.io/',
    ]) {
      expect(navigate(window, url)).toBe(true);
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(4);
    expect(warn).toHaveBeenCalledWith('hookbench: refused to open "https://example.com/": only https links to docs.logto.io are opened');
  });

  it('never hands other schemes to the system', () => {
    const window = openWindow();
    expect(navigate(window, 'file:///etc/passwd')).toBe(true);
    expect(navigate(window, 'javascript:alert(1)')).toBe(true);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('allows its own page to reload, and nothing that only looks like it', () => {
    const window = openWindow();
    expect(navigate(window, `${page}#/hooks`)).toBe(false);
    expect(navigate(window, 'file:///opt/Hookbench/resources/app/dist/renderer/index.html')).toBe(true);
    expect(navigate(window, 'evil://hookbench/index.html')).toBe(true);
  });

  it('denies new windows', () => {
    const window = openWindow();
    expect(window.webContents.windowOpenHandler!({ url: 'https://docs.logto.io/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://docs.logto.io/');
    expect(window.webContents.windowOpenHandler!({ url: 'smb://share/x' })).toEqual({ action: 'deny' });
    expect(window.webContents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('denies embedding webviews', () => {
    const event = { preventDefault: vi.fn() };
    openWindow().webContents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('asks before a page with unsaved changes is left, and leaves only when the user says so', () => {
    const window = openWindow();
    const unload = (answer: number) => {
      electron.dialog.answers.push(answer);
      const event = { preventDefault: vi.fn() };
      window.webContents.emit('will-prevent-unload', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(unload(0)).toBe(true);
    expect(unload(1)).toBe(false);
    expect(electron.dialog.shown[0]).toMatchObject({ message: 'You have unsaved changes', buttons: ['Leave', 'Stay'], cancelId: 1 });
    expect(electron.dialog.showMessageBoxSync.mock.calls[0]![0]).toBe(window);
  });

  it('trusts calls only from its own page in the main frame', () => {
    const contents = openWindow().webContents;
    const fromMain = (url: string) => {
      contents.mainFrame.url = url;
      return isTrustedSender({ sender: contents, senderFrame: contents.mainFrame } as never);
    };
    expect(fromMain(page)).toBe(true);
    expect(fromMain(`${page}#/hooks`)).toBe(true);
    expect(fromMain('https://evil.example/index.html')).toBe(false);
    expect(fromMain('file:///opt/Hookbench/resources/app/dist/renderer/index.html')).toBe(false);
    expect(fromMain('evil://hookbench/index.html')).toBe(false);
    expect(fromMain('app://other/index.html')).toBe(false);
    contents.mainFrame.url = page;
    const subFrame = { url: page };
    expect(isTrustedSender({ sender: contents, senderFrame: subFrame } as never)).toBe(false);
    expect(isTrustedSender({ sender: contents, senderFrame: null } as never)).toBe(false);
  });
});
