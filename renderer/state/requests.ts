import { create } from 'zustand';
import type { Input } from '../../shared/contract';
import type { DeliverySummary } from '../../shared/domain';
import { rangeStart, type TimeRange } from '../../shared/time';
import { call, messageOf } from '../api';

type LogsQuery = Input<'logs.query'>;

export type RequestFilters = {
  range: TimeRange;
  /** Which rows: deliveries when absent; receiver checks and captured requests only when asked for. */
  kind?: LogsQuery['kind'];
  outcome?: LogsQuery['outcome'];
  event?: LogsQuery['event'];
  status?: LogsQuery['status'];
  text?: string;
};

const PAGE = 200;
const PUSHED_KEPT = 1000;
/** Pushes the renderer cannot judge (a text search) ask the log again, at most this often. */
export const REQUERY_MS = 300;

type Requests = {
  hookId: string | null;
  filters: RequestFilters;
  items: DeliverySummary[];
  nextCursor: string | null;
  /** How many rows match the filters in all, as of the last first page, kept up to date by live updates. */
  total: number | null;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error: string | null;
  /** Counts the queries asked; an answer to an older one is stale and dropped. */
  generation: number;
  /**
   * The newest pushed state of recent deliveries, whichever hook is on screen. A page from the log
   * can be older than a push that overtook it; merging with this keeps a finished delivery from
   * showing as still sending. Oldest first, at most PUSHED_KEPT.
   */
  pushed: ReadonlyMap<string, DeliverySummary>;
  /** Where the list was left when a request was opened, to come back to the same place. */
  place: { scrollTop: number; selectedId: string } | null;
  /** A re-query waiting to run, when a push could not be judged here. */
  requery: ReturnType<typeof setTimeout> | null;
  /** Shows a hook's requests from the top with these filters. */
  show(hookId: string, filters?: RequestFilters): Promise<void>;
  loadMore(): Promise<void>;
  /** Keeps the list as it is (live updates continue) and remembers where the user was. */
  leaveAt(scrollTop: number, selectedId: string): void;
  /** Asks the log again for what is on screen (as many rows as shown), keeping the place. */
  refresh(): Promise<void>;
  /**
   * A live update from main. It shows only where it matches every filter: new matching deliveries
   * appear at the top, rows update in place and leave when they stop matching.
   */
  apply(summary: DeliverySummary): void;
};

function remember(pushed: ReadonlyMap<string, DeliverySummary>, summary: DeliverySummary): Map<string, DeliverySummary> {
  const next = new Map(pushed);
  next.delete(summary.id);
  next.set(summary.id, summary);
  if (next.size > PUSHED_KEPT) next.delete(next.keys().next().value!);
  return next;
}

function freshest(pushed: ReadonlyMap<string, DeliverySummary>, items: DeliverySummary[]): DeliverySummary[] {
  return items.map((item) => {
    const latest = pushed.get(item.id);
    return latest && latest.outcome !== 'in_flight' ? latest : item;
  });
}

type Verdict = 'yes' | 'no' | 'unknown';

/**
 * Whether a delivery belongs in a filtered view. One still sending may yet end with the outcome or
 * status asked for, so it shows until it finishes; text is searched in stored bodies, which only
 * the log can do ('unknown').
 */
export function belongs(filters: RequestFilters, summary: DeliverySummary, now: number): Verdict {
  const start = rangeStart(filters.range, now);
  if (start !== null && summary.createdAt < start) return 'no';
  if ((filters.kind ?? 'delivery') !== summary.kind) return 'no';
  if (filters.event && filters.event !== summary.event) return 'no';
  const sending = summary.outcome === 'in_flight';
  if (filters.outcome && filters.outcome !== summary.outcome && !sending) return 'no';
  if (filters.status !== undefined && !sending && !statusMatches(filters.status, summary.status)) return 'no';
  return filters.text ? 'unknown' : 'yes';
}

