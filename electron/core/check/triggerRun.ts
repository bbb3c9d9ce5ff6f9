/**
 * Chaos and load sends: an event triggered `repeat` times through the engine (so every delivery
 * is signed, retried and logged like any other), optionally each twice with the same bytes
 * (duplicate), in shuffled order, and paced at a rate. Figures are reported as it goes, first at
 * once (so a caller learns the run's id before anything is sent), and a paced run can be stopped.
 */
import type { TriggerRunProgress } from '../../../shared/check';
import type { Delivery, EventPayload, Hook } from '../../../shared/domain';
import type { DeliveryEngine } from '../delivery/engine';
import type { PushHub } from '../notices';
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
  runId?: string;
  /** Aborting stops further sends; those started finish and are counted. */
  signal?: AbortSignal;
};

type Fan = Pick<DeliveryEngine, 'fanOutWhenRoom'>;

export async function triggerRun(engine: Fan, options: TriggerRunOptions): Promise<TriggerRunProgress> {
  const runId = options.runId ?? newId();
  const signal = options.signal;
  const payloads = Array.from({ length: options.repeat }, () => options.payload());
  const sends = options.duplicate ? payloads.flatMap((payload) => [payload, payload]) : payloads;
  if (options.shuffle) shuffleInPlace(sends);
  const planned = sends.length * options.hooks.length;
  const finished: Delivery[] = [];
  const pending: Array<Promise<unknown>> = [];
  let started = 0;
  const begun = performance.now();
  let lastFinish = begun;

  // A paced run sends its last event one interval before the run's time is up: n sends span n - 1
  // intervals. Each send is given its own interval, so the achieved rate of an on-time run is the
  // rate asked, not above it; a run sent all at once has no interval to add.
  const interval = options.ratePerSecond ? (options.hooks.length / options.ratePerSecond) * 1000 : 0;
  const progress = (done: boolean): TriggerRunProgress => {
    const failed = finished.filter((delivery) => delivery.outcome !== 'success').length;
    const span = (done ? lastFinish : performance.now()) - begun + interval;
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
      stopped: signal?.aborted === true && started < planned,
    };
  };
  options.onProgress?.(progress(false));
  const ticker = setInterval(() => options.onProgress?.(progress(false)), options.progressEveryMs ?? 500);

  // Past the engine's bound on deliveries waiting or in flight, a send waits for room.
  const send = async (payload: EventPayload) => {
    const sent = await engine.fanOutWhenRoom(options.hooks, payload, signal);
    if (!sent) return;
    const { started: summaries, done } = sent;
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
    if (!rate) {
      for (const payload of sends) {
        if (signal?.aborted) break;
        await send(payload);
      }
    } else {
      // The rate is of deliveries, as the log and the achieved rate count them: each send starts one per hook.
      // Each send has its due time; every wake-up sends all that are due, so timer granularity costs
      // no rate. Waiting is always a timer, never a loop: the answers to what was sent arrive on
      // this same thread, and a loop polling the clock would hold them back.
      const dueAt = (index: number) => begun + ((index * options.hooks.length) / rate) * 1000;
      let next = 0;
      while (next < sends.length && !signal?.aborted) {
        const wait = dueAt(next) - performance.now();
        if (wait > 0) await sleep(wait, signal);
        if (signal?.aborted) break;
        const now = performance.now();
        while (next < sends.length && dueAt(next) <= now && !signal?.aborted) await send(sends[next++]!);
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

/** Waits `ms`, or less when the signal aborts meanwhile. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', wake);
      resolve();
    }, ms);
    signal?.addEventListener('abort', wake, { once: true });
  });
}

function shuffleInPlace<T>(items: T[]): void {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(Math.random() * (index + 1));
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
}

type RunOptions = Omit<TriggerRunOptions, 'onProgress' | 'runId' | 'signal'>;

/** The trigger runs going now, by id, so one can be stopped (events.stopRun) and all are stopped when the core closes. */
export class TriggerRuns {
  readonly #engine: Fan;
  readonly #pushes: Pick<PushHub, 'emit'>;
  readonly #running = new Map<string, AbortController>();

  constructor(engine: Fan, pushes: Pick<PushHub, 'emit'>) {
    this.#engine = engine;
    this.#pushes = pushes;
  }

  /** Runs to the end (or until stopped), pushing `triggerRun.progress`; answers the last figures. */
  run(options: RunOptions): Promise<TriggerRunProgress> {
    const runId = newId();
    const stop = new AbortController();
    const onProgress = (progress: TriggerRunProgress) => this.#pushes.emit('triggerRun.progress', progress);
    const finished = triggerRun(this.#engine, { ...options, runId, signal: stop.signal, onProgress }).finally(() =>
      this.#running.delete(runId),
    );
    this.#running.set(runId, stop);
    return finished;
  }

  /** Answers whether the run was still going. */
  stop(runId: string): boolean {
    const run = this.#running.get(runId);
    run?.abort();
    return run !== undefined;
  }

  /** Stops every run from sending more (the core is closing; the engine then ends what they started). */
  stopAll(): void {
    for (const run of this.#running.values()) run.abort();
  }
}
