import { create } from 'zustand';
import type { HookFormValues } from '../components/HookForm';

type Drafts = {
  /** What each open settings form holds now, saved or not: "Send test payload" sends exactly this. */
  byHook: Record<string, HookFormValues>;
  hold(hookId: string, values: HookFormValues): void;
  drop(hookId: string): void;
};

export const useDrafts = create<Drafts>((set) => ({
  byHook: {},
  hold: (hookId, values) => set((state) => ({ byHook: { ...state.byHook, [hookId]: values } })),
  drop: (hookId) =>
    set((state) => {
      const { [hookId]: _dropped, ...others } = state.byHook;
      return { byHook: others };
    }),
}));
