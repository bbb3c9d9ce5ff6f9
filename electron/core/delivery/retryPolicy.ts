import type { Attempt } from '../../../shared/domain';

/**
 * Logto's rule: a response of 500 or more is retried up to 3 more times; 4xx, network errors
 * and timeouts are final. Retry-After is ignored. The backoff is ky's default (0.3 s doubling),
 * which is what Logto's client applies: all four attempts land within about 2 s plus the
 * receiver's own time.
 */
export type RetryPolicy = {
  maxAttempts: number;
  shouldRetry(attempt: Attempt): boolean;
  /** Wait before attempt number `next` (2, 3, 4). */
  delayBefore(next: number): number;
};

export const logtoRetryPolicy: RetryPolicy = {
  maxAttempts: 4,
  shouldRetry: (attempt) => attempt.status !== null && attempt.status >= 500,
  delayBefore: (next) => 300 * 2 ** (next - 2),
};
