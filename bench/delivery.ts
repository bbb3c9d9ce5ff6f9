import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { confHookFile, openCore } from '../electron/core';
import { inFlight } from '../electron/core/delivery/inFlight';
import { RequestLog } from '../electron/core/log/requestLog';
import type { Input, Method, Result } from '../shared/contract';
import type { Delivery, DeliverySummary, EventPayload, Hook, SentRequest } from '../shared/domain';
import { type ReceiverProcess, startReceiverProcess } from './receiverProcess';

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

type Measure = { ms: number; cpuUs: number; receiverCpuUs: number };

/** Wall clock, this process's CPU time and the receiver's, from now until the answer is called. */
async function clock(receiver: ReceiverProcess): Promise<() => Promise<Measure>> {
  const receiverCpu = await receiver.cpuUs();
  const started = performance.now();
  const cpu = process.cpuUsage();
  return async () => {
    const used = process.cpuUsage(cpu);
    const ms = performance.now() - started;
    return { ms, cpuUs: used.user + used.system, receiverCpuUs: (await receiver.cpuUs()) - receiverCpu };
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

async function rawRequest(receiver: ReceiverProcess, prepared: ReturnType<typeof sameRequests>): Promise<Measure> {
  const agent = newAgent();
  const stop = await clock(receiver);
  await pool(EVENTS, CONCURRENCY, async (index) => {
    const { body, headers } = prepared[index]!;
    const response = await request(receiver.url, { method: 'POST', headers, body, dispatcher: agent });
    await response.body.text();
  });
  const measured = await stop();
  await agent.close();
  return measured;
}

async function hookbench(receiver: ReceiverProcess): Promise<Measure & { hook: Hook; logged: Delivery }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookbench-bench-'));
  const core = openCore({ dataDir, hookFile: confHookFile(dataDir) });
  const call = async <M extends Method>(method: M, input: Input<M>): Promise<Result<M>> => {
    const answer = await core.call(method, input);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };
  const hook = await call('hooks.create', { name: 'Bench', url: receiver.url, events: ['User.Created'] });
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
  const stop = await clock(receiver);
  await pool(EVENTS, CONCURRENCY, async (index) => {
    const { deliveries } = await call('events.trigger', { event: 'User.Created', payload: payloads[index] });
    await finished(deliveries[0]!.id);
  });
  await core.settled();
  const measured = await stop();
  const health = await call('health.get', { hookId: hook.id });
  if (health.succeeded !== EVENTS)
    throw new Error(`${EVENTS - health.succeeded} deliveries failed or were not recorded during the benchmark`);
  const [latest] = (await call('logs.query', { hookId: hook.id, limit: 1 })).items;
  const logged = await call('logs.get', { id: latest!.id });
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
  return { ...measured, hook, logged };
}

/**
 * The request log alone, with no request sent: each delivery's two writes (its row before sending,
 * its outcome after) with the rows Hookbench wrote, 50 deliveries at a time. This much CPU goes to
 * the durable log whatever sends the requests.
 */
async function logAlone(receiver: ReceiverProcess, logged: Delivery, prepared: ReturnType<typeof sameRequests>): Promise<Measure> {
  const dir = mkdtempSync(join(tmpdir(), 'hookbench-bench-'));
  const log = new RequestLog(join(dir, 'requests.sqlite'), () => {});
  const stop = await clock(receiver);
  await pool(EVENTS, CONCURRENCY, async (index) => {
    const { kind, hookId, event, retryBehaviour } = logged;
    const started = inFlight({ kind, hookId, event, retryBehaviour, request: { ...logged.request, body: prepared[index]!.body } });
    log.started(started);
    await log.recorded(started.id);
    // The request is under way for at least a turn of the event loop.
    await new Promise(setImmediate);
    log.finished({ ...started, outcome: 'success', attempts: logged.attempts, attemptCount: 1, status: 200, durationMs: 1 });
  });
  log.flush();
  const measured = await stop();
  log.close();
  rmSync(dir, { recursive: true, force: true });
  return measured;
}

const perSecond = ({ ms }: Measure) => Math.round((EVENTS / ms) * 1000);
const cpuPerSend = ({ cpuUs }: Measure) => Math.round(cpuUs / EVENTS);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const receiver = await startReceiverProcess();
try {
  // Warm up connections and JIT on every path before measuring.
  const { hook, logged } = await hookbench(receiver);
  const prepared = sameRequests(hook, logged.request);
  await rawRequest(receiver, prepared);
  await logAlone(receiver, logged, prepared);
  const rounds = { hookbench: [] as Measure[], raw: [] as Measure[], log: [] as Measure[] };
  for (let round = 0; round < ROUNDS; round++) {
    rounds.hookbench.push(await hookbench(receiver));
    rounds.raw.push(await rawRequest(receiver, prepared));
    rounds.log.push(await logAlone(receiver, logged, prepared));
  }
  const hb = median(rounds.hookbench.map(perSecond));
  const raw = median(rounds.raw.map(perSecond));
  const hbCpu = median(rounds.hookbench.map(cpuPerSend));
  const rawCpu = median(rounds.raw.map(cpuPerSend));
  const logCpu = median(rounds.log.map(cpuPerSend));
  const receiverCpu = median(rounds.raw.map(({ receiverCpuUs }) => Math.round(receiverCpuUs / EVENTS)));
  const cores = availableParallelism();
  const goal = 0.8 * raw;
  console.log(
    `delivery benchmark on Node ${process.version}, ${cores} cores: ${EVENTS} events, ${CONCURRENCY} in flight, one receiver process on 127.0.0.1 (median of ${ROUNDS})`,
  );
  console.log(`  Hookbench (events.trigger, sign, send, sqlite log): ${hb}/s   rounds ${rounds.hookbench.map(perSecond).join(', ')}`);
  console.log(`  raw undici.request, same bytes and headers:        ${raw}/s   rounds ${rounds.raw.map(perSecond).join(', ')}`);
  console.log(`  ratio Hookbench / raw undici.request:               ${(hb / raw).toFixed(2)} (goal >= 0.80)`);
  console.log(
    `  CPU per delivery: Hookbench ${hbCpu} µs, raw ${rawCpu} µs, the receiver ${receiverCpu} µs, the log's two writes alone ${logCpu} µs`,
  );
  // At 0.8 × raw, the sender, its threads and the receiver share this machine's cores; the sending thread has one.
  console.log(
    `  CPU budget per delivery at 0.8 × raw (${Math.round(goal)}/s): the sending thread ${Math.round(1e6 / goal)} µs, all of Hookbench ${Math.round((cores * 1e6) / goal - receiverCpu)} µs`,
  );
  console.log(
    `  load average at the end: ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  );
} finally {
  receiver.stop();
}
