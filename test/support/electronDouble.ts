/**
 * A test double of the `electron` module: records what main, preload and ipc ask of Electron,
 * so their wiring and security settings can be checked where the Electron binary cannot run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  whenReady: () => Promise.resolve(),
  isReady: () => true,
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
export const shell = { openExternal: vi.fn(async (_url: string) => {}) };
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
    setPermissionRequestHandler(handler: Listener) {
      this.permissionHandler = handler;
    },
  },
};

export default { app, BrowserWindow, ipcMain, ipcRenderer, contextBridge, shell, nativeTheme, Menu, session };
