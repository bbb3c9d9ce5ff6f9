import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore, withCore } from '../support/core';
import { freePort } from '../support/process';
import { type Receiver, reply, startReceiver } from '../support/receiver';
import { useTempDir } from '../support/tempDir';

const tempDir = useTempDir();

let core: TestCore;
let target: Receiver;
beforeEach(async () => {
  core = openTestCore({ receiver: { port: 0 } });
  target = await startReceiver('/from-hookbench');
});
afterEach(async () => {
  await core.dispose();
  await target.close();
});

/** Signs as Logto does, written here independently of the code under test. */
const logtoSignature = (key: string, body: string) => createHmac('sha256', key).update(body).digest('hex');

async function send(url: string, body: string, headers: Record<string, string> = {}, method = 'POST') {
  const response = await request(url, {
    method,
    body: method === 'POST' ? body : undefined,
    headers: { 'content-type': 'application/json', ...headers },
  });
  return { status: response.statusCode, body: await response.body.text() };
}

async function capturing(forwardUrl: string | null = null) {
  return core.call('receiver.configure', { capture: { enabled: true, forwardUrl } });
}

describe('scripted answers at /r/<hookId>', () => {
  it('drive Hookbench’s own retries, and show on the delivery what the receiver got', async () => {
    const hook = await core.call('receiver.tryIt', {});
    const status = await core.call('receiver.status', {});
    expect(status.running).toBe(true);
    expect(hook.config.url).toBe(`${status.baseUrl}/r/${hook.id}`);
    await core.call('receiver.setScript', { hookId: hook.id, script: '200, 503, 200, 404' });

    const deliver = async () => core.finished((await core.call('events.trigger', { event: 'PostSignIn' })).deliveries[0]!.id);
    const first = await deliver();
    expect(first).toMatchObject({ outcome: 'success', status: 200, attemptCount: 1 });
    const got = JSON.parse(first.attempts[0]!.body!);
    expect(got).toMatchObject({
      hook: 'Try the built-in receiver',
      step: '1 of 4 (200,503,200,404)',
      signature: 'valid (Try the built-in receiver)',
    });
    expect(got.receivedHeaders['logto-signature-sha-256']).toBe(first.request.headers['logto-signature-sha-256']);

    const retried = await deliver();
    expect(retried).toMatchObject({ outcome: 'success', status: 200, attemptCount: 2 });
    expect(retried.attempts.map((attempt) => attempt.status)).toEqual([503, 200]);
    expect(await deliver()).toMatchObject({ outcome: 'failed', status: 404, attemptCount: 1 });
    expect((await core.call('logs.query', { hookId: hook.id, range: '1h' })).items).toHaveLength(3);
  });

  it('times a delivery out when told to sleep past Logto’s 10 s', async () => {
    const hook = await core.call('receiver.tryIt', {});
    await core.call('receiver.setScript', { hookId: hook.id, script: 'sleep 11s' });
    const { deliveries } = await core.call('events.trigger', { event: 'User.Created' });
    const timedOut = await core.finished(deliveries[0]!.id);
    expect(timedOut).toMatchObject({ outcome: 'failed', attemptCount: 1 });
    expect(timedOut.attempts[0]!.error!.kind).toBe('timeout');
  }, 20_000);

  it('refuses a script it cannot follow, saying what to write', async () => {
    const hook = await core.call('receiver.tryIt', {});
    await expect(core.call('receiver.setScript', { hookId: hook.id, script: 'sleep forever' })).rejects.toMatchObject({
      field: 'script',
      message: expect.stringContaining('write sleep with a duration'),
    });
    await expect(core.call('receiver.setScript', { hookId: 'nope', script: '200' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('receiver.port, where the running receiver says it listens', () => {
  it('is written while it runs, and on stop removed only when it is still its own', async () => {
    const path = join(core.dataDir, 'receiver.port');
    await core.call('receiver.tryIt', {});
    const { port } = await core.call('receiver.status', {});
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ port, pid: process.pid });
    await core.dispose();
    expect(existsSync(path)).toBe(false);

    // A second receiver on the folder (another `listen`) wrote its own record since: it stays.
    core = openTestCore({ dataDir: core.dataDir, receiver: { port: 0 } });
    await core.call('receiver.tryIt', {});
    expect(existsSync(path)).toBe(true);
    const other = `${JSON.stringify({ port: 4567, host: '127.0.0.1', pid: process.ppid, startedAt: new Date().toISOString() })}\n`;
    writeFileSync(path, other);
    await core.dispose();
    expect(readFileSync(path, 'utf8')).toBe(other);
    core = openTestCore({ receiver: { port: 0 } });
  });
});

describe('capturing what a real Logto sends at /capture', () => {
  it('verifies against the hooks’ keys, records it, and forwards the same bytes and headers in order', async () => {
    const hook = await core.call('hooks.create', { name: 'From Logto Cloud', url: 'http://localhost:9/unused', events: ['User.Created'] });
    const { baseUrl } = await capturing(target.url);
    target.answer(reply(202, '{"queued":true}'));
    const body = '{"event":"User.Created","createdAt":"2026-11-23T10:00:00.000Z","data":{"id":"u1"},"hookId":"logto-hook"}';
    const headers = {
      'User-Agent': 'Logto (https://logto.io/)',
      'X-Tenant': 'acme',
      'logto-signature-sha-256': logtoSignature(hook.signingKey, body),
    };

    const answer = await send(`${baseUrl}/capture`, body, headers);
    expect(answer).toEqual({ status: 202, body: '{"queued":true}' });

    const [captured] = (await core.call('logs.query', { hookId: hook.id, kind: 'captured', range: '1h' })).items;
    expect(captured).toMatchObject({ kind: 'captured', hookId: hook.id, event: 'User.Created', outcome: 'success', status: 202 });
    const detail = await core.call('logs.get', { id: captured!.id });

    // The target gets the bytes and the end-to-end headers in the order they arrived, host set for it.
    const arrived = target.received[0]!;
    expect(arrived.body).toBe(body);
    const names = (raw: string[]) => raw.filter((_, index) => index % 2 === 0).map((name) => name.toLowerCase());
    const captureOrder = Object.keys(detail.request.headers).map((name) => name.toLowerCase());
    expect(captureOrder).toEqual(expect.arrayContaining(['user-agent', 'x-tenant', 'logto-signature-sha-256', 'content-length', 'host']));
    expect(names(arrived.rawHeaders).filter((name) => name !== 'connection')).toEqual(captureOrder.filter((name) => name !== 'connection'));
    expect(arrived.headers.host).toBe(new URL(target.url).host);
    expect(arrived.headers['logto-signature-sha-256']).toBe(headers['logto-signature-sha-256']);
    expect(arrived.headers['x-tenant']).toBe('acme');
    expect(detail.request.body).toBe(body);
    expect(detail.request.headers['X-Tenant']).toBe('acme');
    // Health counts deliveries only.
    expect((await core.call('health.get', { hookId: hook.id })).total).toBe(0);
  });

  it('records a tampered request as invalid, never drops it, and answers 200 when not forwarding', async () => {
    const hook = await core.call('hooks.create', { name: 'Mine', url: 'http://localhost:9/unused', events: ['User.Created'] });
    const { baseUrl } = await capturing();
    const body = '{"event":"User.Created","data":{"id":"u1"}}';
    const answer = await send(`${baseUrl}/capture`, body.replace('u1', 'u2'), {
      'logto-signature-sha-256': logtoSignature(hook.signingKey, body),
    });
    expect(answer.status).toBe(200);
    const [invalid] = (await core.call('logs.query', { hookId: null, kind: 'captured', range: '1h' })).items;
    expect(invalid).toMatchObject({ hookId: null, outcome: 'failed' });
    expect((await core.call('logs.get', { id: invalid!.id })).error).toContain('does not verify');
    await send(`${baseUrl}/capture`, body);
    const [missing] = (await core.call('logs.query', { hookId: null, kind: 'captured', range: '1h' })).items;
    expect((await core.call('logs.get', { id: missing!.id })).error).toContain('No logto-signature-sha-256 header');
  });

  it('never forwards to itself: refused when set, and a loop answered 508 once, not without end', async () => {
    const { baseUrl, port } = await capturing();
    for (const self of [`${baseUrl}/capture`, `http://localhost:${port}/elsewhere`]) {
      await expect(capturing(self)).rejects.toMatchObject({
        code: 'invalid_input',
        field: 'capture.forwardUrl',
        message: expect.stringContaining('is this receiver itself'),
      });
    }
    expect((await core.call('receiver.status', {})).capture.forwardUrl).toBeNull();

    // Moving the receiver onto the forward target's port is refused the same way.
    await capturing(target.url.replace(/:\d+/, `:${port + 1}`));
    await expect(core.call('receiver.configure', { port: port + 1 })).rejects.toMatchObject({ field: 'capture.forwardUrl' });

    // Written by hand into its settings file: the loop is caught when a request arrives.
    const dataDir = tempDir();
    const free = await freePort();
    writeFileSync(
      join(dataDir, 'receiver.json'),
      JSON.stringify({ port: free, capture: { enabled: true, forwardUrl: `http://localhost:${free}/capture` } }),
    );
    const handEdited = openTestCore({ dataDir });
    await handEdited.call('receiver.start', {});
    const answer = await send(`http://127.0.0.1:${free}/capture`, '{"event":"PostSignIn"}');
    await handEdited.dispose();
    expect(answer.status).toBe(508);
    expect(answer.body).toContain('is this receiver itself');
    const rows = await withCore(
      dataDir,
      async (reopened) => (await reopened.call('logs.query', { hookId: null, kind: 'captured', range: '1h' })).items,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'failed', status: 508 });
  });

  it('answers 502 when the forward target refuses and 504 when it hangs past 9 s, recording both', async () => {
    const { baseUrl } = await capturing('http://127.0.0.1:9/closed');
    const body = '{"event":"PostSignIn"}';
    expect((await send(`${baseUrl}/capture`, body)).status).toBe(502);
    await core.call('receiver.configure', { capture: { forwardUrl: target.url } });
    target.answer(() => {});
    const started = Date.now();
    expect((await send(`${baseUrl}/capture`, body)).status).toBe(504);
    expect(Date.now() - started).toBeGreaterThanOrEqual(8_900);
    expect(Date.now() - started).toBeLessThan(10_000);
    const rows = (await core.call('logs.query', { hookId: null, kind: 'captured', range: '1h' })).items;
    expect(rows.map((row) => row.status)).toEqual([504, 502]);
    expect((await core.call('logs.get', { id: rows[0]!.id })).error).toContain('did not answer within 9 s');
  }, 20_000);

  it('answers malformed requests, other methods and oversized bodies clearly, and keeps a line for each', async () => {
    const { baseUrl } = await capturing();
    await core.call('receiver.configure', { bodyLimitBytes: 1024 });
    expect(await send(`${baseUrl}/capture`, '', {}, 'GET')).toMatchObject({
      status: 405,
      body: expect.stringContaining('Logto sends webhooks with POST'),
    });
    expect(await send(`${baseUrl}/capture`, '{not json')).toMatchObject({ status: 400, body: expect.stringContaining('not JSON') });
    expect(await send(`${baseUrl}/capture`, '{"event":"User.Exploded"}')).toMatchObject({
      status: 400,
      body: expect.stringContaining('names no Logto webhook event'),
    });
    expect(await send(`${baseUrl}/capture`, JSON.stringify({ event: 'PostSignIn', pad: 'x'.repeat(2000) }))).toMatchObject({ status: 413 });
    expect(await send(`${baseUrl}/elsewhere`, '{}')).toMatchObject({ status: 404 });
    const { recent } = await core.call('receiver.status', {});
    expect(recent.map((line) => line.status)).toEqual([404, 413, 400, 400, 405]);
    expect((await core.call('logs.query', { hookId: null, kind: 'captured', range: '1h' })).items).toEqual([]);
  });

  it('replays a capture later with its bytes and signature unchanged', async () => {
    const hook = await core.call('hooks.create', { name: 'Mine', url: target.url, events: ['User.Created'] });
    const { baseUrl } = await capturing();
    const body = '{"event":"User.Created","data":{"id":"u1"}}';
    const signature = logtoSignature(hook.signingKey, body);
    await send(`${baseUrl}/capture`, body, { 'logto-signature-sha-256': signature });
    const [captured] = (await core.call('logs.query', { hookId: hook.id, kind: 'captured', range: '1h' })).items;
    const { delivery } = await core.call('logs.replay', { id: captured!.id });
    expect(delivery).toMatchObject({ kind: 'captured', outcome: 'success', status: 200 });
    expect(target.received[0]!.body).toBe(body);
    expect(target.received[0]!.headers['logto-signature-sha-256']).toBe(signature);
    expect((await core.call('logs.get', { id: delivery.id })).redeliveryOf).toBe(captured!.id);
  });

  it('records every one of 300 concurrent captures', async () => {
    const { baseUrl } = await capturing();
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => send(`${baseUrl}/capture`, JSON.stringify({ event: 'PostSignIn', n: i }))),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const ids = new Set(answers.map((answer) => JSON.parse(answer.body).captured));
    let stored = 0;
    let cursor: string | undefined;
    do {
      const page = await core.call('logs.query', { hookId: null, kind: 'captured', range: '1h', cursor, limit: 500 });
      stored += page.items.filter((item) => ids.has(item.id)).length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(stored).toBe(300);
  });
});

describe('the receiver itself', () => {
  it('says which program holds a port in use, and records its port only while it runs', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      await expect(core.call('receiver.configure', { port: taken, capture: { enabled: true } })).rejects.toMatchObject({
        code: 'conflict',
        field: 'port',
        message: expect.stringContaining(`Port ${taken} is already in use`),
      });
      // The refused port is not kept: neither this core nor the next start tries it again.
      expect((await core.call('receiver.status', {})).port).not.toBe(taken);
      const reopened = openTestCore({ dataDir: core.dataDir });
      try {
        expect((await reopened.call('receiver.status', {})).port).not.toBe(taken);
      } finally {
        await reopened.dispose();
      }
    } finally {
      blocker.close();
    }
    const other = openTestCore({ receiver: { port: 0 } });
    try {
      const status = await other.call('receiver.start', {});
      const portFile = join(other.dataDir, 'receiver.port');
      expect(JSON.parse(readFileSync(portFile, 'utf8'))).toMatchObject({ port: status.port, host: '127.0.0.1', pid: process.pid });
      await other.call('receiver.stop', {});
      expect(existsSync(portFile)).toBe(false);
    } finally {
      await other.dispose();
    }
  });

  it('starts by itself in the app when a hook points at it, and not in the command line', async () => {
    const hookUrl = (port: number) => `http://127.0.0.1:${port}/r/some-hook`;
    // A real port: a hook URL names the port its receiver will listen on (port 0 is refused in a URL).
    const port = await freePort();
    const app = openTestCore({ receiver: { autoStart: true, port } });
    const cli = openTestCore({ dataDir: app.dataDir, receiver: { port } });
    try {
      expect((await app.call('receiver.status', {})).running).toBe(false);
      await cli.call('hooks.create', { name: 'Scripted', url: hookUrl(port), events: ['PostSignIn'] });
      expect((await cli.call('receiver.status', {})).running).toBe(false);
      await app.call('hooks.list', {});
      expect((await app.call('receiver.status', {})).running).toBe(true);
    } finally {
      await cli.dispose();
      await app.dispose();
    }
  });
});
