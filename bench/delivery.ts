import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { confHookFile, openCore } from '../electron/core';
import type { Input, Method, Result } from '../shared/contract';
import type { DeliverySummary, EventPayload, Hook, SentRequest } from '../shared/domain';
import { startReceiverProcess } from './receiverProcess';

const EVENTS = 5_000;
const CONCURRENCY = 50;
const ROUNDS = 3;

/**
 * Runs `count` tasks keeping `concurrency` in flight. The sender's CPU time is kept beside the wall
 * clock: on a shared machine the rate swings with other load, the CPU spent per delivery much less.
 */
async function pool(count: number, concurrency: number, task: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

type Measure = { ms: number; cpuUs: number };
function clock(): () => Measure {
  const started = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - started, cpuUs: used.user + used.system };
  };
}

async function sampleOf(event: 'User.Created'): Promise<EventPayload> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookbench-bench-'));
  const core = openCore({ dataDir, hookFile: confHookFile(dataDir) });
  const answer = await core.call('events.sample', { event });
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

/** Realistic bodies: what "Trigger event" offers for User.Created, each with its own time. */
const sample = await sampleOf('User.Created');
const payloads: EventPayload[] = Array.from({ length: EVENTS }, (_, index) => ({
  ...sample,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
}));

/** The same connection settings as the engine's Agent (Node 22's global dispatcher defaults). */
const newAgent = () => new Agent({ keepAliveTimeout: 4_000 });

/** The bytes and header block Hookbench put on the wire (from its log), prepared before the clock starts. */
function sameRequests(hook: Hook, logged: SentRequest) {
  return payloads.map((payload) => {
    const { hookId: _replaced, ...fields } = payload;
    const body = JSON.stringify({ ...fields, hookId: hook.id });
    const signature = createHmac('sha256', hook.signingKey).update(body).digest('hex');
    // undici writes host, connection and content-length itself, where fetch has them.
    const headers = Object.entries(logged.headers)
      .filter(([name]) => name !== 'host' && name !== 'connection' && name !== 'content-length')
      .flatMap(([name, value]) => [name, name === 'logto-signature-sha-256' ? signature : value]);
    return { body, headers };
  });
}

async function rawRequest(url: string, prepared: ReturnType<typeof sameRequests>): Promise<Measure> {
  const agent = newAgent();
  const stop = clock();
  await pool(EVENTS, CONCURRENCY, async (index) => {
    const { body, headers } = prepared[index]!;
    const response = await request(url, { method: 'POST', headers, body, dispatcher: agent });
    await response.body.text();
  });
  const measured = stop();
  await agent.close();
  return measured;
}

async function hookbench(url: string): Promise<Measure & { hook: Hook; logged: SentRequest }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookbench-bench-'));
  const core = openCore({ dataDir, hookFile: confHookFile(dataDir) });
  const call = async <M extends Method>(method: M, input: Input<M>): Promise<Result<M>> => {
    const answer = await core.call(method, input);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };
  const hook = await call('hooks.create', { name: 'Bench', url, events: ['User.Created'] });
  // A trigger is in flight until its delivery has finished, as a raw request is until its answer is read.
  const waiting = new Map<string, () => void>();
  const finishedEarly = new Set<string>();
  core.subscribe((channel, payload) => {
    const summary = payload as DeliverySummary;
    if (channel !== 'delivery.updated' || summary.outcome === 'in_flight') return;
    const resolve = waiting.get(summary.id);
    if (resolve) resolve();
    else finishedEarly.add(summary.id);
  });
  const finished = (id: string) =>
    finishedEarly.delete(id) ? Promise.resolve() : new Promise<void>((resolve) => waiting.set(id, resolve));
  const stop = clock();
  await pool(EVENTS, CONCURRENCY, async (index) => {
    const { deliveries } = await call('events.trigger', { event: 'User.Created', payload: payloads[index] });
    await finished(deliveries[0]!.id);
  });
  await core.settled();
  const measured = stop();
  const health = await call('health.get', { hookId: hook.id });
  if (health.succeeded !== EVENTS)
    throw new Error(`${EVENTS - health.succeeded} deliveries failed or were not recorded during the benchmark`);
  const [latest] = (await call('logs.query', { hookId: hook.id, limit: 1 })).items;
  const logged = (await call('logs.get', { id: latest!.id })).request;
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
  return { ...measured, hook, logged };
}

const perSecond = ({ ms }: Measure) => Math.round((EVENTS / ms) * 1000);
const cpuPerSend = ({ cpuUs }: Measure) => Math.round(cpuUs / EVENTS);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const receiver = await startReceiverProcess();
try {
  // Warm up connections and JIT on both paths before measuring.
  const { hook, logged } = await hookbench(receiver.url);
  const prepared = sameRequests(hook, logged);
  await rawRequest(receiver.url, prepared);
  const results = { request: [] as number[], hookbench: [] as number[], requestCpu: [] as number[], hookbenchCpu: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    const ours = await hookbench(receiver.url);
    results.hookbench.push(perSecond(ours));
    results.hookbenchCpu.push(cpuPerSend(ours));
    const theirs = await rawRequest(receiver.url, prepared);
    results.request.push(perSecond(theirs));
    results.requestCpu.push(cpuPerSend(theirs));
  }
  const hb = median(results.hookbench);
  const raw = median(results.request);
  const hbCpu = median(results.hookbenchCpu);
  const rawCpu = median(results.requestCpu);
  console.log(
    `delivery benchmark on Node ${process.version}: ${EVENTS} events, ${CONCURRENCY} in flight, one receiver process on 127.0.0.1 (median of ${ROUNDS})`,
  );
  console.log(`  Hookbench (events.trigger, sign, send, sqlite log): ${hb}/s   rounds ${results.hookbench.join(', ')}`);
  console.log(`  raw undici.request, same bytes and headers:        ${raw}/s   rounds ${results.request.join(', ')}`);
  console.log(`  ratio Hookbench / raw undici.request:               ${(hb / raw).toFixed(2)} (goal >= 0.80)`);
  console.log(
    `  sender CPU per delivery: Hookbench ${hbCpu} µs, raw ${rawCpu} µs   (rounds ${results.hookbenchCpu.join(', ')} / ${results.requestCpu.join(', ')})`,
  );
  console.log(
    `  load average at the end: ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  );
} finally {
  receiver.stop();
}
