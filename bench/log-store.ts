/**
 * The request log at 100 000 deliveries across 20 hooks, all within the last 24 h (the worst
 * case for health and search): recording rate, open time, health, first page, body search,
 * and main-process memory as the store grows.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { healthSummaries } from '../electron/core/log/health';
import { RequestLog } from '../electron/core/log/requestLog';
import { samplePayload } from '../electron/core/payloads';
import type { Delivery } from '../shared/domain';
import { hookEvents } from '../shared/events';
import { logsQuerySchema } from '../shared/validation';

const TOTAL = 100_000;
const HOOKS = Array.from({ length: 20 }, (_, index) => `hook-${String(index).padStart(2, '0')}`);
const DAY = 24 * 3_600_000;
const dir = mkdtempSync(join(tmpdir(), 'hookbench-log-bench-'));
const path = join(dir, 'requests.sqlite');
const now = Date.now();

function makeDelivery(index: number): Delivery {
  const event = hookEvents[index % hookEvents.length]!;
  const body = JSON.stringify({ ...samplePayload(event), hookId: HOOKS[index % HOOKS.length] });
  const status = index % 10 === 0 ? 500 : 200;
  return {
    id: `delivery-${index}`,
    kind: 'delivery',
    hookId: HOOKS[index % HOOKS.length]!,
    event,
    createdAt: now - DAY + Math.floor((index / TOTAL) * (DAY - 60_000)),
    outcome: status === 200 ? 'success' : 'failed',
    status,
    durationMs: 12,
    attemptCount: status === 200 ? 1 : 4,
    request: {
      method: 'POST',
      url: 'http://localhost:3000/webhooks/logto',
      headers: { 'user-agent': 'Logto (https://logto.io/)', 'content-type': 'application/json', 'logto-signature-sha-256': 'f'.repeat(64) },
      body,
    },
    attempts: [
      {
        number: 1,
        startedAt: now,
        durationMs: 12,
        status,
        headers: { 'content-type': 'application/json', 'content-length': '11' },
        body: status === 200 ? '{"ok":true}' : '{"error":"database unavailable"}',
        bodyTruncated: false,
        error: null,
      },
    ],
    error: status === 200 ? null : 'The receiver answered 500 after 4 attempts',
    redeliveryOf: null,
    retryBehaviour: 'retry-5xx',
    runId: null,
  };
}

function median(runs: number, measure: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    measure();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const fileSize = () => statSync(path).size / 1024 / 1024;

const heapMb = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

let log = new RequestLog(path, () => {});
const deliveries = Array.from({ length: 1_000 }, (_, index) => makeDelivery(index));
const memory: Array<[number, number]> = [];
let recordingMs = 0;
for (let done = 0; done < TOTAL; done += 1_000) {
  const batch = deliveries.map((delivery, index) => ({
    ...delivery,
    id: `delivery-${done + index}`,
    createdAt: makeDelivery(done + index).createdAt,
  }));
  const started = performance.now();
  for (const delivery of batch) log.started({ ...delivery, outcome: 'in_flight', status: null, attempts: [], attemptCount: 0 });
  await log.flushed();
  for (const delivery of batch) log.finished(delivery);
  await log.flushed();
  recordingMs += performance.now() - started;
  if ((done + 1_000) % 20_000 === 0) memory.push([done + 1_000, heapMb()]);
}
log.close();

// The search index is built in the background as deliveries finish; let it catch up, then weigh the file.
log = new RequestLog(path, () => {});
const indexStarted = performance.now();
while (log.searchBacklog() > 0) await new Promise((resolve) => setTimeout(resolve, 20));
const indexMs = performance.now() - indexStarted;
log.close();
const sizeWithIndex = fileSize();

const openMs = median(5, () => {
  log = new RequestLog(path, () => {});
  log.close();
});
log = new RequestLog(path, () => {});
const healthMs = median(21, () => healthSummaries(log, HOOKS));
const query = (input: Record<string, unknown>) => log.query(logsQuerySchema.parse({ hookId: 'hook-07', ...input }));
const firstPageMs = median(21, () => query({ range: '24h', limit: 100 }));
const searchMs = median(11, () => query({ range: '24h', text: 'no-such-text-anywhere' }));
const searchMode = query({ range: '24h', text: 'no-such-text-anywhere' }).searchMode;
const scanMs = median(11, () => query({ range: '24h', text: 'qz' }));
const searchHitMs = median(11, () => query({ range: '24h', text: 'jane@example.com' }));
const afterQueries = heapMb();
log.close();
// The same log without its index: drop it and compact.
const bare = new DatabaseSync(path);
bare.exec('DROP TABLE delivery_text; VACUUM');
bare.close();
const sizeWithoutIndex = fileSize();
rmSync(dir, { recursive: true, force: true });

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(`log-store benchmark: ${TOTAL.toLocaleString('en')} deliveries across ${HOOKS.length} hooks, all within the last 24 h`);
console.log(
  `  recording (start + completion):   ${Math.round((TOTAL / recordingMs) * 1000).toLocaleString('en')} deliveries/s   (goal >= 10,000/s)`,
);
console.log(`  opening the store:                ${fmt(openMs)}   (goal < 200 ms)`);
console.log(`  health for all 20 hooks:          ${fmt(healthMs)}   (goal < 20 ms)`);
console.log(`  first page of recent requests:    ${fmt(firstPageMs)}   (goal < 10 ms)`);
console.log(`  body search over 24 h, no match:  ${fmt(searchMs)}   (goal < 200 ms)`);
console.log(`  body search over 24 h, matches:   ${fmt(searchHitMs)}   (search mode: ${searchMode})`);
console.log(`  2-letter search (bounded scan):   ${fmt(scanMs)}`);
console.log(`  file size without search index:   ${sizeWithoutIndex.toFixed(1)} MB`);
console.log(
  `  file size with search index:      ${sizeWithIndex.toFixed(1)} MB   (backlog left to index after recording: ${(indexMs / 1000).toFixed(1)} s)`,
);
console.log(
  `  heap after N stored (MB):         ${memory.map(([count, mb]) => `${count / 1000}k: ${mb.toFixed(1)}`).join(', ')}, after queries: ${afterQueries.toFixed(1)}`,
);
