/** Binds the contract to the service: checks who calls, validates, delegates. Nothing more. */
import { type IpcMainInvokeEvent, ipcMain, type WebContents } from 'electron';
import { INVOKE_CHANNEL, PUSH_CHANNEL_PREFIX, type PushChannel, type Pushes } from '../../shared/channels';
import type { Envelope } from '../../shared/errors';
import type { Core } from '../core';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export function registerIpc(call: Core['call'], isTrustedSender: SenderCheck): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'invalid_input', message: 'Refused a call from a page that is not Hookbench.' } };
    }
    return call(method, input);
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

export function push<C extends PushChannel>(target: WebContents, channel: C, payload: Pushes[C]): void {
  if (!target.isDestroyed()) target.send(PUSH_CHANNEL_PREFIX + channel, payload);
}
