/** The one window, locked down: isolated, sandboxed, no navigation away, links to the system browser. */
import { BrowserWindow, type IpcMainInvokeEvent, nativeTheme, shell, type WebContents } from 'electron';

export type WindowPlaces = {
  preloadPath: string;
  /** The page the window loads; the only page allowed to call main. */
  rendererUrl: string;
};

export const secureWebPreferences = (preloadPath: string) => ({
  preload: preloadPath,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
});

export function createMainWindow({ preloadPath, rendererUrl }: WindowPlaces): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Hookbench',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#f7f8fa',
    webPreferences: secureWebPreferences(preloadPath),
  });
  keepOnPage(window.webContents, rendererUrl);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererUrl);
  return window;
}

/** Denies navigation and new windows; web links open in the user's browser instead. */
export function keepOnPage(contents: WebContents, rendererUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (samePage(url, rendererUrl)) return;
    event.preventDefault();
    openIfWebLink(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openIfWebLink(url);
    return { action: 'deny' };
  });
}

/** Only the renderer page Hookbench loaded may call main. */
export function isTrustedSender(event: IpcMainInvokeEvent, rendererUrl: string): boolean {
  const frameUrl = event.senderFrame?.url;
  return typeof frameUrl === 'string' && samePage(frameUrl, rendererUrl);
}

function samePage(url: string, rendererUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(rendererUrl);
    return a.origin === b.origin && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

function openIfWebLink(url: string): void {
  try {
    const { protocol } = new URL(url);
    if (protocol === 'https:' || protocol === 'http:') void shell.openExternal(url);
  } catch {
    // Not a URL: nothing to open.
  }
}
