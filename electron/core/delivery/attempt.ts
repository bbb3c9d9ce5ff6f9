/**
 * One attempt on the wire, as Node 22's fetch makes it: the request through undici's dispatcher
 * with the exact header list (request.ts), redirects followed as fetch follows them, the 10 s
 * timeout up to the final response headers (ky's), then the body read with undici's 300 s idle
 * limit and Hookbench's total bound. Never throws: every failure becomes a described attempt.
 */
import type { Dispatcher } from 'undici';
import type { Attempt } from '../../../shared/domain';
import { STORED_BODY_CAP } from '../../../shared/limits';
import { FETCH_REDIRECT_LIMIT, LOGTO_TIMEOUT_MS, UNDICI_BODY_IDLE_MS } from '../../../shared/logto';
import { failureOf, type StopReason, WireError } from './failures';
import { Hop, type HopResponse, redirectLocation } from './hop';
import { type HeaderList, hopHeaders, type PreparedRequest } from './request';

/** Hookbench's own bound on reading one response body after its headers (Logto has none). */
export const BODY_TOTAL_LIMIT_MS = 600_000;

export type WireLimits = {
  /** Until the final response headers, redirects included (ky's `timeout`). */
  headersMs: number;
  /** Silence allowed between body chunks (undici's `bodyTimeout`). */
  bodyIdleMs: number;
  /** The whole body, from its headers on. */
  bodyTotalMs: number;
  /** Body bytes kept (decoded); the rest is read and dropped. */
  bodyCap: number;
};

export const wireLimits: WireLimits = {
  headersMs: LOGTO_TIMEOUT_MS,
  bodyIdleMs: UNDICI_BODY_IDLE_MS,
  bodyTotalMs: BODY_TOTAL_LIMIT_MS,
  bodyCap: STORED_BODY_CAP,
};

/**
 * Stops everything under way when the app quits. A plain set of stop functions: an AbortSignal
 * listener per attempt costs more than the rest of the attempt's bookkeeping.
 */
export class Cancellation {
  aborted = false;
  readonly #stops = new Set<() => void>();

  /** Calls `stop` on cancel (at once if already cancelled); answers how to stop watching. */
  watch(stop: () => void): () => void {
    if (this.aborted) stop();
    this.#stops.add(stop);
    return () => this.#stops.delete(stop);
  }

