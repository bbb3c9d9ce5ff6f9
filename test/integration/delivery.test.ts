import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DeliveryEngine } from '../../electron/core/delivery/engine';
import { RequestLog } from '../../electron/core/log/requestLog';
import { PushHub } from '../../electron/core/notices';
import { samplePayload } from '../../electron/core/payloads';
import { useCore } from '../support/perTest';
import { reply } from '../support/receiver';

const running = useCore();

const createHook = (overrides: Record<string, unknown> = {}) =>
  running.core.call('hooks.create', { name: 'Receiver', url: running.receiver.url, events: ['PostSignIn', 'User.Created'], ...overrides });

async function triggerOne(event: 'PostSignIn' | 'User.Created' = 'User.Created', payload?: Record<string, unknown>) {
  const { deliveries } = await running.core.call('events.trigger', { event, payload });
  expect(deliveries).toHaveLength(1);
  return running.core.finished(deliveries[0]!.id);
}

/** What Logto's docs tell receivers to do: HMAC the raw body bytes, compare in constant time. */
function verifiesLikeLogtoDocs(signingKey: string) {
  return (request: { body: string; headers: Record<string, string> }) => {
    const expected = createHmac('sha256', signingKey).update(request.body).digest('hex');
    const given = request.headers['logto-signature-sha-256'] ?? '';
    return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  };
}

describe('what a receiver gets', () => {
  it('a POST whose signature verifies over the raw body, with Logto’s headers and hookId last', async () => {
    const hook = await createHook({ headers: [{ name: 'X-Tenant', value: 'acme' }] });
    const verify = verifiesLikeLogtoDocs(hook.signingKey);
    running.receiver.answer((request, response) => {
      response.writeHead(verify(request) ? 200 : 401).end(verify(request) ? '{"received":true}' : 'bad signature');
    });
    const delivery = await triggerOne();

    expect(delivery.outcome).toBe('success');
    const [arrived] = running.receiver.received;
    expect(arrived!.method).toBe('POST');
    expect(arrived!.headers).toMatchObject({
      'user-agent': 'Logto (https://logto.io/)',
      'content-type': 'application/json',
      'x-tenant': 'acme',
    });
    const keys = Object.keys(JSON.parse(arrived!.body));
    expect(keys.slice(0, 2)).toEqual(['event', 'createdAt']);
    expect(keys.at(-1)).toBe('hookId');
    expect(JSON.parse(arrived!.body).hookId).toBe(hook.id);
    // The log shows the request exactly as it arrived, host and connection included.
    expect(delivery.request.body).toBe(arrived!.body);
    expect(delivery.request.headers).toEqual(arrived!.headers);
    expect(delivery.attempts[0]).toMatchObject({ status: 200, body: '{"received":true}', bodyTruncated: false, error: null });
  });

  it('fails signature checks after the key is regenerated until the receiver follows', async () => {
    const hook = await createHook();
    const verifyOld = verifiesLikeLogtoDocs(hook.signingKey);
    running.receiver.answer((request, response) => {
      response.writeHead(verifyOld(request) ? 200 : 401).end();
    });
    expect((await triggerOne()).outcome).toBe('success');
    await running.core.call('hooks.regenerateKey', { id: hook.id });
    const after = await triggerOne();
    expect(after).toMatchObject({ outcome: 'failed', status: 401, attemptCount: 1 });
  });

  it('merges custom headers as Logto does: User-Agent is appended to Logto’s, Content-Type replaces, the signature stays', async () => {
    const hook = await createHook({
      headers: [
        { name: 'User-Agent', value: 'my-tests' },
        { name: 'Content-Type', value: 'application/vnd.acme+json' },
      ],
    });
    await triggerOne();
    const [arrived] = running.receiver.received;
    expect(arrived!.headers['user-agent']).toBe('Logto (https://logto.io/), my-tests');
    expect(arrived!.headers['content-type']).toBe('application/vnd.acme+json');
    expect(verifiesLikeLogtoDocs(hook.signingKey)(arrived!)).toBe(true);
  });

  it('sends an edited payload as given, with hookId moved to the end as Logto places it', async () => {
    const hook = await createHook();
    await triggerOne('User.Created', { hookId: 'ignored', createdAt: '2026-01-01T00:00:00.000Z', data: { id: 'u1' } });
    expect(running.receiver.received[0]!.body).toBe(
      JSON.stringify({ event: 'User.Created', createdAt: '2026-01-01T00:00:00.000Z', data: { id: 'u1' }, hookId: hook.id }),
    );
  });

  it('follows a 308 redirect with the same POST, as fetch in Logto does', async () => {
    await createHook();
    running.receiver.answer(reply(308, '', { location: '/webhooks/logto/' }), reply(200, 'ok'));
    const delivery = await triggerOne();
    expect(delivery).toMatchObject({ outcome: 'success', status: 200, attemptCount: 1 });
    expect(running.receiver.received.map((request) => [request.method, request.url])).toEqual([
      ['POST', '/webhooks/logto'],
      ['POST', '/webhooks/logto/'],
    ]);
    expect(running.receiver.received[1]!.body).toBe(running.receiver.received[0]!.body);
  });
});

