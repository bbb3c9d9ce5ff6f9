import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleForNode } from '../../bench/bundle.mjs';
import type { Hook } from '../../shared/domain';
import { cliProcess } from '../support/cli';
import { openTestCore } from '../support/core';
import { type Receiver, reply, startReceiver } from '../support/receiver';
import { useTempDir } from '../support/tempDir';

const tempDir = useTempDir();
let dataDir: string;
let receiver: Receiver;
let bin: string;
beforeAll(async () => {
  bin = await bundleForNode('electron/cli/main.ts', 'hookbench-cli-bulk');
});
beforeEach(async () => {
  dataDir = tempDir();
  receiver = await startReceiver();
  return () => receiver.close();
});

const hookbench = (...args: string[]) => cliProcess(bin, dataDir, args);

/** A hook "Flaky" with `count` failed deliveries; the receiver answers 200 afterwards. */
async function failedDeliveries(count: number): Promise<void> {
  receiver.answer(reply(500, 'down'));
  const core = openTestCore({ dataDir });
  await core.call('hooks.create', { name: 'Flaky', url: receiver.url, events: ['User.Created'], retries: 0 });
  for (let index = 0; index < count; index++) await core.call('events.trigger', { event: 'User.Created' });
  await core.settled();
  await core.dispose();
  receiver.answer(reply(200, 'ok'));
  receiver.received.length = 0;
}

describe('hookbench redeliver --failed', () => {
  it('sends at most --limit failed deliveries again and sums them up', async () => {
    await failedDeliveries(4);
    const run = await hookbench('redeliver', '--failed', '--hook', 'Flaky', '--limit', '3', '--rate', '50');
    expect(run).toEqual({ code: 0, out: 'redelivered 3 failed deliveries of "Flaky": 3 succeeded, 0 failed\n', err: '' });
    expect(receiver.received).toHaveLength(3);
  });

  it('prints JSON with --json, and says (exit 1) when there is nothing to send', async () => {
    await failedDeliveries(1);
    const run = await hookbench('redeliver', '--failed', '--hook', 'Flaky', '--json');
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.out);
    expect(answer).toMatchObject({ redelivered: 1, succeeded: 1, failed: 0 });
    expect(answer.deliveries).toEqual([expect.objectContaining({ event: 'User.Created', outcome: 'success', status: 200 })]);

    const core = openTestCore({ dataDir });
    await core.call('hooks.create', { name: 'Healthy', url: receiver.url, events: ['User.Created'] });
    await core.dispose();
    const none = await hookbench('redeliver', '--failed', '--hook', 'Healthy');
    expect(none).toEqual({
      code: 1,
      out: '',
      err: 'nothing was sent: "Healthy" has no failed deliveries in that time (--since) that were not redelivered since\n',
    });
  });

  it('exits 1 when a redelivery fails again', async () => {
    await failedDeliveries(2);
    receiver.answer(reply(503, 'still down'));
    const run = await hookbench('redeliver', '--failed', '--hook', 'Flaky', '--rate', '100');
    expect(run).toMatchObject({ code: 1, out: 'redelivered 2 failed deliveries of "Flaky": 0 succeeded, 2 failed\n' });
  });

  it('sends each event once a run, its latest try, and nothing once it has been delivered', async () => {
    await failedDeliveries(2);
    receiver.answer(reply(503, 'still down'));
    for (let run = 0; run < 2; run++) {
      expect((await hookbench('redeliver', '--failed', '--hook', 'Flaky', '--rate', '100')).out).toBe(
        'redelivered 2 failed deliveries of "Flaky": 0 succeeded, 2 failed\n',
      );
    }
    receiver.answer(reply(200, 'ok'));
    expect((await hookbench('redeliver', '--failed', '--hook', 'Flaky', '--rate', '100')).out).toBe(
      'redelivered 2 failed deliveries of "Flaky": 2 succeeded, 0 failed\n',
    );
    expect(await hookbench('redeliver', '--failed', '--hook', 'Flaky')).toEqual({
      code: 1,
      out: '',
      err: 'nothing was sent: "Flaky" has no failed deliveries in that time (--since) that were not redelivered since\n',
    });
    expect(receiver.received).toHaveLength(6);
  });

  it('refuses a rate, limit or combination it cannot use, naming the option, and sends nothing', async () => {
    await failedDeliveries(1);
    const cases: Array<[string[], string]> = [
      [['--failed', '--hook', 'Flaky', '--rate', '0'], '--rate: The pace must be more than 0 a second'],
      [['--failed', '--hook', 'Flaky', '--limit', 'x'], '--limit takes a whole number, not "x"'],
      [['--failed', '--hook', 'Flaky', '--limit', '0'], '--limit: The limit must be at least 1'],
      [['--failed'], 'redeliver --failed needs --hook'],
      [[], 'redeliver needs a delivery id'],
      // An argument has no option name to point at: the message stands alone, with no internal field name.
      [[''], 'hookbench: A delivery id is required\n'],
      [['abc', '--failed', '--hook', 'Flaky'], 'redeliver takes a delivery id or --failed, not both'],
    ];
    for (const [args, message] of cases) {
      const run = await hookbench('redeliver', ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.err, args.join(' ')).toContain(message);
    }
    expect(receiver.received).toHaveLength(0);
  });
});

