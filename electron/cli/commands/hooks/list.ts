import { defineCommand } from '../../command';
import { json } from '../../options';

export default defineCommand({
  name: 'hooks list',
  args: [],
  options: { json },
  about: ['List hooks with their health over the last 24 hours. Signing keys are never shown.'],
  async run(context, options) {
    const hooks = await context.call('hooks.list', {});
    const health = new Map((await context.call('health.list', {})).map((summary) => [summary.hookId, summary]));
    if (options.json) {
      context.out.json(hooks.map(({ signingKey: _secret, ...hook }) => ({ ...hook, health: health.get(hook.id) })));
      return 0;
    }
    if (hooks.length === 0) {
      context.out.print('No hooks yet. Add one: hookbench hooks add --name <name> --url <url> --event <event>');
      return 0;
    }
    const rows = hooks.map((hook) => {
      const figures = health.get(hook.id);
      const rate = figures?.successRate == null ? '—' : `${Math.round(figures.successRate * 100)}%`;
      return [
        hook.id,
        hook.name,
        hook.enabled ? 'enabled' : 'disabled',
        String(hook.events.length),
        String(figures?.total ?? 0),
        rate,
        hook.config.url,
      ];
    });
    context.out.table(['ID', 'NAME', 'STATE', 'EVENTS', 'REQUESTS 24H', 'SUCCESS', 'URL'], rows, (column, cell) =>
      column === 2 && cell === 'disabled' ? 'dim' : null,
    );
    return 0;
  },
});
