/** The one window, locked down: isolated, sandboxed, no navigation away, links to the system browser. */
import { BrowserWindow, dialog, type IpcMainInvokeEvent, nativeTheme, type WebContents } from 'electron';
import { openExternalLink } from './links';
import { APP_ORIGIN, originOf, RENDERER_URL } from './protocol';

export function createMainWindow({ preloadPath }: { preloadPath: string }): BrowserWindow {
  // The preferences stay written out here, in the constructor call, so the security scan can read them.
  const window = new BrowserWindow({
    title: 'Hookbench',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#f7f8fa',
    webPreferences: {
      /* eng-disable PRELOAD_JS_CHECK: the preload exposes only invoke and on, over channels main checks @preserve */ preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click opens links through the window-open handler like any other; no auxclick events.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  keepOnPage(window.webContents);
  askBeforeLosingChanges(window);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(RENDERER_URL);
  return window;
}

/** Denies navigation and new windows; allowed web links open in the user's browser instead. */
export function keepOnPage(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (samePage(url)) return;
    event.preventDefault();
    openIfWebLink(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openIfWebLink(url);
    return { action: 'deny' };
  });
}

/**
 * A page whose `beforeunload` cancels the unload would otherwise block closing or reloading
 * without a word (Electron shows no prompt of its own): ask the user, and leave if they say so.
 */
export function askBeforeLosingChanges(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Leave', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      title: 'Unsaved changes',
      message: 'You have unsaved changes',
      detail: 'Leave and lose them, or stay to finish?',
    });
    if (choice === 0) event.preventDefault();
  });
}

/** Only Hookbench's own page, in the window's main frame (not a frame inside it), may call main. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender?.mainFrame) return false;
  return samePage(frame.url);
}

function samePage(url: string): boolean {
  try {
    return originOf(url) === APP_ORIGIN && new URL(url).pathname === new URL(RENDERER_URL).pathname;
  } catch {
    return false;
  }
}

/** Web links go to the allowlist; other schemes (file:, javascript:, smb:) are never handed to the system. */
function openIfWebLink(url: string): void {
  try {
    const { protocol } = new URL(url);
    if (protocol === 'https:' || protocol === 'http:') openExternalLink(url);
  } catch {
    // Not a URL: nothing to open.
  }
}
