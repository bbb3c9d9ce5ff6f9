import { create } from 'zustand';
import type { HealthSummary, HourlyCount } from '../../shared/domain';
import { call } from '../api';

type HealthState = {
  /** One summary per hook: the hook list and the Recent requests card both read these, so they agree. */
  byHook: Record<string, HealthSummary>;
  /** Requests per hour, for the hooks whose chart is on screen. */
  hourly: Record<string, HourlyCount[]>;
  /** Hooks whose chart is on screen, with how many screens show it. */
  watched: Record<string, number>;
  /** Counts refreshes; an answer to an older one is stale and dropped. */
  generation: number;
  refresh(): Promise<void>;
  /** Shows a hook's chart: its hourly counts are read now and on every refresh until the returned stop. */
  watch(hookId: string): () => void;
};

export const useHealth = create<HealthState>((set, get) => ({
  byHook: {},
  hourly: {},
  watched: {},
  generation: 0,
  refresh: async () => {
    const mine = get().generation + 1;
    set({ generation: mine });
    try {
      const watched = Object.keys(get().watched);
      const [summaries, details] = await Promise.all([
        call('health.list', {}),
        Promise.all(watched.map((hookId) => call('health.get', { hookId }))),
      ]);
      if (mine !== get().generation) return;
      const byHook = Object.fromEntries(summaries.map((summary) => [summary.hookId, summary]));
      const hourly: Record<string, HourlyCount[]> = {};
      // A watched hook's card and its row take the same answer, so they can never disagree.
      for (const { hourly: hours, ...summary } of details) {
        byHook[summary.hookId] = summary;
        hourly[summary.hookId] = hours;
      }
      set({ byHook, hourly });
    } catch {
      // Health is a summary; the screens still work without it and the next update retries.
    }
  },
  watch: (hookId) => {
    set((state) => ({ watched: { ...state.watched, [hookId]: (state.watched[hookId] ?? 0) + 1 } }));
    void get().refresh();
    return () =>
      set((state) => {
        const { [hookId]: count = 1, ...others } = state.watched;
        return { watched: count > 1 ? { ...others, [hookId]: count - 1 } : others };
      });
  },
}));
