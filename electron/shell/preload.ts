/** Exposes the contract to the renderer and nothing more: one call, one way to listen. */
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import { type HookbenchBridge, INVOKE_CHANNEL, PUSH_CHANNEL_PREFIX, pushChannels } from '../../shared/channels';

const bridge: HookbenchBridge = {
  invoke: (method, input) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
  on(channel, listener) {
    if (!pushChannels.includes(channel)) throw new Error(`"${channel}" is not a Hookbench push channel`);
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(PUSH_CHANNEL_PREFIX + channel, forward);
    return () => ipcRenderer.removeListener(PUSH_CHANNEL_PREFIX + channel, forward);
  },
};

contextBridge.exposeInMainWorld('hookbench', bridge);
