/**
 * Runs a receiver check: the cases in groups, each group at once (Logto sends separate events
 * concurrently), the burst alone so its latency is the receiver's own. Every request goes through
 * the engine's `sendCheck` seam and is logged as kind `check` with the run's id. When no genuine
 * delivery is answered, nothing more is sent.
 */
import type { CheckCase, CheckEvidence, CheckProgress, CheckRun } from '../../../shared/check';
import type { Delivery, Hook } from '../../../shared/domain';
import type { HookEvent } from '../../../shared/events';
import type { CheckSend } from '../delivery/engine';
import { newId } from '../util/ids';
import { burst, type CaseContext, duplicate, forged, genuine, largest, outOfOrder, rawBytes, timed, unknownFields } from './cases';
import { evidenceOf } from './judge';
import { qualify } from './qualify';
import type { CheckRunStore } from './runStore';

export type CheckSender = (send: CheckSend) => Promise<Delivery>;
export type CheckPlan = {
  events: HookEvent[];
  burst: number;
  /** What Logto would do after a 5xx (the advice in verdicts says so): 0 when the hook sends once. */
  retriesOn5xx: number;
  /** The hook sends once (its retry behaviour, or the app's), whatever its `config.retries`. */
  sendsOnce: boolean;
  warnings: string[];
};

export class CheckRunner {
  readonly #send: CheckSender;
  readonly #store: CheckRunStore;

  constructor(send: CheckSender, store: CheckRunStore) {
    this.#send = send;
    this.#store = store;
  }

  /** `onCase` hears each case as soon as it is judged; the run answers once all are, in plan order. */
  async run(hook: Hook, plan: CheckPlan, onCase: (progress: CheckProgress) => void = () => {}): Promise<CheckRun> {
    const runId = newId();
    const startedAt = Date.now();
    /** Set once no genuine delivery was answered: why the cases after them are not sent. */
    let notSent: string | null = null;
    const ctx: CaseContext = {
      hook,
      events: plan.events,
      burst: plan.burst,
      terms: { signed: hook.signingKey !== '', retriesOn5xx: plan.retriesOn5xx, sendsOnce: plan.sendsOnce },
      send: async (event, body, label, signature) =>
        notSent === null
          ? evidenceOf(await this.#send({ hook, event, body, headers: signature === undefined ? {} : { signature }, runId }), label)
          : unsent(event, body, label),
    };
    const cases: CheckCase[] = [];
    let count = 0;
    const told = (item: CheckCase) => {
      const { id, title, verdict, message } = item;
      onCase({ runId, hookId: hook.id, judged: { id, title, verdict, message }, count: ++count });
      return item;
    };
    const settled = (item: CheckCase): CheckCase =>
      notSent === null ? item : { ...item, verdict: 'skip', message: notSent, warnings: [], evidence: [] };
    const group = async (...work: Array<Promise<Omit<CheckCase, 'durationMs'>>>) =>
      cases.push(
        ...(await Promise.all(
          work.map((judged) =>
            timed(() => judged)
              .then(settled)
              .then(told),
          ),
        )),
      );
    await group(...plan.events.map((event) => genuine(ctx, event)));
    notSent = unansweredReason(cases);
    await group(...forged(ctx));
    await group(duplicate(ctx), unknownFields(ctx), largest(ctx), outOfOrder(ctx));
    await group(burst(ctx));
    await group(rawBytes(ctx));
    qualify(cases, plan.events[0]!);
    const run: CheckRun = {
      id: runId,
      hookId: hook.id,
      hookName: hook.name,
      url: hook.config.url,
      startedAt,
      finishedAt: Date.now(),
      events: plan.events,
      burst: plan.burst,
      warnings: plan.warnings,
      cases,
      passed: cases.every((item) => item.verdict !== 'fail'),
    };
    this.#store.add(run);
    return run;
  }

  runs(hookId: string): CheckRun[] {
    return this.#store.list(hookId);
  }

  get(runId: string): CheckRun {
    return this.#store.get(runId);
  }
}

/**
 * When not one genuine delivery was answered (the receiver is down, hangs or hangs up), the other
 * cases could only fail the same way, a hanging receiver 10 s a group: they are skipped instead.
 */
function unansweredReason(genuine: CheckCase[]): string | null {
  if (!genuine.every((item) => item.evidence.every((evidence) => evidence.error !== null))) return null;
  return 'Not sent: no genuine delivery got an answer, so this case could not be judged. Make the genuine case pass first, then check again.';
}

/** What a case judges when its request was not sent; the case is skipped whatever it concludes. */
function unsent(event: HookEvent, body: string, label: string): CheckEvidence {
  const request = { url: '', headers: {}, bodyBytes: Buffer.byteLength(body), bodyPreview: '' };
  return { deliveryId: '', event, label, request, status: null, responseBody: null, error: 'not sent', durationMs: 0 };
}
