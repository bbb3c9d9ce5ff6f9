/**
 * The two retry behaviours of deployed Logto versions, the body read after the headers, and
 * fan-out concurrency: per triggered event, never one queue for all.
 */
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { triggerRun } from '../../electron/core/check/triggerRun';
import { DeliveryEngine, type DeliveryRecorder } from '../../electron/core/delivery/engine';
import { PushHub } from '../../electron/core/notices';
import type { Delivery, Hook, RetryBehaviour } from '../../shared/domain';
import { openTestCore, type TestCore } from '../support/core';
import { type Receiver, reply, startReceiver } from '../support/receiver';

let receiver: Receiver;
let engine: DeliveryEngine;
beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(async () => {
  await engine?.close();
  await receiver.close();
});

const recorder: DeliveryRecorder = { started() {}, finished() {}, recorded: async () => {} };

function openEngine(options: Partial<ConstructorParameters<typeof DeliveryEngine>[0]> = {}) {
  engine = new DeliveryEngine({ recorder, pushes: new PushHub(), report: () => {}, ...options });
  return engine;
}

function hook(overrides: { url?: string; retries?: number; retryBehaviour?: RetryBehaviour | null } = {}): Hook {
  return {
    id: `hook-${Math.random().toString(36).slice(2)}`,
    name: 'Receiver',
    events: ['User.Created'],
    config: { url: overrides.url ?? receiver.url, headers: {}, retries: overrides.retries ?? 3 },
    signingKey: 'Ab3dEfGh1jKlMn0pQrStUvWxYz012345',
    enabled: true,
    createdAt: 0,
    retryBehaviour: overrides.retryBehaviour ?? null,
  };
}

async function deliver(target: Hook): Promise<Delivery> {
  const [delivery] = await openEngine().fanOut([target], { event: 'User.Created', createdAt: '2026-01-01T00:00:00.000Z' }).done;
  return delivery!;
}

const gap = (delivery: Delivery, index: number) => delivery.attempts[index]!.startedAt - delivery.attempts[index - 1]!.startedAt;

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = (probe.address() as { port: number }) ?? { port: 0 };
      probe.close(() => resolve(port));
    });
  });
}

describe('retries 5xx (Logto docs; Logto from PR #9410 on)', () => {
  it('retries a 5xx up to config.retries more times with ky’s backoff, ignoring Retry-After, and says why', async () => {
    receiver.answer(reply(503, 'down', { 'retry-after': '120' }));
    const delivery = await deliver(hook({ retries: 2 }));
    expect(delivery).toMatchObject({ outcome: 'failed', status: 503, attemptCount: 3, retryBehaviour: 'retry-5xx' });
    expect(delivery.attempts.map((attempt) => attempt.retry)).toEqual([
      'retried: 503 is 5xx',
      'retried: 503 is 5xx',
      'not retried: retries used up',
    ]);
    expect(gap(delivery, 1)).toBeGreaterThanOrEqual(300);
    expect(gap(delivery, 2)).toBeGreaterThanOrEqual(600);
    expect(gap(delivery, 2)).toBeLessThan(5_000);
  });

  it('retries: 0 sends once', async () => {
    receiver.answer(reply(500, 'boom'));
    const delivery = await deliver(hook({ retries: 0 }));
    expect(delivery.attempts.map((attempt) => attempt.retry)).toEqual(['not retried: retries used up']);
  });

  it('a 429 ends the delivery at once', async () => {
    receiver.answer(reply(429, 'slow down', { 'retry-after': '1' }));
    const delivery = await deliver(hook());
    expect(delivery).toMatchObject({ outcome: 'failed', status: 429, attemptCount: 1 });
    expect(delivery.attempts[0]!.retry).toBe('not retried: 429 is not 5xx');
  });

  it('a refused connection is one attempt that ends after ky’s first backoff (300 ms), or at once with retries 0', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/hooks`;
    const waited = await deliver(hook({ url }));
    expect(waited).toMatchObject({ outcome: 'failed', attemptCount: 1 });
    expect(waited.attempts[0]!.error!.kind).toBe('refused');
    expect(waited.attempts[0]!.retry).toBe("not retried: refused error, ended after ky's 300 ms backoff");
    expect(waited.durationMs).toBeGreaterThanOrEqual(300);
    const atOnce = await deliver(hook({ url, retries: 0 }));
    expect(atOnce.attempts[0]!.retry).toBe('not retried: retries used up');
    expect(atOnce.durationMs).toBeLessThan(300);
  });

  it('a timeout ends the delivery at once', async () => {
    receiver.answer(() => {});
    const [delivery] = await openEngine({ limits: { headersMs: 300 } }).fanOut([hook()], { event: 'User.Created', createdAt: 'x' }).done;
    expect(delivery).toMatchObject({ outcome: 'failed', attemptCount: 1 });
    expect(delivery!.attempts[0]!.retry).toBe('not retried: timed out');
  });
});

describe('sends once (Logto before PR #9410)', () => {
  it('one attempt whatever the status, also after a network error, with no wait', async () => {
    receiver.answer(reply(503, 'down'));
    const delivery = await deliver(hook({ retryBehaviour: 'send-once' }));
    expect(delivery).toMatchObject({ outcome: 'failed', status: 503, attemptCount: 1, retryBehaviour: 'send-once' });
    expect(delivery.attempts[0]!.retry).toBe('not retried: sends once');
    const refused = await deliver(hook({ url: `http://127.0.0.1:${await closedPort()}/x`, retryBehaviour: 'send-once' }));
    expect(refused.durationMs).toBeLessThan(300);
  });

  it('hooks without their own behaviour follow the app-wide default', async () => {
    receiver.answer(reply(503, 'down'));
    engine = new DeliveryEngine({ recorder, pushes: new PushHub(), report: () => {}, defaultRetryBehaviour: () => 'send-once' });
    const [followsDefault, ownRule] = await engine.fanOut([hook(), hook({ retryBehaviour: 'retry-5xx', retries: 1 })], {
      event: 'User.Created',
      createdAt: 'x',
    }).done;
    expect(followsDefault).toMatchObject({ retryBehaviour: 'send-once', attemptCount: 1 });
    expect(ownRule).toMatchObject({ retryBehaviour: 'retry-5xx', attemptCount: 2 });
  });
});

