import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { confHookFile, openCore } from '../electron/core';
import type { TriggerRunProgress } from '../shared/check';
import { startReceiverProcess } from './receiverProcess';

const SECONDS = 3;
const RATES = [100, 1_000];

const receiver = await startReceiverProcess();
const dataDir = mkdtempSync(join(tmpdir(), 'hookbench-chaos-'));
const core = openCore({ dataDir, hookFile: confHookFile(dataDir) });
core.subscribe((channel, payload) => {
  if (channel !== 'triggerRun.progress') return;
  const progress = payload as TriggerRunProgress;
  process.stderr.write(
    `  ${progress.finished}/${progress.planned} finished, ${progress.achievedRate}/s, errors ${(progress.errorRate * 100).toFixed(1)} %, p95 ${progress.latency.p95} ms\n`,
  );
});
try {
  const created = await core.call('hooks.create', { name: 'Chaos bench', url: receiver.url, events: ['User.Created'] });
  if (!created.ok) throw new Error(created.error.message);
  const rows: string[] = [];
  for (const rate of RATES) {
    process.stderr.write(`${rate}/s for ${SECONDS} s:\n`);
    const answer = await core.call('events.triggerRun', { event: 'User.Created', repeat: rate * SECONDS, ratePerSecond: rate });
    if (!answer.ok) throw new Error(answer.error.message);
    const run = answer.value;
    const share = (run.achievedRate / rate) * 100;
    rows.push(
      `${String(rate).padStart(6)}/s  achieved ${run.achievedRate.toFixed(1).padStart(7)}/s (${share.toFixed(1)} %, goal ≥ 95 %: ${share >= 95 ? 'met' : 'NOT met'})  ` +
        `p50 ${run.latency.p50} ms  p95 ${run.latency.p95} ms  p99 ${run.latency.p99} ms  errors ${(run.errorRate * 100).toFixed(2)} %  (${run.finished} deliveries)`,
    );
  }
  console.log(`Paced trigger runs, ${SECONDS} s each, one hook, receiver in its own process (Node ${process.versions.node})`);
  for (const row of rows) console.log(row);
} finally {
  await core.close();
  receiver.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
