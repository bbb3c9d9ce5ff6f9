import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { RETENTION_DAYS_DEFAULT } from '../../../shared/validation';
import type { RequestLog } from './requestLog';

const DAY = 24 * 3_600_000;
const HOUR = 3_600_000;
/** Small batches with a yield between them keep main responsive while old rows go. */
const BATCH = 2_000;
const SETTING = 'retentionDays';

/** Removes deliveries older than the user's chosen number of days: at start and every hour. */
export class Retention {
  readonly #log: RequestLog;
  readonly #timers: NodeJS.Timeout[] = [];
  #running: Promise<number> | null = null;

  constructor(log: RequestLog) {
    this.#log = log;
  }

  get days(): number {
    const stored = Number(this.#log.getSetting(SETTING));
    return Number.isInteger(stored) && stored > 0 ? stored : RETENTION_DAYS_DEFAULT;
  }

  set days(days: number) {
    this.#log.setSetting(SETTING, String(days));
  }

  start(): void {
    const sweep = () => void this.apply().catch((error) => console.error('[hookbench] retention failed', error));
    this.#timers.push(setTimeout(sweep, 0), setInterval(sweep, HOUR));
    for (const timer of this.#timers) timer.unref();
  }

  stop(): void {
    for (const timer of this.#timers.splice(0)) clearTimeout(timer);
  }

  /** Answers how many deliveries were removed. Runs once at a time. */
  apply(now = Date.now()): Promise<number> {
    this.#running ??= (async () => this.#sweep(now - this.days * DAY))().finally(() => (this.#running = null));
    return this.#running;
  }

  async #sweep(before: number): Promise<number> {
    let removed = 0;
    for (;;) {
      if (!this.#log.db.isOpen) return removed;
      const changes = this.#log.run(
        `DELETE FROM deliveries WHERE seq IN (
           SELECT seq FROM deliveries WHERE created_at < ? AND outcome != 'in_flight' LIMIT ${BATCH})`,
        before,
      );
      removed += changes;
      if (changes < BATCH) return removed;
      await yieldToEvents();
    }
  }
}
