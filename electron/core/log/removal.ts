import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { RequestLog } from './requestLog';

/** Rows per transaction, with a yield between, so main stays responsive through 100 000 of them. */
const BATCH = 2_000;

/** Deletes a removed hook's deliveries (all but any still in flight); answers how many went. */
export async function removeDeliveries(log: RequestLog, hookId: string): Promise<number> {
  let removed = 0;
  for (;;) {
    const changes = log.removeForHook(hookId, BATCH);
    removed += changes;
    if (changes < BATCH) return removed;
    await yieldToEvents();
  }
}
