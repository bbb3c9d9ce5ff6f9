import { defineCommand } from '../../command';
import { usageError } from '../../errors';
import { describeHook, HOOK_FIELDS, headerRows, hookOptions, retryFields } from '../../hookOptions';

export default defineCommand({
  name: 'hooks edit',
  args: [{ placeholder: '<hook>', missing: 'a hook name or id (see hookbench hooks list)' }],
  options: {
    name: { ...hookOptions.name, help: 'rename the hook' },
    url: { ...hookOptions.url, help: 'send to this endpoint instead' },
    event: { ...hookOptions.event, help: "the hook's events become exactly these (repeat for more)" },
    header: { ...hookOptions.header, help: "the hook's custom headers become exactly these (repeat for more; '' alone removes them all)" },
    'signing-key': hookOptions['signing-key'],
    retries: hookOptions.retries,
    'retry-behaviour': hookOptions['retry-behaviour'],
  },
  about: ['Change a hook; what is not given stays as it was, its signing key included unless --signing-key is given.'],
  async run(context, options, [reference]) {
    const retry = retryFields(options);
    const key = options['signing-key'];
    const given = [options.name, options.url, options.event, options.header, key].some((value) => value !== undefined);
    if (!given && Object.keys(retry).length === 0) {
      throw usageError(
        'hooks edit needs at least one change: --name, --url, --event, --header, --signing-key, --retries or --retry-behaviour',
      );
    }
    const hook = await context.hook(reference);
    const updated = await context.call(
      'hooks.update',
      {
        id: hook.id,
        name: options.name,
        url: options.url,
        events: options.event,
        headers: headerRows(options.header),
        signingKey: key,
        ...retry,
      },
      HOOK_FIELDS,
    );
    describeHook(context, 'changed', updated);
    return 0;
  },
});
