import type { SQLInputValue } from 'node:sqlite';

/**
 * Group commit: writes queued during one turn of the event loop are committed together, in one
 * transaction, instead of one transaction each. Two rules hold, and are tested:
 *
 * 1. A row is durable before its request leaves. `durable(ticket)` resolves only once the write
 *    with that ticket is committed; the delivery engine waits for it before the first attempt.
 *    A write never leaves the queue uncommitted: when a commit fails, its writes stay queued, in
 *    order, and go again with the next commit (or a retry a few seconds later), so a read that
 *    commits first and fails cannot make a later wait find an empty queue and say "durable".
 * 2. A failed commit fails exactly the deliveries waiting on it. Each write that did not commit
 *    rejects the waits that cover it, with the storage error; waits whose writes did commit
 *    resolve. A write marked `dropWhenRefused` (a delivery's first row) is dropped once the wait
 *    on that very write (`durable(ticket)`) was refused: its delivery was not sent, so its row must
 *    not appear later. Every other write (a finished delivery's outcome) is kept until it commits.
 */
export type Write = { sql: string; values: SQLInputValue[]; dropWhenRefused?: boolean };

/**
 * Runs the writes in one transaction, in order. Answers, per write, the error that kept it from
 * committing (undefined when it committed). Throwing means none of them committed.
 */
export type Commit = (writes: readonly Write[]) => Array<Error | undefined>;

type Queued = Write & { ticket: number };
type Waiter = { ticket: number; through: boolean; resolve: () => void; reject: (error: Error) => void };

const RETRY_MS = 5_000;

export class WriteQueue {
  readonly #commit: Commit;
  readonly #onFailure: (error: Error, waiting: number) => void;
  #pending: Queued[] = [];
  #waiters: Waiter[] = [];
  #nextTicket = 1;
  #scheduled = false;
  #retry: NodeJS.Timeout | null = null;

  /** `onFailure` hears every failed commit, with how many writes are still waiting to be saved. */
  constructor(commit: Commit, onFailure: (error: Error, waiting: number) => void) {
    this.#commit = commit;
    this.#onFailure = onFailure;
  }

  /** Queues a write for the next commit; answers its ticket. */
  push(write: Write): number {
    const ticket = this.#nextTicket++;
    this.#pending.push({ ...write, ticket });
    this.#schedule();
    return ticket;
  }

  /** The ticket of the last write queued so far (0 before any). */
  get lastTicket(): number {
    return this.#nextTicket - 1;
  }

  /** Writes not yet committed. */
  get waiting(): number {
    return this.#pending.length;
  }

  /** Resolves once the write with this ticket is committed; rejects when a commit carrying it fails. */
  durable(ticket: number): Promise<void> {
    return this.#wait(ticket, false);
  }

  /** Resolves once every write up to this ticket is committed; rejects when a commit carrying one of them fails. */
  durableThrough(ticket = this.lastTicket): Promise<void> {
    return this.#wait(ticket, true);
  }

  /** Commits what is queued now. Throws the storage error when some of it could not be committed. */
  flush(): void {
    if (this.#pending.length === 0) return;
    const batch = this.#pending;
    this.#pending = [];
    let errors: Array<Error | undefined>;
    try {
      errors = this.#commit(batch);
    } catch (error) {
      errors = batch.map(() => error as Error);
    }
    const failed = batch.filter((_, index) => errors[index]);
    const firstError = errors.find(Boolean);
    const refused = new Set<number>();
    for (const waiter of [...this.#waiters]) {
      const blocking = failed.find((write) => (waiter.through ? write.ticket <= waiter.ticket : write.ticket === waiter.ticket));
      if (blocking) {
        if (!waiter.through) refused.add(blocking.ticket);
        this.#settle(waiter, errors[batch.indexOf(blocking)]);
      } else if (!this.#pendingCovers(waiter) && waiter.ticket <= batch.at(-1)!.ticket) {
        this.#settle(waiter, undefined);
      }
    }
    const kept = failed.filter((write) => !(write.dropWhenRefused && refused.has(write.ticket)));
    this.#pending = [...kept, ...this.#pending];
    if (!firstError) return;
    this.#onFailure(firstError, this.#pending.length);
    this.#scheduleRetry();
    throw firstError;
  }

  /** Stops the retry timer; what is still queued stays queued. */
  stop(): void {
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
  }

  #wait(ticket: number, through: boolean): Promise<void> {
    const waiter = { ticket, through } as Waiter;
    const promise = new Promise<void>((resolve, reject) => Object.assign(waiter, { resolve, reject }));
    if (this.#pendingCovers(waiter)) {
      this.#waiters.push(waiter);
      this.#schedule();
    } else {
      waiter.resolve();
    }
    return promise;
  }

  #pendingCovers({ ticket, through }: Pick<Waiter, 'ticket' | 'through'>): boolean {
    return this.#pending.some((write) => (through ? write.ticket <= ticket : write.ticket === ticket));
  }

  #settle(waiter: Waiter, error: Error | undefined): void {
    this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
    if (error) waiter.reject(error);
    else waiter.resolve();
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      try {
        this.flush();
      } catch {
        // Already told: each wait covering a failed write was rejected, and onFailure heard it.
      }
    });
  }

  /** Writes kept after a failure (a finished delivery's outcome) are tried again even if nothing else is written. */
  #scheduleRetry(): void {
    if (this.#retry || this.#pending.length === 0) return;
    this.#retry = setTimeout(() => {
      this.#retry = null;
      this.#schedule();
    }, RETRY_MS);
    this.#retry.unref();
  }
}
