import { isHookEvent } from '../../../shared/events';
import { defineCommand } from '../command';
import { deliverAndReport } from '../deliveries';
import { FAILED, usageError } from '../errors';
import { readText } from '../files';
import { json } from '../options';

export default defineCommand({
  name: 'trigger',
  args: [{ placeholder: '<event>', missing: 'an event name, e.g. PostSignIn' }],
  options: {
    payload: {
      type: 'string',
      placeholder: 'file',
      help: "send this JSON object as the body (default: Logto's sample for the event)",
    },
    hook: {
      type: 'string',
      multiple: true,
      placeholder: 'h',
      help: 'only this hook, by name or id (repeat for more; default: every enabled hook subscribed to the event)',
    },
    json,
  },
  about: ['Deliver an event to the hooks subscribed to it, wait for the results and print them.'],
  async run(context, options, [event]) {
    if (!isHookEvent(event)) throw usageError(`"${event}" is not a Logto webhook event`);
    let payload: Record<string, unknown> | undefined;
    if (options.payload !== undefined) {
      try {
        payload = JSON.parse(readText(options.payload));
      } catch (error) {
        if (!(error instanceof SyntaxError)) throw error;
        throw usageError(`${options.payload} is not valid JSON: ${error.message}`);
      }
    }
    const hookIds = options.hook && (await context.hooksChosen(options.hook)).map((hook) => hook.id);
    const status = await deliverAndReport(context, options.json === true, async () => {
      const { deliveries } = await context.call('events.trigger', { event, payload, hookIds }, { payload: '--payload', hookIds: '--hook' });
      return deliveries;
    });
    if (status !== null) return status;
    context.out.note(`no enabled hook subscribes to ${event}; nothing was sent`);
    return FAILED;
  },
});
