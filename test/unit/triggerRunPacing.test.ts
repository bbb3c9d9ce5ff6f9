import { afterEach, describe, expect, it, vi } from 'vitest';
import { triggerRun } from '../../electron/core/check/triggerRun';
import type { Delivery, DeliverySummary, EventPayload, Hook } from '../../shared/domain';

/** An engine whose receiver answers on the next turn of the event loop, as a local receiver does. */
function answeringEngine(log: string[]) {
  let sent = 0;
  return {
    async fanOutWhenRoom(hooks: Hook[], _payload: EventPayload) {
      const index = sent++;
      log.push(`sent ${index}`);
      const done = new Promise<Delivery[]>((resolve) =>
        setImmediate(() => {
          log.push(`answered ${index}`);
          resolve(hooks.map(() => ({ outcome: 'success', attempts: [], durationMs: 1 }) as unknown as Delivery));
        }),
      );
      return { started: hooks.map(() => ({}) as DeliverySummary), done };
    },
  };
}

describe('a paced trigger run', () => {
  it('takes answers while it waits for the next send, at 1 000 per second as at 10', async () => {
    for (const [ratePerSecond, repeat] of [
      [10, 5],
      [1_000, 50],
    ] as const) {
      const log: string[] = [];
      const report = await triggerRun(answeringEngine(log), {
        hooks: [{ id: 'h' } as Hook],
        payload: () => ({ event: 'User.Created' }) as EventPayload,
        repeat,
        ratePerSecond,
        duplicate: false,
        shuffle: false,
      });
      expect(report).toMatchObject({ planned: repeat, finished: repeat, failed: 0 });
      // Sends are never early, so a run can fall behind the rate asked but never beat it.
      expect(report.achievedRate).toBeGreaterThan(0);
      expect(report.achievedRate).toBeLessThanOrEqual(ratePerSecond);
      // Waiting for a send's due time never holds back the answers already on their way: the first
      // comes back while later sends still wait (a late timer may send a few at once, never all).
      expect(log.indexOf('answered 0')).toBeLessThan(log.indexOf(`sent ${repeat - 1}`));
    }
  });

  afterEach(() => vi.useRealTimers());

  it('paces deliveries, not events: to two hooks at 100 a second, an event every 20 ms', async () => {
    // Timers and the clock are the test's; the receiver still answers on the next turn of the real event loop.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
    const log: string[] = [];
    const progress: number[] = [];
    const run = triggerRun(answeringEngine(log), {
      hooks: [{ id: 'a' } as Hook, { id: 'b' } as Hook],
      payload: () => ({ event: 'User.Created' }) as EventPayload,
      repeat: 10,
      ratePerSecond: 100,
      duplicate: false,
      shuffle: false,
      progressEveryMs: 90,
      onProgress: (now) => progress.push(now.started),
    });
    await vi.advanceTimersByTimeAsync(90);
    // Sends at 0, 20, 40, 60 and 80 ms: ten deliveries in the first 90 ms, as 100 a second asks.
    expect(log.filter((line) => line.startsWith('sent'))).toHaveLength(5);
    expect(progress.at(-1)).toBe(10);
    await vi.advanceTimersByTimeAsync(200);
    expect(await run).toMatchObject({ planned: 20, started: 20, finished: 20, requestedRate: 100 });
  });
});
