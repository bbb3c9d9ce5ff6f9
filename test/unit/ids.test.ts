import { afterEach, describe, expect, it, vi } from 'vitest';
import { newLogId } from '../../electron/core/util/ids';

afterEach(() => {
  vi.useRealTimers();
});

describe('log row ids', () => {
  it('are 21 characters of Logto’s id alphabet', () => {
    for (let i = 0; i < 100; i++) expect(newLogId()).toMatch(/^[0-9a-z]{21}$/);
  });

  it('sort in the order they were made, across milliseconds and years, so a burst lands together in the id index', () => {
    vi.useFakeTimers();
    const made: string[] = [];
    for (const at of [Date.UTC(2026, 10, 23), Date.UTC(2026, 10, 23) + 1, Date.UTC(2027, 0, 1), Date.UTC(2100, 0, 1)]) {
      vi.setSystemTime(at);
      made.push(newLogId());
    }
    expect([...made].sort()).toEqual(made);
  });

  it('differ when made in the same millisecond', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 10, 23));
    const ids = new Set(Array.from({ length: 1_000 }, newLogId));
    expect(ids.size).toBe(1_000);
  });
});
