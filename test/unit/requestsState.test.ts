import { beforeEach, describe, expect, it, vi } from 'vitest';
import { belongs, REQUERY_MS, useRequests } from '../../renderer/state/requests';
import type { HookbenchBridge } from '../../shared/channels';
import type { DeliverySummary } from '../../shared/domain';

const sending: DeliverySummary = {
  id: 'd1',
  kind: 'delivery',
  hookId: 'h1',
  event: 'PostSignIn',
  createdAt: Date.now(),
  outcome: 'in_flight',
  status: null,
  durationMs: null,
  attemptCount: 0,
  redeliveryOf: null,
};
const done: DeliverySummary = { ...sending, outcome: 'success', status: 200, durationMs: 12, attemptCount: 1 };

let answerQuery: (items: DeliverySummary[]) => void;
let queries: unknown[];
beforeEach(() => {
  queries = [];
  const bridge: HookbenchBridge = {
    invoke: (_method, input) => {
      queries.push(input);
      return new Promise((resolve) => (answerQuery = (items) => resolve({ ok: true, value: { items, nextCursor: null } })));
    },
    on: () => () => {},
  };
  (globalThis as { window?: unknown }).window = { hookbench: bridge };
});

describe('recent requests on screen', () => {
  it('keeps a finished delivery finished when its push overtakes an older page of the log', async () => {
    const showing = useRequests.getState().show('h1');
    useRequests.getState().apply(sending);
    useRequests.getState().apply(done);
    answerQuery([sending]);
    await showing;
    expect(useRequests.getState().items).toEqual([done]);
  });

  it('adds a new delivery at the top and updates it in place when it finishes', async () => {
    const showing = useRequests.getState().show('h1', { range: '24h' });
    answerQuery([]);
    await showing;
    useRequests.getState().apply({ ...sending, id: 'd2' });
    expect(useRequests.getState().items.map((item) => [item.id, item.outcome])).toEqual([['d2', 'in_flight']]);
    useRequests.getState().apply({ ...done, id: 'd2' });
    expect(useRequests.getState().items.map((item) => [item.id, item.outcome])).toEqual([['d2', 'success']]);
    useRequests.getState().apply({ ...done, id: 'other-hook', hookId: 'h2' });
    expect(useRequests.getState().items).toHaveLength(1);
  });
});

describe('live updates under filters', () => {
  const failed: DeliverySummary = { ...done, id: 'f1', outcome: 'failed', status: 500, attemptCount: 4 };

  async function showing(filters: Parameters<ReturnType<typeof useRequests.getState>['show']>[1], items: DeliverySummary[] = []) {
    const shown = useRequests.getState().show('h1', filters);
    answerQuery(items);
    await shown;
  }
  const ids = () => useRequests.getState().items.map((item) => item.id);

  it('shows a sending row under Outcome = Failed, and takes it away when it succeeds', async () => {
    await showing({ range: '24h', outcome: 'failed' }, [failed]);
    useRequests.getState().apply({ ...sending, id: 'd3' });
    expect(ids()).toEqual(['d3', 'f1']);
    useRequests.getState().apply({ ...done, id: 'd3' });
    expect(ids()).toEqual(['f1']);
    useRequests.getState().apply({ ...done, id: 'd4' });
    expect(ids()).toEqual(['f1']);
  });

  it('keeps a finished delivery out when its status or event does not match', async () => {
    await showing({ range: '24h', status: '5xx', event: 'PostSignIn' });
    useRequests.getState().apply({ ...done, id: 'ok' });
    useRequests.getState().apply({ ...failed, id: 'other-event', event: 'User.Created' });
    useRequests.getState().apply({ ...failed, id: 'match' });
    expect(ids()).toEqual(['match']);
  });

  it('leaves out deliveries older than the time range, and drops rows that aged out of it', async () => {
    const old = Date.now() - 2 * 3_600_000;
    await showing({ range: '1h' }, [{ ...done, id: 'aged', createdAt: Date.now() - 3_600_000 + 50 }]);
    useRequests.getState().apply({ ...done, id: 'late', createdAt: old });
    expect(ids()).toEqual(['aged']);
    await new Promise((resolve) => setTimeout(resolve, 80));
    useRequests.getState().apply({ ...done, id: 'new' });
    expect(ids()).toEqual(['new']);
  });

  it('asks the log again (once, after a pause) when a text search is on, instead of guessing', async () => {
    vi.useFakeTimers();
    try {
      await showing({ range: '24h', text: 'alice@example.com' });
      const asked = queries.length;
      useRequests.getState().apply({ ...sending, id: 'x1' });
      useRequests.getState().apply({ ...sending, id: 'x2' });
      expect(ids()).toEqual([]);
      vi.advanceTimersByTime(REQUERY_MS);
      expect(queries.slice(asked)).toEqual([{ hookId: 'h1', range: '24h', text: 'alice@example.com', limit: 200 }]);
      answerQuery([{ ...sending, id: 'x2' }]);
      await vi.waitFor(() => expect(ids()).toEqual(['x2']));
    } finally {
      vi.useRealTimers();
    }
  });

  it('judges each filter as the log does', () => {
    const now = Date.now();
    expect(belongs({ range: '24h', status: 404 }, { ...failed, status: 404 }, now)).toBe('yes');
    expect(belongs({ range: '24h', status: 'none' }, { ...failed, status: null }, now)).toBe('yes');
    expect(belongs({ range: '24h', status: '4xx' }, failed, now)).toBe('no');
    expect(belongs({ range: 'all' }, { ...done, createdAt: 0 }, now)).toBe('yes');
    expect(belongs({ range: '24h', outcome: 'in_flight' }, done, now)).toBe('no');
  });
});
