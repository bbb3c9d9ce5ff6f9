/**
 * The core's only door. The shell, the command line, e2e tests and benchmarks import this file
 * and nothing else of the core: they reach its behaviour through the contract (`call`), hear it
 * through `subscribe`, and manage its life with `settled` and `close`.
 */
import { join } from 'node:path';
import type { Input, Method, Result } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { callService } from './callService';
import { DeliveryEngine } from './delivery/engine';
import type { HookFileSource } from './hooks/hookFile';
import { HookStore } from './hooks/store';
import { LOG_FILE_NAME, RequestLog } from './log/requestLog';
import { Retention } from './log/retention';
import { NoticeBoard, PushHub, type PushListener } from './notices';
import { SavedPayloads } from './savedPayloads';
import { createService } from './service';

export { confHookFile } from './hooks/confFile';
export { HOOK_FILE_MODE, HOOK_FILE_NAME, type HookFileSource } from './hooks/hookFile';
export type { PushListener } from './notices';

export type CoreOptions = {
  /** Where the request log and other data live (the app's userData folder in Electron). */
  dataDir: string;
  /** electron-store in the app, conf elsewhere. */
  hookFile: HookFileSource;
  /** Hookbench's version, named in exports. */
  version?: string;
};

export type Core = {
  /** One contract call: validated, run, and answered as an envelope; never throws. */
  call<M extends Method>(method: M, input: Input<M>): Promise<Envelope<Result<M>>>;
  /** The same for a transport that carries whatever a caller sent: the contract checks it. */
  call(method: unknown, input: unknown): Promise<Envelope<unknown>>;
  /** Listen to pushes (delivery updates, notices); returns the way to stop. */
  subscribe(listener: PushListener): () => void;
  /** Resolves once every delivery and test under way has finished, cancelling nothing. */
  settled(): Promise<void>;
  /** Cancels deliveries in flight, records them as cancelled, and closes the log. Runs once. */
  close(): Promise<void>;
};

/** Builds the whole core from what its host provides. Used by the shell, tests, benchmarks and the CLI. */
export function openCore({ dataDir, hookFile, version = 'development' }: CoreOptions): Core {
  const pushes = new PushHub();
  const notices = new NoticeBoard(pushes);
  const hooks = new HookStore(hookFile, notices.post);
  const log = new RequestLog(join(dataDir, LOG_FILE_NAME), notices.post);
  const retention = new Retention(log);
  const engine = new DeliveryEngine({ recorder: log, pushes, report: notices.post });
  const payloads = new SavedPayloads(dataDir, notices.post);
  const handlers = createService({ version, hooks, engine, log, retention, notices, payloads });
  retention.start();
  let closing: Promise<void> | null = null;
  return {
    call: ((method: unknown, input: unknown) => callService(handlers, method, input)) as Core['call'],
    subscribe: pushes.subscribe,
    settled: () => engine.settled(),
    close: () =>
      (closing ??= (async () => {
        retention.stop();
        await engine.close();
        log.close();
      })()),
  };
}
