import { defineCommand } from '../../command';
import { outcomeStyle } from '../../deliveries';
import { FAILED } from '../../errors';
import { json } from '../../options';
import { Progress } from '../../progress';

export default defineCommand({
  name: 'hooks test',
  args: [{ placeholder: '<hook>', missing: 'a hook name or id (see hookbench hooks list)' }],
  options: { json },
  about: ["Send Logto's test payload for each of the hook's events (not logged), and print each answer."],
  async run(context, options, [reference]) {
    const hook = await context.hook(reference);
    // Test sends are not logged, so the core pushes nothing per event: the line says what is under way.
    const progress = new Progress(context.out.stderr);
    progress.show(`sending ${hook.events.length} test payload(s)…`);
    const results = await context.call('hooks.test', { id: hook.id }).finally(() => progress.done());
    if (options.json) context.out.json(results);
    else {
      const rows = results.map((result) => [
        result.event,
        result.ok ? 'ok' : 'FAILED',
        String(result.status ?? '—'),
        `${result.durationMs} ms`,
        (result.ok ? (result.body ?? '') : (result.error ?? '')).slice(0, 80),
      ]);
      context.out.table(['EVENT', 'RESULT', 'STATUS', 'TIME', 'RESPONSE'], rows, (column, cell) =>
        column === 1 ? outcomeStyle(cell) : null,
      );
    }
    return results.every((result) => result.ok) ? 0 : FAILED;
  },
});
