import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

type Preferences = {
  /** The user has read why local URLs are marked, and asked not to be told again: in the list and in the form. */
  localNoteDismissed: boolean;
  dismissLocalNote(): void;
};

/** Small choices about the interface itself, remembered in this window's storage. */
export const usePreferences = create<Preferences>()(
  persist(
    (set) => ({
      localNoteDismissed: false,
      dismissLocalNote: () => set({ localNoteDismissed: true }),
    }),
    { name: 'hookbench.preferences', storage: createJSONStorage(() => localStorage) },
  ),
);
