/**
 * The cases of a receiver check (docs/receiver-lab.md says what each checks and why). Each sends
 * through the context and judges what came back; none throws for a receiver's behaviour.
 */

import type { CheckCase, CheckEvidence } from '../../../shared/check';
import { counted } from '../../../shared/counted';
import type { Hook } from '../../../shared/domain';
import type { HookEvent } from '../../../shared/events';
import { sign } from '../delivery/sign';
import { randomId } from '../util/ids';
import { genuineBody, largestBody, oneByteChanged, outOfOrderBodies, reformatted, withUnknownField } from './bodies';
import { accepted, allAccepted, asClause, type HookTerms, latency, refused } from './judge';

export type CaseContext = {
  hook: Hook;
  events: HookEvent[];
  burst: number;
  terms: HookTerms;
  /** Sends a body; `signature` undefined signs it as Logto does, null leaves the header out. */
  send(event: HookEvent, body: string, label: string, signature?: string | null): Promise<CheckEvidence>;
};

type Judged = Omit<CheckCase, 'durationMs'>;

/** Times a case from its first send to its verdict. */
export async function timed(work: () => Promise<Judged>): Promise<CheckCase> {
  const started = performance.now();
  const judged = await work();
  return { ...judged, durationMs: Math.round(performance.now() - started) };
}

export async function genuine(ctx: CaseContext, event: HookEvent): Promise<Judged> {
  const evidence = [await ctx.send(event, genuineBody(event, ctx.hook.id), 'genuine delivery')];
  return {
    id: `genuine:${event}`,
    title: `${event} sent exactly as Logto sends it is answered 2xx within 10 s`,
    ...allAccepted(evidence, `Answered ${evidence[0]!.status} in ${evidence[0]!.durationMs} ms.`, ctx.terms),
    evidence,
  };
}

const FORGERIES: Array<{ id: string; title: string; label: string; forge(body: string, signature: string): [string, string | null] }> = [
  {
    id: 'forged:body-changed',
    title: 'A body changed by one byte, sent with the original signature, is refused',
    label: 'body changed by one byte, original signature',
    forge: (body, signature) => [oneByteChanged(body), signature],
  },
  {
    id: 'forged:wrong-key',
    title: 'A body signed with a wrong key is refused',
    label: 'signed with a wrong key',
    forge: (body) => [body, sign(randomId(32), body)],
  },
  {
    id: 'forged:header-missing',
    title: 'A request without the signature header is refused',
    label: 'signature header left out',
    forge: (body) => [body, null],
  },
  {
    id: 'forged:header-empty',
    title: 'A request with an empty signature header is refused',
    label: 'signature header empty',
    forge: (body) => [body, ''],
  },
  {
    id: 'forged:header-short',
    title: 'A signature header shorter than 64 hex characters is refused (not answered 500)',
    label: 'signature header of 32 hex characters',
    forge: (body, signature) => [body, signature.slice(0, 32)],
  },
];

export function forged(ctx: CaseContext): Array<Promise<Judged>> {
  const event = ctx.events[0]!;
  if (ctx.hook.signingKey === '') {
    return FORGERIES.map(
      async ({ id, title }): Promise<Judged> => ({
        id,
        title,
        verdict: 'skip',
        message: 'Skipped: this hook has no signing key, so Logto sends no signature and there is nothing to forge.',
        warnings: [],
        evidence: [],
      }),
    );
  }
  return FORGERIES.map(async ({ id, title, label, forge }) => {
    const original = genuineBody(event, ctx.hook.id);
    const [body, signature] = forge(original, sign(ctx.hook.signingKey, original));
    const evidence = await ctx.send(event, body, label, signature);
    return { id, title, ...refused(evidence, ctx.terms), evidence: [evidence] };
  });
}

export async function duplicate(ctx: CaseContext): Promise<Judged> {
  const event = ctx.events[0]!;
  const body = genuineBody(event, ctx.hook.id);
  const evidence = [await ctx.send(event, body, 'first delivery'), await ctx.send(event, body, 'the same delivery again')];
  return {
    id: 'duplicate',
    title: 'The same delivery twice (same body and signature) is answered 2xx both times',
    ...allAccepted(evidence, 'Both answered 2xx: the receiver tolerates a delivery it has already seen.', ctx.terms),
    evidence,
  };
}

