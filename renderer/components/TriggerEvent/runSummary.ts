import type { Latency, TriggerRunProgress } from '../../../shared/check';
import { formatCount, formatDuration, formatRate } from '../../format';

export type RunVerdict = { word: 'Done' | 'Stopped' | 'Failures'; tone: 'success' | 'warning' | 'danger'; sentence: string };

/** The verdict of a finished run: a word for its tag and one sentence, shown, announced, and toasted when the dialog was closed. */
export function runVerdict(run: TriggerRunProgress): RunVerdict {
  const of = `${formatCount(run.finished)} of ${formatCount(run.planned)}`;
  const failures = run.failed === 0 ? 'none failed' : `${formatCount(run.failed)} failed (error rate ${formatRate(run.errorRate)})`;
  if (run.stopped) return { word: 'Stopped', tone: 'warning', sentence: `${of} deliveries sent before the stop, ${failures}.` };
  if (run.failed > 0) return { word: 'Failures', tone: 'danger', sentence: `${of} deliveries finished, ${failures}.` };
  return { word: 'Done', tone: 'success', sentence: `${of} deliveries succeeded; p95 latency ${formatDuration(run.latency.p95)}.` };
}

/** A run's latency percentiles, written as the app writes every time (1.3 s, not 1,298 ms). */
export function latencyLine({ p50, p95, p99 }: Latency): string {
  return `p50 ${formatDuration(p50)} · p95 ${formatDuration(p95)} · p99 ${formatDuration(p99)}`;
}
