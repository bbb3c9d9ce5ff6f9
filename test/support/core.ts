import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, Method, Result } from '../../shared/contract';
import type { Delivery } from '../../shared/domain';
import { callService } from '../../electron/callService';
import { openCore, type Core, type CoreOptions } from '../../electron/core';
import { confHookFile } from '../../electron/hooks/confFile';

export type TestCore = Core & {
  dataDir: string;
  /** A contract call as the renderer makes it; throws the ApiError message when refused. */
  call<M extends Method>(method: M, input: Input<M>): Promise<Result<M>>;
  /** Resolves when the delivery has finished (success, failed or cancelled). */
  finished(id: string): Promise<Delivery>;
  dispose(): Promise<void>;
};

export function openTestCore(options: Partial<CoreOptions> & { dataDir?: string } = {}): TestCore {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hookbench-core-'));
  const core = openCore({ hookFile: confHookFile(dataDir), ...options, dataDir });
  const done = new Map<string, (delivery: Delivery) => void>();
  core.subscribe((channel, payload) => {
    if (channel !== 'delivery.updated') return;
    const summary = payload as { id: string; outcome: string };
    if (summary.outcome !== 'in_flight') done.get(summary.id)?.(core.log.get(summary.id));
  });
  return {
    ...core,
    dataDir,
    async call(method, input) {
      const envelope = await callService(core.service, method, input);
      if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
      return envelope.value as never;
    },
    finished(id) {
      const now = core.log.get(id);
      if (now.outcome !== 'in_flight') return Promise.resolve(now);
      return new Promise((resolve) => done.set(id, resolve));
    },
    async dispose() {
      await core.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
