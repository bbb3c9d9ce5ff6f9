/**
 * The core's only door. The shell, the command line, e2e tests and benchmarks import this file
 * and nothing else of the core: they reach its behaviour through the contract (`call`), hear it
 * through `subscribe`, and manage its life with `settled` and `close`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Input, Method, Result } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { callService } from './callService';
import { CheckRunner } from './check/runner';
import { CheckRunStore } from './check/runStore';
import { TriggerRuns } from './check/triggerRun';
import { DeliveryEngine } from './delivery/engine';
import { RedeliveryRuns } from './delivery/redelivery';
import { RetryDefault } from './delivery/retryDefault';
import type { HookFileSource } from './hooks/hookFile';
import { HookStore } from './hooks/store';
import { ChangeWatch } from './log/changeWatch';
import { moveDatabaseAside } from './log/database';
import { LOG_FILE_NAME, type LogLimits, RequestLog } from './log/requestLog';
import { Retention } from './log/retention';
import { NoticeBoard, PushHub, type PushListener } from './notices';
import { BuiltInReceiver } from './receiver/server';
import { readReceiverSettings } from './receiver/settings';
import { SavedPayloads } from './savedPayloads';
import { createService } from './service';
import { ensureDataDir } from './util/dataFolder';

export { confHookFile } from './hooks/confFile';
export { HOOK_FILE_MODE, HOOK_FILE_NAME, type HookFileSource } from './hooks/hookFile';
export { LOG_FILE_NAME } from './log/requestLog';
export type { PushListener } from './notices';

export type CoreOptions = {
  /** Where the request log and other data live (the app's userData folder in Electron). */
  dataDir: string;
  /** electron-store in the app, conf elsewhere. */
  hookFile: HookFileSource;
  /** Hookbench's version, named in exports. */
  version?: string;
  /**
   * The built-in receiver. The app starts it on its own when a hook points at it or capture is on
   * (`autoStart`); the command line starts it only for `hookbench listen`. `port` overrides the
   * saved port for this process (0: any free port), without saving it.
   */
  receiver?: { autoStart?: boolean; port?: number };
  /** Limits on the request log; tests make the disk "full" with `maxPageCount`. */
  logLimits?: LogLimits;
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
export function openCore({ dataDir, hookFile, version = 'development', receiver: receiverOptions = {}, logLimits }: CoreOptions): Core {
  ensureDataDir(dataDir);
  const pushes = new PushHub();
  const notices = new NoticeBoard(pushes);
  const hooks = new HookStore(hookFile, notices.post);
  const log = new RequestLog(join(dataDir, LOG_FILE_NAME), notices.post, logLimits);
  const retention = new Retention(log, notices.post);
  const retryDefault = new RetryDefault(log);
  const engine = new DeliveryEngine({ recorder: log, pushes, report: notices.post, defaultRetryBehaviour: () => retryDefault.value });
  const redeliveries = new RedeliveryRuns(engine, pushes);
  const triggerRuns = new TriggerRuns(engine, pushes);
  const saved = readReceiverSettings(dataDir, notices.post);
  const receiver = new BuiltInReceiver(
    { dataDir, recorder: log, pushes, hooks: () => hooks.list() },
    receiverOptions.port === undefined ? saved : { ...saved, port: receiverOptions.port },
  );
  const checks = new CheckRunner((send) => engine.sendCheck(send), new CheckRunStore(dataDir, notices.post));
  const payloads = new SavedPayloads(dataDir, notices.post);
  const handlers = createService({
    version,
    dataDir,
    hooks,
    engine,
    log,
    retention,
    notices,
    pushes,
    receiver,
    checks,
    retryDefault,
    payloads,
    redeliveries,
    triggerRuns,
  });
  retention.start();
  // The app listens only when something would send to it: a hook pointing at it, or capture on.
  const startReceiverIfWanted = async () => {
    if (!receiverOptions.autoStart || receiver.status().running) return;
    if (!receiver.settings.capture.enabled && !hooks.list().some((hook) => receiver.answers(hook))) return;
    await receiver.start().catch((error: Error) =>
      notices.post({
        id: `receiver-start-${Date.now()}`,
        level: 'warning',
        message: `The built-in receiver did not start: ${error.message}`,
      }),
    );
  };
  void startReceiverIfWanted();
  const stopWatching = hooks.watch((list) => pushes.emit('hooks.changed', { hooks: list }));
  const otherWriters = new ChangeWatch(log, () => pushes.emit('log.changed', { at: Date.now() }));
  let closing: Promise<void> | null = null;
  return {
    call: (async (method: unknown, input: unknown) => {
      const answer = await callService(handlers, method, input);
      if (answer.ok && typeof method === 'string' && method.startsWith('hooks.')) await startReceiverIfWanted();
      return answer;
    }) as Core['call'],
    subscribe: (listener) => {
      const stopPushes = pushes.subscribe(listener);
      const stopListening = otherWriters.listening();
      return () => {
        stopPushes();
        stopListening();
      };
    },
    settled: () => redeliveries.settled().then(() => engine.settled()),
    close: () =>
      (closing ??= (async () => {
        retention.stop();
        stopWatching();
        otherWriters.stop();
        triggerRuns.stopAll();
        await redeliveries.close();
        await engine.close();
        await receiver.close();
        payloads.flush();
        log.close();
      })()),
  };
}

/**
 * Sets the request log (with its -wal and -shm files) aside under a dated name beside it, so the
 * next `openCore` starts a fresh one; nothing is deleted. Returns where it went, or null when
 * there was no log. Throws when the files cannot be renamed (a read-only folder).
 */
export function setLogAside(dataDir: string): string | null {
  const path = join(dataDir, LOG_FILE_NAME);
  return existsSync(path) ? moveDatabaseAside(path, 'set-aside') : null;
}
