import { defineCommand } from '../../command';
import { HOOK_FIELDS } from '../../hookOptions';

export default defineCommand({
  name: 'hooks rotate-key',
  args: [{ placeholder: '<hook>', missing: 'a hook name or id (see hookbench hooks list)' }],
  options: {},
  about: [
    'Give a hook a new signing key and print it: the one command that shows a key, so your receiver can be given it.',
    'The old key stops verifying at once.',
  ],
  async run(context, _options, [reference]) {
    const hook = await context.hook(reference);
    const rotated = await context.call('hooks.regenerateKey', { id: hook.id }, HOOK_FIELDS);
    // The key alone on stdout, so `KEY=$(hookbench hooks rotate-key crm)` works; the words go to stderr.
    context.out.print(rotated.signingKey);
    context.out.note(`new signing key for "${rotated.name}"; deliveries from now on are signed with it`);
    return 0;
  },
});
