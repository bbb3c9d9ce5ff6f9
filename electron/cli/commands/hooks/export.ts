import { defineCommand } from '../../command';
import { checkOut, writeOut } from '../../files';
import { force, out } from '../../options';

export default defineCommand({
  name: 'hooks export',
  args: [],
  options: {
    'with-keys': { type: 'boolean', help: 'include signing keys (anyone with the file can sign as your hooks)' },
    out,
    force,
  },
  about: ['Print hook definitions as JSON, to keep or to import elsewhere.'],
  async run(context, options) {
    checkOut(options.out, options.force === true);
    const file = await context.call('hooks.export', { includeSigningKeys: options['with-keys'] === true });
    await writeOut(options.out, [file.content], context.out.stdout);
    return 0;
  },
});
