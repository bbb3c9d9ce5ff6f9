import type { Delivery } from '../../../shared/domain';
import { newLogId } from '../util/ids';

type Given = Pick<Delivery, 'kind' | 'hookId' | 'event' | 'request' | 'retryBehaviour'> & Partial<Pick<Delivery, 'redeliveryOf' | 'runId'>>;

/** A log row as it is recorded before anything is sent or forwarded: in flight, no attempts yet. */
export function inFlight(given: Given): Delivery {
  return {
    id: newLogId(),
    createdAt: Date.now(),
    outcome: 'in_flight',
    status: null,
    durationMs: null,
    attemptCount: 0,
    attempts: [],
    error: null,
    redeliveryOf: null,
    runId: null,
    ...given,
  };
}