  cancel(): void {
    this.aborted = true;
    for (const stop of [...this.#stops]) stop();
  }
}

export type AttemptOptions = {
  dispatcher: Dispatcher;
  /** Cancelled when the app quits. */
  cancel: Cancellation;
  limits: WireLimits;
};

/** fetch's request-body-header names: dropped when a redirect turns the POST into a GET. */
const BODY_HEADERS = new Set(['content-encoding', 'content-language', 'content-location', 'content-type', 'content-length']);
/** Dropped on a hop to another origin (undici 6 `httpRedirectFetch` step 13). */
const CROSS_ORIGIN_DROPPED = new Set(['authorization', 'proxy-authorization', 'cookie', 'host']);

export async function sendAttempt(request: PreparedRequest, number: number, options: AttemptOptions): Promise<Attempt> {
  const { limits } = options;
  // The header timer, the body bound and quitting all stop whichever hop is under way.
  const exchange = new Exchange(request, options.dispatcher, limits);
  let timer = setTimeout(() => exchange.stop('headers'), limits.headersMs);
  const unwatch = options.cancel.watch(() => exchange.stop('cancelled'));
  const startedAt = Date.now();
  const started = performance.now();
  const attempt: Attempt = { number, startedAt, durationMs: 0, status: null, headers: null, body: null, bodyTruncated: false, error: null };
  try {
    const { hop, response, hops } = await exchange.finalResponse();
    clearTimeout(timer);
    attempt.status = response.statusCode;
    attempt.headers = flatHeaders(response.headers);
    if (hops.length > 0) attempt.note = `Redirected: ${hops.join(' → ')}.`;
    const headersAt = performance.now();
    timer = setTimeout(() => exchange.stop('body-total'), limits.bodyTotalMs);
    const { text, truncated } = await hop.body();
    attempt.body = text;
    attempt.bodyTruncated = truncated;
    const bodyMs = performance.now() - headersAt;
    if (bodyMs > limits.headersMs) {
      const slow = `The body took ${(bodyMs / 1000).toFixed(1)} s after the headers; Logto waits for it too (its ${limits.headersMs / 1000} s timeout stops at the headers).`;
      attempt.note = attempt.note ? `${attempt.note} ${slow}` : slow;
    }
  } catch (error) {
    attempt.error = failureOf(error, exchange.stopped, limits);
  } finally {
    clearTimeout(timer);
    unwatch();
  }
  attempt.durationMs = Math.round(performance.now() - started);
  return attempt;
}

/** The hops of one attempt: the request, and the redirects fetch would follow from it. */
class Exchange {
  readonly #request: PreparedRequest;
  readonly #dispatcher: Dispatcher;
  readonly #limits: WireLimits;
  #hop: Hop | null = null;
  stopped: StopReason = null;

  constructor(request: PreparedRequest, dispatcher: Dispatcher, limits: WireLimits) {
    this.#request = request;
    this.#dispatcher = dispatcher;
    this.#limits = limits;
  }

  stop(reason: Exclude<StopReason, null>): void {
    this.stopped ??= reason;
    this.#hop?.stop(new Error(`stopped: ${reason}`));
  }

  /** Sends the request and follows redirects as fetch does; resolves with the final response's headers. */
  async finalResponse(): Promise<{ hop: Hop; response: HopResponse; hops: string[] }> {
    const request = this.#request;
    if (request.unsendable) throw new WireError(request.unsendable);
    let url = parseUrl(request.url);
    let method: 'POST' | 'GET' = 'POST';
    let body: string | null = request.body;
    let base: HeaderList = request.base;
    const hops: string[] = [];
    for (;;) {
      const options = {
        origin: url.origin,
        path: url.pathname + url.search,
        method,
        headers: hopHeaders(base, url).flat(),
        body,
        bodyTimeout: this.#limits.bodyIdleMs,
      };
      const hop = this.#send(options);
      const response = await hop.response();
      const location = redirectLocation(response);
      if (location === undefined) return { hop, response, hops };
      // Read to its end (and dropped) so the connection can carry the next hop.
      await hop.body();
      const next = redirectTarget(location, url, hops.length);
      hops.push(`${response.statusCode} ${next.href}`);
      const status = response.statusCode;
      if (((status === 301 || status === 302) && method === 'POST') || status === 303) {
        // fetch turns the POST into a GET without a body and drops the body's headers.
        method = 'GET';
        body = null;
        base = base.filter(([name]) => !BODY_HEADERS.has(name));
      }
      if (next.origin !== url.origin) base = base.filter(([name]) => !CROSS_ORIGIN_DROPPED.has(name));
      url = next;
    }
  }

  #send(options: Dispatcher.DispatchOptions): Hop {
    const hop = new Hop(this.#dispatcher, options, this.#limits.bodyCap);
    this.#hop = hop;
    // A redirect hop begun after a timer fired is stopped at once too.
    if (this.stopped) this.stop(this.stopped);
    return hop;
  }
}

function redirectTarget(location: string, from: URL, followed: number): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new WireError(`The receiver redirected to "${location}", which is not a URL; fetch (and so Logto) fails the request.`);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new WireError(`The receiver redirected to ${next.protocol} URL ${next.href}; fetch follows only http and https.`);
  }
  if (followed >= FETCH_REDIRECT_LIMIT) {
    throw new WireError(`More than ${FETCH_REDIRECT_LIMIT} redirects; fetch (and so Logto) gives up there.`);
  }
  if ((next.username || next.password) && next.origin !== from.origin) {
    throw new WireError(`The receiver redirected to a URL with credentials on another origin (${next.host}); fetch refuses that.`);
  }
  return next;
}

function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new WireError(`"${url}" is not a URL that can be sent to; fix the hook's URL.`);
  }
}

/** Response headers as they arrived, repeated ones joined as fetch's Headers joins them. */
function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
