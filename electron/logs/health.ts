import type { Health, HealthSummary, HourlyCount } from '../../shared/domain';
import type { RequestLog } from './requestLog';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Requests and success rate over the last 24 h for every hook, in one query. Deliveries still in flight do not count yet. */
export function healthSummaries(log: RequestLog, hookIds: readonly string[], now = Date.now()): HealthSummary[] {
  const rows = log.all<{ hook_id: string; total: number; succeeded: number }>(
    `SELECT hook_id, count(*) AS total, sum(outcome = 'success') AS succeeded
     FROM deliveries WHERE created_at >= ? AND outcome != 'in_flight' GROUP BY hook_id`,
    now - DAY,
  );
  const byHook = new Map(rows.map((row) => [row.hook_id, row]));
  return hookIds.map((hookId) => summary(hookId, byHook.get(hookId)?.total ?? 0, byHook.get(hookId)?.succeeded ?? 0));
}

/** One hook's 24 h figures with a count per hour: the current hour and the 23 before it, oldest first. */
export function hookHealth(log: RequestLog, hookId: string, now = Date.now()): Health {
  const currentHour = Math.floor(now / HOUR) * HOUR;
  const firstHour = currentHour - 23 * HOUR;
  const rows = log.all<{ hour: number; succeeded: number; failed: number }>(
    `SELECT (created_at / ${HOUR}) * ${HOUR} AS hour, sum(outcome = 'success') AS succeeded, sum(outcome != 'success') AS failed
     FROM deliveries WHERE hook_id = ? AND created_at >= ? AND outcome != 'in_flight' GROUP BY hour`,
    hookId,
    firstHour,
  );
  const byHour = new Map(rows.map((row) => [row.hour, row]));
  const hourly: HourlyCount[] = Array.from({ length: 24 }, (_, index) => {
    const hourStart = firstHour + index * HOUR;
    const row = byHour.get(hourStart);
    return { hourStart, succeeded: row?.succeeded ?? 0, failed: row?.failed ?? 0 };
  });
  const [figures] = healthSummaries(log, [hookId], now);
  return { ...figures!, hourly };
}

function summary(hookId: string, total: number, succeeded: number): HealthSummary {
  return { hookId, total, succeeded, successRate: total === 0 ? null : succeeded / total };
}
