/** The sentence a finished trigger run ends with: its tag's word and what a user reads, toasted or shown. */
import { describe, expect, it } from 'vitest';
import { latencyLine, runVerdict } from '../../renderer/components/TriggerEvent/runSummary';
import type { TriggerRunProgress } from '../../shared/check';

const run = (changes: Partial<TriggerRunProgress>): TriggerRunProgress => ({
  runId: 'r',
  planned: 1200,
  started: 1200,
  finished: 1200,
  failed: 0,
  errorRate: 0,
  latency: { p50: 40, p95: 180, p99: 400, max: 900 },
  requestedRate: null,
  achievedRate: 100,
  elapsedMs: 12_000,
  done: true,
  stopped: false,
  ...changes,
});

describe('a trigger run’s verdict', () => {
  it('writes times as the rest of the app does: milliseconds under a second, seconds above', () => {
    expect(runVerdict(run({}))).toEqual({
      word: 'Done',
      tone: 'success',
      sentence: '1,200 of 1,200 deliveries succeeded; p95 latency 180 ms.',
    });
    expect(runVerdict(run({ latency: { p50: 900, p95: 1323, p99: 2000, max: 2100 } })).sentence).toBe(
      '1,200 of 1,200 deliveries succeeded; p95 latency 1.3 s.',
    );
  });

  it('says how many failed, or how many were sent before a stop', () => {
    expect(runVerdict(run({ failed: 30, errorRate: 0.025 }))).toEqual({
      word: 'Failures',
      tone: 'danger',
      sentence: '1,200 of 1,200 deliveries finished, 30 failed (error rate 2.5%).',
    });
    expect(runVerdict(run({ stopped: true, finished: 400 }))).toEqual({
      word: 'Stopped',
      tone: 'warning',
      sentence: '400 of 1,200 deliveries sent before the stop, none failed.',
    });
  });
});

describe('the run figures’ latency line', () => {
  it('writes each percentile as the app writes times, seconds past a second', () => {
    expect(latencyLine({ p50: 40, p95: 999, p99: 1_298, max: 2_000 })).toBe('p50 40 ms · p95 999 ms · p99 1.3 s');
  });
});
