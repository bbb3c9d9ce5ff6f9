import { create } from 'zustand';
import type { Input } from '../../shared/contract';
import type { DeliverySummary } from '../../shared/domain';
import type { TimeRange } from '../../shared/time';

type LogsQuery = Input<'logs.query'>;

import { call, messageOf } from '../api';

export type RequestFilters = {
  range: TimeRange;
  outcome?: LogsQuery['outcome'];
  event?: LogsQuery['event'];
  status?: LogsQuery['status'];
  text?: string;
};

const PAGE = 200;

type Requests = {
  hookId: string | null;
  filters: RequestFilters;
  items: DeliverySummary[];
  nextCursor: string | null;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error: string | null;
  /** Shows a hook's requests from the top with these filters. */
  show(hookId: string, filters?: RequestFilters): Promise<void>;
  loadMore(): Promise<void>;
  /** A live update from main: new deliveries appear at the top, finished ones update in place. */
  apply(summary: DeliverySummary): void;
};

let generation = 0;

/**
 * The newest pushed state of recent deliveries, whichever hook is on screen. A page from the log
 * can be older than a push that overtook it; merging with this keeps a finished delivery from
 * showing as still sending.
 */
const pushed = new Map<string, DeliverySummary>();
const PUSHED_KEPT = 1000;

function remember(summary: DeliverySummary) {
  pushed.delete(summary.id);
  pushed.set(summary.id, summary);
  if (pushed.size > PUSHED_KEPT) pushed.delete(pushed.keys().next().value!);
}

function freshest(items: DeliverySummary[]): DeliverySummary[] {
  return items.map((item) => {
    const latest = pushed.get(item.id);
    return latest && latest.outcome !== 'in_flight' ? latest : item;
  });
}

function matches(filters: RequestFilters, summary: DeliverySummary): boolean {
  if (filters.outcome && filters.outcome !== summary.outcome) return false;
  if (filters.event && filters.event !== summary.event) return false;
  // Status and text are known only once finished and stored; a fresh query decides those.
  return filters.status === undefined && !filters.text;
}

export const useRequests = create<Requests>((set, get) => ({
  hookId: null,
  filters: { range: '24h' },
  items: [],
  nextCursor: null,
  status: 'idle',
  error: null,
  show: async (hookId, filters = get().hookId === hookId ? get().filters : { range: '24h' }) => {
    const mine = ++generation;
    set({ hookId, filters, status: 'loading', error: null, ...(get().hookId === hookId ? {} : { items: [] }) });
    try {
      const page = await call('logs.query', { hookId, ...filters, limit: PAGE });
      if (mine === generation) set({ items: freshest(page.items), nextCursor: page.nextCursor, status: 'ready' });
    } catch (error) {
      if (mine === generation) set({ status: 'failed', error: messageOf(error) });
    }
  },
  loadMore: async () => {
    const { hookId, filters, nextCursor, status } = get();
    if (!hookId || !nextCursor || status === 'loading') return;
    const mine = generation;
    set({ status: 'loading' });
    try {
      const page = await call('logs.query', { hookId, ...filters, cursor: nextCursor, limit: PAGE });
      if (mine === generation)
        set((state) => ({ items: [...state.items, ...freshest(page.items)], nextCursor: page.nextCursor, status: 'ready' }));
    } catch (error) {
      if (mine === generation) set({ status: 'failed', error: messageOf(error) });
    }
  },
  apply: (summary) => {
    remember(summary);
    const { hookId, filters, items } = get();
    if (summary.hookId !== hookId) return;
    const index = items.findIndex((item) => item.id === summary.id);
    if (index >= 0) {
      set({ items: items.map((item) => (item.id === summary.id ? summary : item)) });
    } else if (summary.outcome === 'in_flight' ? matches({ ...filters, outcome: undefined }, summary) : matches(filters, summary)) {
      set({ items: [summary, ...items] });
    }
  },
}));
