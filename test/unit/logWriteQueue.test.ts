import { describe, expect, it } from 'vitest';
import { type Write, WriteQueue } from '../../electron/core/log/writeQueue';

/** A queue over a pretend store: `full` makes every write fail, as a full disk does. */
function queue() {
  const stored: string[] = [];
  const failures: number[] = [];
  const store = { full: false, stored, failures };
  const writes = new WriteQueue(
    (batch: readonly Write[]) =>
      batch.map((write) => {
        if (store.full) return new Error('database or disk is full');
        stored.push(write.sql);
        return undefined;
      }),
    (_error, waiting) => failures.push(waiting),
  );
  return { writes, store };
}

const write = (sql: string, dropWhenRefused = false): Write => ({ sql, values: [], dropWhenRefused });

describe('the write queue', () => {
  it('commits everything queued in one turn together, and a wait resolves only once its row is stored', async () => {
    const { writes, store } = queue();
    const ticket = writes.push(write('insert a'));
    writes.push(write('insert b'));
    expect(store.stored).toEqual([]);
    await writes.durable(ticket);
    expect(store.stored).toEqual(['insert a', 'insert b']);
  });

  it('a row is durable before its request leaves: a read that commits first and fails does not empty the queue', async () => {
    const { writes, store } = queue();
    store.full = true;
    const ticket = writes.push(write('insert a', true));
    expect(() => writes.flush()).toThrow('database or disk is full');
    // The delivery's own wait comes after the failed read; it must not find "nothing to wait for".
    await expect(writes.durable(ticket)).rejects.toThrow('database or disk is full');
    expect(store.stored).toEqual([]);
  });

  it('a failed commit fails exactly the deliveries waiting on it', async () => {
    const { writes, store } = queue();
    const committed = writes.push(write('insert a', true));
    await writes.durable(committed);
    store.full = true;
    const refused = writes.push(write('insert b', true));
    const [early, late] = await Promise.allSettled([writes.durable(committed), writes.durable(refused)]);
    expect(early.status).toBe('fulfilled');
    expect(late).toMatchObject({ status: 'rejected', reason: new Error('database or disk is full') });
    // The refused delivery was not sent, so its row is dropped rather than written later.
    store.full = false;
    writes.flush();
    expect(store.stored).toEqual(['insert a']);
  });

  it('keeps a finished delivery’s update queued through a failed commit and saves it once the store can be written', async () => {
    const { writes, store } = queue();
    store.full = true;
    const ticket = writes.push(write('update a'));
    await expect(writes.durableThrough()).rejects.toThrow('database or disk is full');
    expect(writes.waiting).toBe(1);
    expect(store.failures).toEqual([1]);
    store.full = false;
    await writes.durable(ticket);
    expect(store.stored).toEqual(['update a']);
    writes.stop();
  });

  it('fails only the writes that failed when a batch partly commits', async () => {
    const stored: string[] = [];
    const writes = new WriteQueue(
      (batch) => batch.map((w) => (w.sql.startsWith('insert') ? new Error('full') : void stored.push(w.sql))),
      () => {},
    );
    const update = writes.push(write('update a'));
    const insert = writes.push(write('insert b', true));
    const [done, refused] = await Promise.allSettled([writes.durable(update), writes.durable(insert)]);
    expect(done.status).toBe('fulfilled');
    expect(refused.status).toBe('rejected');
    expect(stored).toEqual(['update a']);
    expect(writes.waiting).toBe(0);
    writes.stop();
  });
});
