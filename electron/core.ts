import type { Handlers } from '../shared/contract';
import type { HookFileSource } from './hooks/hookFile';
import { HookStore } from './hooks/store';
import { PushHub, type PushListener } from './pushes';
import { createService } from './service';

export type CoreOptions = {
  /** Where the request log and other data live (the app's userData folder in Electron). */
  dataDir: string;
  /** electron-store in the app, conf elsewhere. */
  hookFile: HookFileSource;
};

export type Core = {
  service: Handlers;
  hooks: HookStore;
  /** Listen to pushes (delivery updates, notices); returns the way to stop. */
  subscribe(listener: PushListener): () => void;
  close(): Promise<void>;
};

/** Builds the whole core from what its host provides. Used by main.ts, tests, benchmarks and the CLI. */
export function openCore({ hookFile }: CoreOptions): Core {
  const pushes = new PushHub();
  const hooks = new HookStore(hookFile);
  const service = createService({ hooks });
  return { service, hooks, subscribe: pushes.subscribe, close: async () => {} };
}
