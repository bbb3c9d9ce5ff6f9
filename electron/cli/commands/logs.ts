import type { DeliverySummary } from '../../../shared/domain';
import { defineCommand } from '../command';
import { timeRange } from '../context';
import { hookLabel, outcomeStyle } from '../deliveries';
import { deliveryKind, failed, json, kind, kindNoun, loggedHookFilter, since, wholeNumber } from '../options';

export default defineCommand({
  name: 'logs',
  args: [],
  options: {
    hook: loggedHookFilter,
    since,
    failed,
    kind,
    limit: { type: 'string', placeholder: 'n', help: 'show at most n deliveries, newest first (1 to 500; default: 50)' },
    json,
  },
  about: ['Show logged deliveries, newest first; hookbench show <id> shows one in full.'],
  async run(context, options) {
    const chosen = deliveryKind(options.kind);
    const limit =
      options.limit === undefined ? 50 : wholeNumber('--limit', options.limit, { min: 1, max: 500, what: 'a whole number from 1 to 500' });
    const range = timeRange(options.since);
    const outcome = options.failed ? ('failed' as const) : undefined;
    const { hookIds, names } = await context.logScope(options.hook, chosen);
    const pages = await Promise.all(hookIds.map((hookId) => context.call('logs.query', { hookId, kind: chosen, range, limit, outcome })));
    const items: DeliverySummary[] = pages
      .flatMap((page) => page.items)
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, limit);
    if (options.json) {
      context.out.json(items);
      return 0;
    }
    if (items.length === 0) {
      context.out.print(`No ${kindNoun[chosen]}${options.failed ? ' failed' : ''} in the chosen range (${range}).`);
      return 0;
    }
    context.out.table(
      ['TIME', 'DELIVERY', 'HOOK', 'EVENT', 'OUTCOME', 'STATUS', 'ATTEMPTS', 'DURATION'],
      items.map((item) => [
        new Date(item.createdAt).toISOString(),
        item.id,
        hookLabel(names, item.hookId),
        item.event,
        item.outcome,
        String(item.status ?? '—'),
        String(item.attemptCount),
        item.durationMs === null ? '—' : `${item.durationMs} ms`,
      ]),
      (column, cell) => (column === 4 ? outcomeStyle(cell) : null),
    );
    return 0;
  },
});