function statusMatches(wanted: NonNullable<RequestFilters['status']>, status: number | null): boolean {
  if (wanted === 'none') return status === null;
  if (typeof wanted === 'number') return status === wanted;
  return status !== null && Math.floor(status / 100) === Number(wanted[0]);
}

export const useRequests = create<Requests>((set, get) => ({
  hookId: null,
  filters: { range: '24h' },
  items: [],
  nextCursor: null,
  total: null,
  status: 'idle',
  error: null,
  generation: 0,
  pushed: new Map(),
  requery: null,
  place: null,
  leaveAt: (scrollTop, selectedId) => set({ place: { scrollTop, selectedId } }),
  show: async (hookId, filters = get().hookId === hookId ? get().filters : { range: '24h' }) => {
    const mine = get().generation + 1;
    clearTimeout(get().requery ?? undefined);
    set({
      generation: mine,
      requery: null,
      place: null,
      hookId,
      filters,
      status: 'loading',
      error: null,
      ...(get().hookId === hookId ? {} : { items: [], total: null }),
    });
    try {
      const page = await call('logs.query', { hookId, ...filters, limit: PAGE });
      if (mine === get().generation) {
        set({ items: freshest(get().pushed, page.items), nextCursor: page.nextCursor, total: page.total ?? null, status: 'ready' });
      }
    } catch (error) {
      if (mine === get().generation) set({ status: 'failed', error: messageOf(error) });
    }
  },
  loadMore: async () => {
    const { hookId, filters, nextCursor, status, generation: mine } = get();
    if (!hookId || !nextCursor || status === 'loading') return;
    set({ status: 'loading' });
    try {
      const page = await call('logs.query', { hookId, ...filters, cursor: nextCursor, limit: PAGE });
      if (mine === get().generation)
        set((state) => ({ items: [...state.items, ...freshest(state.pushed, page.items)], nextCursor: page.nextCursor, status: 'ready' }));
    } catch (error) {
      if (mine === get().generation) set({ status: 'failed', error: messageOf(error) });
    }
  },
  refresh: async () => {
    const { hookId, filters, items } = get();
    if (!hookId) return;
    const mine = get().generation + 1;
    set({ generation: mine, requery: null });
    try {
      const limit = Math.min(500, Math.max(PAGE, items.length));
      const page = await call('logs.query', { hookId, ...filters, limit });
      if (mine === get().generation) {
        set({ items: freshest(get().pushed, page.items), nextCursor: page.nextCursor, total: page.total ?? null, status: 'ready' });
      }
    } catch (error) {
      if (mine === get().generation) set({ status: 'failed', error: messageOf(error) });
    }
  },
  apply: (summary) => {
    const { hookId, filters, items } = get();
    const pushed = remember(get().pushed, summary);
    if (summary.hookId !== hookId) return set({ pushed });
    const now = Date.now();
    const verdict = belongs(filters, summary, now);
    // Rows are newest first; those the time range has left behind drop off the end.
    const start = rangeStart(filters.range, now);
    const kept = start === null ? items : trimOlder(items, start);
    const shown = kept.some((item) => item.id === summary.id);
    if (shown) {
      const next =
        verdict === 'no' ? kept.filter((item) => item.id !== summary.id) : kept.map((item) => (item.id === summary.id ? summary : item));
      return set({ pushed, items: next, total: counted(get().total, next.length - kept.length) });
    }
    if (verdict === 'yes') return set({ pushed, items: [summary, ...kept], total: counted(get().total, 1) });
    if (verdict === 'unknown' && !get().requery) {
      return set({ pushed, items: kept, requery: setTimeout(() => void get().refresh(), REQUERY_MS) });
    }
    set({ pushed, items: kept });
  },
}));

/** The total after rows joined (+) or left (-) the list live; unknown stays unknown. */
function counted(total: number | null, change: number): number | null {
  return total === null ? null : Math.max(0, total + change);
}

function trimOlder(items: DeliverySummary[], start: number): DeliverySummary[] {
  let end = items.length;
  while (end > 0 && items[end - 1]!.createdAt < start) end--;
  return end === items.length ? items : items.slice(0, end);
}
