/**
 * The wire, judged against its oracle: the raw bytes Node 22's own global fetch sends when driven
 * as Logto's ky drives it, for the same hook and body. Hookbench must send the same bytes from
 * whatever runtime runs it (this file also runs under Node 24 in CI).
 */
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cancellation, sendAttempt, wireLimits } from '../../electron/core/delivery/attempt';
import { prepareRequest } from '../../electron/core/delivery/request';
import { sign } from '../../electron/core/delivery/sign';
import { curlCommand } from '../../shared/curl';
import type { Attempt, Hook, SentRequest } from '../../shared/domain';
import { LOGTO_USER_AGENT, SIGNATURE_HEADER } from '../../shared/logto';
import { node22FetchLikeLogto, ok, type RawAnswer, type RawReceiver, startRawReceiver, testCertificate } from '../support/rawReceiver';

const KEY = 'Ab3dEfGh1jKlMn0pQrStUvWxYz012345';
const BODY = JSON.stringify({ event: 'User.Created', createdAt: '2026-01-01T00:00:00.000Z', data: { name: 'Zoë 🚀' }, hookId: 'h1' });

let certificate: ReturnType<typeof testCertificate>;
let dispatcher: Agent;
beforeAll(() => {
  certificate = testCertificate();
  dispatcher = new Agent({ connect: { ca: certificate.cert } });
});
afterAll(async () => {
  await dispatcher.close();
  certificate.dispose();
});

function hookFor(url: string, headers: Record<string, string>, signingKey = KEY): Hook {
  return {
    id: 'h1',
    name: 'Wire',
    events: ['User.Created'],
    config: { url, headers, retries: 3 },
    signingKey,
    enabled: true,
    createdAt: 0,
    retryBehaviour: null,
  };
}

async function hookbenchSends(hook: Hook): Promise<{ attempt: Attempt; request: SentRequest }> {
  const request = prepareRequest(hook, BODY);
  const attempt = await sendAttempt(request, 1, { dispatcher, cancel: new Cancellation(), limits: wireLimits });
  return { attempt, request };
}

/** What Logto's sendWebhookRequest writes: `{ 'user-agent': …, ...headers, ...conditional(signingKey && { signature }) }`. */
function logtoWritten(hook: Hook): Record<string, string> {
  return {
    'user-agent': LOGTO_USER_AGENT,
    ...hook.config.headers,
    ...(hook.signingKey ? { [SIGNATURE_HEADER]: sign(hook.signingKey, BODY) } : {}),
  };
}

/** Both senders against the same receiver: Node 22's fetch first, then Hookbench. */
async function bothSend(receivers: RawReceiver[], hook: Hook) {
  await node22FetchLikeLogto(hook.config.url, logtoWritten(hook), BODY, certificate.certPath);
  const node22 = receivers.map((receiver) => receiver.raw.splice(0));
  const sent = await hookbenchSends(hook);
  const hookbench = receivers.map((receiver) => receiver.raw.splice(0));
  return { node22, hookbench, ...sent };
}

/** The header block of raw request bytes, in order, as name → value. */
function headerBlock(raw: string): Record<string, string> {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).split('\r\n').slice(1);
  return Object.fromEntries(head.map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]));
}

const headerCases: Array<[string, Record<string, string>]> = [
  ['no custom headers', {}],
  ['User-Agent (other case: appended to Logto’s)', { 'User-Agent': 'my-tests/1.0' }],
  ['user-agent (same case: replaces Logto’s)', { 'user-agent': 'my-tests/1.0' }],
  ['Content-Type', { 'Content-Type': 'application/vnd.acme+json' }],
  ['X-Foo, Authorization and Accept', { 'X-Foo': 'bar', Authorization: 'Bearer t0ken', Accept: 'application/json' }],
  ['a Latin-1 value', { 'X-Name': 'Zoë' }],
  ['one name in two cases (joined, as Headers joins them)', { 'X-Tenant': 'acme', 'x-tenant': 'beta' }],
  ['Connection: close (sent in place of keep-alive)', { Connection: 'close' }],
  ['Connection: keep-alive', { Connection: 'Keep-Alive' }],
  ['TE and Trailer (sent as given)', { TE: 'trailers', Trailer: 'x-checksum' }],
  ['Host (dropped: the connection writes its own)', { Host: 'myapp.test' }],
  ['an empty value, and one with spaces around it', { 'X-Empty': '', 'X-Padded': '  padded value\t' }],
  ['a Content-Length that matches the body', { 'Content-Length': String(Buffer.byteLength(BODY)) }],
];

