/** `hooks enable` and `hooks disable`: one command each, the same work with the opposite switch. */
import { defineCommand } from '../../command';
import { describeHook, HOOK_FIELDS } from '../../hookOptions';

function switchTo(enabled: boolean) {
  return defineCommand({
    name: enabled ? 'hooks enable' : 'hooks disable',
    args: [{ placeholder: '<hook>', missing: 'a hook name or id (see hookbench hooks list)' }],
    options: {},
    about: [
      enabled
        ? 'Switch a hook on: it receives the events it subscribes to.'
        : 'Switch a hook off: it receives nothing, and keeps its settings.',
    ],
    async run(context, _options, [reference]) {
      const hook = await context.hook(reference);
      describeHook(context, enabled ? 'enabled' : 'disabled', await context.call('hooks.update', { id: hook.id, enabled }, HOOK_FIELDS));
      return 0;
    },
  });
}

export const enable = switchTo(true);
export const disable = switchTo(false);
