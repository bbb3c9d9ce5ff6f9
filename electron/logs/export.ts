import type { Attempt, Delivery } from '../../shared/domain';
import type { LogsQuery } from '../../shared/validation';
import { logsQuerySchema } from '../../shared/validation';
import type { RequestLog } from './requestLog';

export type ExportFormat = 'jsonl' | 'har';

/** Every delivery a query matches, newest first, read page by page so memory stays flat. */
export function* matchingDeliveries(log: RequestLog, query: Omit<LogsQuery, 'cursor' | 'limit'>): Generator<Delivery> {
  let cursor: string | undefined;
  do {
    const page = log.query(logsQuerySchema.parse({ ...query, cursor, limit: 500 }));
    for (const summary of page.items) yield log.get(summary.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** JSON Lines: one whole delivery (request, attempts, outcome) per line. */
export function* jsonLines(deliveries: Iterable<Delivery>): Generator<string> {
  for (const delivery of deliveries) yield `${JSON.stringify(delivery)}\n`;
}

/**
 * HAR 1.2, one entry per attempt (each attempt is one HTTP exchange), so Chrome DevTools and
 * other HAR viewers show retries as the separate requests they were. Yields the document in
 * pieces so a large export never sits in memory whole.
 */
export function* har(deliveries: Iterable<Delivery>, version: string): Generator<string> {
  yield `{"log":{"version":"1.2","creator":${JSON.stringify({ name: 'Hookbench', version })},"pages":[],"entries":[`;
  let first = true;
  for (const delivery of deliveries) {
    for (const attempt of delivery.attempts) {
      yield `${first ? '' : ','}${JSON.stringify(harEntry(delivery, attempt))}`;
      first = false;
    }
  }
  yield ']}}\n';
}

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

function harEntry(delivery: Delivery, attempt: Attempt) {
  const url = new URL(delivery.request.url);
  const responseHeaders = Object.entries(attempt.headers ?? {}).map(([name, value]) => ({ name, value }));
  const responseType = attempt.headers?.['content-type'] ?? 'application/octet-stream';
  return {
    startedDateTime: new Date(attempt.startedAt).toISOString(),
    time: attempt.durationMs,
    request: {
      method: delivery.request.method,
      url: delivery.request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: Object.entries(delivery.request.headers).map(([name, value]) => ({ name, value })),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      postData: { mimeType: delivery.request.headers['content-type'] ?? 'application/json', text: delivery.request.body },
      headersSize: -1,
      bodySize: Buffer.byteLength(delivery.request.body),
    },
    response: {
      status: attempt.status ?? 0,
      statusText: attempt.status === null ? '' : (STATUS_TEXT[attempt.status] ?? ''),
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: responseHeaders,
      content: { size: Buffer.byteLength(attempt.body ?? ''), mimeType: responseType, text: attempt.body ?? '' },
      redirectURL: attempt.headers?.location ?? '',
      headersSize: -1,
      bodySize: attempt.body === null ? -1 : Buffer.byteLength(attempt.body),
      ...(attempt.error ? { _error: attempt.error.message } : {}),
    },
    cache: {},
    timings: { send: 0, wait: attempt.durationMs, receive: 0 },
    comment: `${delivery.event} · delivery ${delivery.id} · attempt ${attempt.number} of ${delivery.attemptCount}${attempt.bodyTruncated ? ' · response body cut at 64 KiB' : ''}`,
    _hookbench: { deliveryId: delivery.id, hookId: delivery.hookId, event: delivery.event, attempt: attempt.number, outcome: delivery.outcome },
  };
}
