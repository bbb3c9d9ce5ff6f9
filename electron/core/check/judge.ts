/** How a check reads an answer: evidence from a finished delivery, verdicts, latency percentiles. */
import type { CheckCase, CheckEvidence, Latency } from '../../../shared/check';
import { counted } from '../../../shared/counted';
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

/** What Logto does with this hook's deliveries, which the advice in a verdict depends on. */
export type HookTerms = {
  /** The hook has a signing key, so Logto signs what it sends. */
  signed: boolean;
  /** Retries after a 5xx: `config.retries`, or 0 when the hook sends once. */
  retriesOn5xx: number;
  /** Why `retriesOn5xx` is 0 when it is: the hook sends once, rather than retries set to 0. */
  sendsOnce: boolean;
};

/** Every request must be answered 2xx within Logto's 10 s. */
export function allAccepted(evidence: CheckEvidence[], passed: string, terms: HookTerms): Verdict {
  const refused = evidence.filter((item) => !accepted(item) || item.durationMs > LOGTO_TIMEOUT_MS);
  if (refused.length === 0) return { verdict: 'pass', message: passed, warnings: [] };
  // A burst to a receiver that is down fails fifty times the same way: say it once, counted.
  const alike = new Map<string, { first: CheckEvidence; count: number }>();
  for (const item of refused) {
    const said = `(${item.event}): ${whyNotAccepted(item, terms)}`;
    const group = alike.get(said);
    if (group) group.count++;
    else alike.set(said, { first: item, count: 1 });
  }
  const message = [...alike].map(([said, { first, count }]) => `${count === 1 ? first.label : `${count} requests`} ${said}`).join('; ');
  return { verdict: 'fail', message, warnings: [] };
}

/** An error message as a clause inside a longer sentence: without its own full stop. */
export function asClause(message: string): string {
  return message.replace(/\.+$/, '');
}

function whyNotAccepted(item: CheckEvidence, terms: HookTerms): string {
  if (item.error) return `no answer: ${asClause(item.error)}`;
  if (item.status === 401 || item.status === 403) {
    return terms.signed
      ? `refused with ${item.status} although genuine and correctly signed: does the receiver verify a re-formatted body instead of the raw bytes?`
      : `refused with ${item.status}, yet this is what Logto sends this hook: no signature, as the hook has no signing key. Does the receiver expect one?`;
  }
  if (item.status !== null && item.status >= 500) return `answered ${item.status}; Logto counts a 5xx as a failure and ${after5xx(terms)}`;
  if (item.status !== null && item.status < 300) return `answered ${item.status} only after 10 s; Logto gives up after 10 s`;
  return `answered ${item.status}; Logto counts anything but 2xx as a failure`;
}

/** What Logto does after a 5xx to this hook, the one wording of every verdict that advises on a 5xx. */
function after5xx({ retriesOn5xx, sendsOnce }: HookTerms): string {
  if (sendsOnce) return 'does not retry it (this hook sends once)';
  if (retriesOn5xx === 0) return 'does not retry it (this hook’s retries are 0)';
  return `retries it up to ${counted(retriesOn5xx, 'more time')}`;
}

/** A forged request must be refused: any non-2xx answer passes, 401/403 recommended, 5xx flagged. */
export function refused(evidence: CheckEvidence, terms: HookTerms): Verdict {
  if (evidence.error) return { verdict: 'fail', message: `No answer: ${evidence.error}`, warnings: [] };
  const status = evidence.status!;
  if (status >= 200 && status < 300) {
    return { verdict: 'fail', message: `Accepts forged requests: ${evidence.label} was answered ${status}.`, warnings: [] };
  }
  if (status >= 500) {
    return {
      verdict: 'pass',
      message: `Refused with ${status}.`,
      warnings: [
        `Answered ${status}: Logto counts a 5xx as a failure and ${after5xx(terms)}. Answer 401 instead (does the signature comparison throw?).`,
      ],
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
