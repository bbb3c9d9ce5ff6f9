import type { IncomingHttpHeaders } from 'node:http';
import { type Dispatcher, request } from 'undici';
import type { Attempt } from '../../../shared/domain';
import { STORED_BODY_CAP } from '../../../shared/limits';

/** Answered to Logto when the target has not answered: inside Logto's own 10 s, so Logto records our 504, not its timeout. */
export const FORWARD_TIMEOUT_MS = 9_000;

/** Hop-by-hop headers (RFC 9110 §7.6.1): they describe one connection, so they never travel on. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

export type Forwarded = { attempt: Attempt; body: Buffer; contentType: string | undefined };

/**
 * The end-to-end headers of a request, in the order they arrived, for sending on to `target`:
 * hop-by-hop headers (and any the Connection header names) dropped, `host` set for the target.
 */
export function endToEndHeaders(rawHeaders: readonly string[], target: URL): string[] {
  const named = new Set<string>();
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() === 'connection')
      for (const token of rawHeaders[i + 1]!.split(',')) named.add(token.trim().toLowerCase());
  }
  const headers: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || named.has(lower)) continue;
    headers.push(name, lower === 'host' ? target.host : rawHeaders[i + 1]!);
  }
  return headers;
}

/**
 * Sends the exact bytes on to the target and describes what came back as an attempt. Never
 * throws: a refusal answers 502 and a target silent for 9 s answers 504, each with the reason.
 */
export async function forward(target: URL, rawHeaders: readonly string[], body: Buffer, dispatcher: Dispatcher): Promise<Forwarded> {
  const startedAt = Date.now();
  const started = performance.now();
  const base = { number: 1, startedAt, headers: null, body: null, bodyTruncated: false };
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await request(target, {
      method: 'POST',
      headers: endToEndHeaders(rawHeaders, target),
      body,
      dispatcher,
      headersTimeout: FORWARD_TIMEOUT_MS,
      bodyTimeout: FORWARD_TIMEOUT_MS,
      signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
    });
    const answer = Buffer.from(await response.body.arrayBuffer());
    const headers = flatten(response.headers);
    const kept = answer.subarray(0, STORED_BODY_CAP);
    return {
      attempt: {
        ...base,
        durationMs: elapsed(),
        status: response.statusCode,
        headers,
        body: kept.toString('utf8'),
        bodyTruncated: answer.length > kept.length,
        error: null,
      },
      body: answer,
      contentType: headers['content-type'],
    };
  } catch (error) {
    const timedOut = isTimeout(error);
    const message = timedOut
      ? `The forward target did not answer within ${FORWARD_TIMEOUT_MS / 1000} s; Logto was answered 504 before its own 10 s timeout.`
      : `The forward target could not be reached (${innermost(error)}); Logto was answered 502. Is your receiver running at ${target.origin}?`;
    return {
      attempt: { ...base, durationMs: elapsed(), status: null, error: { kind: timedOut ? 'timeout' : 'refused', message } },
      body: Buffer.from(JSON.stringify({ error: message })),
      contentType: 'application/json',
    };
  }
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]),
  );
}

function isTimeout(error: unknown): boolean {
  for (
    let current = error as { name?: string; code?: string; cause?: unknown } | undefined;
    current;
    current = current.cause as typeof current
  ) {
    if (current.name === 'TimeoutError' || current.code === 'UND_ERR_HEADERS_TIMEOUT' || current.code === 'UND_ERR_BODY_TIMEOUT')
      return true;
  }
  return false;
}

function innermost(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  for (let current = (error as { cause?: unknown })?.cause; current; current = (current as { cause?: unknown }).cause) {
    if (current instanceof Error && current.message) message = current.message;
  }
  return message;
}
