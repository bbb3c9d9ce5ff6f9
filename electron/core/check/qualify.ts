/**
 * Verdicts only the whole run can settle: a refusal proves a signature was checked only if the
 * genuine request was accepted, and an acceptance proves raw-bytes verification only if forged
 * requests were refused. A case that proves nothing says so, as information, not as a pass.
 */
import type { CheckCase } from '../../../shared/check';
import type { HookEvent } from '../../../shared/events';
import { accepted, asClause } from './judge';

/** `event` is the one the forged cases and the raw-bytes probe were sent as. */
export function qualify(cases: CheckCase[], event: HookEvent): void {
  const genuine = cases.find((item) => item.id === `genuine:${event}`)?.evidence[0];
  if (genuine && !accepted(genuine)) {
    for (const item of cases) {
      const answer = item.evidence[0];
      if (!item.id.startsWith('forged:') || !answer) continue;
      // Refused alike, or unanswered alike: the receiver treats every request the same, signed or not.
      const sameRefusal = !genuine.error && item.verdict === 'pass' && answer.status === genuine.status;
      const bothUnanswered = genuine.error !== null && answer.error !== null;
      if (!sameRefusal && !bothUnanswered) continue;
      const what = sameRefusal ? `was answered ${genuine.status} too` : `got no answer either (${asClause(genuine.error!)})`;
      Object.assign(item, {
        verdict: 'info',
        message: `Not conclusive: the genuine ${event} delivery ${what}, so this does not show whether the signature is checked. Make the genuine case pass first.`,
        warnings: [],
      });
    }
  }
  const probe = cases.find((item) => item.id === 'raw-bytes');
  const answer = probe?.verdict === 'info' ? probe.evidence[0] : undefined;
  if (!probe || !answer || answer.error) return;
  if (accepted(answer) && cases.some((item) => item.id.startsWith('forged:') && item.verdict === 'fail')) {
    probe.message = 'Not conclusive: the receiver also accepts forged requests, so accepting this body says nothing about how it verifies.';
  } else if (!accepted(answer) && genuine && !accepted(genuine)) {
    probe.message = `Not conclusive: the genuine ${event} delivery was refused too (${genuine.status ?? asClause(genuine.error!)}), so this refusal says nothing about how the receiver verifies.`;
  }
}
