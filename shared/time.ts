/** Spans of time, and the ranges a user picks them from, in one place. */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export const timeRanges = ['1h', '24h', '7d', 'all'] as const;
export type TimeRange = (typeof timeRanges)[number];

/** How far back each range reaches; `all` has no bound. */
export const RANGE_MS: Record<TimeRange, number | null> = { '1h': HOUR_MS, '24h': DAY_MS, '7d': 7 * DAY_MS, all: null };

/** The oldest time a range includes, or null for `all`. */
export function rangeStart(range: TimeRange, now: number): number | null {
  const span = RANGE_MS[range];
  return span === null ? null : now - span;
}
