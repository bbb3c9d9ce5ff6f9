/**
 * What crosses between main and the renderer besides the call schemas: channel names, the
 * pushes from main, and the shape of `window.hookbench`. Kept free of zod so the sandboxed
 * preload bundles to a few lines.
 */
import type { CheckProgress, TriggerRunProgress } from './check';
import type { DeliverySummary, Hook, Notice } from './domain';
import type { Envelope } from './errors';

/** Pushes from main to the renderer, by channel. */
export type Pushes = {
  notice: Notice;
  /** A delivery started or finished. */
  'delivery.updated': DeliverySummary;
  /** The hooks file was changed by another process (the command line, a second app): the hooks as they are now. */
  'hooks.changed': { hooks: Hook[] };
  /** A paced trigger run's figures so far (events.triggerRun). */
  'triggerRun.progress': TriggerRunProgress;
  /** A receiver check's case, as soon as it is judged (check.run). */
  'check.progress': CheckProgress;
  /** Another process (the command line, a second window) wrote to the request log: read again. */
  'log.changed': { at: number };
  /** A bulk redelivery run (logs.redeliverUnsuccessful): sends started so far of `total`; `done` when no more will start. */
  'redelivery.progress': { runId: string; sent: number; total: number; done: boolean; cancelled: boolean };
};
export type PushChannel = keyof Pushes;
export const pushChannels: readonly PushChannel[] = [
  'notice',
  'delivery.updated',
  'hooks.changed',
  'triggerRun.progress',
  'check.progress',
  'log.changed',
  'redelivery.progress',
];

export const INVOKE_CHANNEL = 'hookbench:invoke';
export const PUSH_CHANNEL_PREFIX = 'hookbench:push:';

/** What preload puts on `window.hookbench`; the e2e bridge provides the same over HTTP. */
export type HookbenchBridge = {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  on(channel: PushChannel, listener: (payload: unknown) => void): () => void;
};
