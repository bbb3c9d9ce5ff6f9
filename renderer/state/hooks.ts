import { create } from 'zustand';
import type { Input } from '../../shared/contract';
import type { Hook } from '../../shared/domain';
import { call, messageOf } from '../api';

type Hooks = {
  hooks: Hook[];
  status: 'loading' | 'ready' | 'failed';
  loadError: string | null;
  load(): Promise<void>;
  create(input: Input<'hooks.create'>): Promise<Hook>;
  update(input: Input<'hooks.update'>): Promise<Hook>;
  regenerateKey(id: string): Promise<Hook>;
  remove(id: string, deleteDeliveries?: boolean): Promise<void>;
};

function replace(hooks: Hook[], changed: Hook): Hook[] {
  return hooks.map((hook) => (hook.id === changed.id ? changed : hook));
}

export const useHooks = create<Hooks>((set) => ({
  hooks: [],
  status: 'loading',
  loadError: null,
  load: async () => {
    try {
      set({ hooks: await call('hooks.list', {}), status: 'ready', loadError: null });
    } catch (error) {
      set({ status: 'failed', loadError: messageOf(error) });
    }
  },
  create: async (input) => {
    const hook = await call('hooks.create', input);
    set((state) => ({ hooks: [...state.hooks, hook] }));
    return hook;
  },
  update: async (input) => {
    const hook = await call('hooks.update', input);
    set((state) => ({ hooks: replace(state.hooks, hook) }));
    return hook;
  },
  regenerateKey: async (id) => {
    const hook = await call('hooks.regenerateKey', { id });
    set((state) => ({ hooks: replace(state.hooks, hook) }));
    return hook;
  },
  remove: async (id, deleteDeliveries = false) => {
    await call('hooks.remove', { id, deleteDeliveries });
    set((state) => ({ hooks: state.hooks.filter((hook) => hook.id !== id) }));
  },
}));
