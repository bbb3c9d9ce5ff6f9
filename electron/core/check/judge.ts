/** How a check reads an answer: evidence from a finished delivery, verdicts, latency percentiles. */
import type { CheckCase, CheckEvidence, Latency } from '../../../shared/check';
import type { Delivery } from '../../../shared/domain';
import { LOGTO_TIMEOUT_MS } from '../../../shared/logto';

const PREVIEW = 512;

export function evidenceOf(delivery: Delivery, label: string): CheckEvidence {
  const last = delivery.attempts.at(-1);
  const { url, headers, body } = delivery.request;
  return {
    deliveryId: delivery.id,
    event: delivery.event,
    label,
    request: { url, headers, bodyBytes: Buffer.byteLength(body), bodyPreview: body.slice(0, PREVIEW) },
    status: last?.status ?? null,
    responseBody: last?.body?.slice(0, PREVIEW) ?? null,
    error: last?.error?.message ?? (last ? null : delivery.error),
    durationMs: last?.durationMs ?? 0,
  };
}

export const accepted = (evidence: CheckEvidence) =>
  evidence.error === null && evidence.status !== null && evidence.status >= 200 && evidence.status < 300;

type Verdict = Pick<CheckCase, 'verdict' | 'message' | 'warnings'>;

/** Every request must be answered 2xx within Logto's 10 s. */
export function allAccepted(evidence: CheckEvidence[], passed: string): Verdict {
  const refused = evidence.filter((item) => !accepted(item) || item.durationMs > LOGTO_TIMEOUT_MS);
  if (refused.length === 0) return { verdict: 'pass', message: passed, warnings: [] };
  return { verdict: 'fail', message: refused.map(whyNotAccepted).join('; '), warnings: [] };
}

function whyNotAccepted(item: CheckEvidence): string {
  const what = `${item.label} (${item.event})`;
  if (item.error) return `${what}: ${item.error}`;
  if (item.status === 401 || item.status === 403) {
    return `${what} was refused with ${item.status} although it is genuine and correctly signed: does the receiver verify a re-formatted body instead of the raw bytes?`;
  }
  if (item.status !== null && item.status >= 500) return `${what} was answered ${item.status}; Logto counts it as a failure and retries it`;
  if (item.status !== null && item.status < 300) return `${what} took ${item.durationMs} ms; Logto gives up after 10 s`;
  return `${what} was answered ${item.status}; Logto counts anything but 2xx as a failure`;
}

/** A forged request must be refused: any non-2xx answer passes, 401/403 recommended, 5xx flagged. */
export function refused(evidence: CheckEvidence): Verdict {
  if (evidence.error) return { verdict: 'fail', message: `No answer: ${evidence.error}`, warnings: [] };
  const status = evidence.status!;
  if (status >= 200 && status < 300) {
    return { verdict: 'fail', message: `Accepts forged requests: ${evidence.label} was answered ${status}.`, warnings: [] };
  }
  if (status >= 500) {
    return {
      verdict: 'pass',
      message: `Refused with ${status}.`,
      warnings: [`Answered ${status}: Logto retries a 5xx up to 3 more times. Answer 401 instead (does the signature comparison throw?).`],
    };
  }
  const advice = status === 401 || status === 403 ? '' : ' (401 or 403 would say why)';
  return { verdict: 'pass', message: `Refused with ${status}${advice}.`, warnings: [] };
}

/** Nearest-rank percentiles of the answer times, in ms. */
export function latency(durations: number[]): Latency {
  const sorted = [...durations].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { p50: rank(50), p95: rank(95), p99: rank(99), max: sorted.at(-1) ?? 0 };
}
