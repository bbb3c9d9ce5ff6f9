/**
 * Deliveries as files: JSON Lines and HAR 1.2. Pure, so the app's export (in the core) and the
 * command line's streaming export (over `logs.details`) write exactly the same bytes.
 */
import type { Attempt, Delivery } from './domain';
import { STORED_BODY_CAP, utf8Bytes } from './limits';

export const exportFormats = ['jsonl', 'har'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The reason phrase for a status code; the host passes Node's table, which the browser side lacks. */
export type StatusText = (status: number) => string;

/** JSON Lines: one whole delivery (request, attempts, outcome) per line. */
export function* jsonLines(deliveries: Iterable<Delivery>): Generator<string> {
  for (const delivery of deliveries) yield `${JSON.stringify(delivery)}\n`;
}

/**
 * HAR 1.2, one entry per attempt (each attempt is one HTTP exchange), so Chrome DevTools and
 * other HAR viewers show retries as the separate requests they were. Yields the document in
 * pieces so a large export never sits in memory whole.
 */
export function* har(deliveries: Iterable<Delivery>, version: string, statusText: StatusText): Generator<string> {
  yield `{"log":{"version":"1.2","creator":${JSON.stringify({ name: 'Hookbench', version })},"pages":[],"entries":[`;
  let first = true;
  for (const delivery of deliveries) {
    for (const attempt of delivery.attempts) {
      yield `${first ? '' : ','}${JSON.stringify(harEntry(delivery, attempt, statusText))}`;
      first = false;
    }
  }
  yield ']}}\n';
}

function harEntry(delivery: Delivery, attempt: Attempt, statusText: StatusText) {
  // A record damaged in the log keeps no URL; its entry still goes out, without a query string.
  const query = queryOf(delivery.request.url);
  const responseHeaders = Object.entries(attempt.headers ?? {}).map(([name, value]) => ({ name, value }));
  const responseType = attempt.headers?.['content-type'] ?? 'application/octet-stream';
  const cut = attempt.bodyTruncated ? ` · response body cut at ${STORED_BODY_CAP / 1024} KiB` : '';
  return {
    startedDateTime: new Date(attempt.startedAt).toISOString(),
    time: attempt.durationMs,
    request: {
      method: delivery.request.method,
      url: delivery.request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: Object.entries(delivery.request.headers).map(([name, value]) => ({ name, value })),
      queryString: query.map(([name, value]) => ({ name, value })),
      postData: { mimeType: delivery.request.headers['content-type'] ?? 'application/json', text: delivery.request.body },
      headersSize: -1,
      bodySize: utf8Bytes(delivery.request.body),
    },
    response: {
      status: attempt.status ?? 0,
      statusText: attempt.status === null ? '' : statusText(attempt.status),
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: responseHeaders,
      content: { size: utf8Bytes(attempt.body ?? ''), mimeType: responseType, text: attempt.body ?? '' },
      redirectURL: attempt.headers?.location ?? '',
      headersSize: -1,
      bodySize: attempt.body === null ? -1 : utf8Bytes(attempt.body),
      ...(attempt.error ? { _error: attempt.error.message } : {}),
    },
    cache: {},
    timings: { send: 0, wait: attempt.durationMs, receive: 0 },
    comment: `${delivery.event} · delivery ${delivery.id} · attempt ${attempt.number} of ${delivery.attemptCount}${cut}`,
    _hookbench: {
      deliveryId: delivery.id,
      hookId: delivery.hookId,
      event: delivery.event,
      attempt: attempt.number,
      outcome: delivery.outcome,
    },
  };
}

function queryOf(url: string): Array<[string, string]> {
  try {
    return [...new URL(url).searchParams];
  } catch {
    return [];
  }
}