describe('retries, as Logto retries', () => {
  it('500, 500, 200: one entry, three attempts, success, with a short backoff', async () => {
    await createHook();
    running.receiver.answer(reply(500, 'boom'), reply(500, 'boom'), reply(200, '{"ok":true}'));
    const delivery = await triggerOne();
    expect(delivery).toMatchObject({ outcome: 'success', status: 200, attemptCount: 3, error: null });
    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([500, 500, 200]);
    const [first, second, third] = delivery.attempts;
    expect(second!.startedAt - first!.startedAt).toBeGreaterThanOrEqual(300);
    expect(third!.startedAt - second!.startedAt).toBeGreaterThanOrEqual(600);
    expect(new Set(running.receiver.received.map((request) => request.body)).size).toBe(1);
    const page = await running.core.call('logs.query', { hookId: delivery.hookId! });
    expect(page.items).toHaveLength(1);
  });

  it('always 500: four attempts inside 10 s, then failed', async () => {
    await createHook();
    running.receiver.answer(reply(503, 'down', { 'retry-after': '120' }));
    const delivery = await triggerOne();
    expect(delivery).toMatchObject({ outcome: 'failed', status: 503, attemptCount: 4 });
    expect(delivery.durationMs).toBeLessThan(10_000);
    expect(delivery.error).toBe('The receiver answered 503 after 4 attempts; anything but 2xx counts as a failure.');
  });

  it('404 is not retried', async () => {
    await createHook();
    running.receiver.answer(reply(404, '{"message":"no route"}'));
    const delivery = await triggerOne();
    expect(delivery).toMatchObject({ outcome: 'failed', status: 404, attemptCount: 1 });
    expect(delivery.attempts[0]!.body).toBe('{"message":"no route"}');
    expect(delivery.error).toContain('(not retried: 404 is not 5xx)');
    expect(delivery.attempts[0]!.retry).toBe('not retried: 404 is not 5xx');
  });

  it('a receiver that hangs times out after 10 s, once', async () => {
    await createHook();
    running.receiver.answer(() => {});
    const delivery = await triggerOne();
    expect(delivery).toMatchObject({ outcome: 'failed', status: null, attemptCount: 1 });
    expect(delivery.attempts[0]!.error!.kind).toBe('timeout');
    expect(delivery.attempts[0]!.durationMs).toBeGreaterThanOrEqual(9_900);
    expect(delivery.attempts[0]!.durationMs).toBeLessThan(11_500);
  });

  it('connection refused is one failed attempt that says what to check', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    await createHook({ url: `http://127.0.0.1:${closedPort}/hooks` });
    const delivery = await triggerOne();
    expect(delivery).toMatchObject({ outcome: 'failed', status: null, attemptCount: 1 });
    expect(delivery.attempts[0]!.error!.kind).toBe('refused');
    expect(delivery.error).toContain('Is your receiver running?');
  });

  it('a failed TLS handshake is one failed attempt that names TLS', async () => {
    await createHook({ url: running.receiver.url.replace('http://', 'https://') });
    const delivery = await triggerOne();
    expect(delivery).toMatchObject({ outcome: 'failed', status: null, attemptCount: 1 });
    expect(delivery.attempts[0]!.error!.kind).toBe('tls');
    expect(delivery.error).toContain('The TLS handshake failed');
  });

  it('a host that does not resolve is one failed attempt that names DNS', async () => {
    await createHook({ url: 'http://receiver.hookbench.invalid/hooks' });
    const delivery = await triggerOne();
    expect(delivery).toMatchObject({ outcome: 'failed', status: null, attemptCount: 1 });
    expect(delivery.attempts[0]!.error!.kind).toBe('dns');
  });

  it('a connection reset mid-response is one failed attempt', async () => {
    await createHook();
    running.receiver.answer((_request, response, raw) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('partial');
      setTimeout(() => raw.socket.destroy(), 20);
    });
    const delivery = await triggerOne();
    // A 2xx whose body then fails is a failed delivery, and not retried: Logto fails where it reads the body.
    expect(delivery).toMatchObject({ outcome: 'failed', status: 200, attemptCount: 1 });
    expect(delivery.attempts[0]!.error!.kind).toBe('reset');
    expect(delivery.attempts[0]!.retry).toBe('not retried: the body failed after 200');
  });

  it('a 50 MB response is read, kept to 64 KiB and marked truncated', async () => {
    await createHook();
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    running.receiver.answer(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 50; i++) {
        if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
      }
      response.end();
    });
    const delivery = await triggerOne();
    expect(delivery).toMatchObject({ outcome: 'success', status: 200 });
    expect(delivery.attempts[0]!.body).toHaveLength(64 * 1024);
    expect(delivery.attempts[0]!.bodyTruncated).toBe(true);
  });
});

