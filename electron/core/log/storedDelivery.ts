/**
 * A delivery read back from its row. The JSON columns are Hookbench's own writing, but the file is
 * the user's: a column changed or damaged outside Hookbench must cost that one record what could
 * not be read, said on the record itself, never the listing, the detail view or a whole export.
 */
import type { Attempt, Delivery, SentRequest } from '../../../shared/domain';
import { isRecord } from '../util/isRecord';
import { type FullRow, isTime, summaryFromRow } from './queries';

type StoredRequest = Omit<SentRequest, 'body'>;

export function deliveryFromRow(row: FullRow): Delivery {
  const unreadable: string[] = [];
  const stored = parsed(row.request, isStoredRequest);
  if (!stored) unreadable.push('its request line and headers');
  const attempts = parsed(row.attempts, isAttemptList);
  if (!attempts) unreadable.push('its attempts');
  if (!isTime(row.created_at)) unreadable.push('its time');
  const damage = unreadable.length
    ? `This record in the request log is damaged: ${unreadable.join(' and ')} could not be read, so only the rest is shown.`
    : null;
  return {
    ...summaryFromRow(row),
    request: { ...(stored ?? { method: 'POST', url: '', headers: {} }), body: row.request_body },
    attempts: attempts ?? [],
    error: damage && row.error ? `${damage} ${row.error}` : (damage ?? row.error),
    redeliveryOf: row.redelivery_of,
    retryBehaviour: row.retry_behaviour,
    runId: row.run_id,
  };
}

function parsed<T>(text: string, fits: (value: unknown) => value is T): T | null {
  try {
    const value: unknown = JSON.parse(text);
    return fits(value) ? value : null;
  } catch {
    return null;
  }
}

function isStoredRequest(value: unknown): value is StoredRequest {
  return isRecord(value) && typeof value.method === 'string' && typeof value.url === 'string' && isRecord(value.headers);
}

function isAttemptList(value: unknown): value is Attempt[] {
  return Array.isArray(value) && value.every((attempt) => isRecord(attempt) && typeof attempt.number === 'number');
}
