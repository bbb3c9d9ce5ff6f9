import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { healthSummaries, hookHealth } from '../../electron/core/log/health';
import { RequestLog } from '../../electron/core/log/requestLog';
import { logsQuerySchema } from '../../shared/validation';
import { FIXTURE_HOOKS, fixtureRow, writeV3Log } from '../support/logFixtures';
import { useTempDir } from '../support/tempDir';

const tempDir = useTempDir();
const TOTAL = 100_000;
const DAY = 24 * 3_600_000;

describe('upgrading a log written by the previous release', () => {
  it('keeps all 100 000 deliveries readable, with the same counts and health', () => {
    const now = Date.now();
    const path = join(tempDir(), 'requests.sqlite');
    writeV3Log(path, TOTAL, now);
    const rows = Array.from({ length: TOTAL }, (_, index) => fixtureRow(index, TOTAL, now));

    const notices: unknown[] = [];
    const log = new RequestLog(path, (notice) => notices.push(notice));
    expect(notices).toEqual([]);

    // Every row, page by page through the same query the app uses, then each one whole.
    for (const hookId of FIXTURE_HOOKS) {
      const expected = rows.filter((row) => row.hookId === hookId);
      const found: string[] = [];
      let cursor: string | undefined;
      do {
        const page = log.query(logsQuerySchema.parse({ hookId, range: 'all', cursor, limit: 500 }), now);
        found.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(found).toEqual(expected.map((row) => row.id).reverse());
      expect(log.countForHook(hookId)).toBe(expected.length);
    }
    const read = rows.map((row) => {
      const delivery = log.get(row.id);
      return [delivery.hookId, delivery.createdAt, delivery.outcome, delivery.request.body];
    });
    expect(read).toEqual(rows.map((row) => [row.hookId, row.createdAt, row.outcome, row.body]));

    const since = now - DAY;
    expect(healthSummaries(log, FIXTURE_HOOKS, now)).toEqual(
      FIXTURE_HOOKS.map((hookId) => {
        const day = rows.filter((row) => row.hookId === hookId && row.createdAt >= since);
        const succeeded = day.filter((row) => row.outcome === 'success').length;
        const newest = rows.filter((row) => row.hookId === hookId).at(-1)!;
        return { hookId, total: day.length, succeeded, successRate: succeeded / day.length, lastDeliveryAt: newest.createdAt };
      }),
    );
    const hourly = hookHealth(log, FIXTURE_HOOKS[3]!, now).hourly;
    const inHours = rows.filter((row) => row.hookId === FIXTURE_HOOKS[3] && row.createdAt >= hourly[0]!.hourStart);
    expect(hourly.reduce((sum, hour) => sum + hour.succeeded + hour.failed, 0)).toBe(inHours.length);
    log.close();

    // The upgraded file gives space back from now on.
    const db = new DatabaseSync(path);
    expect(db.prepare('PRAGMA auto_vacuum').get()).toEqual({ auto_vacuum: 2 });
    db.close();
  }, 120_000);
});