describe('fan-out', () => {
  it('delivers to every enabled subscribed hook, and a disabled hook gets nothing', async () => {
    const first = await createHook({ name: 'First' });
    const second = await createHook({ name: 'Second', events: ['User.Created'] });
    await createHook({ name: 'Other event', events: ['Role.Created'] });
    const disabled = await createHook({ name: 'Paused' });
    await running.core.call('hooks.update', { id: disabled.id, enabled: false });

    const { deliveries } = await running.core.call('events.trigger', { event: 'User.Created' });
    expect(deliveries.map((delivery) => delivery.hookId).sort()).toEqual([first.id, second.id].sort());
    await Promise.all(deliveries.map((delivery) => running.core.finished(delivery.id)));
    const hookIds = running.receiver.received.map((request) => JSON.parse(request.body).hookId);
    expect(hookIds.sort()).toEqual([first.id, second.id].sort());
  });

  it('keeps at most 10 deliveries in flight, as Logto does', async () => {
    for (let i = 0; i < 14; i++) await createHook({ name: `Hook ${i}` });
    let open = 0;
    let most = 0;
    running.receiver.answer(async (_request, response) => {
      most = Math.max(most, ++open);
      await new Promise((resolve) => setTimeout(resolve, 150));
      open--;
      response.end('ok');
    });
    const { deliveries } = await running.core.call('events.trigger', { event: 'PostSignIn' });
    expect(deliveries).toHaveLength(14);
    await Promise.all(deliveries.map((delivery) => running.core.finished(delivery.id)));
    expect(most).toBe(10);
  });

  it('refuses to deliver to a named hook that is disabled or not subscribed', async () => {
    const hook = await createHook({ events: ['PostSignIn'] });
    await expect(running.core.call('events.trigger', { event: 'User.Created', hookIds: [hook.id] })).rejects.toThrow(
      '“Receiver” does not subscribe to User.Created; add the event to the hook first.',
    );
  });
});

describe('send test payload', () => {
  it('sends Logto’s fixed test payload for each selected event at once and records nothing', async () => {
    const hook = await createHook();
    running.receiver.answer(reply(200, '{"ok":true}'));
    const results = await running.core.call('hooks.test', { id: hook.id });
    expect(results.map((result) => [result.event, result.ok, result.status, result.body])).toEqual([
      ['PostSignIn', true, 200, '{"ok":true}'],
      ['User.Created', true, 200, '{"ok":true}'],
    ]);
    const bodies = running.receiver.received.map((request) => JSON.parse(request.body));
    const signIn = bodies.find((body) => body.event === 'PostSignIn');
    expect(Object.keys(signIn).slice(0, 7)).toEqual(['event', 'hookId', 'createdAt', 'userAgent', 'sessionId', 'userIp', 'userId']);
    expect(signIn.user.username).toBe('fake-user');
    const created = bodies.find((body) => body.event === 'User.Created');
    expect(created).toMatchObject({ hookId: hook.id, path: '/fake-path/:id', method: 'POST', status: 200, data: { result: 'success' } });
    expect((await running.core.call('logs.query', { hookId: hook.id })).items).toEqual([]);
  });

  it('reports each event’s failure with its status and body', async () => {
    const hook = await createHook();
    running.receiver.answer((request, response) => {
      const failing = JSON.parse(request.body).event === 'User.Created';
      response.writeHead(failing ? 422 : 200).end(failing ? 'unknown event' : 'ok');
    });
    const results = await running.core.call('hooks.test', { id: hook.id });
    expect(results.find((result) => result.event === 'User.Created')).toMatchObject({ ok: false, status: 422, body: 'unknown event' });
    expect(results.find((result) => result.event === 'PostSignIn')).toMatchObject({ ok: true, status: 200 });
  });
});

describe('a request log that cannot be written', () => {
  it('sends nothing unrecorded and tells the user why', async () => {
    const hook = await createHook();
    const pushes = new PushHub();
    const notices: unknown[] = [];
    const failingLog = {
      started() {},
      finished() {},
      recorded: () => Promise.reject(new Error('Could not write to the request log at /data/requests.sqlite: database or disk is full')),
    };
    const engine = new DeliveryEngine({ recorder: failingLog, pushes, report: (notice) => notices.push(notice) });
    const [delivery] = await engine.fanOut([hook], samplePayload('User.Created')).done;
    await engine.close();
    expect(running.receiver.received).toHaveLength(0);
    expect(delivery).toMatchObject({ outcome: 'failed', attemptCount: 0 });
    expect(notices).toEqual([
      expect.objectContaining({
        level: 'error',
        message: expect.stringContaining('database or disk is full. User.Created was not sent to its webhook'),
      }),
    ]);
  });
});

describe('quitting', () => {
  it('cancels deliveries in flight and the log says so', async () => {
    await createHook();
    running.receiver.answer(() => {});
    const { deliveries } = await running.core.call('events.trigger', { event: 'User.Created' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await running.core.close();
    const log = new RequestLog(`${running.core.dataDir}/requests.sqlite`, () => {});
    expect(log.get(deliveries[0]!.id)).toMatchObject({ outcome: 'cancelled', attemptCount: 1 });
    expect(log.get(deliveries[0]!.id).attempts[0]!.error!.kind).toBe('cancelled');
    log.close();
  });
});
