import { describe, expect, it } from 'vitest';
import type { TriggerRunProgress } from '../../shared/check';
import { allDeliveries } from '../support/core';
import { useCore } from '../support/perTest';
import { reply } from '../support/receiver';

const running = useCore();

describe('events.triggerRun (chaos and load sends)', () => {
  it('sends each event twice with the same bytes, shuffled, logs every delivery, and reports progress and error rate', async () => {
    await running.core.call('hooks.create', { name: 'Chaos', url: running.receiver.url, events: ['User.Created'] });
    running.receiver.answer(reply(200), reply(500), reply(200));
    const pushed: TriggerRunProgress[] = [];
    running.core.subscribe((channel, payload) => {
      if (channel === 'triggerRun.progress') pushed.push(payload as TriggerRunProgress);
    });
    const report = await running.core.call('events.triggerRun', {
      event: 'User.Created',
      repeat: 6,
      duplicate: true,
      shuffle: true,
      ratePerSecond: 200,
    });
    expect(report).toMatchObject({ planned: 12, started: 12, finished: 12, done: true, requestedRate: 200 });
    expect(pushed.at(-1)).toEqual(report);

    const logged = await allDeliveries(running.core);
    expect(logged).toHaveLength(12);
    const bodies = new Map<string, number>();
    for (const delivery of logged) bodies.set(delivery.request.body, (bodies.get(delivery.request.body) ?? 0) + 1);
    expect([...bodies.values()]).toEqual([2, 2, 2, 2, 2, 2]);
    // The second request answered 500 and its retries were answered 200, so every delivery ended well.
    expect(report.failed).toBe(logged.filter((delivery) => delivery.outcome !== 'success').length);
    expect(report.latency.p50).toBeGreaterThanOrEqual(0);
  });

  it('counts failures in the error rate', async () => {
    await running.core.call('hooks.create', { name: 'Failing', url: running.receiver.url, events: ['PostSignIn'] });
    running.receiver.answer(reply(400));
    const report = await running.core.call('events.triggerRun', { event: 'PostSignIn', repeat: 4 });
    expect(report).toMatchObject({ planned: 4, finished: 4, failed: 4, errorRate: 1, requestedRate: null });
  });

  it('sends the payload the user edited with every repeat, each as its own delivery', async () => {
    const hook = await running.core.call('hooks.create', { name: 'Edited', url: running.receiver.url, events: ['User.Created'] });
    const payload = { createdAt: '2026-01-01T00:00:00.000Z', data: { id: 'u-edited', name: 'Ada' } };
    const report = await running.core.call('events.triggerRun', { event: 'User.Created', repeat: 3, payload });
    expect(report).toMatchObject({ planned: 3, finished: 3, failed: 0, stopped: false });
    const bytes = JSON.stringify({ event: 'User.Created', ...payload, hookId: hook.id });
    expect(running.receiver.received.map((request) => request.body)).toEqual([bytes, bytes, bytes]);
    const logged = await allDeliveries(running.core);
    expect(new Set(logged.map((delivery) => delivery.id)).size).toBe(3);
    expect(logged.map((delivery) => delivery.request.body)).toEqual([bytes, bytes, bytes]);
  });

  it('refuses a payload that is not an object, or names another event, saying so about the payload', async () => {
    await running.core.call('hooks.create', { name: 'Edited', url: running.receiver.url, events: ['User.Created'] });
    await expect(
      running.core.call('events.triggerRun', { event: 'User.Created', repeat: 2, payload: 'hello' as never }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'payload',
      message: 'The payload must be a JSON object',
    });
    await expect(
      running.core.call('events.triggerRun', { event: 'User.Created', repeat: 2, payload: { event: 'User.Deleted' } }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'payload',
      message: 'The payload says "event": "User.Deleted" but you are triggering User.Created; make them match',
    });
    expect(running.receiver.received).toHaveLength(0);
  });

  it('stops a paced run: no further sends, what started finishes and is logged, the call answers the figures so far', async () => {
    await running.core.call('hooks.create', { name: 'Slow pace', url: running.receiver.url, events: ['User.Created'] });
    const pushed: TriggerRunProgress[] = [];
    running.core.subscribe((channel, payload) => {
      if (channel === 'triggerRun.progress') pushed.push(payload as TriggerRunProgress);
    });
    const run = running.core.call('events.triggerRun', { event: 'User.Created', repeat: 1_000, ratePerSecond: 20 });
    // The run names itself at once, before its first send, so a caller can stop it straight away.
    await expect.poll(() => pushed.length).toBeGreaterThan(0);
    expect(pushed[0]).toMatchObject({ planned: 1_000, started: 0, done: false });
    const { runId } = pushed[0]!;
    await expect.poll(() => running.receiver.received.length).toBeGreaterThanOrEqual(3);

    expect(await running.core.call('events.stopRun', { runId })).toEqual({ stopped: true });
    const report = await run;
    expect(report).toMatchObject({ runId, planned: 1_000, done: true, stopped: true });
    expect(report.started).toBeLessThan(1_000);
    expect(report.finished).toBe(report.started);
    const logged = await allDeliveries(running.core);
    expect(logged).toHaveLength(report.started);
    expect(logged.every((delivery) => delivery.outcome === 'success')).toBe(true);
    expect(running.receiver.received).toHaveLength(report.started);
    expect(pushed.at(-1)).toEqual(report);

    // A run that is over cannot be stopped again; an unknown one is answered the same.
    expect(await running.core.call('events.stopRun', { runId })).toEqual({ stopped: false });
    expect(await running.core.call('events.stopRun', { runId: 'no-such-run' })).toEqual({ stopped: false });
  });

  it('refuses a run that would send nothing', async () => {
    await expect(running.core.call('events.triggerRun', { event: 'PostRegister', repeat: 3 })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'event',
    });
  });
});