describe('the body after the headers', () => {
  it('headers in time and a body that takes longer than the timeout succeed, with a note, as on Logto', async () => {
    receiver.answer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      let sent = 0;
      const drip = setInterval(() => {
        response.write('.');
        if (++sent === 6) {
          clearInterval(drip);
          response.end();
        }
      }, 100);
    });
    const [delivery] = await openEngine({ limits: { headersMs: 300 } }).fanOut([hook()], { event: 'User.Created', createdAt: 'x' }).done;
    expect(delivery).toMatchObject({ outcome: 'success', status: 200, attemptCount: 1 });
    expect(delivery!.attempts[0]!.body).toBe('......');
    expect(delivery!.attempts[0]!.note).toMatch(/^The body took 0\.\d s after the headers; Logto waits for it too/);
  });

  it('a body that stalls past the idle limit, or outlasts the total bound, fails without a retry', async () => {
    receiver.answer((_request, response) => {
      response.writeHead(200);
      response.write('.');
    });
    const [stalled] = await openEngine({ limits: { bodyIdleMs: 300 } }).fanOut([hook()], { event: 'User.Created', createdAt: 'x' }).done;
    expect(stalled).toMatchObject({ outcome: 'failed', status: 200, attemptCount: 1 });
    expect(stalled!.attempts[0]!.error).toMatchObject({ kind: 'timeout', message: expect.stringContaining('stalled: no data for 0.3 s') });
    await engine.close();
    receiver.answer((_request, response) => {
      response.writeHead(200);
      const drip = setInterval(() => response.write('.'), 50);
      response.on('close', () => clearInterval(drip));
    });
    const [endless] = await openEngine({ limits: { bodyTotalMs: 400 } }).fanOut([hook()], { event: 'User.Created', createdAt: 'x' }).done;
    expect(endless!.attempts[0]!.error).toMatchObject({
      kind: 'timeout',
      message: expect.stringContaining('still arriving 0.4 s after its headers'),
    });
    expect(endless!.attempts[0]!.retry).toBe('not retried: the body failed after 200');
  });
});