describe('hookbench hooks remove', () => {
  it('says how many deliveries stay in the log, and deletes them with --delete-deliveries', async () => {
    await failedDeliveries(2);
    const core = openTestCore({ dataDir });
    await core.call('hooks.create', { name: 'Other', url: receiver.url, events: ['User.Created'] });
    await core.call('events.trigger', { event: 'User.Created' });
    await core.settled();
    await core.dispose();

    const flakyId = JSON.parse((await hookbench('hooks', 'list', '--json')).out).find((hook: Hook) => hook.name === 'Flaky').id;
    const kept = await hookbench('hooks', 'remove', 'Flaky');
    expect(kept.code).toBe(0);
    expect(kept.err).toBe(
      `hookbench: 3 logged requests of "Flaky" stay in the log until retention removes them; read them with: hookbench logs --hook ${flakyId}\n`,
    );
    const deleted = await hookbench('hooks', 'remove', 'Other', '--delete-deliveries');
    expect(deleted.code).toBe(0);
    expect(deleted.err).toBe('hookbench: deleted 1 logged deliveries of "Other"\n');
  });

  it("keeps a removed hook's deliveries readable by logs and export, by its id or with every hook", async () => {
    await failedDeliveries(2);
    const core = openTestCore({ dataDir });
    await core.call('hooks.create', { name: 'Staying', url: receiver.url, events: ['User.Created'] });
    await core.dispose();
    const flakyId = JSON.parse((await hookbench('hooks', 'list', '--json')).out).find((hook: Hook) => hook.name === 'Flaky').id;
    expect((await hookbench('hooks', 'remove', 'Flaky')).code).toBe(0);

    const byId = await hookbench('logs', '--hook', flakyId, '--json');
    expect(byId.code).toBe(0);
    expect(JSON.parse(byId.out)).toEqual([
      expect.objectContaining({ hookId: flakyId, outcome: 'failed' }),
      expect.objectContaining({ hookId: flakyId, outcome: 'failed' }),
    ]);
    const table = await hookbench('logs');
    expect(table.out.match(new RegExp(`removed hook ${flakyId}`, 'g'))).toHaveLength(2);

    const exported = await hookbench('export', '--hook', flakyId);
    expect(
      exported.out
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).hookId),
    ).toEqual([flakyId, flakyId]);
    // Its name went with it: a name no longer chooses it.
    expect((await hookbench('logs', '--hook', 'Flaky')).code).toBe(2);
  });
});
