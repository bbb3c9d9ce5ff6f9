import { counted } from '../../../../shared/counted';
import { defineCommand } from '../../command';
import { HOOK_FIELDS } from '../../hookOptions';

export default defineCommand({
  name: 'hooks remove',
  args: [{ placeholder: '<hook>', missing: 'a hook name or id (see hookbench hooks list)' }],
  options: {
    'delete-deliveries': {
      type: 'boolean',
      help: "also delete the hook's logged deliveries (default: they stay until retention removes them)",
    },
  },
  about: ['Delete a hook and its signing key; its logged deliveries stay until retention removes them.'],
  async run(context, options, [reference]) {
    const hook = await context.hook(reference);
    const deleteDeliveries = options['delete-deliveries'] === true;
    // Counted before removing: afterwards the hook id no longer names a hook.
    const { count } = deleteDeliveries ? { count: 0 } : await context.call('logs.count', { hookId: hook.id });
    const { deletedDeliveries } = await context.call('hooks.remove', { id: hook.id, deleteDeliveries }, HOOK_FIELDS);
    context.out.print(`removed  ${hook.id}  ${hook.name}`);
    if (deleteDeliveries) context.out.note(`deleted ${deletedDeliveries ?? 0} logged deliveries of "${hook.name}"`);
    else if (count > 0) {
      context.out.note(
        `${counted(count, 'logged request')} of "${hook.name}" stay in the log until retention removes them; read them with: hookbench logs --hook ${hook.id}`,
      );
    }
    return 0;
  },
});
