import { Agent, type Dispatcher as HttpDispatcher } from 'undici';
import type { Attempt, Delivery, DeliverySummary, EventPayload, Hook, RetryBehaviour, TestResult } from '../../../shared/domain';
import { UserFacingError } from '../../../shared/errors';
import type { HookEvent } from '../../../shared/events';
import { LOGTO_FAN_OUT_CONCURRENCY } from '../../../shared/logto';
import type { PushHub, Report } from '../notices';
import { logtoTestPayload } from '../payloads/testPayload';
import { Cancellation, sendAttempt, type WireLimits, wireLimits } from './attempt';
import { inFlight } from './inFlight';
import { Limiter } from './limiter';
import { type PreparedRequest, prepareRequest } from './request';
import { nextStep } from './retryPolicy';

/** Where deliveries are written: once before the first attempt, once after the last. */
export type DeliveryRecorder = {
  started(delivery: Delivery): void;
  finished(delivery: Delivery): void;
  /** Resolves once this delivery's first row is durable; rejects when it cannot be (it must not be sent). */
  recorded(deliveryId: string): Promise<void>;
};

export type EngineOptions = {
  recorder: DeliveryRecorder;
  pushes: PushHub;
  /** Where a delivery that could not be recorded (and so was not sent) is reported. */
  report: Report;
  /** The app-wide retry behaviour, for hooks that follow it (retryBehaviour null). */
  defaultRetryBehaviour?: () => RetryBehaviour;
  /** Deliveries waiting or in flight, all events together, before a trigger is refused. */
  maxPending?: number;
  /** Timeouts and the stored body cap; tests shorten them. */
  limits?: Partial<WireLimits>;
  http?: HttpDispatcher;
};

/** Hookbench's bound on deliveries waiting or in flight: memory stays bounded whatever is triggered. */
export const MAX_PENDING_DELIVERIES = 10_000;

type Work = { delivery: Delivery; request: PreparedRequest; retries: number };

/** One request of a receiver check: a body built by the check, the signature header replaced (null: left out). */
export type CheckSend = { hook: Hook; event: HookEvent; body: string; headers: { signature?: string | null }; runId: string };
type Send = { hook: Hook; event: HookEvent; body: string; redeliveryOf: string | null };

export function summaryOf(delivery: Delivery): DeliverySummary {
  const { id, kind, hookId, event, createdAt, outcome, status, durationMs, attemptCount, redeliveryOf } = delivery;
  return { id, kind, hookId, event, createdAt, outcome, status, durationMs, attemptCount, redeliveryOf };
}

/**
 * Sends events as Logto does: one signed request per subscribed hook, at most 10 at once per
 * triggered event (separate events never wait for each other), retried by the hook's behaviour,
 * each delivery recorded as one entry with all its attempts.
 */
export class DeliveryEngine {
  readonly #recorder: DeliveryRecorder;
  readonly #pushes: PushHub;
  readonly #report: Report;
  readonly #defaultRetryBehaviour: () => RetryBehaviour;
  readonly #maxPending: number;
  readonly #limits: WireLimits;
  readonly #http: HttpDispatcher;
  #pending = 0;
  /** Long runs waiting for room under the bound, first come first served. */
  readonly #waitingForRoom: Array<{ count: number; go: () => void }> = [];
  readonly #closing = new Cancellation();
  readonly #inFlight = new Set<Promise<unknown>>();
  #closed: Promise<void> | null = null;

  constructor(options: EngineOptions) {
    this.#recorder = options.recorder;
    this.#pushes = options.pushes;
    this.#report = options.report;
    this.#defaultRetryBehaviour = options.defaultRetryBehaviour ?? (() => 'retry-5xx');
    this.#maxPending = options.maxPending ?? MAX_PENDING_DELIVERIES;
    this.#limits = { ...wireLimits, ...options.limits };
    // Node 22's global dispatcher is an Agent with undici's defaults (4 s keep-alive, no connection cap).
    this.#http = options.http ?? new Agent({ keepAliveTimeout: 4_000 });
  }

  /**
   * Delivers one payload to each hook and records each delivery. Resolves once every delivery
   * is recorded as started; `done` settles when they have all finished.
   */
  fanOut(hooks: Hook[], payload: EventPayload): { started: DeliverySummary[]; done: Promise<Delivery[]> } {
    this.#take(hooks.length);
    return this.#send(this.#bodies(hooks, payload));
  }

