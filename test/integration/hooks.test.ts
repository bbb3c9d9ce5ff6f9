import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Hook } from '../../shared/domain';
import { openTestCore } from '../support/core';
import { useCore } from '../support/perTest';

const running = useCore();

describe('send test payload with what the form holds now', () => {
  it('tests the unsaved URL, headers and events, signed with the stored key, and saves nothing', async () => {
    const hook = await running.core.call('hooks.create', { name: 'Stored', url: 'http://127.0.0.1:9/nowhere', events: ['PostSignIn'] });
    const results = await running.core.call('hooks.test', {
      id: hook.id,
      url: running.receiver.url,
      events: ['User.Created'],
      headers: [{ name: 'x-draft', value: 'yes' }],
    });
    expect(results.map(({ event, ok }) => ({ event, ok }))).toEqual([{ event: 'User.Created', ok: true }]);
    const [arrived] = running.receiver.received;
    expect(JSON.parse(arrived!.body)).toMatchObject({ event: 'User.Created', hookId: hook.id });
    expect(arrived!.headers['x-draft']).toBe('yes');
    expect(arrived!.headers['logto-signature-sha-256']).toBe(createHmac('sha256', hook.signingKey).update(arrived!.body).digest('hex'));
    expect(await running.core.call('hooks.list', {})).toEqual([hook]);
  });

  it('refuses a key from the caller and an override the form would refuse', async () => {
    const hook = await running.core.call('hooks.create', { name: 'Stored', url: running.receiver.url, events: ['PostSignIn'] });
    await expect(running.core.call('hooks.test', { id: hook.id, signingKey: 'mine' } as never)).rejects.toThrow(
      'hooks.test does not take "signingKey".',
    );
    await expect(running.core.call('hooks.test', { id: hook.id, headers: [{ name: 'host', value: 'x' }] })).rejects.toThrow(
      'host is set from the endpoint URL; change the URL instead',
    );
    expect(running.receiver.received).toEqual([]);
  });
});

describe('events.trigger', () => {
  it('answers a payload nested 5 000 deep with a clear refusal, sending nothing', async () => {
    const hook = await running.core.call('hooks.create', { name: 'Deep', url: running.receiver.url, events: ['User.Created'] });
    let payload: Record<string, unknown> = { leaf: true };
    for (let depth = 0; depth < 5_000; depth++) payload = { inner: payload };
    const answer = await running.core.envelope('events.trigger', { event: 'User.Created', payload });
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: "events.trigger's input is nested too deeply to check; flatten it (a few hundred levels at most).",
      },
    });
    expect(await running.core.call('logs.count', { hookId: hook.id })).toEqual({ count: 0 });
    expect(running.receiver.received).toHaveLength(0);
  });

  it('sends one delivery to a hook named three times', async () => {
    const hook = await running.core.call('hooks.create', { name: 'Once', url: running.receiver.url, events: ['User.Created'] });
    const { deliveries } = await running.core.call('events.trigger', { event: 'User.Created', hookIds: [hook.id, hook.id, hook.id] });
    expect(deliveries).toHaveLength(1);
    await running.core.settled();
    expect(running.receiver.received).toHaveLength(1);
  });
});

describe('a hook without a signing key', () => {
  it('can be created, kept and given a pasted key later', async () => {
    const hook = await running.core.call('hooks.create', {
      name: 'Keyless',
      url: running.receiver.url,
      events: ['User.Created'],
      signingKey: '',
    });
    expect(hook.signingKey).toBe('');
    const pasted = await running.core.call('hooks.update', { id: hook.id, signingKey: 'Ab3dEf6hIj9lMn2pQr5tUv8xYz1bCd4f' });
    expect(pasted.signingKey).toBe('Ab3dEf6hIj9lMn2pQr5tUv8xYz1bCd4f');
  });
});

describe('another process on the same folder', () => {
  it('pushes hooks.changed to the open core within a second when a second core (the CLI) changes hooks.json', async () => {
    const pushed: Hook[][] = [];
    running.core.subscribe((channel, payload) => {
      if (channel === 'hooks.changed') pushed.push((payload as { hooks: Hook[] }).hooks);
    });
    const cli = openTestCore({ dataDir: running.core.dataDir });
    try {
      const added = await cli.call('hooks.create', { name: 'From the CLI', url: running.receiver.url, events: ['PostSignIn'] });
      await expect.poll(() => pushed.at(-1), { timeout: 1_000, interval: 20 }).toEqual([added]);
      await cli.call('hooks.remove', { id: added.id });
      await expect.poll(() => pushed.at(-1), { timeout: 1_000, interval: 20 }).toEqual([]);
      expect(await running.core.call('hooks.list', {})).toEqual([]);
    } finally {
      await cli.close();
    }
  });

  it('does not push hooks.changed for its own changes', async () => {
    const pushed: unknown[] = [];
    running.core.subscribe((channel, payload) => {
      if (channel === 'hooks.changed') pushed.push(payload);
    });
    await running.core.call('hooks.create', { name: 'Own', url: running.receiver.url, events: ['PostSignIn'] });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(pushed).toEqual([]);
  });
});
