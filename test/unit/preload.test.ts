import { describe, expect, it, vi } from 'vitest';
import { type HookbenchBridge, INVOKE_CHANNEL, PUSH_CHANNEL_PREFIX } from '../../shared/channels';
import * as electron from '../support/electronDouble';

vi.mock('electron', () => import('../support/electronDouble'));
await import('../../electron/shell/preload');

describe('preload', () => {
  const [[name, exposed]] = electron.contextBridge.exposeInMainWorld.mock.calls as unknown as [[string, HookbenchBridge]];

  it('exposes one object, window.hookbench, with only invoke and on', () => {
    expect(name).toBe('hookbench');
    expect(Object.keys(exposed).sort()).toEqual(['invoke', 'on']);
  });

  it('sends every call over the one invoke channel', async () => {
    await exposed.invoke('hooks.list', {});
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'hooks.list', {});
  });

  it('listens only to Hookbench push channels and hands over the payload alone', () => {
    const listener = vi.fn();
    const stop = exposed.on('notice', listener);
    electron.ipcRenderer.emit(`${PUSH_CHANNEL_PREFIX}notice`, { sender: 'not for the page' }, { id: 'n1' });
    expect(listener).toHaveBeenCalledWith({ id: 'n1' });
    stop();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalled();
    expect(() => exposed.on('ELECTRON_BROWSER_WINDOW_ALERT' as never, listener)).toThrow(/not a Hookbench push channel/);
  });
});
