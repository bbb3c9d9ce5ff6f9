/** Binds the contract to the service: checks who calls, validates, delegates. Nothing more. */
import { type IpcMainInvokeEvent, ipcMain, type WebContents } from 'electron';
import { INVOKE_CHANNEL, PUSH_CHANNEL_PREFIX, type PushChannel, type Pushes } from '../../shared/channels';
import type { Envelope } from '../../shared/errors';
import type { Core } from '../core';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;
export type Warn = (line: string) => void;

export function registerIpc(call: Core['call'], isTrustedSender: SenderCheck, warn: Warn = (line) => console.warn(line)): () => void {
  const refusals = new RefusalLog(warn);
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event)) {
      refusals.record(senderUrl(event), method);
      return { ok: false, error: { code: 'invalid_input', message: 'Refused a call from a page that is not Hookbench.' } };
    }
    return call(method, input);
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

export function push<C extends PushChannel>(target: WebContents, channel: C, payload: Pushes[C]): void {
  if (!target.isDestroyed()) target.send(PUSH_CHANNEL_PREFIX + channel, payload);
}

function senderUrl(event: IpcMainInvokeEvent): string {
  const url = event.senderFrame?.url;
  if (typeof url !== 'string') return '(no frame)';
  const inMain = event.senderFrame === event.sender?.mainFrame;
  return inMain ? url : `${url} (a sub-frame)`;
}

/**
 * Every refused call is worth knowing about, but a page calling in a loop must not flood the
 * log: each sender and method is logged the 1st, 10th, 100th… time, with the count so far.
 */
class RefusalLog {
  static readonly MAX_KEYS = 1000;
  readonly #counts = new Map<string, number>();

  constructor(private readonly warn: Warn) {}

  record(url: string, method: unknown): void {
    const name = typeof method === 'string' ? JSON.stringify(method.slice(0, 100)) : `a method of type ${typeof method}`;
    const shown = `${JSON.stringify(url.slice(0, 200))} calling ${name}`;
    if (this.#counts.size >= RefusalLog.MAX_KEYS && !this.#counts.has(shown)) this.#counts.clear();
    const count = (this.#counts.get(shown) ?? 0) + 1;
    this.#counts.set(shown, count);
    if (/^10*$/.test(String(count))) {
      this.warn(`hookbench: refused IPC from ${shown}: not Hookbench's page in its main frame (${count} so far)`);
    }
  }
}
