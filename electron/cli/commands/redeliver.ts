import { counted } from '../../../shared/counted';
import type { DeliverySummary } from '../../../shared/domain';
import { defineCommand } from '../command';
import type { Context } from '../context';
import { timeRange } from '../context';
import { deliverAndReport } from '../deliveries';
import { FAILED, usageError } from '../errors';
import { decimalNumber, failed, json, since, wholeNumber } from '../options';
import { Progress } from '../progress';

export default defineCommand({
  name: 'redeliver',
  args: [{ placeholder: '<delivery-id>', missing: 'a delivery id (see hookbench logs), or --failed --hook h', optional: true }],
  options: {
    json,
    failed: { ...failed, help: "instead of one delivery: send a hook's failed deliveries again, oldest first (with --hook)" },
    hook: { type: 'string', placeholder: 'h', help: 'with --failed: the hook, by name or id' },
    since,
    limit: { type: 'string', placeholder: 'n', help: 'with --failed: send at most this many (default: 100)' },
    rate: { type: 'string', placeholder: 'r', help: 'with --failed: send at most this many a second (default: 10)' },
  },
  about: ["Send a logged delivery's exact body again, signed with the hook's current key, and wait for the result."],
  async run(context, options, [id]) {
    if (options.failed) {
      if (id !== undefined) throw usageError('redeliver takes a delivery id or --failed, not both');
      if (options.hook === undefined) throw usageError('redeliver --failed needs --hook (the hook whose failed deliveries to send again)');
      return redeliverFailed(context, options.hook, { ...options, json: options.json === true });
    }
    if (id === undefined) throw usageError('redeliver needs a delivery id (see hookbench logs), or --failed --hook h');
    const bulkOnly = (['hook', 'since', 'limit', 'rate'] as const).find((name) => options[name] !== undefined);
    if (bulkOnly) throw usageError(`redeliver --${bulkOnly} goes with --failed; to send one delivery again, give only its id`);
    const status = await deliverAndReport(context, options.json === true, async () => {
      const { delivery } = await context.call('logs.redeliver', { id });
      return [delivery];
    });
    return status ?? 0;
  },
});

async function redeliverFailed(
  context: Context,
  reference: string,
  options: { since?: string; limit?: string; rate?: string; json: boolean },
): Promise<number> {
  // Typed as numbers here; the contract judges their ranges.
  const limit = options.limit === undefined ? undefined : wholeNumber('--limit', options.limit);
  const perSecond =
    options.rate === undefined ? undefined : decimalNumber('--rate', options.rate, 'a number of sends a second, e.g. 10 or 0.5');
  const hook = await context.hook(reference);
  const finished = new Map<string, DeliverySummary>();
  const stop = context.core.subscribe((channel, payload) => {
    if (channel === 'delivery.updated' && (payload as DeliverySummary).outcome !== 'in_flight') {
      finished.set((payload as DeliverySummary).id, payload as DeliverySummary);
    }
  });
  const stopProgress = new Progress(context.out.stderr).follow(
    context.core,
    'redelivery.progress',
    ({ sent, total }) => `${sent} of ${total} sent…`,
  );
  try {
    const { count } = await context.call(
      'logs.redeliverUnsuccessful',
      { hookId: hook.id, range: timeRange(options.since), limit, perSecond },
      { limit: '--limit', perSecond: '--rate', range: '--since' },
    );
    await context.core.settled();
    stopProgress();
    const deliveries = [...finished.values()];
    const failures = deliveries.filter((delivery) => delivery.outcome !== 'success').length;
    if (options.json) context.out.json({ hookId: hook.id, redelivered: count, succeeded: count - failures, failed: failures, deliveries });
    else if (count === 0)
      context.out.say(`nothing was sent: "${hook.name}" has no failed deliveries in that time (--since) that were not redelivered since`);
    else
      context.out.print(
        `redelivered ${counted(count, 'failed delivery', 'failed deliveries')} of "${hook.name}": ${count - failures} succeeded, ${failures} failed`,
      );
    // As for trigger: nothing sent is exit 1, so a script learns that nothing happened.
    return failures > 0 || count === 0 ? FAILED : 0;
  } finally {
    stop();
    stopProgress();
  }
}
