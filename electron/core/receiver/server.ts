/**
 * Hookbench's built-in receiver: one HTTP server on 127.0.0.1 that answers hooks pointing at
 * `/r/<hookId>` as their script says, and captures what a real Logto sends to `/capture`
 * (verified, recorded as a log row of kind `captured`, forwarded when asked). It never crashes on
 * what arrives: every request gets an answer that says what was wrong, and a line in its activity.
 *
 * Over 300 lines on purpose: both endpoints share reading the body, refusing, and recording, and
 * those rules read best once, beside the two handlers that use them.
 */

import { isUtf8 } from 'node:buffer';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import type { Delivery, Hook, ReceiverActivity, ReceiverStatus } from '../../../shared/domain';
import { UserFacingError } from '../../../shared/errors';
import { isHookEvent } from '../../../shared/events';
import { SIGNATURE_HEADER } from '../../../shared/logto';
import { type DeliveryRecorder, summaryOf } from '../delivery/engine';
import { inFlight } from '../delivery/inFlight';
import type { PushHub } from '../notices';
import { forward } from './forward';
import { removePortRecord, writePortRecord } from './portRecord';
import { answerFor, DEFAULT_SCRIPT, parseScript } from './script';
import type { ReceiverSettings } from './settings';
import { type SignatureVerdict, verifySignature } from './verify';

const ACTIVITY_KEPT = 100;

export type ReceiverParts = {
  dataDir: string;
  recorder: DeliveryRecorder;
  pushes: PushHub;
  hooks: () => Hook[];
};

