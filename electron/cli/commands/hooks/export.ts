import { defineCommand } from '../../command';
import { writeOut } from '../../files';
import { out } from '../../options';

export default defineCommand({
  name: 'hooks export',
  args: [],
  options: {
    'with-keys': { type: 'boolean', help: 'include signing keys (anyone with the file can sign as your hooks)' },
    out,
  },
  about: ['Print hook definitions as JSON, to keep or to import elsewhere.'],
  async run(context, options) {
    const file = await context.call('hooks.export', { includeSigningKeys: options['with-keys'] === true });
    await writeOut(options.out, [file.content], context.out.stdout);
    return 0;
  },
});
