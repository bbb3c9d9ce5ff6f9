import { join } from 'node:path';
import type { Handlers } from '../shared/contract';
import { Dispatcher } from './delivery/dispatcher';
import type { HookFileSource } from './hooks/hookFile';
import { HookStore } from './hooks/store';
import { LOG_FILE_NAME, RequestLog } from './logs/requestLog';
import { Retention } from './logs/retention';
import { PushHub, type PushListener } from './pushes';
import { createService } from './service';

export type CoreOptions = {
  /** Where the request log and other data live (the app's userData folder in Electron). */
  dataDir: string;
  /** electron-store in the app, conf elsewhere. */
  hookFile: HookFileSource;
  /** Deliveries in flight at once; Logto's is 10. */
  maxInFlight?: number;
  /** Hookbench's version, named in exports. */
  version?: string;
};

export type Core = {
  service: Handlers;
  hooks: HookStore;
  log: RequestLog;
  dispatcher: Dispatcher;
  /** Listen to pushes (delivery updates, notices); returns the way to stop. */
  subscribe(listener: PushListener): () => void;
  /** Cancels deliveries in flight, records them as cancelled, and closes the log. */
  close(): Promise<void>;
};

/** Builds the whole core from what its host provides. Used by main.ts, tests, benchmarks and the CLI. */
export function openCore({ dataDir, hookFile, maxInFlight, version = 'development' }: CoreOptions): Core {
  const pushes = new PushHub();
  const hooks = new HookStore(hookFile);
  const log = new RequestLog(join(dataDir, LOG_FILE_NAME));
  const retention = new Retention(log);
  const dispatcher = new Dispatcher({ recorder: log, pushes, maxInFlight });
  const service = createService({ version, hooks, dispatcher, log, retention });
  retention.start();
  let closing: Promise<void> | null = null;
  return {
    service,
    hooks,
    log,
    dispatcher,
    subscribe: pushes.subscribe,
    close: () =>
      (closing ??= (async () => {
        retention.stop();
        await dispatcher.close();
        log.close();
      })()),
  };
}
