import { isHookEvent } from '../../../shared/events';
import { MAX_PAYLOAD_BYTES } from '../../../shared/limits';
import { notAnEvent } from '../../../shared/validation';
import { defineCommand } from '../command';
import { deliverAndReport } from '../deliveries';
import { FAILED, usageError } from '../errors';
import { readText } from '../files';
import { json } from '../options';
import { chaosRun } from '../triggerRun';

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
    repeat: { type: 'string', placeholder: 'n', help: 'send the event n times (fresh sample payloads), and report latency and errors' },
    rate: {
      type: 'string',
      placeholder: 'r',
      help: 'pace the deliveries at r per second, across all hooks (default with --repeat: all at once)',
    },
    duplicate: { type: 'boolean', help: 'send every payload twice, as a retried delivery would arrive' },
    shuffle: { type: 'boolean', help: 'send in random order' },
    json,
  },
  about: [
    'Deliver an event to the hooks subscribed to it, wait for the results and print them.',
    'With --repeat, --rate, --duplicate or --shuffle: a load or chaos run, with latency percentiles and error rate.',
  ],
  async run(context, options, [event]) {
    if (!isHookEvent(event)) throw usageError(notAnEvent(event));
    if (options.repeat !== undefined || options.rate !== undefined || options.duplicate || options.shuffle) {
      if (options.payload !== undefined)
        throw usageError('--payload sends one body; a run with --repeat sends fresh sample payloads, so use one or the other');
      return chaosRun(context, event, options);
    }
    let payload: Record<string, unknown> | undefined;
    if (options.payload !== undefined) {
      const text = readText(options.payload, MAX_PAYLOAD_BYTES);
      if (text.trim() === '')
        throw usageError(`${options.payload} is empty; put the JSON object to send in it, or leave out --payload to send Logto's sample`);
      try {
        payload = JSON.parse(text);
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
