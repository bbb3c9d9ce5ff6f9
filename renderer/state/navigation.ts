import { create } from 'zustand';

export type HookTab = 'settings' | 'requests' | 'check';

export type View =
  | { name: 'list' }
  | { name: 'create' }
  | { name: 'hook'; id: string; tab: HookTab }
  | { name: 'delivery'; hookId: string; id: string }
  | { name: 'receiver' }
  | { name: 'about' };

type Navigation = {
  view: View;
  /** Set while a form on screen holds unsaved edits: leaving then asks first. */
  unsaved: boolean;
  /** Where the user asked to go while edits were unsaved, waiting for their answer. */
  leavingTo: View | null;
  go(view: View): void;
  setUnsaved(unsaved: boolean): void;
  /** The user's answer to "Discard unsaved changes?". */
  answerLeave(discard: boolean): void;
};

const same = (a: View, b: View) => JSON.stringify(a) === JSON.stringify(b);

export const useNavigation = create<Navigation>((set, get) => ({
  view: { name: 'list' },
  unsaved: false,
  leavingTo: null,
  go: (view) => {
    if (same(view, get().view)) return;
    if (get().unsaved) set({ leavingTo: view });
    else set({ view });
  },
  setUnsaved: (unsaved) => set({ unsaved }),
  answerLeave: (discard) => {
    const { leavingTo } = get();
    if (discard && leavingTo) set({ view: leavingTo, unsaved: false, leavingTo: null });
    else set({ leavingTo: null });
  },
}));
