import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { RETENTION_DAYS_DEFAULT } from '../../../shared/validation';
import type { Report } from '../notices';
import type { RequestLog } from './requestLog';

const DAY = 24 * 3_600_000;
const HOUR = 3_600_000;
/** Small batches with a yield between them keep main responsive while old rows go. */
const BATCH = 2_000;
/** Pages (4 KiB each) given back to the file system per step, a yield between steps. */
const VACUUM_STEP = 512;
const SETTING = 'retentionDays';

/**
 * Removes deliveries older than the user's chosen number of days, at start and every hour, then
 * gives the freed space back to the file system a step at a time (incremental vacuum), so the
 * file shrinks. It runs on timers, never inside a delivery's wait. Which rows are old enough,
 * including rows dated in the future, is the log's rule (`removeDecided`).
 */
export class Retention {
  readonly #log: RequestLog;
  readonly #report: Report;
  readonly #timers: NodeJS.Timeout[] = [];
  #running: Promise<number> | null = null;

  constructor(log: RequestLog, report: Report) {
    this.#log = log;
    this.#report = report;
  }

  get days(): number {
    const stored = Number(this.#log.getSetting(SETTING));
    return Number.isInteger(stored) && stored > 0 ? stored : RETENTION_DAYS_DEFAULT;
  }

  set days(days: number) {
    this.#log.setSetting(SETTING, String(days));
  }

  start(): void {
    // A failed sweep is told as a notice, once per cause: the next one tries again.
    const sweep = () =>
      void this.apply().catch((error: Error) =>
        this.#report({
          id: `retention-failed-${error.message}`,
          level: 'warning',
          message: `Old deliveries could not be removed from the request log: ${error.message} Nothing else is affected; it is tried again every hour.`,
        }),
      );
    this.#timers.push(setTimeout(sweep, 0), setInterval(sweep, HOUR));
    for (const timer of this.#timers) timer.unref();
  }

  stop(): void {
    for (const timer of this.#timers.splice(0)) clearTimeout(timer);
  }

  /** Answers how many deliveries were removed. Runs once at a time. */
  apply(now = Date.now()): Promise<number> {
    this.#running ??= (async () => this.#sweep(now - this.days * DAY, now))().finally(() => (this.#running = null));
    return this.#running;
  }

  async #sweep(before: number, now: number): Promise<number> {
    let removed = 0;
    for (;;) {
      if (!this.#log.isOpen) return removed;
      const changes = this.#log.removeDecided(before, now, BATCH);
      removed += changes;
      if (changes < BATCH) break;
      await yieldToEvents();
    }
    if (removed > 0) await this.#shrink();
    return removed;
  }

  async #shrink(): Promise<void> {
    while (this.#log.isOpen && this.#log.reclaimSpace(VACUUM_STEP) > 0) await yieldToEvents();
  }
}
