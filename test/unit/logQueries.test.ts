import { describe, expect, it } from 'vitest';
import { buildLogQuery, SCAN_LIMIT } from '../../electron/core/log/queries';
import { logsQuerySchema } from '../../shared/validation';

const NOW = Date.UTC(2026, 10, 22, 12, 30);
const build = (input: Record<string, unknown>, fts = true) =>
  buildLogQuery(logsQuerySchema.parse({ hookId: 'hook-a', range: 'all', ...input }), NOW, { fts });

describe('the log query builder', () => {
  it('asks for one hook and kind, newest first, one row more than the page', () => {
    const { sql, values, searchMode } = build({ limit: 50 });
    expect(sql).toMatch(/WHERE hook_id IS \? AND kind = \? ORDER BY seq DESC LIMIT \?$/);
    expect(values).toEqual(['hook-a', 'delivery', 51]);
    expect(searchMode).toBeUndefined();
  });

  it('adds each filter with its value, in order', () => {
    const { sql, values } = build({ cursor: '900', outcome: 'failed', event: 'User.Created', status: '4xx', range: '1h' });
    expect(sql).toContain('outcome = ? AND event = ? AND status BETWEEN ? AND ? AND created_at >= ? AND seq < ?');
    expect(values).toEqual(['hook-a', 'delivery', 'failed', 'User.Created', 400, 499, NOW - 3_600_000, 900, 101]);
  });

  it('counts every match on the first page, with the same filters and no cursor, and not on later pages', () => {
    const first = build({ outcome: 'failed', range: '1h' });
    expect(first.count!.sql).toBe(
      'SELECT count(*) AS total FROM deliveries WHERE hook_id IS ? AND kind = ? AND outcome = ? AND created_at >= ?',
    );
    expect(first.count!.values).toEqual(['hook-a', 'delivery', 'failed', NOW - 3_600_000]);
    expect(build({ outcome: 'failed', range: '1h', cursor: '42' }).count).toBeUndefined();
  });

  it('treats "none" as finished without a status, never as in flight', () => {
    expect(build({ status: 'none' }).sql).toContain("status IS NULL AND outcome != 'in_flight'");
  });

  it('searches through the index as one quoted phrase when it exists', () => {
    const { sql, values, searchMode } = build({ text: 'say "hi" 100%' });
    expect(searchMode).toBe('index');
    expect(sql).toContain('delivery_text MATCH ?');
    expect(values).toContain('"say ""hi"" 100%"');
    expect(values).toContain('%say "hi" 100\\%%');
  });

  it('scans a bounded number of the latest rows, and says so, without an index or for terms under three characters', () => {
    for (const { sql, values, searchMode } of [build({ text: 'jane' }, false), build({ text: 'ab' })]) {
      expect(searchMode).toBe('scan');
      expect(sql).not.toContain('MATCH');
      expect(values).toContain(SCAN_LIMIT - 1);
    }
  });
});
