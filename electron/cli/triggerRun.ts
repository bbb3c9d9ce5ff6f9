/**
 * `hookbench trigger … --repeat/--rate/--duplicate/--shuffle`: a paced run over the contract's
 * events.triggerRun. The first Ctrl-C stops it politely (events.stopRun: no more sends, those
 * started finish and are logged, the figures so far are printed); a second one quits at once.
 */
import type { HookEvent } from '../../shared/events';
import type { Context } from './context';
import { FAILED, STOPPED, usageError } from './errors';
import { decimalNumber, wholeNumber } from './options';
import { Progress } from './progress';

type RunOptions = { repeat?: string; rate?: string; duplicate?: boolean; shuffle?: boolean; hook?: string[]; json?: boolean };

/** `--rate 200` or `--rate 200/s`. */
function rate(value: string): number {
  const what = 'deliveries per second above 0, e.g. 100 or 100/s';
  const perSecond = decimalNumber('--rate', value.replace(/\/s$/, ''), what);
  if (perSecond <= 0) throw usageError(`--rate takes ${what}, not "${value}"`);
  return perSecond;
}

export async function chaosRun(context: Context, event: HookEvent, options: RunOptions): Promise<number> {
  const repeat =
    options.repeat === undefined ? 1 : wholeNumber('--repeat', options.repeat, { min: 1, what: 'a whole number of at least 1' });
  const ratePerSecond = options.rate === undefined ? undefined : rate(options.rate);
  const hookIds = options.hook && (await context.hooksChosen(options.hook)).map((hook) => hook.id);
  const progress = new Progress(context.out.stderr);
  // This process runs one run: its first push names it.
  let runId: string | null = null;
  const stopProgress = progress.follow(context.core, 'triggerRun.progress', (now) => {
    runId ??= now.runId;
    return `${now.finished} of ${now.planned} finished, ${now.failed} failed, ${now.achievedRate.toFixed(0)}/s…`;
  });
  const interrupted = () => {
    progress.done();
    context.out.note('stopping: no more sends; those started finish and are logged (Ctrl-C again to quit at once)');
    if (runId) void context.call('events.stopRun', { runId });
  };
  process.once('SIGINT', interrupted);
  const result = await context
    .call(
      'events.triggerRun',
      { event, hookIds, repeat, ratePerSecond, duplicate: options.duplicate === true, shuffle: options.shuffle === true },
      { repeat: '--repeat', ratePerSecond: '--rate', hookIds: '--hook', event: '<event>' },
    )
    .finally(() => {
      process.off('SIGINT', interrupted);
      stopProgress();
    });
  if (options.json) context.out.json(result);
  else {
    const { latency } = result;
    const asked = result.requestedRate === null ? 'all at once' : `${result.requestedRate}/s asked`;
    context.out.print(
      `${result.stopped ? 'Stopped: ' : ''}${result.finished} of ${result.planned} deliveries finished, ${result.failed} failed (error rate ${(result.errorRate * 100).toFixed(1)} %)`,
    );
    context.out.print(`rate: ${result.achievedRate.toFixed(1)}/s achieved, ${asked}; ${(result.elapsedMs / 1000).toFixed(1)} s in all`);
    context.out.print(`latency: p50 ${latency.p50} ms, p95 ${latency.p95} ms, p99 ${latency.p99} ms, max ${latency.max} ms`);
  }
  return result.stopped ? STOPPED : result.failed > 0 ? FAILED : 0;
}
