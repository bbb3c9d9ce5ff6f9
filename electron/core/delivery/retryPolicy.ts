/**
 * What follows an attempt, under the two behaviours deployed Logto versions have (docs/wire.md):
 * - `retry-5xx` (Logto's docs; its code from PR #9410, commit 883830fe68): ky 1.2.3 with
 *   `retry: { limit: retries ?? 3, methods: ['post'], statusCodes: 500–599 }`, Retry-After dropped,
 *   and a `beforeRetry` hook that rethrows anything but an HTTP error. ky computes its backoff
 *   (300 ms × 2^(retry − 1)) and waits it BEFORE that hook runs, so a network error still ends the
 *   delivery one backoff later; a timeout is never retried and ends at once.
 * - `send-once` (Logto before that fix): ky's default `retry.methods` excludes POST: one attempt.
 */
import type { Attempt, RetryBehaviour } from '../../../shared/domain';
import { KY_BACKOFF_BASE_MS } from '../../../shared/logto';

export type RetryDecision = {
  retry: boolean;
  /** Wait before the next attempt, or before the delivery ends (a network error under retry-5xx). */
  waitMs: number;
  /** Recorded on the attempt: `retried: 503 is 5xx`, `not retried: timed out`, … */
  explanation: string;
};

/** ky's backoff before retry number `retry` (1, 2, 3). */
export const kyBackoff = (retry: number) => KY_BACKOFF_BASE_MS * 2 ** (retry - 1);

/** Decides after attempt `attempt.number` (1-based) of a delivery allowed `retries` retries. */
export function nextStep(behaviour: RetryBehaviour, retries: number, attempt: Attempt): RetryDecision {
  const { status, error } = attempt;
  const end = (explanation: string, waitMs = 0): RetryDecision => ({ retry: false, waitMs, explanation });
  if (error?.kind === 'cancelled') return end('not retried: Hookbench was closing');
  const success = status !== null && status >= 200 && status < 300;
  if (success && !error) return end(`done: ${status} is 2xx`);
  // A body that fails after a 2xx fails where Logto reads it, after ky has returned: never retried.
  if (success) return end(`not retried: the body failed after ${status}`);
  if (behaviour === 'send-once') return end('not retried: sends once');
  // ky decides on the status alone; it never reads the body of a response it retries.
  const retriesLeft = attempt.number - 1 < retries;
  if (status !== null) {
    if (status < 500 || status > 599) return end(`not retried: ${status} is not 5xx`);
    if (!retriesLeft) return end('not retried: retries used up');
    return { retry: true, waitMs: kyBackoff(attempt.number), explanation: `retried: ${status} is 5xx` };
  }
  if (error?.kind === 'timeout') return end('not retried: timed out');
  if (!retriesLeft) return end('not retried: retries used up');
  const waitMs = kyBackoff(attempt.number);
  return end(`not retried: ${error?.kind ?? 'network'} error, ended after ky's ${waitMs} ms backoff`, waitMs);
}
