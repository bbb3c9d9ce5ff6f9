import { defineCommand } from '../../command';
import { describeHook, HOOK_FIELDS, headerRows, hookOptions, retryFields } from '../../hookOptions';

export default defineCommand({
  name: 'hooks add',
  args: [],
  options: {
    name: { ...hookOptions.name, required: true },
    url: { ...hookOptions.url, required: true },
    event: { ...hookOptions.event, required: true },
    header: hookOptions.header,
    'signing-key': hookOptions['signing-key'],
    retries: hookOptions.retries,
    'retry-behaviour': hookOptions['retry-behaviour'],
    disabled: { type: 'boolean', help: 'add it switched off: it receives nothing until enabled' },
  },
  about: ['Add a hook with a new signing key, or the one given (see it with hooks export --with-keys).'],
  async run(context, options) {
    const headers = headerRows(options.header) ?? [];
    const created = await context.call(
      'hooks.create',
      { name: options.name, url: options.url, events: options.event, headers, signingKey: options['signing-key'], ...retryFields(options) },
      HOOK_FIELDS,
    );
    const hook = options.disabled ? await context.call('hooks.update', { id: created.id, enabled: false }, HOOK_FIELDS) : created;
    describeHook(context, 'added', hook);
    return 0;
  },
});
