import { beforeEach, describe, expect, it } from 'vitest';
import { useRequests } from '../../renderer/state/requests';
import type { HookbenchBridge } from '../../shared/channels';
import type { DeliverySummary } from '../../shared/domain';

const sending: DeliverySummary = {
  id: 'd1',
  kind: 'delivery',
  hookId: 'h1',
  event: 'PostSignIn',
  createdAt: 1,
  outcome: 'in_flight',
  status: null,
  durationMs: null,
  attemptCount: 0,
};
const done: DeliverySummary = { ...sending, outcome: 'success', status: 200, durationMs: 12, attemptCount: 1 };

let answerQuery: (items: DeliverySummary[]) => void;
beforeEach(() => {
  const bridge: HookbenchBridge = {
    invoke: () => new Promise((resolve) => (answerQuery = (items) => resolve({ ok: true, value: { items, nextCursor: null } }))),
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
