/**
 * Deliveries per second for 5 000 events to one local receiver at concurrency 50, next to raw
 * undici fetch POSTs of the same bodies (fetch is what Logto and Hookbench send with) and raw
 * undici.request for reference. The receiver runs in its own process so it does not share a
 * core's event loop with the sender.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch, request } from 'undici';
import { confHookFile, openCore } from '../electron/core';
import { samplePayload } from '../electron/core/payloads';
import type { Input, Method, Result } from '../shared/contract';
import type { EventPayload } from '../shared/domain';

const EVENTS = 5_000;
const CONCURRENCY = 50;

async function startReceiverProcess(): Promise<{ url: string; stop(): void }> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const http = require('node:http');
       const server = http.createServer((req, res) => { req.resume(); req.on('end', () => res.end('{"ok":true}')); });
       server.keepAliveTimeout = 10000;
       server.listen(0, '127.0.0.1', () => console.log(server.address().port));`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve) => child.stdout.once('data', (data: Buffer) => resolve(Number(data.toString().trim()))));
  return { url: `http://127.0.0.1:${port}/webhooks`, stop: () => child.kill() };
}

async function pool(count: number, concurrency: number, task: (index: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return performance.now() - started;
}

const payloads: EventPayload[] = Array.from({ length: EVENTS }, (_, index) => samplePayload(index % 2 ? 'User.Created' : 'PostSignIn'));
const bodies = payloads.map((payload) => JSON.stringify({ ...payload, hookId: 'bench-hook' }));

async function rawFetch(url: string): Promise<number> {
  const agent = new Agent({ keepAliveTimeout: 4_000, connections: 256 });
  const ms = await pool(EVENTS, CONCURRENCY, async (index) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'user-agent': 'Logto (https://logto.io/)', 'content-type': 'application/json' },
      body: bodies[index],
      dispatcher: agent,
    });
    await response.text();
  });
  await agent.close();
  return ms;
}

async function rawRequest(url: string): Promise<number> {
  const agent = new Agent({ keepAliveTimeout: 4_000, connections: 256 });
  const ms = await pool(EVENTS, CONCURRENCY, async (index) => {
    const response = await request(url, {
      method: 'POST',
      headers: { 'user-agent': 'Logto (https://logto.io/)', 'content-type': 'application/json' },
      body: bodies[index],
      dispatcher: agent,
    });
    await response.body.text();
  });
  await agent.close();
  return ms;
}

async function hookbench(url: string): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookbench-bench-'));
  const core = openCore({ dataDir, hookFile: confHookFile(dataDir) });
  const call = async <M extends Method>(method: M, input: Input<M>): Promise<Result<M>> => {
    const answer = await core.call(method, input);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };
  const hook = await call('hooks.create', { name: 'Bench', url, events: ['User.Created', 'PostSignIn'] });
  const started = performance.now();
  await pool(EVENTS, CONCURRENCY, (index) =>
    call('events.trigger', { event: payloads[index]!.event, payload: payloads[index], hookIds: [hook.id] }),
  );
  await core.settled();
  const ms = performance.now() - started;
  const health = await call('health.get', { hookId: hook.id });
  if (health.succeeded !== EVENTS)
    throw new Error(`${EVENTS - health.succeeded} deliveries failed or were not recorded during the benchmark`);
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
  return ms;
}

const perSecond = (ms: number) => Math.round((EVENTS / ms) * 1000);

const receiver = await startReceiverProcess();
try {
  // Warm up connections and JIT on both paths before measuring.
  await rawFetch(receiver.url);
  await hookbench(receiver.url);
  const rounds = 3;
  const results = { fetch: [] as number[], request: [] as number[], hookbench: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    results.fetch.push(perSecond(await rawFetch(receiver.url)));
    results.hookbench.push(perSecond(await hookbench(receiver.url)));
    results.request.push(perSecond(await rawRequest(receiver.url)));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const hb = median(results.hookbench);
  const raw = median(results.fetch);
  console.log(`delivery benchmark: ${EVENTS} events, concurrency ${CONCURRENCY}, one receiver on 127.0.0.1 (median of ${rounds} rounds)`);
  console.log(`  Hookbench deliveries (sign + fetch + sqlite log): ${hb}/s   rounds ${results.hookbench.join(', ')}`);
  console.log(`  raw undici fetch POSTs, same bodies:              ${raw}/s   rounds ${results.fetch.join(', ')}`);
  console.log(`  raw undici.request POSTs (reference):             ${median(results.request)}/s   rounds ${results.request.join(', ')}`);
  console.log(`  ratio Hookbench / raw fetch:                      ${(hb / raw).toFixed(2)} (goal >= 0.80)`);
} finally {
  receiver.stop();
}