describe.each(['http', 'https'] as const)('over %s, Hookbench sends the bytes Node 22’s fetch sends', (scheme) => {
  let receiver: RawReceiver;
  beforeAll(async () => {
    receiver = await startRawReceiver(scheme === 'https' ? { tls: certificate, host: 'localhost' } : {});
  });
  afterAll(() => receiver.close());

  it.each(headerCases)('%s', async (_name, headers) => {
    const hook = hookFor(`${receiver.origin}/webhooks/logto?tenant=1`, headers);
    const { node22, hookbench, attempt, request } = await bothSend([receiver], hook);
    expect(node22[0]).toHaveLength(1);
    expect(hookbench[0]).toEqual(node22[0]);
    expect(attempt).toMatchObject({ status: 200, body: '{"ok":true}', error: null });
    // The log shows the header block exactly as it went on the wire, in order.
    expect(Object.entries(request.headers)).toEqual(Object.entries(headerBlock(hookbench[0]![0]!)));
    expect(request.headers['accept-encoding']).toBe(scheme === 'https' ? 'br, gzip, deflate' : 'gzip, deflate');
  });

  it('a path with a space or non-ASCII is sent percent-encoded, and the log shows the URL as sent', async () => {
    const hook = hookFor(`${receiver.origin}/web hooks/zoë?q=a b`, {});
    const { node22, hookbench, request } = await bothSend([receiver], hook);
    expect(hookbench[0]).toEqual(node22[0]);
    expect(hookbench[0]![0]).toMatch(/^POST \/web%20hooks\/zo%C3%AB\?q=a%20b HTTP\/1\.1\r\n/);
    expect(request.url).toBe(`${receiver.origin}/web%20hooks/zo%C3%AB?q=a%20b`);
    expect(curlCommand(request)).toContain(`'${receiver.origin}/web%20hooks/zo%C3%AB?q=a%20b'`);
  });

  it('a hook without a signing key sends no signature header, as Logto does', async () => {
    const hook = hookFor(`${receiver.origin}/webhooks/logto`, {}, '');
    const { node22, hookbench } = await bothSend([receiver], hook);
    expect(hookbench[0]).toEqual(node22[0]);
    expect(hookbench[0]![0]).not.toContain(SIGNATURE_HEADER);
  });
});

describe('a header value fetch cannot send', () => {
  it('fails each attempt with a clear message instead of failing the trigger, as Logto’s request fails', async () => {
    const { attempt, request } = await hookbenchSends(hookFor('http://127.0.0.1:9/x', { 'X-Mood': 'happy 🚀' }));
    expect(attempt).toMatchObject({ status: null, error: { kind: 'network' } });
    expect(attempt.error!.message).toContain('A custom header value has a character fetch cannot send (only Latin-1 is allowed)');
    expect(request.headers['X-Mood']).toBe('happy 🚀');
  });
});

describe('a connection that never opens', () => {
  // A connector that never calls back: the socket neither opens nor fails, as with a host that drops packets.
  const neverConnects = () => new Agent({ connect: () => {} });
  const send = (dispatcher: Agent, cancel: Cancellation) =>
    sendAttempt(prepareRequest(hookFor('http://127.0.0.1:9/x', {}), BODY), 1, {
      dispatcher,
      cancel,
      limits: { ...wireLimits, headersMs: 200 },
    });

  it('times out at the header limit, as ky’s timeout does, without waiting for the connection', async () => {
    const stuck = neverConnects();
    const attempt = await send(stuck, new Cancellation());
    await stuck.destroy();
    expect(attempt.error).toMatchObject({ kind: 'timeout' });
    expect(attempt.durationMs).toBeLessThan(2_000);
  });

  it('ends at once when Hookbench quits', async () => {
    const stuck = neverConnects();
    const cancel = new Cancellation();
    setTimeout(() => cancel.cancel(), 50);
    const attempt = await send(stuck, cancel);
    await stuck.destroy();
    expect(attempt.error).toMatchObject({ kind: 'cancelled' });
  });
});

