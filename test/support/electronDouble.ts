/**
 * A test double of the `electron` module: records what main, preload and ipc ask of Electron,
 * so their wiring and security settings can be checked where the Electron binary cannot run.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

type Listener = (...args: any[]) => any;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, listener: Listener) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener) {
    return this.on(name, listener);
  }
  emit(name: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(name) ?? []) listener(...args);
  }
}

export class WebContentsDouble extends Emitter {
  /** The page's top frame; IPC events from it carry this very object as `senderFrame`. */
  readonly mainFrame = { url: '' };
  windowOpenHandler: Listener | null = null;
  sent: Array<[string, unknown]> = [];
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  isDestroyed() {
    return false;
  }
}

export class BrowserWindow extends Emitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows() {
    return BrowserWindow.instances;
  }
  readonly webContents = new WebContentsDouble();
  loadedUrl: string | null = null;
  constructor(readonly options: Record<string, any>) {
    super();
    BrowserWindow.instances.push(this);
  }
  async loadURL(url: string) {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
}

const userData = mkdtempSync(join(tmpdir(), 'hookbench-electron-double-'));

export const app = Object.assign(new Emitter(), {
  userData,
  quit: vi.fn(),
  /** Ready once `whenReady` was awaited, as some Electron calls are only allowed before or after. */
  ready: false,
  whenReady: async () => {
    app.ready = true;
  },
  isReady: () => app.ready,
  requestSingleInstanceLock: (): boolean => true,
  getPath: (name: string) => (name === 'userData' ? userData : join(userData, name)),
  getVersion: () => '0.0.0-test',
  getName: () => 'Hookbench',
});

export const ipcMain = Object.assign(new Emitter(), {
  handlers: new Map<string, Listener>(),
  handle(channel: string, handler: Listener) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
});

export const ipcRenderer = Object.assign(new Emitter(), {
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null })),
  removeListener: vi.fn(),
  sendSync: vi.fn(),
});

export const contextBridge = { exposeInMainWorld: vi.fn() };
export const shell = {
  openExternal: vi.fn(async (_url: string) => {}),
  /** Resolves to an error message, empty when the folder opened. */
  openPath: vi.fn(async (_path: string) => ''),
};

/** Message boxes answer with the button a test scripts (`answers`), else the cancel button. */
export const dialog = {
  answers: [] as number[],
  shown: [] as Array<Record<string, any>>,
  showMessageBox: vi.fn(async (...args: unknown[]) => {
    const options = args.at(-1) as Record<string, any>;
    dialog.shown.push(options);
    return { response: dialog.answers.shift() ?? options.cancelId ?? 0, checkboxChecked: false };
  }),
  showMessageBoxSync: vi.fn((...args: unknown[]) => {
    const options = args.at(-1) as Record<string, any>;
    dialog.shown.push(options);
    return dialog.answers.shift() ?? options.cancelId ?? 0;
  }),
  showErrorBox: vi.fn((_title: string, _content: string) => {}),
};

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]) {
    if (app.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
    this.handlers.set(scheme, handler);
  },
};

/** Electron's fetch, for the file: URLs the app protocol hands it. */
export const net = {
  fetch: vi.fn(async (url: string) => {
    try {
      return new Response(readFileSync(fileURLToPath(url)));
    } catch {
      return new Response('', { status: 404 });
    }
  }),
};
export const nativeTheme = { shouldUseDarkColors: false };

export const Menu = {
  applicationMenu: null as unknown,
  buildFromTemplate: (template: unknown[]) => ({ template }),
  setApplicationMenu(menu: unknown) {
    this.applicationMenu = menu;
  },
};

export const session = {
  defaultSession: {
    permissionHandler: null as Listener | null,
    permissionCheckHandler: null as Listener | null,
    setPermissionRequestHandler(handler: Listener) {
      this.permissionHandler = handler;
    },
    setPermissionCheckHandler(handler: Listener) {
      this.permissionCheckHandler = handler;
    },
  },
};

export default { app, BrowserWindow, ipcMain, ipcRenderer, contextBridge, shell, dialog, protocol, net, nativeTheme, Menu, session };