  /** Sends the exact bytes of earlier deliveries again, signed with each hook's current key, as new linked entries. */
  redeliver(sends: Array<{ hook: Hook; original: Delivery }>): { started: DeliverySummary[]; done: Promise<Delivery[]> } {
    this.#take(sends.length);
    return this.#send(
      sends.map(({ hook, original }) => ({ hook, event: original.event, body: original.request.body, redeliveryOf: original.id })),
    );
  }

  /**
   * `fanOut` for a long trigger run: when the deliveries do not fit under the bound on those waiting
   * or in flight, it waits for room (first come, first served) instead of being refused halfway.
   * Answers null, sending nothing, when `signal` was aborted meanwhile.
   */
  async fanOutWhenRoom(
    hooks: Hook[],
    payload: EventPayload,
    signal?: AbortSignal,
  ): Promise<{ started: DeliverySummary[]; done: Promise<Delivery[]> } | null> {
    const fitsNow = this.#waitingForRoom.length === 0 && this.#pending + hooks.length <= this.#maxPending;
    // #take counts what fits now, and refuses what could never fit; the rest waits its turn.
    if (fitsNow || hooks.length > this.#maxPending) this.#take(hooks.length);
    else await new Promise<void>((go) => this.#waitingForRoom.push({ count: hooks.length, go }));
    // The room is held from here on (counted in #pending), whatever else runs before this line.
    if (signal?.aborted) {
      this.#pending -= hooks.length;
      this.#letWaitingIn();
      return null;
    }
    return this.#send(this.#bodies(hooks, payload));
  }

  /** Counts `count` more deliveries as waiting or in flight; refuses, saying what to do, those that could never fit or do not now. */
  #take(count: number): void {
    if (count > this.#maxPending) {
      throw new UserFacingError(
        'invalid_input',
        `This would send ${count.toLocaleString('en')} deliveries at once, and Hookbench keeps at most ${this.#maxPending.toLocaleString('en')} waiting or in flight; subscribe fewer hooks to this event, or send to some of them at a time.`,
      );
    }
    if (this.#pending + count > this.#maxPending) {
      throw new UserFacingError(
        'invalid_input',
        `Hookbench already has ${this.#pending.toLocaleString('en')} deliveries waiting or in flight, and this would add ${count.toLocaleString('en')} (at most ${this.#maxPending.toLocaleString('en')} in all); wait for them to finish (a receiver that hangs holds each for 10 s), then trigger again.`,
      );
    }
    this.#pending += count;
  }

  /** Sends deliveries already counted in #pending (#take, or a run let in by #letWaitingIn). */
  #send(sends: Send[]) {
    // Logto's p-map: concurrency 10 within this one trigger; other triggers have their own.
    const limiter = new Limiter(LOGTO_FAN_OUT_CONCURRENCY);
    const works = sends.map((send) => this.#begin(send));
    const done = Promise.all(
      works.map((work) =>
        limiter
          .run(() => this.#complete(work, true))
          .finally(() => {
            this.#pending--;
            this.#letWaitingIn();
          }),
      ),
    );
    this.#track(done);
    return { started: works.map(({ delivery }) => summaryOf(delivery)), done };
  }

  /** Logto's "Send test payload": every selected event at once, signed and retried, never recorded. */
  async test(hook: Hook): Promise<TestResult[]> {
    const run = Promise.all(
      hook.events.map(async (event) => {
        const request = prepareRequest(hook, JSON.stringify(logtoTestPayload(hook.id, event)));
        const delivery = this.#newDelivery(hook, event, request);
        const finished = await this.#complete({ delivery, request, retries: hook.config.retries }, false);
        return testResultOf(event, finished);
      }),
    );
    this.#track(run);
    return run;
  }

  /**
   * Receiver checks (core/check): sends a body as given, with the signature header overridden, in
   * one attempt, recorded as kind `check` in its run. Not under a trigger's fan-out limit: a burst is a burst.
   */
  sendCheck({ hook, event, body, headers, runId }: CheckSend): Promise<Delivery> {
    const request = prepareRequest(hook, body, headers.signature);
    const delivery: Delivery = { ...this.#newDelivery(hook, event, request), kind: 'check', runId, retryBehaviour: 'send-once' };
    this.#recorder.started(delivery);
    this.#pushes.emit('delivery.updated', summaryOf(delivery));
    const done = this.#complete({ delivery, request, retries: 0 }, true);
    this.#track(done);
    return done;
  }

  /** Waits, without cancelling anything, until every delivery and test under way has finished. */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  /** Cancels what is in flight (recorded as cancelled) and waits until it is all written. Runs once. */
  close(): Promise<void> {
    this.#closed ??= (async () => {
      this.#closing.cancel();
      await this.settled();
      await this.#http.close();
    })();
    return this.#closed;
  }

  #bodies(hooks: Hook[], payload: EventPayload): Send[] {
    const { hookId: _replaced, ...fields } = payload;
    // Logto appends hookId after the event's own fields; the key order is part of the signed bytes.
    return hooks.map((hook) => ({ hook, event: payload.event, body: JSON.stringify({ ...fields, hookId: hook.id }), redeliveryOf: null }));
  }

  #letWaitingIn(): void {
    for (let first = this.#waitingForRoom[0]; first && this.#pending + first.count <= this.#maxPending; first = this.#waitingForRoom[0]) {
      this.#waitingForRoom.shift();
      // Held at once: the run sends on a later microtask, and nothing may take this room before it.
      this.#pending += first.count;
      first.go();
    }
  }

  #track(work: Promise<unknown>): void {
    this.#inFlight.add(work);
    void work.finally(() => this.#inFlight.delete(work)).catch(() => {});
  }

  #begin({ hook, event, body, redeliveryOf }: Send): Work {
    const request = prepareRequest(hook, body);
    const delivery = this.#newDelivery(hook, event, request, redeliveryOf);
    this.#recorder.started(delivery);
    this.#pushes.emit('delivery.updated', summaryOf(delivery));
    return { delivery, request, retries: hook.config.retries };
  }

  #newDelivery(hook: Hook, event: HookEvent, request: PreparedRequest, redeliveryOf: string | null = null): Delivery {
    const { base: _hops, unsendable: _refused, ...sent } = request;
    const retryBehaviour = hook.retryBehaviour ?? this.#defaultRetryBehaviour();
    return inFlight({ kind: 'delivery', hookId: hook.id, event, request: sent, redeliveryOf, retryBehaviour });
  }

  /** Waits for the delivery's log entry; when the log cannot be written, tells the user instead of sending. */
  async #recorded(delivery: Delivery): Promise<boolean> {
    try {
      await this.#recorder.recorded(delivery.id);
      return true;
    } catch (error) {
      this.#report({
        id: `log-write-${delivery.id}`,
        level: 'error',
        message: `${(error as Error).message}. ${delivery.event} was not sent to its webhook, so nothing goes unrecorded; free disk space or check the data folder, then trigger it again.`,
      });
      return false;
    }
  }

  async #complete({ delivery, request, retries }: Work, record: boolean): Promise<Delivery> {
    const attempts: Attempt[] = [];
    const cancel = this.#closing;
    // Nothing leaves before its log entry is on disk, so a crash can never lose a sent delivery.
    if (record && !(await this.#recorded(delivery))) {
      return { ...delivery, outcome: 'failed', error: 'Not sent: the request log could not be written, and nothing is sent unrecorded.' };
    }
    const behaviour = delivery.retryBehaviour ?? 'retry-5xx';
    for (let number = 1; !cancel.aborted; number++) {
      const attempt = await sendAttempt(request, number, { dispatcher: this.#http, cancel, limits: this.#limits });
      const step = nextStep(behaviour, retries, attempt);
      attempt.retry = step.explanation;
      attempts.push(attempt);
      if (step.waitMs > 0 && !(await pause(step.waitMs, cancel))) break;
      if (!step.retry) break;
    }
    const finished = conclude(delivery, attempts, cancel.aborted);
    if (record) {
      this.#recorder.finished(finished);
      this.#pushes.emit('delivery.updated', summaryOf(finished));
    }
    return finished;
  }
}

function conclude(delivery: Delivery, attempts: Attempt[], cancelled: boolean): Delivery {
  const last = attempts.at(-1);
  const status = last?.status ?? null;
  const succeeded = status !== null && status >= 200 && status < 300 && !last?.error;
  const outcome = succeeded ? 'success' : cancelled ? 'cancelled' : 'failed';
  return {
    ...delivery,
    outcome,
    status,
    attempts,
    attemptCount: attempts.length,
    durationMs: Date.now() - delivery.createdAt,
    error: succeeded ? null : failureMessage(attempts, cancelled),
  };
}

function failureMessage(attempts: Attempt[], cancelled: boolean): string {
  const last = attempts.at(-1);
  if (!last) return cancelled ? 'Cancelled before it was sent because Hookbench was closing.' : 'Not sent.';
  if (last.error) return last.error.message;
  const tries = attempts.length > 1 ? ` after ${attempts.length} attempts` : '';
  const why = last.retry?.startsWith('not retried: ') && !last.retry.endsWith('used up') ? ` (${last.retry})` : '';
  return `The receiver answered ${last.status}${tries}; anything but 2xx counts as a failure${why}.`;
}

function testResultOf(event: HookEvent, delivery: Delivery): TestResult {
  const last = delivery.attempts.at(-1);
  return {
    event,
    ok: delivery.outcome === 'success',
    status: delivery.status,
    body: last?.body ?? null,
    error: delivery.error,
    durationMs: delivery.durationMs ?? 0,
    attemptCount: delivery.attemptCount,
  };
}

/** Waits, unless the app is closing; answers whether to go on. */
function pause(ms: number, cancel: Cancellation): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      unwatch();
      resolve(true);
    }, ms);
    const unwatch = cancel.watch(() => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}
