import { STATUS_CODES } from 'node:http';
import { har, jsonLines } from '../../../shared/deliveryFormats';
import type { Delivery } from '../../../shared/domain';
import { defineCommand } from '../command';
import { type Context, timeRange } from '../context';
import { usageError } from '../errors';
import { checkOut, writeOut } from '../files';
import { failed, force, loggedHookFilter, out, since } from '../options';

export default defineCommand({
  name: 'export',
  args: [],
  options: {
    hook: loggedHookFilter,
    format: { type: 'string', placeholder: 'jsonl|har', help: 'JSON Lines, one delivery a line, or HAR 1.2 (default: jsonl)' },
    since,
    failed,
    out,
    force,
  },
  about: ['Export logged deliveries, with no limit on how many.'],
  async run(context, options) {
    const format = options.format ?? 'jsonl';
    if (format !== 'jsonl' && format !== 'har') throw usageError(`--format takes jsonl or har, not "${format}"`);
    const range = timeRange(options.since);
    checkOut(options.out, options.force === true);
    const outcome = options.failed ? ('failed' as const) : undefined;
    const hooks = await context.logSources(options.hook);
    const all: Delivery[] = [];
    for (const hook of hooks) for await (const delivery of pages(context, hook.id, range, outcome)) all.push(delivery);
    // One timeline across hooks, oldest first, as HAR viewers read entries.
    all.sort((a, b) => a.createdAt - b.createdAt);
    const statusText = (status: number) => STATUS_CODES[status] ?? '';
    await writeOut(options.out, format === 'har' ? har(all, context.version, statusText) : jsonLines(all), context.out.stdout);
    return 0;
  },
});

/** A page of whole deliveries at a time from the contract. */
async function* pages(
  context: Context,
  hookId: string,
  range: ReturnType<typeof timeRange>,
  outcome: 'failed' | undefined,
): AsyncGenerator<Delivery> {
  let cursor: string | undefined;
  do {
    const page = await context.call('logs.details', { hookId, range, outcome, cursor, limit: 200 });
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
