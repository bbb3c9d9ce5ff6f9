/**
 * What most e2e and integration files start with: the app or the core (and, when asked, a
 * receiver) made before each test and closed after it. Each test gets fresh ones, so read them
 * through the returned object.
 */
import { afterEach, beforeEach } from 'vitest';
import { type RunningApp, startApp } from './app';
import { openTestCore, type TestCore } from './core';
import { type Receiver, startReceiver } from './receiver';

/** `start` fills the parts one by one, so those made before a failing one are still closed. */
function perTest<T extends object>(start: (parts: Partial<T>) => Promise<void>, close: (parts: Partial<T>) => Promise<void>): T {
  const parts: Partial<T> = {};
  beforeEach(() => start(parts));
  afterEach(async () => {
    await close(parts);
    for (const key of Object.keys(parts)) delete parts[key as keyof T];
  });
  return parts as T;
}

export function useApp(): { readonly app: RunningApp };
export function useApp(options: { receiver: true }): { readonly app: RunningApp; readonly receiver: Receiver };
export function useApp(options: { receiver?: boolean } = {}) {
  return perTest<{ app: RunningApp; receiver: Receiver }>(
    async (parts) => {
      if (options.receiver) parts.receiver = await startReceiver();
      parts.app = await startApp();
    },
    async ({ app, receiver }) => {
      await app?.close();
      await receiver?.close();
    },
  );
}

/** A core in its own data folder, and a receiver for it to deliver to. */
export function useCore(): { readonly core: TestCore; readonly receiver: Receiver } {
  return perTest<{ core: TestCore; receiver: Receiver }>(
    async (parts) => {
      parts.core = openTestCore();
      parts.receiver = await startReceiver();
    },
    async ({ core, receiver }) => {
      await core?.dispose();
      await receiver?.close();
    },
  );
}
