import type { RequestLog } from './requestLog';

/** Often enough that another process's writes show within a second; one cheap pragma a poll. */
const POLL_MS = 1_000;

/**
 * Tells listeners when another process (the command line, a second window) committed to the log,
 * by polling SQLite's `PRAGMA data_version`, which changes only for other connections' commits.
 * Polls only while someone listens: `listening()` returns the way to stop listening.
 */
export class ChangeWatch {
  readonly #log: RequestLog;
  readonly #onChange: () => void;
  #listeners = 0;
  #timer: NodeJS.Timeout | null = null;

  constructor(log: RequestLog, onChange: () => void) {
    this.#log = log;
    this.#onChange = onChange;
  }

  listening(): () => void {
    if (this.#listeners++ === 0) {
      this.#log.changes(); // what happened while nobody listened is not news
      this.#timer = setInterval(() => {
        if (this.#log.isOpen && this.#log.changes()) this.#onChange();
      }, POLL_MS);
      this.#timer.unref();
    }
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      if (--this.#listeners === 0) this.stop();
    };
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }
}
