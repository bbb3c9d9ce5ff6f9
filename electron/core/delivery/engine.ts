import { Agent, type Dispatcher as HttpDispatcher } from 'undici';
import type { Attempt, Delivery, DeliverySummary, EventPayload, Hook, TestResult } from '../../../shared/domain';
import type { HookEvent } from '../../../shared/events';
import type { PushHub, Report } from '../notices';
import { logtoTestPayload } from '../payloads/testPayload';
import { newId } from '../util/ids';
import { sendAttempt } from './attempt';
import { Limiter } from './limiter';
import { type PreparedRequest, prepareRequest, SIGNATURE_HEADER } from './request';
import { logtoRetryPolicy, type RetryPolicy } from './retryPolicy';

/** Where deliveries are written: once before the first attempt, once after the last. */
export type DeliveryRecorder = {
  started(delivery: Delivery): void;
  finished(delivery: Delivery): void;
  /** Resolves when what was recorded so far is durable. */
  flushed(): Promise<void>;
};

export type EngineOptions = {
  recorder: DeliveryRecorder;
  pushes: PushHub;
  /** Where a delivery that could not be recorded (and so was not sent) is reported. */
  report: Report;
  policy?: RetryPolicy;
  /** Logto delivers to at most 10 hooks at once. */
  maxInFlight?: number;
  timeoutMs?: number;
  http?: HttpDispatcher;
};

export const LOGTO_MAX_IN_FLIGHT = 10;

/** One request of a receiver check: a body built by the check, the signature header replaced (null: left out). */
export type CheckSend = { hook: Hook; event: HookEvent; body: string; headers: { signature?: string | null }; runId: string };

/** A check judges each answer as it came: one attempt, never retried. */
const sendOncePolicy: RetryPolicy = { maxAttempts: 1, shouldRetry: () => false, delayBefore: () => 0 };

export function summaryOf(delivery: Delivery): DeliverySummary {
  const { id, kind, hookId, event, createdAt, outcome, status, durationMs, attemptCount } = delivery;
  return { id, kind, hookId, event, createdAt, outcome, status, durationMs, attemptCount };
}

/**
 * Sends events as Logto does: one signed request per subscribed hook, retried on 5xx, each
 * delivery recorded as one entry with all its attempts.
 */
export class DeliveryEngine {
  readonly #recorder: DeliveryRecorder;
  readonly #pushes: PushHub;
  readonly #report: Report;
  readonly #policy: RetryPolicy;
  readonly #timeoutMs: number | undefined;
  readonly #http: HttpDispatcher;
  readonly #limiter: Limiter;
  readonly #closing = new AbortController();
  readonly #inFlight = new Set<Promise<unknown>>();
  #closed: Promise<void> | null = null;

  constructor(options: EngineOptions) {
    this.#recorder = options.recorder;
    this.#pushes = options.pushes;
    this.#report = options.report;
    this.#policy = options.policy ?? logtoRetryPolicy;
    this.#timeoutMs = options.timeoutMs;
    this.#http = options.http ?? new Agent({ keepAliveTimeout: 4_000, connections: 256 });
    this.#limiter = new Limiter(options.maxInFlight ?? LOGTO_MAX_IN_FLIGHT);
  }

