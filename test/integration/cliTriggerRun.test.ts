import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleForNode } from '../../bench/bundle.mjs';
import { cliProcess } from '../support/cli';
import { openTestCore } from '../support/core';
import { type Receiver, reply, startReceiver } from '../support/receiver';
import { useTempDir } from '../support/tempDir';

const tempDir = useTempDir();
let dataDir: string;
let receiver: Receiver;
let bin: string;
beforeAll(async () => {
  bin = await bundleForNode('electron/cli/main.ts', 'hookbench-cli-trigger-run');
});
beforeEach(async () => {
  dataDir = tempDir();
  receiver = await startReceiver();
  const core = openTestCore({ dataDir });
  await core.call('hooks.create', { name: 'Load', url: receiver.url, events: ['User.Created'], retries: 0 });
  await core.dispose();
  return () => receiver.close();
});

const hookbench = (...args: string[]) => cliProcess(bin, dataDir, args);

describe('hookbench trigger --repeat', () => {
  it('sends the event n times at a rate and reports latency and errors', async () => {
    const run = await hookbench('trigger', 'User.Created', '--repeat', '20', '--rate', '100/s');
    expect(run.code).toBe(0);
    expect(run.out).toContain('20 of 20 deliveries finished, 0 failed (error rate 0.0 %)');
    expect(run.out).toMatch(/rate: [\d.]+\/s achieved, 100\/s asked/);
    expect(run.out).toMatch(/latency: p50 \d+ ms, p95 \d+ ms, p99 \d+ ms, max \d+ ms/);
    expect(receiver.received).toHaveLength(20);
    // Each send is a fresh sample: no two bodies alike.
    expect(new Set(receiver.received.map((request) => request.body)).size).toBe(20);
  });

  it('sends every payload twice with --duplicate, and exits 1 when deliveries fail', async () => {
    receiver.answer(reply(500, 'down'));
    const run = await hookbench('trigger', 'User.Created', '--repeat', '3', '--duplicate', '--shuffle', '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out)).toMatchObject({ planned: 6, finished: 6, failed: 6, errorRate: 1, done: true });
    expect(receiver.received).toHaveLength(6);
    expect(new Set(receiver.received.map((request) => request.body)).size).toBe(3);
  });

  it('stops on Ctrl-C: no more sends, those started finish and are logged, the figures so far printed', async () => {
    const child = spawn(
      process.execPath,
      ['--no-warnings', bin, '--data-dir', dataDir, 'trigger', 'User.Created', '--repeat', '1000', '--rate', '20'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);

    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(err).toContain('hookbench: stopping: no more sends; those started finish and are logged (Ctrl-C again to quit at once)');
    const sent = Number(out.match(/^Stopped: (\d+) of 1000 deliveries finished, 0 failed/)?.[1]);
    expect(sent).toBeGreaterThanOrEqual(3);
    expect(sent).toBeLessThan(1000);
    expect(receiver.received).toHaveLength(sent);
    const core = openTestCore({ dataDir });
    try {
      const [hook] = await core.call('hooks.list', {});
      expect(await core.call('logs.count', { hookId: hook!.id })).toEqual({ count: sent });
    } finally {
      await core.dispose();
    }
  }, 30_000);

  it('refuses what it cannot use, naming the option, and sends nothing', async () => {
    expect(await hookbench('trigger', 'User.Created', '--repeat', 'x')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--repeat takes a whole number of at least 1, not "x"'),
    });
    expect(await hookbench('trigger', 'User.Created', '--repeat', '5', '--rate', '0')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--rate takes deliveries per second above 0'),
    });
    expect(await hookbench('trigger', 'User.Created', '--repeat', '200000')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--repeat: Repeat at most 100,000 times'),
    });
    const payload = join(dataDir, 'payload.json');
    writeFileSync(payload, '{"data":{}}');
    expect(await hookbench('trigger', 'User.Created', '--payload', payload, '--repeat', '2')).toMatchObject({
      code: 2,
      err: expect.stringContaining('use one or the other'),
    });
    expect(receiver.received).toHaveLength(0);
  });
});