describe('fan-out concurrency', () => {
  let core: TestCore;
  let hung: Receiver;
  beforeEach(async () => {
    core = openTestCore();
    hung = await startReceiver();
    hung.answer(() => {});
  });
  afterEach(async () => {
    await core.dispose();
    await hung.close();
  });

  it('25 deliveries to a hung receiver do not delay another event’s delivery', async () => {
    for (let i = 0; i < 25; i++) await core.call('hooks.create', { name: `Hung ${i}`, url: hung.url, events: ['Role.Created'] });
    await core.call('hooks.create', { name: 'Healthy', url: receiver.url, events: ['User.Created'] });
    const stuck = await core.call('events.trigger', { event: 'Role.Created' });
    expect(stuck.deliveries).toHaveLength(25);
    // Ten are in flight at the hung receiver, fifteen wait behind them: a global limit of 10 would now block everything.
    await vi.waitFor(() => expect(hung.received).toHaveLength(10));
    const { deliveries } = await core.call('events.trigger', { event: 'User.Created' });
    const healthy = await core.finished(deliveries[0]!.id);
    expect(healthy).toMatchObject({ outcome: 'success', status: 200 });
    const pending = await Promise.all(stuck.deliveries.map((delivery) => core.call('logs.get', { id: delivery.id })));
    expect(pending.every((delivery) => delivery.outcome === 'in_flight')).toBe(true);
    expect(hung.received).toHaveLength(10);
  });

  it('refuses a trigger that would pass the bound on deliveries waiting or in flight, and says what to do', async () => {
    openEngine({ maxPending: 30 });
    const hungHooks = Array.from({ length: 25 }, () => hook({ url: hung.url }));
    engine.fanOut(hungHooks, { event: 'User.Created', createdAt: 'x' });
    expect(() => engine.fanOut(hungHooks.slice(0, 10), { event: 'User.Created', createdAt: 'x' })).toThrow(
      'Hookbench already has 25 deliveries waiting or in flight, and this would add 10 (at most 30 in all); wait for them to finish',
    );
    // What fits still goes.
    const [fits] = await engine.fanOut([hook()], { event: 'User.Created', createdAt: 'x' }).done;
    expect(fits).toMatchObject({ outcome: 'success' });
  });
});

describe('a trigger run longer than the bound on deliveries waiting or in flight', () => {
  it('waits for room and sends every one, never holding more than the bound, instead of failing halfway', async () => {
    openEngine({ maxPending: 30 });
    let inFlight = 0;
    let most = 0;
    receiver.answer(async (_request, response) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      response.writeHead(200).end('{"ok":true}');
    });
    const hooks = [hook(), hook(), hook()];
    const report = await triggerRun(engine, {
      hooks,
      payload: () => ({ event: 'User.Created', createdAt: 'x' }),
      repeat: 40,
      duplicate: false,
      shuffle: false,
    });
    expect(report).toMatchObject({ planned: 120, started: 120, finished: 120, failed: 0, stopped: false });
    expect(receiver.received).toHaveLength(120);
    expect(most).toBeLessThanOrEqual(30);
    // A trigger that could never fit is still refused at once, saying why.
    const many = Array.from({ length: 31 }, () => hook());
    expect(() => engine.fanOut(many, { event: 'User.Created', createdAt: 'x' })).toThrow(
      'This would send 31 deliveries at once, and Hookbench keeps at most 30 waiting or in flight',
    );
  });

  it('stops waiting and sends nothing more once the run is stopped', async () => {
    openEngine({ maxPending: 5 });
    const hung = await startReceiver();
    hung.answer(() => {});
    const stop = new AbortController();
    const run = triggerRun(engine, {
      hooks: [hook({ url: hung.url })],
      payload: () => ({ event: 'User.Created', createdAt: 'x' }),
      repeat: 50,
      duplicate: false,
      shuffle: false,
      signal: stop.signal,
    });
    await vi.waitFor(() => expect(hung.received).toHaveLength(5));
    stop.abort();
    await hung.close();
    const report = await run;
    expect(report).toMatchObject({ started: 5, finished: 5, stopped: true });
  });
});

describe('the app-wide default, through the contract', () => {
  let core: TestCore;
  beforeEach(() => {
    core = openTestCore();
  });
  afterEach(() => core.dispose());

  it('is retry-5xx until changed, is kept, applies to hooks and to “Send test payload”, and refuses anything else', async () => {
    expect(await core.call('settings.get', {})).toMatchObject({ retryBehaviour: 'retry-5xx' });
    const created = await core.call('hooks.create', { name: 'R', url: receiver.url, events: ['User.Created'] });
    receiver.answer(reply(503, 'down'), reply(200, 'ok'));
    expect(await core.call('hooks.test', { id: created.id })).toEqual([
      expect.objectContaining({ ok: true, status: 200, attemptCount: 2 }),
    ]);

    expect(await core.call('settings.update', { retryBehaviour: 'send-once' })).toMatchObject({ retryBehaviour: 'send-once' });
    receiver.answer(reply(503, 'down'), reply(200, 'ok'));
    const { deliveries } = await core.call('events.trigger', { event: 'User.Created' });
    expect(await core.finished(deliveries[0]!.id)).toMatchObject({ retryBehaviour: 'send-once', attemptCount: 1, status: 503 });
    await expect(core.call('settings.update', { retryBehaviour: 'forever' as never })).rejects.toThrow(
      'Choose retry-5xx (Logto docs, PR #9410 on) or send-once (Logto before it)',
    );
    await core.close();
    const reopened = openTestCore({ dataDir: core.dataDir });
    expect(await reopened.call('settings.get', {})).toMatchObject({ retryBehaviour: 'send-once' });
    await reopened.close();
  });
});
