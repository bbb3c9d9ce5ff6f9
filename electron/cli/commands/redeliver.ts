import { defineCommand } from '../command';
import { deliverAndReport } from '../deliveries';
import { json } from '../options';

export default defineCommand({
  name: 'redeliver',
  args: [{ placeholder: '<delivery-id>', missing: 'a delivery id (see hookbench logs)' }],
  options: { json },
  about: ["Send a logged delivery's exact body again, signed with the hook's current key, and wait for the result."],
  async run(context, options, [id]) {
    const status = await deliverAndReport(context, options.json === true, async () => {
      const { delivery } = await context.call('logs.redeliver', { id });
      return [delivery];
    });
    return status ?? 0;
  },
});
