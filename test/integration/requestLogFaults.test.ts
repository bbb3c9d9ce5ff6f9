import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../shared/domain';
import { openTestCore, type TestCore } from '../support/core';
import { type Receiver, startReceiver } from '../support/receiver';
import { useTempDir } from '../support/tempDir';

const tempDir = useTempDir();
let receiver: Receiver;
let core: TestCore;
afterEach(async () => {
  await core?.dispose();
  await receiver?.close();
});

/** Every row in the log file, read by a second connection as another process would. */
function storedRows(dataDir: string): Array<{ id: string; outcome: string }> {
  const db = new DatabaseSync(join(dataDir, 'requests.sqlite'));
  const rows = db.prepare('SELECT id, outcome FROM deliveries ORDER BY seq').all() as Array<{ id: string; outcome: string }>;
  db.close();
  return rows;
}

function pageCount(dataDir: string): number {
  const db = new DatabaseSync(join(dataDir, 'requests.sqlite'));
  const { page_count: pages } = db.prepare('PRAGMA page_count').get() as { page_count: number };
  db.close();
  return pages;
}

describe('a full disk', () => {
  it('sends nothing unrecorded, even when reads commit first, and says the log cannot be written', async () => {
    receiver = await startReceiver();
    receiver.answer((_request, response) => void setTimeout(() => response.end('ok'), 20));
    const dataDir = tempDir();
    // Create the log once to learn its empty size, then allow it only a few pages more.
    core = openTestCore({ dataDir });
    // More hooks than Logto sends to at once: the last two wait their turn after their rows were queued.
    const hooks = [];
    for (let index = 0; index < 12; index++) {
      hooks.push(await core.call('hooks.create', { name: `Receiver ${index}`, url: receiver.url, events: ['User.Created'] }));
    }
    const hook = hooks[0]!;
    await core.dispose();
    const notices: Notice[] = [];
    core = openTestCore({ dataDir, logLimits: { maxPageCount: pageCount(dataDir) + 6 } });
    core.subscribe((channel, payload) => channel === 'notice' && notices.push(payload as Notice));

    let refused = 0;
    for (let round = 0; round < 100 && refused < 5; round++) {
      await core.envelope('events.trigger', { event: 'User.Created' });
      // Reads that commit what is queued before a waiting delivery's own wait does (issue 11, item 1).
      await Promise.all([
        core.envelope('logs.query', { hookId: hook.id, range: 'all' }),
        core.envelope('health.list', {}),
        core.envelope('settings.get', {}),
      ]);
      await core.settled();
      refused = notices.filter((notice) => notice.id.startsWith('log-write-') && notice.message.includes('was not sent')).length;
    }
    expect(refused).toBeGreaterThanOrEqual(5);
    // Asked for by id (as the command line does once a trigger ends), an unsent delivery says why it has no row.
    const unsent = notices.find((notice) => /^log-write-(?!failed-)/.test(notice.id) && notice.message.includes('was not sent'))!;
    const unsentId = unsent.id.slice('log-write-'.length);
    const asked = await core.envelope('logs.get', { id: unsentId });
    expect(asked).toMatchObject({
      ok: false,
      error: { code: 'storage', message: expect.stringMatching(/database or disk is full.*This delivery was not sent/) },
    });
    const failure = notices.find((notice) => notice.id.startsWith('log-write-failed-'));
    expect(failure?.message).toMatch(/database or disk is full.*free disk space/);

    const rows = storedRows(dataDir);
    expect(receiver.received.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(receiver.received.length);
    // Every request that arrived has its row, and can be found and sent again by its id.
    const sentIds = new Set(rows.map((row) => row.id));
    for (const row of rows) expect((await core.call('logs.get', { id: row.id })).id).toBe(row.id);
    expect(sentIds.size).toBe(rows.length);
  });
});
