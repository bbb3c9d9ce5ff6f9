/** `hookbench check`: a hook's receiver checked the way Logto will treat it (docs/receiver-lab.md). */
import { type CheckCase, type CheckRun, DEFAULT_BURST, MAX_BURST, summariseRun } from '../../../shared/check';
import { counted } from '../../../shared/counted';
import type { DeliverySummary } from '../../../shared/domain';
import { isHookEvent } from '../../../shared/events';
import { junitXml } from '../../../shared/junit';
import { notAnEvent } from '../../../shared/validation';
import { defineCommand } from '../command';
import { FAILED, usageError } from '../errors';
import { checkWritable, writeOut } from '../files';
import { json, wholeNumber } from '../options';
import { Progress } from '../progress';

const MARK: Record<CheckCase['verdict'], string> = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP', info: 'INFO' };

export default defineCommand({
  name: 'check',
  args: [],
  options: {
    hook: { type: 'string', placeholder: 'hook', required: true, help: 'the hook whose receiver to check (name or id)' },
    event: { type: 'string', multiple: true, placeholder: 'event', help: "check these events only (default: the hook's events)" },
    burst: {
      type: 'string',
      placeholder: 'n',
      help: `deliveries sent at once in the burst case (default ${DEFAULT_BURST}, at most ${MAX_BURST})`,
    },
    junit: { type: 'string', placeholder: 'file', help: 'also write the verdicts as JUnit XML, for CI' },
    json,
  },
  about: [
    "Check the hook's receiver the way Logto will treat it: genuine deliveries answered in 10 s, forged requests",
    'refused, duplicates, unknown fields, the largest payload, out-of-order events, a burst. Exit 1 if any case fails.',
  ],
  async run(context, options) {
    const unknown = (options.event ?? []).filter((event) => !isHookEvent(event));
    if (unknown.length > 0) throw usageError(`--event: ${unknown.map(notAnEvent).join('; ')}`);
    const burst =
      options.burst === undefined
        ? DEFAULT_BURST
        : wholeNumber('--burst', options.burst, { min: 1, max: MAX_BURST, what: `a whole number from 1 to ${MAX_BURST}` });
    if (options.junit !== undefined) checkWritable(options.junit);
    const hook = await context.hook(options.hook);
    // Said when the first request leaves, so options the check refuses are never preceded by it.
    let announced = false;
    const stopAnnouncing = context.core.subscribe((channel, payload) => {
      const { kind, hookId } = payload as DeliverySummary;
      if (announced || channel !== 'delivery.updated' || kind !== 'check' || hookId !== hook.id) return;
      announced = true;
      context.out.say(`checking “${hook.name}” at ${hook.config.url}…`);
    });
    const stopProgress = new Progress(context.out.stderr).follow(
      context.core,
      'check.progress',
      ({ judged, count }) => `${counted(count, 'case')} judged · ${MARK[judged.verdict]}  ${judged.id}…`,
    );
    const run = await context
      .call('check.run', { hookId: hook.id, events: options.event?.filter(isHookEvent), burst }, { events: '--event', burst: '--burst' })
      .finally(() => {
        stopAnnouncing();
        stopProgress();
      });
    for (const warning of run.warnings) context.out.say(`warning: ${warning}`);
    if (options.junit) await writeOut(options.junit, [junitXml(run)], context.out.stdout);
    if (options.json) context.out.json(run);
    else {
      for (const item of run.cases) {
        context.out.print(
          `${MARK[item.verdict]}  ${item.id}  ${item.message}${item.warnings.map((warning) => `\n        warning: ${warning}`).join('')}`,
        );
      }
      context.out.print(`\n${tally(run)}`);
    }
    return run.passed ? 0 : FAILED;
  },
});

/** The last line: what failed by name, then every other case counted, so the counts add up to the JUnit file's. */
function tally(run: CheckRun): string {
  const { counts } = summariseRun(run);
  const failed = run.cases.filter((item) => item.verdict === 'fail').map((item) => item.id);
  const others = [
    counts.pass > 0 && `${counts.pass} passed`,
    counts.info > 0 && `${counts.info} informational`,
    counts.skip > 0 && `${counts.skip} skipped`,
  ].filter(Boolean);
  if (failed.length === 0) return `No case failed: ${others.join(', ')}.`;
  return `${failed.length} failed: ${failed.join(', ')}${others.length > 0 ? ` (${others.join(', ')})` : ''}`;
}