/** Names under which this machine reaches its own listening sockets. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '0.0.0.0', '[::]']);

export class BuiltInReceiver {
  readonly #parts: ReceiverParts;
  #settings: ReceiverSettings;
  #server: Server | null = null;
  readonly #requestsByHook = new Map<string, number>();
  readonly #activity: ReceiverActivity[] = [];
  /** The connection pool forwards and replays go through. */
  readonly dispatcher = new Agent({ keepAliveTimeout: 4_000 });

  constructor(parts: ReceiverParts, settings: ReceiverSettings) {
    this.#parts = parts;
    this.#settings = settings;
  }

  get settings(): ReceiverSettings {
    return this.#settings;
  }

  get host(): string {
    return this.#settings.exposeOnNetwork ? '0.0.0.0' : '127.0.0.1';
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.#settings.port}`;
  }

  status(): ReceiverStatus {
    const { port, capture, bodyLimitBytes, scripts } = this.#settings;
    return {
      running: this.#server !== null,
      port,
      host: this.host,
      baseUrl: this.baseUrl,
      capture,
      bodyLimitBytes,
      scripts,
      recent: [...this.#activity].reverse(),
    };
  }

  /** True when a hook's URL is this receiver's scripted endpoint, so the app starts the receiver for it. */
  answers(hook: Hook): boolean {
    return this.isOwnAddress(hook.config.url) && new URL(hook.config.url).pathname.startsWith('/r/');
  }

  /** True when a URL reaches this receiver itself (on this machine, at its port), e.g. a forward target that would loop. */
  isOwnAddress(address: string, port = this.#settings.port): boolean {
    try {
      const url = new URL(address);
      return LOCAL_HOSTS.has(url.hostname) && Number(url.port || (url.protocol === 'https:' ? 443 : 80)) === port;
    } catch {
      return false;
    }
  }

  /** New settings; a running receiver moves to a new port or interface at once. */
  async apply(settings: ReceiverSettings): Promise<void> {
    const moved = settings.port !== this.#settings.port || settings.exposeOnNetwork !== this.#settings.exposeOnNetwork;
    for (const [hookId, text] of Object.entries(settings.scripts))
      if (text !== this.#settings.scripts[hookId]) this.#requestsByHook.delete(hookId);
    this.#settings = settings;
    if (moved && this.#server) {
      await this.stop();
      await this.start();
    }
  }

  async start(): Promise<void> {
    if (this.#server) return;
    const server = createServer((request, response) => void this.#handle(request, response));
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#settings.port, this.host, () => {
        server.off('error', reject);
        resolve();
      });
    }).catch((error: NodeJS.ErrnoException) => {
      const port = this.#settings.port;
      if (error.code === 'EADDRINUSE') {
        throw new UserFacingError(
          'conflict',
          `Port ${port} is already in use by another program. Choose another port for the built-in receiver (the Port field on the Receiver screen, or hookbench listen --port <port>).`,
          'port',
        );
      }
      throw new UserFacingError('storage', `The built-in receiver could not listen on ${this.host}:${port}: ${error.message}`, 'port');
    });
    this.#settings = { ...this.#settings, port: (server.address() as AddressInfo).port };
    this.#server = server;
    writePortRecord(this.#parts.dataDir, this.#settings.port, this.host);
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = null;
    removePortRecord(this.#parts.dataDir);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async close(): Promise<void> {
    await this.stop();
    await this.dispatcher.close();
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0]!;
    const scripted = /^\/r\/([^/]+)$/.exec(path);
    if (path !== '/capture' && !scripted) {
      return this.#refuse(
        request,
        response,
        404,
        'Hookbench’s receiver answers POST /capture (a real Logto) and POST /r/<hook id> (scripted answers).',
      );
    }
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      return this.#refuse(request, response, 405, `Logto sends webhooks with POST; this was ${request.method}.`);
    }
    const body = await this.#read(request);
    if (body === 'too large') {
      response.setHeader('connection', 'close');
      response.on('finish', () => request.destroy());
      return this.#refuse(
        request,
        response,
        413,
        `The body is larger than ${this.#settings.bodyLimitBytes.toLocaleString('en')} bytes, the receiver's limit.`,
      );
    }
    if (body === 'aborted') return;
    if (scripted) return this.#answerScripted(decodeURIComponent(scripted[1]!), request, body, response);
    return this.#capture(request, body, response);
  }

  async #answerScripted(hookId: string, request: IncomingMessage, body: Buffer, response: ServerResponse): Promise<void> {
    const hook = this.#parts.hooks().find((candidate) => candidate.id === hookId);
    if (!hook) return this.#refuse(request, response, 404, `No hook has the id "${hookId}"; point a hook at ${this.baseUrl}/r/<its id>.`);
    const script = parseScript(this.#settings.scripts[hookId] ?? DEFAULT_SCRIPT);
    const count = this.#requestsByHook.get(hookId) ?? 0;
    this.#requestsByHook.set(hookId, count + 1);
    const answer = answerFor(script, count);
    const signature = describe(hook.signingKey === '' ? null : verifySignature(body, header(request, SIGNATURE_HEADER), [hook]));
    if (answer.delayMs > 0) await sleep(answer.delayMs, request);
    // What the receiver got travels back in its answer, so the delivery it answered shows it.
    const got = {
      receiver: 'Hookbench built-in receiver',
      hook: hook.name,
      step: `${answer.step} of ${script.steps.length} (${script.text})`,
      answered: answer.status,
      signature,
      receivedBytes: body.length,
      receivedHeaders: headerRecord(request.rawHeaders),
    };
    this.#note(request, answer.status, `${hook.name}: step ${answer.step} of ${script.steps.length}, signature ${signature}`);
    if (!response.destroyed) response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(got));
  }

  async #capture(request: IncomingMessage, body: Buffer, response: ServerResponse): Promise<void> {
    if (!isUtf8(body)) return this.#refuse(request, response, 400, 'The body is not UTF-8 text; Logto sends JSON.');
    const text = body.toString('utf8');
    let event: unknown;
    try {
      event = (JSON.parse(text) as { event?: unknown } | null)?.event;
    } catch (error) {
      return this.#refuse(request, response, 400, `The body is not JSON (${(error as Error).message}); Logto sends a JSON payload.`);
    }
    if (typeof event !== 'string' || !isHookEvent(event)) {
      return this.#refuse(
        request,
        response,
        400,
        `The payload names no Logto webhook event (event: ${JSON.stringify(event) ?? 'missing'}).`,
      );
    }
    const verdict = verifySignature(body, header(request, SIGNATURE_HEADER), this.#parts.hooks());
    const captured = inFlight({
      kind: 'captured',
      hookId: verdict.kind === 'valid' ? verdict.hook.id : null,
      event,
      request: { method: 'POST', url: `${this.baseUrl}${request.url}`, headers: headerRecord(request.rawHeaders), body: text },
      retryBehaviour: null,
    });
    this.#parts.recorder.started(captured);
    try {
      await this.#parts.recorder.recorded(captured.id);
    } catch (error) {
      // Nothing goes on unrecorded: Logto retries a 5xx, so the request is not lost either.
      return this.#refuse(
        request,
        response,
        503,
        `The request log could not be written (${(error as Error).message}); nothing was forwarded.`,
      );
    }
    this.#parts.pushes.emit('delivery.updated', summaryOf(captured));

    const target = this.#settings.capture.forwardUrl;
    // Forwarding to this receiver's own /capture would capture and forward the request without end.
    const loop =
      target !== null && this.isOwnAddress(target)
        ? `Not forwarded: ${target} is this receiver itself, so the request would come back here without end; forward to your own receiver.`
        : null;
    const forwarded = target && !loop ? await forward(new URL(target), request.rawHeaders, body, this.dispatcher) : null;
    const status = loop ? 508 : forwarded ? (forwarded.attempt.status ?? (forwarded.attempt.error?.kind === 'timeout' ? 504 : 502)) : 200;
    const problems = [
      signatureProblem(verdict),
      loop,
      forwarded?.attempt.error?.message ?? (forwarded && (status < 200 || status > 299) ? `The forward target answered ${status}.` : null),
    ];
    const error = problems.filter(Boolean).join(' ') || null;
    const finished: Delivery = {
      ...captured,
      outcome: error ? 'failed' : 'success',
      status,
      durationMs: Date.now() - captured.createdAt,
      attempts: forwarded ? [forwarded.attempt] : [],
      attemptCount: forwarded ? 1 : 0,
      error,
    };
    this.#parts.recorder.finished(finished);
    this.#parts.pushes.emit('delivery.updated', summaryOf(finished));
    this.#note(
      request,
      status,
      `captured ${event}: signature ${describe(verdict)}${target ? `, ${loop ? 'not ' : ''}forwarded to ${target} (${status})` : ''}`,
    );
    if (loop) {
      response.writeHead(508, { 'content-type': 'text/plain; charset=utf-8' }).end(`${loop}\n`);
    } else if (forwarded) {
      response.writeHead(status, forwarded.contentType ? { 'content-type': forwarded.contentType } : {}).end(forwarded.body);
    } else {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ captured: captured.id, signature: describe(verdict) }));
    }
  }

  /** The body, or why there is none: over the limit, or the sender went away. */
  async #read(request: IncomingMessage): Promise<Buffer | 'too large' | 'aborted'> {
    const limit = this.#settings.bodyLimitBytes;
    if (Number(request.headers['content-length'] ?? 0) > limit) return 'too large';
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of request) {
        size += (chunk as Buffer).length;
        if (size > limit) return 'too large';
        chunks.push(chunk as Buffer);
      }
    } catch {
      return 'aborted';
    }
    return Buffer.concat(chunks);
  }

  #refuse(request: IncomingMessage, response: ServerResponse, status: number, message: string): void {
    this.#note(request, status, message);
    if (!response.headersSent) response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: message }));
  }

  #note(request: IncomingMessage, status: number, note: string): void {
    this.#activity.push({ at: Date.now(), method: request.method ?? '?', path: request.url ?? '', status, note });
    if (this.#activity.length > ACTIVITY_KEPT) this.#activity.shift();
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Headers as they arrived: names in their own case and order, repeated names joined. */
function headerRecord(rawHeaders: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    headers[name] = name in headers ? `${headers[name]}, ${rawHeaders[i + 1]}` : rawHeaders[i + 1]!;
  }
  return headers;
}

function describe(verdict: SignatureVerdict | null): string {
  if (verdict === null) return 'not checked (the hook has no key)';
  if (verdict.kind === 'valid') return `valid (${verdict.hook.name})`;
  return verdict.kind === 'missing' ? 'missing' : 'invalid';
}

function signatureProblem(verdict: SignatureVerdict): string | null {
  if (verdict.kind === 'missing') return `No ${SIGNATURE_HEADER} header: Logto sends none only when the hook has no signing key.`;
  if (verdict.kind === 'invalid') return `The ${SIGNATURE_HEADER} header does not verify: ${verdict.reason}.`;
  return null;
}

function sleep(ms: number, request: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    request.socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
