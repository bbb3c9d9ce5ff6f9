import { STATUS_CODES } from 'node:http';
import type { Input } from '../../../shared/contract';
import { har, jsonLines } from '../../../shared/deliveryFormats';
import type { Delivery } from '../../../shared/domain';
import { defineCommand } from '../command';
import { type Context, timeRange } from '../context';
import { usageError } from '../errors';
import { checkOut, writeOut } from '../files';
import { deliveryKind, failed, force, kind, loggedHookFilter, out, since } from '../options';

export default defineCommand({
  name: 'export',
  args: [],
  options: {
    hook: loggedHookFilter,
    format: { type: 'string', placeholder: 'jsonl|har', help: 'JSON Lines, one delivery a line, or HAR 1.2 (default: jsonl)' },
    since,
    failed,
    kind,
    out,
    force,
  },
  about: ['Export logged deliveries, with no limit on how many.'],
  async run(context, options) {
    const format = options.format ?? 'jsonl';
    if (format !== 'jsonl' && format !== 'har') throw usageError(`--format takes jsonl or har, not "${format}"`);
    const range = timeRange(options.since);
    const chosen = deliveryKind(options.kind);
    checkOut(options.out, options.force === true);
    const outcome = options.failed ? ('failed' as const) : undefined;
    const { hookIds } = await context.logScope(options.hook, chosen);
    const all: Delivery[] = [];
    for (const hookId of hookIds) for await (const delivery of pages(context, { hookId, kind: chosen, range, outcome })) all.push(delivery);
    // One timeline across hooks, oldest first, as HAR viewers read entries.
    all.sort((a, b) => a.createdAt - b.createdAt);
    const statusText = (status: number) => STATUS_CODES[status] ?? '';
    await writeOut(options.out, format === 'har' ? har(all, context.version, statusText) : jsonLines(all), context.out.stdout);
    return 0;
  },
});

/** A page of whole deliveries at a time from the contract. */
async function* pages(context: Context, query: Omit<Input<'logs.details'>, 'cursor' | 'limit'>): AsyncGenerator<Delivery> {
  let cursor: string | undefined;
  do {
    const page = await context.call('logs.details', { ...query, cursor, limit: 200 });
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
