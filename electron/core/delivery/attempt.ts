import { type Dispatcher, fetch } from 'undici';
import type { Attempt, AttemptErrorKind } from '../../../shared/domain';
import type { PreparedRequest } from './request';

/** Logto's per-attempt timeout; here it covers the response body too, so a slow body cannot hang a delivery. */
export const ATTEMPT_TIMEOUT_MS = 10_000;
/** Response bodies are kept up to this size; the rest is read off the wire and dropped. */
export const RESPONSE_BODY_CAP = 64 * 1024;

export type AttemptOptions = {
  dispatcher: Dispatcher;
  /** Aborts when the app quits. */
  cancel: AbortSignal;
  timeoutMs?: number;
  bodyCap?: number;
};

/** One POST, start to finish. Never throws: every failure becomes a described attempt. */
export async function sendAttempt(request: PreparedRequest, number: number, options: AttemptOptions): Promise<Attempt> {
  const timeoutMs = options.timeoutMs ?? ATTEMPT_TIMEOUT_MS;
  // One controller and one timer per attempt: cheaper than composing AbortSignal.timeout and .any.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCancel = () => controller.abort();
  options.cancel.addEventListener('abort', onCancel, { once: true });
  if (options.cancel.aborted) controller.abort();
  const startedAt = Date.now();
  const started = performance.now();
  const finish = (fields: Partial<Attempt>): Attempt => ({
    number,
    startedAt,
    durationMs: Math.round(performance.now() - started),
    status: null,
    headers: null,
    body: null,
    bodyTruncated: false,
    error: null,
    ...fields,
  });

  let status: number | null = null;
  let headers: Record<string, string> | null = null;
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: request.ownHeaders,
      body: request.body,
      signal: controller.signal,
      dispatcher: options.dispatcher,
    });
    status = response.status;
    headers = Object.fromEntries(response.headers);
    const cap = options.bodyCap ?? RESPONSE_BODY_CAP;
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    // Most receivers answer a few bytes with a length: read those whole; cap everything else as it streams.
    const { text, truncated } =
      declared <= cap && !response.headers.has('content-encoding')
        ? { text: await response.text(), truncated: false }
        : await readCapped(response.body, cap);
    return finish({ status, headers, body: text, bodyTruncated: truncated });
  } catch (error) {
    const kind = errorKind(error, timedOut, options.cancel);
    return finish({ status, headers, error: { kind, message: describe(kind, error, timeoutMs) } });
  } finally {
    clearTimeout(timer);
    options.cancel.removeEventListener('abort', onCancel);
  }
}

async function readCapped(body: AsyncIterable<Uint8Array> | null, cap: number) {
  if (!body) return { text: '', truncated: false };
  const chunks: Uint8Array[] = [];
  let kept = 0;
  let truncated = false;
  // Past the cap the rest is still read, as Logto reads it, but dropped: memory stays bounded.
  for await (const chunk of body) {
    const room = cap - kept;
    if (chunk.byteLength > room) truncated = true;
    if (room > 0) {
      const part = chunk.subarray(0, room);
      chunks.push(part);
      kept += part.byteLength;
    }
  }
  return { text: new TextDecoder().decode(Buffer.concat(chunks)), truncated };
}

function errorKind(error: unknown, timedOut: boolean, cancel: AbortSignal): AttemptErrorKind {
  if (cancel.aborted) return 'cancelled';
  if (timedOut) return 'timeout';
  const code = causeCode(error);
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') return 'reset';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return 'dns';
  if (
    code &&
    (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || code.includes('CERT') || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE')
  ) {
    return 'tls';
  }
  return 'network';
}

function causeCode(error: unknown): string | undefined {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function describe(kind: AttemptErrorKind, error: unknown, timeoutMs: number): string {
  const detail = innermostMessage(error);
  switch (kind) {
    case 'timeout':
      return `No complete response within ${timeoutMs / 1000} s; Logto gives up after ${ATTEMPT_TIMEOUT_MS / 1000} s and does not retry.`;
    case 'cancelled':
      return 'Cancelled because Hookbench was closing.';
    case 'refused':
      return `Connection refused: nothing is listening at this address. Is your receiver running? (${detail})`;
    case 'reset':
      return `The receiver closed the connection before answering completely (${detail}).`;
    case 'dns':
      return `The host name could not be resolved (${detail}).`;
    case 'tls':
      return `The TLS handshake failed: ${detail}. Logto rejects invalid or self-signed certificates too.`;
    default:
      return `The request failed: ${detail}`;
  }
}

function innermostMessage(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  for (let current: unknown = (error as { cause?: unknown })?.cause; current; current = (current as { cause?: unknown }).cause) {
    if (current instanceof Error && current.message) message = current.message;
  }
  return message;
}
