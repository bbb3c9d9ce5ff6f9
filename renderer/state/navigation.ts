import { create } from 'zustand';

export type HookTab = 'settings' | 'requests';

export type View =
  | { name: 'list' }
  | { name: 'create' }
  | { name: 'hook'; id: string; tab: HookTab }
  | { name: 'delivery'; hookId: string; id: string };

type Navigation = {
  view: View;
  go(view: View): void;
};

export const useNavigation = create<Navigation>((set) => ({
  view: { name: 'list' },
  go: (view) => set({ view }),
}));
