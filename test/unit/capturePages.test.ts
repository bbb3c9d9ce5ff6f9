import { describe, expect, it } from 'vitest';
import { type CapturePage, withNewest, withOlder } from '../../renderer/screens/Receiver/capturePages';
import type { DeliverySummary } from '../../shared/domain';

/** Captures numbered by arrival: a higher number is newer, its log position is its number. */
const capture = (number: number, outcome: DeliverySummary['outcome'] = 'success'): DeliverySummary => ({
  id: `c${number}`,
  kind: 'captured',
  hookId: null,
  event: 'PostSignIn',
  createdAt: number,
  outcome,
  status: 200,
  durationMs: 1,
  attemptCount: 1,
  redeliveryOf: null,
});

/** The log's page of `size` captures starting below position `below` (newest first), out of `total`. */
function logPage(total: number, size: number, below = total + 1): CapturePage {
  const items: DeliverySummary[] = [];
  for (let number = below - 1; number >= 1 && items.length < size; number--) items.push(capture(number));
  const last = items.at(-1);
  return { items, cursor: last && last.createdAt > 1 ? String(last.createdAt) : null };
}

const numbers = (page: CapturePage) => page.items.map((item) => item.createdAt);
const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, index) => from - index);

describe('the Receiver screen’s captured requests, page by page', () => {
  it('shows the newest page first, then each older page below it until none is left', () => {
    let shown = withNewest(null, logPage(250, 100));
    expect(numbers(shown)).toEqual(range(250, 151));
    shown = withOlder(shown, logPage(250, 100, Number(shown.cursor)));
    expect(numbers(shown)).toEqual(range(250, 51));
    shown = withOlder(shown, logPage(250, 100, Number(shown.cursor)));
    expect(numbers(shown)).toEqual(range(250, 1));
    expect(shown.cursor).toBeNull();
  });

  it('keeps the older pages the user opened when new captures arrive, with none missing between', () => {
    let shown = withNewest(null, logPage(250, 100));
    shown = withOlder(shown, logPage(250, 100, Number(shown.cursor)));
    // Three more arrive; the newest page now ends three captures earlier than the first one did.
    shown = withNewest(shown, logPage(253, 100));
    expect(numbers(shown)).toEqual(range(253, 51));
    expect(shown.cursor).toBe('51');
  });

  it('shows a capture’s new state where it is, without repeating it', () => {
    const shown = withNewest(null, logPage(5, 100));
    const updated = { items: [capture(5, 'failed'), ...logPage(4, 100).items], cursor: null };
    const next = withNewest(shown, updated);
    expect(numbers(next)).toEqual(range(5, 1));
    expect(next.items[0]!.outcome).toBe('failed');
  });

  it('starts again from the newest page, instead of leaving a hole, when more arrived than a page holds', () => {
    let shown = withNewest(null, logPage(250, 100));
    shown = withOlder(shown, logPage(250, 100, Number(shown.cursor)));
    shown = withNewest(shown, logPage(400, 100));
    expect(numbers(shown)).toEqual(range(400, 301));
    expect(shown.cursor).toBe('301');
  });

  it('adds an older page only once, however often it is asked for', () => {
    const shown = withNewest(null, logPage(150, 100));
    const older = logPage(150, 100, Number(shown.cursor));
    const twice = withOlder(withOlder(shown, older), older);
    expect(numbers(twice)).toEqual(range(150, 1));
  });

  it('empties when every capture has gone (removed with the log)', () => {
    const shown = withNewest(null, logPage(30, 100));
    expect(withNewest(shown, { items: [], cursor: null })).toEqual({ items: [], cursor: null });
  });
});
