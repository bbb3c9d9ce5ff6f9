import { create } from 'zustand';
import type { HealthSummary } from '../../shared/domain';
import { call } from '../api';

type HealthState = {
  byHook: Record<string, HealthSummary>;
  refresh(): Promise<void>;
};

export const useHealth = create<HealthState>((set) => ({
  byHook: {},
  refresh: async () => {
    try {
      const summaries = await call('health.list', {});
      set({ byHook: Object.fromEntries(summaries.map((summary) => [summary.hookId, summary])) });
    } catch {
      // Health is a summary; the list still works without it and the next update retries.
    }
  },
}));
