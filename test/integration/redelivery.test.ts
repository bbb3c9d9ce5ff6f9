/** Bulk redelivery of failed deliveries: capped per run, paced, reporting progress, cancellable. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Pushes } from '../../shared/channels';
import type { Hook } from '../../shared/domain';
import { useCore } from '../support/perTest';
import { reply } from '../support/receiver';

type Progress = Pushes['redelivery.progress'];

const running = useCore();
let progress: Progress[];
beforeEach(() => {
  progress = [];
  running.core.subscribe((channel, payload) => channel === 'redelivery.progress' && progress.push(payload as Progress));
});

/** A hook with `count` failed deliveries in its log, oldest first; the receiver then answers 200. */
async function failedDeliveries(count: number): Promise<{ hook: Hook; ids: string[] }> {
  running.receiver.answer(reply(500, 'down'));
  const hook = await running.core.call('hooks.create', { name: 'Flaky', url: running.receiver.url, events: ['User.Created'], retries: 0 });
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    ids.push((await running.core.call('events.trigger', { event: 'User.Created' })).deliveries[0]!.id);
  }
  await running.core.settled();
  running.receiver.answer(reply(200, 'ok'));
  running.receiver.received.length = 0;
  return { hook, ids };
}

async function redelivered(): Promise<string[]> {
  const page = await running.core.call('logs.details', {
    hookId: (await running.core.call('hooks.list', {}))[0]!.id,
    range: 'all',
    limit: 500,
  });
  return page.items.filter((delivery) => delivery.redeliveryOf !== null).map((delivery) => delivery.redeliveryOf!);
}

describe('redelivering failed deliveries in bulk', () => {
  it('sends at most the limit, the oldest first, and reports each send', async () => {
    const { hook, ids } = await failedDeliveries(8);
    expect(await running.core.call('logs.unsuccessfulCount', { hookId: hook.id, range: 'all' })).toEqual({ count: 8 });
    const { count, runId } = await running.core.call('logs.redeliverUnsuccessful', {
      hookId: hook.id,
      range: 'all',
      limit: 3,
      perSecond: 1000,
    });
    expect(count).toBe(3);
    await running.core.settled();
    expect(running.receiver.received).toHaveLength(3);
    expect((await redelivered()).sort()).toEqual(ids.slice(0, 3).sort());
    expect(progress).toEqual([
      { runId, sent: 1, total: 3, done: false, cancelled: false },
      { runId, sent: 2, total: 3, done: false, cancelled: false },
      { runId, sent: 3, total: 3, done: false, cancelled: false },
      { runId, sent: 3, total: 3, done: true, cancelled: false },
    ]);
  });

  it('paces the sends: ten at 5 a second are spread over more than 1.5 s, not sent at once', async () => {
    const { hook } = await failedDeliveries(10);
    const started = Date.now();
    const { count } = await running.core.call('logs.redeliverUnsuccessful', { hookId: hook.id, range: 'all', perSecond: 5 });
    expect(count).toBe(10);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(running.receiver.received.length).toBeLessThan(10);
    await running.core.settled();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
    expect(running.receiver.received).toHaveLength(10);
    expect(progress.at(-1)).toMatchObject({ sent: 10, total: 10, done: true, cancelled: false });
  });

  it('stops sending when cancelled, says so, and every send made is in the log', async () => {
    const { hook } = await failedDeliveries(10);
    const { runId } = await running.core.call('logs.redeliverUnsuccessful', { hookId: hook.id, range: 'all', perSecond: 5 });
    while (progress.length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await running.core.call('logs.cancelRedelivery', { runId })).toEqual({ cancelled: true });
    await running.core.settled();
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ runId, total: 10, done: true, cancelled: true });
    expect(last.sent).toBeLessThan(10);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(running.receiver.received).toHaveLength(last.sent);
    expect(await redelivered()).toHaveLength(last.sent);
    expect(await running.core.call('logs.cancelRedelivery', { runId })).toEqual({ cancelled: false });
  });

  it('refuses a rate or a limit it cannot use, naming the field', async () => {
    const { hook } = await failedDeliveries(1);
    for (const [input, field, message] of [
      [{ perSecond: 0 }, 'perSecond', 'The pace must be more than 0 a second'],
      [{ limit: 0 }, 'limit', 'The limit must be at least 1'],
      [{ limit: 2.5 }, 'limit', 'The limit must be a whole number'],
    ] as const) {
      expect(await running.core.envelope('logs.redeliverUnsuccessful', { hookId: hook.id, range: 'all', ...input })).toEqual({
        ok: false,
        error: { code: 'invalid_input', field, message },
      });
    }
    expect(running.receiver.received).toHaveLength(0);
  });
});
