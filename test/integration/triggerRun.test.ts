import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TriggerRunProgress } from '../../shared/check';
import { allDeliveries, openTestCore, type TestCore } from '../support/core';
import { type Receiver, reply, startReceiver } from '../support/receiver';

let core: TestCore;
let receiver: Receiver;
beforeEach(async () => {
  core = openTestCore();
  receiver = await startReceiver();
});
afterEach(async () => {
  await core.dispose();
  await receiver.close();
});

describe('events.triggerRun (chaos and load sends)', () => {
  it('sends each event twice with the same bytes, shuffled, logs every delivery, and reports progress and error rate', async () => {
    await core.call('hooks.create', { name: 'Chaos', url: receiver.url, events: ['User.Created'] });
    receiver.answer(reply(200), reply(500), reply(200));
    const pushed: TriggerRunProgress[] = [];
    core.subscribe((channel, payload) => {
      if (channel === 'triggerRun.progress') pushed.push(payload as TriggerRunProgress);
    });
    const report = await core.call('events.triggerRun', {
      event: 'User.Created',
      repeat: 6,
      duplicate: true,
      shuffle: true,
      ratePerSecond: 200,
    });
    expect(report).toMatchObject({ planned: 12, started: 12, finished: 12, done: true, requestedRate: 200 });
    expect(pushed.at(-1)).toEqual(report);

    const logged = await allDeliveries(core);
    expect(logged).toHaveLength(12);
    const bodies = new Map<string, number>();
    for (const delivery of logged) bodies.set(delivery.request.body, (bodies.get(delivery.request.body) ?? 0) + 1);
    expect([...bodies.values()]).toEqual([2, 2, 2, 2, 2, 2]);
    // The second request answered 500 and its retries were answered 200, so every delivery ended well.
    expect(report.failed).toBe(logged.filter((delivery) => delivery.outcome !== 'success').length);
    expect(report.latency.p50).toBeGreaterThanOrEqual(0);
  });

  it('counts failures in the error rate', async () => {
    await core.call('hooks.create', { name: 'Failing', url: receiver.url, events: ['PostSignIn'] });
    receiver.answer(reply(400));
    const report = await core.call('events.triggerRun', { event: 'PostSignIn', repeat: 4 });
    expect(report).toMatchObject({ planned: 4, finished: 4, failed: 4, errorRate: 1, requestedRate: null });
  });

  it('refuses a run that would send nothing', async () => {
    await expect(core.call('events.triggerRun', { event: 'PostRegister', repeat: 3 })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'event',
    });
  });
});
