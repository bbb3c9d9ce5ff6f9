import { defineCommand } from '../../command';
import { HOOK_FIELDS } from '../../hookOptions';

export default defineCommand({
  name: 'hooks remove',
  args: [{ placeholder: '<hook>', missing: 'a hook name or id (see hookbench hooks list)' }],
  options: {},
  about: ['Delete a hook and its signing key; its logged deliveries stay until retention removes them.'],
  async run(context, _options, [reference]) {
    const hook = await context.hook(reference);
    await context.call('hooks.remove', { id: hook.id }, HOOK_FIELDS);
    context.out.print(`removed  ${hook.id}  ${hook.name}`);
    return 0;
  },
});