  /**
   * Delivers one payload to each hook and records each delivery. Resolves once every delivery
   * is recorded as started; `done` settles when they have all finished.
   */
  fanOut(hooks: Hook[], payload: EventPayload): { started: DeliverySummary[]; done: Promise<Delivery[]> } {
    const { hookId: _replaced, ...fields } = payload;
    // Logto appends hookId after the event's own fields; the key order is part of the signed bytes.
    return this.#send(
      hooks.map((hook) => ({ hook, event: payload.event, body: JSON.stringify({ ...fields, hookId: hook.id }), redeliveryOf: null })),
    );
  }

  /** Sends the exact bytes of earlier deliveries again, signed with each hook's current key, as new linked entries. */
  redeliver(sends: Array<{ hook: Hook; original: Delivery }>): { started: DeliverySummary[]; done: Promise<Delivery[]> } {
    return this.#send(
      sends.map(({ hook, original }) => ({ hook, event: original.event, body: original.request.body, redeliveryOf: original.id })),
    );
  }

  #send(sends: Array<{ hook: Hook; event: HookEvent; body: string; redeliveryOf: string | null }>) {
    const deliveries = sends.map((send) => this.#begin(send));
    const done = Promise.all(deliveries.map(({ delivery, request }) => this.#limiter.run(() => this.#complete(delivery, request, true))));
    this.#track(done);
    return { started: deliveries.map(({ delivery }) => summaryOf(delivery)), done };
  }

  /** Logto's "Send test payload": every selected event at once, signed and retried, never recorded. */
  async test(hook: Hook): Promise<TestResult[]> {
    const run = Promise.all(
      hook.events.map(async (event) => {
        const request = prepareRequest(hook, JSON.stringify(logtoTestPayload(hook.id, event)));
        const delivery = this.#newDelivery(hook, event, request);
        const finished = await this.#complete(delivery, request, false);
        return testResultOf(event, finished);
      }),
    );
    this.#track(run);
    return run;
  }

  /**
   * Receiver checks (core/check): sends a body as given, with the signature header overridden, in
   * one attempt, recorded as kind `check` in its run. Bypasses the fan-out limit: a burst is a burst.
   */
  sendCheck({ hook, event, body, headers, runId }: CheckSend): Promise<Delivery> {
    const request = withSignature(prepareRequest(hook, body), headers.signature);
    const delivery: Delivery = { ...this.#newDelivery(hook, event, request), kind: 'check', runId, retryBehaviour: 'send-once' };
    this.#recorder.started(delivery);
    this.#pushes.emit('delivery.updated', summaryOf(delivery));
    const done = this.#complete(delivery, request, true, sendOncePolicy);
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
      this.#closing.abort();
      await this.settled();
      await this.#http.close();
    })();
    return this.#closed;
  }

  #track(work: Promise<unknown>): void {
    this.#inFlight.add(work);
    void work.finally(() => this.#inFlight.delete(work)).catch(() => {});
  }

  #begin({ hook, event, body, redeliveryOf }: { hook: Hook; event: HookEvent; body: string; redeliveryOf: string | null }) {
    const request = prepareRequest(hook, body);
    const delivery = this.#newDelivery(hook, event, request, redeliveryOf);
    this.#recorder.started(delivery);
    this.#pushes.emit('delivery.updated', summaryOf(delivery));
    return { delivery, request };
  }

  #newDelivery(hook: Hook, event: HookEvent, request: PreparedRequest, redeliveryOf: string | null = null): Delivery {
    const { ownHeaders: _internal, ...sent } = request;
    return {
      id: newId(),
      kind: 'delivery',
      hookId: hook.id,
      event,
      createdAt: Date.now(),
      outcome: 'in_flight',
      status: null,
      durationMs: null,
      attemptCount: 0,
      request: sent,
      attempts: [],
      error: null,
      redeliveryOf,
      retryBehaviour: 'retry-5xx',
      runId: null,
    };
  }

  /** Waits for the delivery's log entry; when the log cannot be written, tells the user instead of sending. */
  async #recorded(delivery: Delivery): Promise<boolean> {
    try {
      await this.#recorder.flushed();
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

  async #complete(delivery: Delivery, request: PreparedRequest, record: boolean, policy = this.#policy): Promise<Delivery> {
    const attempts: Attempt[] = [];
    const cancel = this.#closing.signal;
    // Nothing leaves before its log entry is on disk, so a crash can never lose a sent delivery.
    if (record && !(await this.#recorded(delivery))) {
      return { ...delivery, outcome: 'failed', error: 'Not sent: the request log could not be written, and nothing is sent unrecorded.' };
    }
    for (let number = 1; number <= policy.maxAttempts && !cancel.aborted; number++) {
      if (number > 1 && !(await pause(policy.delayBefore(number), cancel))) break;
      const attempt = await sendAttempt(request, number, { dispatcher: this.#http, cancel, timeoutMs: this.#timeoutMs });
      attempts.push(attempt);
      if (!policy.shouldRetry(attempt)) break;
    }
    const finished = conclude(delivery, attempts, cancel.aborted);
    if (record) {
      this.#recorder.finished(finished);
      this.#pushes.emit('delivery.updated', summaryOf(finished));
    }
    return finished;
  }
}

function withSignature(request: PreparedRequest, signature: string | null | undefined): PreparedRequest {
  if (signature === undefined) return request;
  const headers = { ...request.headers };
  const ownHeaders = { ...request.ownHeaders };
  delete headers[SIGNATURE_HEADER];
  delete ownHeaders[SIGNATURE_HEADER];
  if (signature !== null) {
    headers[SIGNATURE_HEADER] = signature;
    ownHeaders[SIGNATURE_HEADER] = signature;
  }
  return { ...request, headers, ownHeaders };
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
  const retried = last.status !== null && last.status >= 500 ? '' : ' (not retried: Logto retries only 5xx)';
  return `The receiver answered ${last.status}${tries}${retried}; anything but 2xx counts as a failure.`;
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
function pause(ms: number, cancel: AbortSignal): Promise<boolean> {
  if (cancel.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      cancel.removeEventListener('abort', stop);
      resolve(true);
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      resolve(false);
    };
    cancel.addEventListener('abort', stop, { once: true });
  });
}
