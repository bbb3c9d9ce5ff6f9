import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RequestLog } from '../../electron/core/log/requestLog';
import type { Delivery } from '../../shared/domain';
import { openTestCore, type TestCore } from '../support/core';
import { type Receiver, reply, startReceiver } from '../support/receiver';

let receiver: Receiver;
let core: TestCore;
afterEach(async () => {
  await core?.dispose();
  await receiver?.close();
});

async function withHook(answer = reply(200, '{"ok":true}')) {
  receiver = await startReceiver();
  receiver.answer(answer);
  core = openTestCore();
  return core.call('hooks.create', {
    name: 'Receiver',
    url: receiver.url,
    events: ['User.Created'],
    headers: [{ name: 'x-tenant', value: 'acme-blue' }],
  });
}

async function deliver(): Promise<Delivery> {
  const { deliveries } = await core.call('events.trigger', { event: 'User.Created' });
  return core.finished(deliveries[0]!.id);
}

const until = async (check: () => Promise<boolean>) => {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
};

describe('searching the log', () => {
  it('finds request and response bodies and headers through the index, and says how it searched', async () => {
    const hook = await withHook();
    receiver.answer(reply(200, 'fine'), reply(404, '{"error":"quota-exhausted-7"}', { 'x-trace': 'trace-4411' }));
    const first = await deliver();
    const second = await deliver();
    // Before and after the background indexer has taken the rows, the answer is the same.
    for (let pass = 0; pass < 2; pass++) {
      const search = (text: string) => core.call('logs.query', { hookId: hook.id, range: 'all', text });
      expect(await search('quota-exhausted')).toMatchObject({ items: [{ id: second.id }], searchMode: 'index' });
      expect((await search('trace-4411')).items.map((item) => item.id)).toEqual([second.id]);
      expect((await search('ACME-blue')).items.map((item) => item.id)).toEqual([second.id, first.id]);
      expect((await search('fine')).items.map((item) => item.id)).toEqual([first.id]);
      // Two characters are below the trigram index's reach, so they are scanned; these two appear in no payload,
      // header or id Hookbench makes (random ids and keys are letters and digits).
      expect(await search('¤¤')).toMatchObject({ items: [], searchMode: 'scan' });
      expect((await search('ne')).items.map((item) => item.id)).toContain(first.id);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    }
    expect((await core.call('logs.query', { hookId: hook.id, range: 'all' })).searchMode).toBeUndefined();
  });
});

describe('the hook list and removing a hook', () => {
  it('answers each hook’s last delivery time', async () => {
    const hook = await withHook();
    expect(await core.call('health.list', {})).toEqual([expect.objectContaining({ hookId: hook.id, lastDeliveryAt: null })]);
    await deliver();
    const latest = await deliver();
    expect(await core.call('health.list', {})).toEqual([expect.objectContaining({ hookId: hook.id, lastDeliveryAt: latest.createdAt })]);
  });

  it('says how many deliveries a hook has and deletes them with it when asked', async () => {
    const hook = await withHook();
    const kept = await core.call('hooks.create', { name: 'Other', url: receiver.url, events: ['User.Created'] });
    for (let i = 0; i < 3; i++) await deliver();
    expect(await core.call('logs.count', { hookId: hook.id })).toEqual({ count: 3 });
    expect(await core.call('hooks.remove', { id: hook.id, deleteDeliveries: true })).toEqual({ removed: true, deletedDeliveries: 3 });
    expect(await core.call('logs.count', { hookId: hook.id })).toEqual({ count: 0 });
    expect(await core.call('logs.count', { hookId: kept.id })).toEqual({ count: 3 });
    expect(await core.call('hooks.remove', { id: kept.id })).toEqual({ removed: true });
    expect(await core.call('logs.count', { hookId: kept.id })).toEqual({ count: 3 });
  });
});

describe('another process writing', () => {
  it('pushes log.changed when another process writes to the log, and not for the core’s own writes', async () => {
    const hook = await withHook();
    const changes: unknown[] = [];
    const stop = core.subscribe((channel, payload) => channel === 'log.changed' && changes.push(payload));
    await deliver();
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(changes).toEqual([]);
    const cli = new RequestLog(join(core.dataDir, 'requests.sqlite'), () => {});
    cli.setSetting('retentionDays', '9');
    cli.close();
    await until(async () => changes.length > 0);
    expect(changes[0]).toEqual({ at: expect.any(Number) });
    expect(await core.call('settings.get', {})).toEqual({ retentionDays: 9, retryBehaviour: 'retry-5xx' });
    stop();
    expect(hook.id).toBeTruthy();
  });
});
