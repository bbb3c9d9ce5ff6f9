import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Core, type CoreOptions, confHookFile, openCore } from '../../electron/core';
import type { Input, Method, Result } from '../../shared/contract';
import type { Delivery, DeliverySummary } from '../../shared/domain';

export type TestCore = Omit<Core, 'call'> & {
  dataDir: string;
  /** The raw contract call, answering an envelope, as a transport makes it. */
  envelope: Core['call'];
  /** A contract call as the renderer makes it; throws the ApiError (message, code, field) when refused. */
  call<M extends Method>(method: M, input: Input<M>): Promise<Result<M>>;
  /** Resolves when the delivery has finished (success, failed or cancelled). */
  finished(id: string): Promise<Delivery>;
  dispose(): Promise<void>;
};

/** Unwraps an envelope the way the renderer's client does. */
export async function unwrap<T>(answer: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const envelope = await answer;
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
  return envelope.value;
}

/** Every delivery of every hook, newest first per hook, read through the contract. */
export async function allDeliveries(core: Pick<TestCore, 'call'>): Promise<Delivery[]> {
  const found: Delivery[] = [];
  for (const hook of await core.call('hooks.list', {})) {
    let cursor: string | undefined;
    do {
      const page = await core.call('logs.details', { hookId: hook.id, range: 'all', cursor, limit: 500 });
      found.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return found;
}

export function openTestCore(options: Partial<CoreOptions> & { dataDir?: string } = {}): TestCore {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hookbench-core-'));
  const core = openCore({ hookFile: confHookFile(dataDir), ...options, dataDir });
  const call = <M extends Method>(method: M, input: Input<M>) => unwrap(core.call(method, input));
  const waiting = new Map<string, () => void>();
  core.subscribe((channel, payload) => {
    if (channel !== 'delivery.updated') return;
    const summary = payload as DeliverySummary;
    if (summary.outcome !== 'in_flight') waiting.get(summary.id)?.();
  });
  return {
    dataDir,
    envelope: core.call,
    subscribe: core.subscribe,
    settled: core.settled,
    close: core.close,
    call,
    async finished(id) {
      // Listen before looking, so a delivery that finishes in between is not missed.
      const pushed = new Promise<void>((resolve) => waiting.set(id, resolve));
      const now = await call('logs.get', { id });
      if (now.outcome === 'in_flight') await pushed;
      waiting.delete(id);
      return now.outcome === 'in_flight' ? call('logs.get', { id }) : now;
    },
    async dispose() {
      await core.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `work` with a core opened on `dataDir`, as the app opens it beside the command line, and closes it after. */
export async function withCore<T>(dataDir: string, work: (core: TestCore) => Promise<T>): Promise<T> {
  const core = openTestCore({ dataDir });
  try {
    return await work(core);
  } finally {
    await core.dispose();
  }
}
