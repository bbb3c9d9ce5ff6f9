/**
 * What most e2e files start with: the app (and, when asked, a receiver) started before each test
 * and closed after it. Each test gets fresh ones, so read them through the returned object.
 */
import { afterEach, beforeEach } from 'vitest';
import { type RunningApp, startApp } from './app';
import { type Receiver, startReceiver } from './receiver';

export function useApp(): { readonly app: RunningApp };
export function useApp(options: { receiver: true }): { readonly app: RunningApp; readonly receiver: Receiver };
export function useApp(options: { receiver?: boolean } = {}) {
  const running = {} as { app?: RunningApp; receiver?: Receiver };
  beforeEach(async () => {
    if (options.receiver) running.receiver = await startReceiver();
    running.app = await startApp();
  });
  afterEach(async () => {
    await running.app?.close();
    await running.receiver?.close();
    running.app = undefined;
    running.receiver = undefined;
  });
  return running;
}
