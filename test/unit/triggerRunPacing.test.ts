import { describe, expect, it } from 'vitest';
import { triggerRun } from '../../electron/core/check/triggerRun';
import type { Delivery, DeliverySummary, EventPayload, Hook } from '../../shared/domain';

/** An engine whose receiver answers on the next turn of the event loop, as a local receiver does. */
function answeringEngine(log: string[]) {
  let sent = 0;
  return {
    fanOut(_hooks: Hook[], _payload: EventPayload) {
      const index = sent++;
      log.push(`sent ${index}`);
      const done = new Promise<Delivery[]>((resolve) =>
        setImmediate(() => {
          log.push(`answered ${index}`);
          resolve([{ outcome: 'success', attempts: [], durationMs: 1 } as unknown as Delivery]);
        }),
      );
      return { started: [{} as DeliverySummary], done };
    },
  };
}

describe('a paced trigger run', () => {
  it('takes each answer while it waits for the next send, at 1 000 per second as at 10', async () => {
    for (const ratePerSecond of [10, 1_000]) {
      const log: string[] = [];
      const report = await triggerRun(answeringEngine(log), {
        hooks: [{ id: 'h' } as Hook],
        payload: () => ({ event: 'User.Created' }) as EventPayload,
        repeat: 5,
        ratePerSecond,
        duplicate: false,
        shuffle: false,
      });
      expect(report).toMatchObject({ planned: 5, finished: 5, failed: 0 });
      // Waiting for a send's due time never holds back the answers already on their way.
      expect(log.indexOf('answered 0')).toBeLessThan(log.indexOf('sent 1'));
      expect(log.indexOf('answered 3')).toBeLessThan(log.indexOf('sent 4'));
    }
  });
});
