/**
 * A receiver check: the cases of docs/receiver-lab.md run against one hook's receiver, each with
 * its verdict and the evidence (the requests sent, the answers, the timings) it was judged on.
 */
import type { HookEvent } from './events';

/** `info` is reported and never fails a run (the raw-bytes probe). */
export const checkVerdicts = ['pass', 'fail', 'skip', 'info'] as const;
export type CheckVerdict = (typeof checkVerdicts)[number];

/** One request a case sent and what came back; the full request is the logged delivery `deliveryId`. */
export type CheckEvidence = {
  deliveryId: string;
  event: HookEvent;
  /** What the case did to this request, e.g. "signature header left out". */
  label: string;
  request: { url: string; headers: Record<string, string>; bodyBytes: number; bodyPreview: string };
  status: number | null;
  responseBody: string | null;
  error: string | null;
  durationMs: number;
};

export type Latency = { p50: number; p95: number; p99: number; max: number };

export type CheckCase = {
  /** Stable across runs: `genuine:User.Created`, `forged:wrong-key`, `burst`… (JUnit test names). */
  id: string;
  title: string;
  verdict: CheckVerdict;
  /** Why, in words a developer can act on. */
  message: string;
  /** Passed, but worth fixing (a forged request answered 5xx: Logto would retry it). */
  warnings: string[];
  evidence: CheckEvidence[];
  durationMs: number;
  latency?: Latency;
};

/** A check run's cases as each is judged (check.progress), before the run answers with them all. */
export type CheckProgress = {
  runId: string;
  hookId: string;
  /** The case just judged, without its evidence (the finished run carries that). */
  judged: Pick<CheckCase, 'id' | 'title' | 'verdict' | 'message'>;
  /** Cases judged so far in this run, this one included. */
  count: number;
};

export type CheckRun = {
  id: string;
  hookId: string;
  hookName: string;
  url: string;
  startedAt: number;
  finishedAt: number;
  events: HookEvent[];
  burst: number;
  /** Said once for the whole run, e.g. the hook is disabled. */
  warnings: string[];
  cases: CheckCase[];
  /** No case failed. */
  passed: boolean;
};

export type CheckRunSummary = Pick<CheckRun, 'id' | 'hookId' | 'startedAt' | 'finishedAt' | 'passed'> & {
  counts: Record<CheckVerdict, number>;
};

export const DEFAULT_BURST = 50;
export const MAX_BURST = 1_000;

export function summariseRun(run: CheckRun): CheckRunSummary {
  const counts = { pass: 0, fail: 0, skip: 0, info: 0 };
  for (const item of run.cases) counts[item.verdict]++;
  const { id, hookId, startedAt, finishedAt, passed } = run;
  return { id, hookId, startedAt, finishedAt, passed, counts };
}

/** The usual ways a signature comes out different from Logto's (the signature lab tries each). */
export const signatureMistakes = [
  'reserialised',
  'pretty-printed',
  'python-json-dumps',
  'trailing-newline',
  'encoding',
  'uppercase-hex',
  'digest-format',
  'other-algorithm',
  'decoded-key',
  'other-hook-key',
] as const;
export type SignatureMistake = (typeof signatureMistakes)[number];

export type SignatureDiagnosis = {
  verdict: 'valid' | 'invalid' | 'missing';
  /** What a receiver should say, in words. */
  message: string;
  /** HMAC-SHA256 of the body's UTF-8 bytes with the key, lowercase hex: what Logto would send. */
  expected: string;
  received: string | null;
  /** The likely mistake when the signature does not verify and one of the usual ones explains it. */
  mistake: { kind: SignatureMistake; message: string; hookId?: string } | null;
};

/** A paced trigger run (chaos and load sends): figures so far, pushed as it goes and answered at the end. */
export type TriggerRunProgress = {
  runId: string;
  /** Deliveries the run makes: repeat × hooks, twice with duplicate. */
  planned: number;
  started: number;
  finished: number;
  failed: number;
  /** failed / finished, 0..1. */
  errorRate: number;
  /** Receiver answer times of the finished deliveries. */
  latency: Latency;
  /** Deliveries per second asked for; null when all were sent at once. */
  requestedRate: number | null;
  /** Finished deliveries per second from the first start to the last finish so far, each paced send given its interval. */
  achievedRate: number;
  elapsedMs: number;
  done: boolean;
  /** Stopped by events.stopRun before every planned delivery started. */
  stopped: boolean;
};
