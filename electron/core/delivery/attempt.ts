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
import { readBody } from './body';
import { failureOf, type StopReason, WireError } from './failures';
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

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** fetch's request-body-header names: dropped when a redirect turns the POST into a GET. */
const BODY_HEADERS = new Set(['content-encoding', 'content-language', 'content-location', 'content-type', 'content-length']);
/** Dropped on a hop to another origin (undici 6 `httpRedirectFetch` step 13). */
const CROSS_ORIGIN_DROPPED = new Set(['authorization', 'proxy-authorization', 'cookie', 'host']);

export async function sendAttempt(request: PreparedRequest, number: number, options: AttemptOptions): Promise<Attempt> {
  const { limits } = options;
  // One controller per attempt: the header timer, the body bound and quitting all stop it.
  const controller = new AbortController();
  let stop: StopReason = null;
  const stopWith = (reason: StopReason) => {
    stop ??= reason;
    controller.abort();
  };
  let timer = setTimeout(() => stopWith('headers'), limits.headersMs);
  const unwatch = options.cancel.watch(() => stopWith('cancelled'));
  const startedAt = Date.now();
  const started = performance.now();
  const attempt: Attempt = { number, startedAt, durationMs: 0, status: null, headers: null, body: null, bodyTruncated: false, error: null };
  try {
    const { response, hops } = await exchange(request, options.dispatcher, controller.signal, limits);
    clearTimeout(timer);
    attempt.status = response.statusCode;
    attempt.headers = flatHeaders(response.headers);
    if (hops.length > 0) attempt.note = `Redirected: ${hops.join(' → ')}.`;
    const headersAt = performance.now();
    timer = setTimeout(() => stopWith('body-total'), limits.bodyTotalMs);
    const { text, truncated } = await readBody(response, limits.bodyCap);
    attempt.body = text;
    attempt.bodyTruncated = truncated;
    const bodyMs = performance.now() - headersAt;
    if (bodyMs > limits.headersMs) {
      const slow = `The body took ${(bodyMs / 1000).toFixed(1)} s after the headers; Logto waits for it too (its ${limits.headersMs / 1000} s timeout stops at the headers).`;
      attempt.note = attempt.note ? `${attempt.note} ${slow}` : slow;
    }
  } catch (error) {
    attempt.error = failureOf(error, stop, limits);
  } finally {
    clearTimeout(timer);
    unwatch();
  }
  attempt.durationMs = Math.round(performance.now() - started);
  return attempt;
}

/** Sends the request and follows redirects as fetch does; resolves with the final response's headers. */
async function exchange(request: PreparedRequest, dispatcher: Dispatcher, signal: AbortSignal, limits: WireLimits) {
  if (request.unsendable) throw new WireError(request.unsendable);
  let url = parseUrl(request.url);
  let method: 'POST' | 'GET' = 'POST';
  let body: string | null = request.body;
  let base: HeaderList = request.base;
  const hops: string[] = [];
  for (;;) {
    const response = await dispatcher.request({
      origin: url.origin,
      path: url.pathname + url.search,
      method,
      headers: hopHeaders(base, url).flat(),
      body: body ?? undefined,
      signal,
      bodyTimeout: limits.bodyIdleMs,
    });
    const location = REDIRECTS.has(response.statusCode) ? single(response.headers.location) : undefined;
    if (location === undefined) return { response, hops };
    await response.body.dump();
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

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Response headers as they arrived, repeated ones joined as fetch's Headers joins them. */
function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
