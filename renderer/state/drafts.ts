import { create } from 'zustand';
import type { HookEvent } from '../../shared/events';
import type { HookFormValues } from '../components/HookForm';

/** What the user typed and has not saved: kept while the app is open, whatever closes in between. */
type Drafts = {
  /** What each open settings form holds now, while it has unsaved edits: "Send test payload" sends exactly this. */
  byHook: Record<string, HookFormValues>;
  hold(hookId: string, values: HookFormValues): void;
  drop(hookId: string): void;
  /** Trigger event's payload text per event as edited, so closing the dialog (Escape, a click outside) loses no edit. */
  payloadByEvent: Partial<Record<HookEvent, string>>;
  holdPayload(event: HookEvent, text: string): void;
  dropPayload(event: HookEvent): void;
};

export const useDrafts = create<Drafts>((set) => ({
  byHook: {},
  hold: (hookId, values) => set((state) => ({ byHook: { ...state.byHook, [hookId]: values } })),
  drop: (hookId) =>
    set((state) => {
      const { [hookId]: _dropped, ...others } = state.byHook;
      return { byHook: others };
    }),
  payloadByEvent: {},
  holdPayload: (event, text) => set((state) => ({ payloadByEvent: { ...state.payloadByEvent, [event]: text } })),
  dropPayload: (event) =>
    set((state) => {
      const { [event]: _dropped, ...others } = state.payloadByEvent;
      return { payloadByEvent: others };
    }),
}));
