import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sharedClock } from '../../renderer/lib/clock';

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

describe('the time shown as "2 min ago"', () => {
  it('is renewed for every row by one timer, which stops when no row shows a time', () => {
    const clock = sharedClock(30_000);
    const rows = Array.from({ length: 50 }, () => vi.fn());
    const leave = rows.map((row) => clock.subscribe(row));
    expect(vi.getTimerCount()).toBe(1);

    vi.advanceTimersByTime(30_000);
    expect(clock.read()).toBe(1_030_000);
    for (const row of rows) expect(row).toHaveBeenCalledOnce();

    for (const unsubscribe of leave) unsubscribe();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is current again when a row appears after none was shown for a while', () => {
    const clock = sharedClock(60_000);
    clock.subscribe(() => {})();
    vi.advanceTimersByTime(10 * 60_000);
    clock.subscribe(() => {});
    expect(clock.read()).toBe(1_600_000);
  });
});
