import { defineCommand } from '../../command';
import { outcomeStyle } from '../../deliveries';
import { FAILED } from '../../errors';
import { HOOK_FIELDS, headerRows, hookOptions, retryFields } from '../../hookOptions';
import { json } from '../../options';
import { Progress } from '../../progress';

export default defineCommand({
  name: 'hooks test',
  args: [{ placeholder: '<hook>', missing: 'a hook name or id (see hookbench hooks list)' }],
  options: {
    json,
    url: { ...hookOptions.url, help: 'test this endpoint instead of the stored one (not saved)' },
    event: { ...hookOptions.event, help: 'test these events instead of the stored ones (not saved; repeat for more)' },
    header: { ...hookOptions.header, help: 'test with these custom headers instead (not saved; repeat for more)' },
    retries: hookOptions.retries,
    'retry-behaviour': hookOptions['retry-behaviour'],
  },
  about: [
    "Send Logto's test payload for each event (not logged), signed with the stored key, and print each answer.",
    'Like the Console, it can test values not saved yet: --url, --event, --header, --retries, --retry-behaviour.',
  ],
  async run(context, options, [reference]) {
    const hook = await context.hook(reference);
    const overrides = { url: options.url, events: options.event, headers: headerRows(options.header), ...retryFields(options) };
    const eventCount = options.event?.length ?? hook.events.length;
    // Test sends are not logged, so the core pushes nothing per event: the line says what is under way.
    const progress = new Progress(context.out.stderr);
    progress.show(`sending ${eventCount} test payload(s)…`);
    const results = await context.call('hooks.test', { id: hook.id, ...overrides }, HOOK_FIELDS).finally(() => progress.done());
    if (options.json) context.out.json(results);
    else {
      const rows = results.map((result) => [
        result.event,
        result.ok ? 'ok' : 'FAILED',
        String(result.status ?? '—'),
        `${result.durationMs} ms`,
        // An error is said whole (it ends with what to do); a body is previewed, marked when cut.
        result.ok ? preview(result.body ?? '') : (result.error ?? ''),
      ]);
      context.out.table(['EVENT', 'RESULT', 'STATUS', 'TIME', 'RESPONSE'], rows, (column, cell) =>
        column === 1 ? outcomeStyle(cell) : null,
      );
    }
    return results.every((result) => result.ok) ? 0 : FAILED;
  },
});

const PREVIEW_CHARACTERS = 80;

function preview(body: string): string {
  return body.length > PREVIEW_CHARACTERS ? `${body.slice(0, PREVIEW_CHARACTERS)}…` : body;
}
