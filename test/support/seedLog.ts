/**
 * Many finished deliveries written straight into a data folder's request log, through the log's own
 * writer: a fixture for screens and benchmarks that need a long log, not the thing they measure.
 */
import { join } from 'node:path';
import { RequestLog } from '../../electron/core/log/requestLog';
import type { Delivery } from '../../shared/domain';

export type Seeded = Pick<Delivery, 'hookId' | 'event' | 'createdAt' | 'outcome' | 'status'> & { body?: string };

export async function seedLog(dataDir: string, count: number, row: (index: number) => Seeded): Promise<void> {
  const log = new RequestLog(join(dataDir, 'requests.sqlite'), () => {});
  for (let index = 0; index < count; index++) {
    const { body = '{}', ...given } = row(index);
    const delivery: Delivery = {
      id: `seeded-${index}`,
      kind: 'delivery',
      durationMs: 5,
      attemptCount: given.outcome === 'success' ? 1 : 4,
      request: { method: 'POST', url: 'http://localhost:3000/webhooks', headers: { 'content-type': 'application/json' }, body },
      attempts: [],
      error: null,
      redeliveryOf: null,
      retryBehaviour: 'retry-5xx',
      runId: null,
      ...given,
    };
    log.started({ ...delivery, outcome: 'in_flight', status: null, attemptCount: 0 });
    log.finished(delivery);
    if (index % 5_000 === 4_999) await log.flushed();
  }
  await log.flushed();
  log.close();
}
