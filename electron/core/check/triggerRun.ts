/**
 * Chaos and load sends: an event triggered `repeat` times through the engine (so every delivery
 * is signed, retried and logged like any other), optionally each twice with the same bytes
 * (duplicate), in shuffled order, and paced at a rate. Figures are reported as it goes.

 */
import type { TriggerRunProgress } from '../../../shared/check';
import type { Delivery, EventPayload, Hook } from '../../../shared/domain';
import type { DeliveryEngine } from '../delivery/engine';
import { newId } from '../util/ids';
import { latency } from './judge';

export type TriggerRunOptions = {
  hooks: Hook[];
  payload: () => EventPayload;
  repeat: number;
  /** Deliveries per second to start; undefined sends everything at once. */
  ratePerSecond?: number;
  duplicate: boolean;
  shuffle: boolean;
  onProgress?: (progress: TriggerRunProgress) => void;
  /** How often progress is reported while the run goes. */
  progressEveryMs?: number;
};

type Fan = Pick<DeliveryEngine, 'fanOut'>;

export async function triggerRun(engine: Fan, options: TriggerRunOptions): Promise<TriggerRunProgress> {
  const runId = newId();
  const payloads = Array.from({ length: options.repeat }, () => options.payload());
  const sends = options.duplicate ? payloads.flatMap((payload) => [payload, payload]) : payloads;
  if (options.shuffle) shuffleInPlace(sends);
  const planned = sends.length * options.hooks.length;
  const finished: Delivery[] = [];
  const pending: Array<Promise<unknown>> = [];
  let started = 0;
  const begun = performance.now();
  let lastFinish = begun;

  const progress = (done: boolean): TriggerRunProgress => {
    const failed = finished.filter((delivery) => delivery.outcome !== 'success').length;
    const span = (done ? lastFinish : performance.now()) - begun;
    return {
      runId,
      planned,
      started,
      finished: finished.length,
      failed,
      errorRate: finished.length === 0 ? 0 : failed / finished.length,
      latency: latency(finished.map((delivery) => delivery.attempts.at(-1)?.durationMs ?? delivery.durationMs ?? 0)),
      requestedRate: options.ratePerSecond ?? null,
      achievedRate: span > 0 ? Math.round((finished.length / span) * 1000 * 10) / 10 : 0,
      elapsedMs: Math.round(performance.now() - begun),
      done,
    };
  };
  const ticker = setInterval(() => options.onProgress?.(progress(false)), options.progressEveryMs ?? 500);

  const send = (payload: EventPayload) => {
    const { started: summaries, done } = engine.fanOut(options.hooks, payload);
    started += summaries.length;
    pending.push(
      done.then((deliveries) => {
        finished.push(...deliveries);
        lastFinish = performance.now();
      }),
    );
  };

  try {
    const rate = options.ratePerSecond;
    if (!rate) for (const payload of sends) send(payload);
    else {
      // Each send has its due time; every wake-up sends all that are due, so timer granularity costs
      // no rate. Waiting is always a timer, never a loop: the answers to what was sent arrive on
      // this same thread, and a loop polling the clock would hold them back.
      let next = 0;
      while (next < sends.length) {
        const wait = begun + (next / rate) * 1000 - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const now = performance.now();
        while (next < sends.length && begun + (next / rate) * 1000 <= now) send(sends[next++]!);
      }
    }
    await Promise.all(pending);
  } finally {
    clearInterval(ticker);
  }
  const last = progress(true);
  options.onProgress?.(last);
  return last;
}

function shuffleInPlace<T>(items: T[]): void {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(Math.random() * (index + 1));
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
}
