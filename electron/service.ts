import type { Handlers } from '../shared/contract';
import type { HookStore } from './hooks/store';

export type CoreParts = {
  hooks: HookStore;
};

/** The one façade the contract calls: each handler delegates to the part that owns the work. */
export function createService({ hooks }: CoreParts): Handlers {
  return {
    'hooks.list': async () => hooks.list(),
    'hooks.create': async (input) => hooks.create(input),
    'hooks.update': async (input) => hooks.update(input),
    'hooks.remove': async ({ id }) => {
      hooks.remove(id);
      return { removed: true };
    },
    'hooks.regenerateKey': async ({ id }) => hooks.regenerateKey(id),
    'app.notices': async () => [...hooks.notices],
  };
}