describe('redirects, followed as fetch follows them', () => {
  let first: RawReceiver;
  let second: RawReceiver;
  beforeAll(async () => {
    // 127.0.0.1 and localhost are different origins: the hop between them drops credentials.
    const answer: RawAnswer = (head) => {
      const path = head.split(' ')[1]!;
      const to = (status: number, location: string) => `HTTP/1.1 ${status} Moved\r\nlocation: ${location}\r\ncontent-length: 0\r\n\r\n`;
      if (path === '/one') return to(307, '/two');
      if (path === '/two') return to(302, `${second.origin}/three`);
      if (path === '/three') return to(308, `${first.origin}/four`);
      if (path === '/post-303') return to(303, '/five');
      return ok(head);
    };
    first = await startRawReceiver({ answer });
    second = await startRawReceiver({ answer, host: 'localhost' });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('307 keeps the POST; 302 turns it into a GET without body headers; another origin loses credentials', async () => {
    const hook = hookFor(`${first.origin}/one`, { Authorization: 'Bearer t0ken', Cookie: 'session=1', 'X-Foo': 'bar' });
    const { node22, hookbench, attempt } = await bothSend([first, second], hook);
    expect(node22.flat()).toHaveLength(4);
    expect(hookbench).toEqual(node22);
    const [one, two, four] = hookbench[0]!;
    expect(two!.slice(two!.indexOf('\r\n\r\n'))).toBe(one!.slice(one!.indexOf('\r\n\r\n')));
    expect(four).toMatch(/^GET \/four /);
    expect(four).not.toMatch(/authorization|cookie|content-type|content-length/);
    expect(four).toContain(`${SIGNATURE_HEADER}: `);
    expect(attempt).toMatchObject({ status: 200, error: null });
    expect(attempt.note).toContain('Redirected: 307');
  });

  it('303 turns the POST into a GET', async () => {
    const hook = hookFor(`${first.origin}/post-303`, {});
    const { node22, hookbench } = await bothSend([first], hook);
    expect(hookbench).toEqual(node22);
    expect(hookbench[0]![1]).toMatch(/^GET \/five /);
  });
});

describe('compressed answers', () => {
  const text = JSON.stringify({ received: true, note: 'ü'.repeat(200) });
  it.each([
    ['gzip', gzipSync(text)],
    ['deflate', deflateSync(text)],
    ['deflate', deflateRawSync(text)],
    ['br', brotliCompressSync(text)],
  ] as const)('%s is decoded for the log', async (coding, bytes) => {
    const receiver = await startRawReceiver({
      answer: () => `HTTP/1.1 200 OK\r\ncontent-encoding: ${coding}\r\ncontent-length: ${bytes.length}\r\n\r\n${bytes.toString('latin1')}`,
    });
    const { attempt } = await hookbenchSends(hookFor(`${receiver.origin}/x`, {}));
    await receiver.close();
    expect(attempt).toMatchObject({ status: 200, body: text, error: null });
  });

  it('a body that says gzip but is not fails the attempt with the decoder’s reason, keeping the status', async () => {
    const receiver = await startRawReceiver({
      answer: () => 'HTTP/1.1 200 OK\r\ncontent-encoding: gzip\r\ncontent-length: 12\r\n\r\nnot gzip at ',
    });
    const { attempt } = await hookbenchSends(hookFor(`${receiver.origin}/x`, {}));
    await receiver.close();
    expect(attempt.status).toBe(200);
    expect(attempt.error).toMatchObject({ kind: 'network', message: expect.stringMatching(/header check/) });
  });

  it('a redirect’s body is read past without decoding, as fetch does', async () => {
    const receiver = await startRawReceiver({
      answer: (head) =>
        head.startsWith('POST /moved ')
          ? 'HTTP/1.1 307 Moved\r\nlocation: /here\r\ncontent-encoding: gzip\r\ncontent-length: 9\r\n\r\nnot gzip!'
          : ok(head),
    });
    const { attempt } = await hookbenchSends(hookFor(`${receiver.origin}/moved`, {}));
    await receiver.close();
    expect(attempt).toMatchObject({ status: 200, error: null, note: expect.stringContaining('Redirected: 307') });
  });
});

describe('copy as cURL', () => {
  it('asks for compression when the request did, so curl decodes as fetch does', () => {
    const request = prepareRequest(hookFor('http://127.0.0.1:9/x', {}), BODY);
    expect(curlCommand(request)).toContain("-H 'accept-encoding: gzip, deflate'");
    expect(curlCommand(request)).toContain('--compressed');
    expect(curlCommand({ ...request, headers: { 'content-type': 'application/json' } })).not.toContain('--compressed');
  });
});
