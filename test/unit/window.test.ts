import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from '../support/electronDouble';

vi.mock('electron', () => import('../support/electronDouble'));
const { createMainWindow, isTrustedSender } = await import('../../electron/shell/window');

const rendererUrl = 'file:///opt/Hookbench/resources/app/dist/renderer/index.html';

function openWindow() {
  const window = createMainWindow({ preloadPath: '/opt/preload.cjs', rendererUrl }) as unknown as electron.BrowserWindow;
  return window;
}

function navigate(window: electron.BrowserWindow, url: string) {
  const event = { preventDefault: vi.fn() };
  window.webContents.emit('will-navigate', event, url);
  return event.preventDefault.mock.calls.length > 0;
}

beforeEach(() => {
  electron.shell.openExternal.mockClear();
});

describe('the main window', () => {
  it('is titled Hookbench, loads the renderer, and runs it isolated and sandboxed without Node', () => {
    const window = openWindow();
    expect(window.options.title).toBe('Hookbench');
    expect(window.loadedUrl).toBe(rendererUrl);
    expect(window.options.webPreferences).toMatchObject({
      preload: '/opt/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('refuses to navigate away and opens web links in the system browser instead', () => {
    const window = openWindow();
    expect(navigate(window, 'https://docs.logto.io/webhooks')).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://docs.logto.io/webhooks');
  });

  it('never hands other schemes to the system', () => {
    const window = openWindow();
    expect(navigate(window, 'file:///etc/passwd')).toBe(true);
    expect(navigate(window, 'javascript:alert(1)')).toBe(true);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('allows its own page to reload', () => {
    expect(navigate(openWindow(), rendererUrl)).toBe(false);
  });

  it('denies new windows', () => {
    const window = openWindow();
    expect(window.webContents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/');
    expect(window.webContents.windowOpenHandler!({ url: 'smb://share/x' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('denies embedding webviews', () => {
    const event = { preventDefault: vi.fn() };
    openWindow().webContents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('trusts calls only from its own page', () => {
    const from = (url: string | undefined) => ({ senderFrame: url === undefined ? null : { url } }) as never;
    expect(isTrustedSender(from(rendererUrl), rendererUrl)).toBe(true);
    expect(isTrustedSender(from(`${rendererUrl}#/hooks`), rendererUrl)).toBe(true);
    expect(isTrustedSender(from('https://evil.example/index.html'), rendererUrl)).toBe(false);
    expect(isTrustedSender(from('file:///tmp/other.html'), rendererUrl)).toBe(false);
    expect(isTrustedSender(from(undefined), rendererUrl)).toBe(false);
  });
});