export async function unknownFields(ctx: CaseContext): Promise<Judged> {
  const event = ctx.events[0]!;
  const evidence = [await ctx.send(event, withUnknownField(event, ctx.hook.id), 'payload with an unknown extra field')];
  return {
    id: 'unknown-fields',
    title: 'A payload with unknown extra fields is tolerated',
    ...allAccepted(evidence, 'Answered 2xx: fields the receiver does not know are ignored.', ctx.terms),
    evidence,
  };
}

export async function largest(ctx: CaseContext): Promise<Judged> {
  const evidence = [await ctx.send('Organization.Membership.Updated', largestBody(ctx.hook.id), 'four delta arrays of 5 000 ids each')];
  const size = (evidence[0]!.request.bodyBytes / 1024).toFixed(0);
  return {
    id: 'largest-payload',
    title: 'The largest payload Logto sends (Organization.Membership.Updated, 4 × 5 000 ids) is answered 2xx within 10 s',
    ...allAccepted(evidence, `Answered ${evidence[0]!.status} to ${size} kB in ${evidence[0]!.durationMs} ms.`, ctx.terms),
    evidence,
  };
}

export async function outOfOrder(ctx: CaseContext): Promise<Judged> {
  const [updated, created] = outOfOrderBodies(ctx.events, ctx.hook.id);
  const evidence = [
    await ctx.send(updated!.event, updated!.body, 'the .Updated first'),
    await ctx.send(created!.event, created!.body, 'then its .Created'),
  ];
  return {
    id: 'out-of-order',
    // "An Organization…", but "A User…": U is read "you" in Logto's event names.
    title: `${/^[AEIO]/.test(updated!.event) ? 'An' : 'A'} ${updated!.event} before its ${created!.event} is answered 2xx both times`,
    ...allAccepted(evidence, 'Both answered 2xx: deliveries arriving out of order do not break the receiver.', ctx.terms),
    evidence,
  };
}

export async function burst(ctx: CaseContext): Promise<Judged> {
  const event = ctx.events[0]!;
  const evidence = await Promise.all(
    Array.from({ length: ctx.burst }, (_, index) => ctx.send(event, genuineBody(event, ctx.hook.id), `burst request ${index + 1}`)),
  );
  const figures = latency(evidence.map((item) => item.durationMs));
  const verdict = allAccepted(
    evidence,
    `All ${ctx.burst} answered 2xx; p50 ${figures.p50} ms, p95 ${figures.p95} ms, p99 ${figures.p99} ms.`,
    ctx.terms,
  );
  const failed = evidence.filter((item) => !accepted(item)).length;
  return {
    id: 'burst',
    title: `A burst of ${counted(ctx.burst, 'delivery', 'deliveries')} at once is answered 2xx within 10 s`,
    ...verdict,
    message: verdict.verdict === 'pass' ? verdict.message : `${failed} of ${ctx.burst} not answered 2xx: ${verdict.message}`,
    evidence,
    latency: figures,
  };
}

/** Reported, never failing: does the receiver verify the bytes it received, or a re-serialised body? */
export async function rawBytes(ctx: CaseContext): Promise<Judged> {
  const id = 'raw-bytes';
  const title = 'A correctly signed body formatted differently from Logto’s (raw-bytes probe, never fails)';
  if (ctx.hook.signingKey === '') {
    return { id, title, verdict: 'skip', message: 'Skipped: this hook has no signing key.', warnings: [], evidence: [] };
  }
  const event = ctx.events[0]!;
  const evidence = [await ctx.send(event, reformatted(genuineBody(event, ctx.hook.id)), 'body re-formatted, signed over its own bytes')];
  const [answer] = evidence;
  const message = answer!.error
    ? `Not conclusive: no answer (${asClause(answer!.error)}).`
    : accepted(answer!)
      ? 'Accepted: the receiver verifies the raw bytes it received. Good.'
      : `Refused (${answer!.status}): the receiver re-serialises the JSON before verifying. That works with Logto’s bytes today, but breaks behind anything that re-formats a body; verify the raw bytes instead.`;
  return { id, title, verdict: 'info', message, warnings: [], evidence };
}
