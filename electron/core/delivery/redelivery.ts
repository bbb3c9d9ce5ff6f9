/**
 * Bulk redelivery as runs: a hook's unsuccessful deliveries sent again through the engine's
 * redeliver, at most `perSecond` a second, each run reporting progress (`redelivery.progress`)
 * and cancellable. A receiver that just came back up is not flooded with a day of failures at once.
 */
import type { Delivery, Hook } from '../../../shared/domain';
import type { PushHub } from '../notices';
import { newId } from '../util/ids';
import type { DeliveryEngine } from './engine';

type Run = { cancelled: boolean; wake: () => void; finished: Promise<void> };

export class RedeliveryRuns {
  readonly #engine: DeliveryEngine;
  readonly #pushes: PushHub;
  readonly #runs = new Map<string, Run>();

  constructor(engine: DeliveryEngine, pushes: PushHub) {
    this.#engine = engine;
    this.#pushes = pushes;
  }

  /** Starts sending `ids` again (read from the log as each goes, so a long run holds no bodies); answers the run id at once. */
  start(hook: Hook, ids: string[], original: (id: string) => Delivery, perSecond: number): string {
    const runId = newId();
    const run: Run = { cancelled: false, wake: () => {}, finished: Promise.resolve() };
    this.#runs.set(runId, run);
    const progress = (sent: number, done: boolean) =>
      this.#pushes.emit('redelivery.progress', { runId, sent, total: ids.length, done, cancelled: run.cancelled });
    run.finished = (async () => {
      const began = Date.now();
      let sent = 0;
      for (const [index, id] of ids.entries()) {
        // Paced against the start, so a slow send does not slow the whole run down further.
        await this.#until(run, began + (index * 1000) / perSecond);
        if (run.cancelled) break;
        try {
          this.#engine.redeliver([{ hook, original: original(id) }]);
          sent++;
        } catch {
          // The row went meanwhile (retention, removal): nothing to send for it.
        }
        progress(sent, false);
      }
      this.#runs.delete(runId);
      progress(sent, true);
    })();
    return runId;
  }

  /** Stops a run before its next send; answers whether it was still running. */
  cancel(runId: string): boolean {
    const run = this.#runs.get(runId);
    if (!run) return false;
    run.cancelled = true;
    run.wake();
    return true;
  }

  /** Resolves once every run has sent (or stopped). */
  async settled(): Promise<void> {
    await Promise.all([...this.#runs.values()].map((run) => run.finished));
  }

  /** Cancels every run (the core is closing). */
  async close(): Promise<void> {
    for (const runId of [...this.#runs.keys()]) this.cancel(runId);
    await this.settled();
  }

  #until(run: Run, at: number): Promise<void> {
    const wait = at - Date.now();
    if (wait <= 0 || run.cancelled) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, wait);
      run.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
