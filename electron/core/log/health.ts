import type { Health, HealthSummary, HourlyCount } from '../../../shared/domain';
import type { RequestLog } from './requestLog';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Requests and success rate over exactly the last 24 h for every hook. Whole hours come from
 * the hourly counts; only the oldest, partial hour is counted from the deliveries themselves.
 * Deliveries still in flight do not count yet.
 */
export function healthSummaries(log: RequestLog, hookIds: readonly string[], now = Date.now()): HealthSummary[] {
  const since = now - DAY;
  const firstWholeHour = Math.ceil(since / HOUR) * HOUR;
  const buckets = log.countsSinceHour(firstWholeHour);
  const edge = log.countsBetween(since, firstWholeHour);
  const totals = new Map<string, { succeeded: number; failed: number }>();
  for (const row of [...buckets, ...edge]) {
    const sum = totals.get(row.hook_id) ?? { succeeded: 0, failed: 0 };
    sum.succeeded += row.succeeded;
    sum.failed += row.failed;
    totals.set(row.hook_id, sum);
  }
  return hookIds.map((hookId) => {
    const { succeeded, failed } = totals.get(hookId) ?? { succeeded: 0, failed: 0 };
    const total = succeeded + failed;
    return { hookId, total, succeeded, successRate: total === 0 ? null : succeeded / total, lastDeliveryAt: log.lastDeliveryAt(hookId) };
  });
}

/** One hook's 24 h figures with a count per hour: the current hour and the 23 before it, oldest first. */
export function hookHealth(log: RequestLog, hookId: string, now = Date.now()): Health {
  const firstHour = Math.floor(now / HOUR) * HOUR - 23 * HOUR;
  const rows = log.hourlyCounts(hookId, firstHour);
  const byHour = new Map(rows.map((row) => [row.hour, row]));
  const hourly: HourlyCount[] = Array.from({ length: 24 }, (_, index) => {
    const hourStart = firstHour + index * HOUR;
    const row = byHour.get(hourStart);
    return { hourStart, succeeded: row?.succeeded ?? 0, failed: row?.failed ?? 0 };
  });
  const [figures] = healthSummaries(log, [hookId], now);
  return { ...figures!, hourly };
}
