import type { DeliverySummary } from '../../../shared/domain';
import { defineCommand } from '../command';
import { wholeNumber } from '../options';

/** Resolves when the user presses Ctrl-C (or the process is asked to stop). */
const stopRequested = () =>
  new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });

export default defineCommand({
  name: 'listen',
  args: [],
  options: {
    port: { type: 'string', placeholder: 'port', help: "the built-in receiver's port (saved, as the app saves it; default 4747)" },
    forward: {
      type: 'string',
      placeholder: 'url',
      help: "pass every captured request on to your receiver, same bytes and headers (saved; '' stops forwarding)",
    },
  },
  about: [
    'Run the built-in receiver until Ctrl-C: capture what a real Logto sends to /capture (verified against your',
    "hooks' keys, logged, forwarded with --forward), and answer hooks scripted at /r/<hook id>.",
  ],
  async run(context, options) {
    const port = options.port === undefined ? undefined : wholeNumber('--port', options.port, { what: 'a port number' });
    const status = await context.call(
      'receiver.configure',
      {
        ...(port === undefined ? {} : { port }),
        capture: { enabled: true, ...(options.forward === undefined ? {} : { forwardUrl: options.forward || null }) },
      },
      // A port refused without --port is the saved one: the message says so and how to change it.
      { ...(port === undefined ? {} : { port: '--port' }), capture: '--forward' },
    );
    const forwarding = status.capture.forwardUrl
      ? `, forwarding each to ${status.capture.forwardUrl} (saved; --forward '' stops it)`
      : ' (answering 200; add --forward <url> to pass them on)';
    context.out.print(
      `Listening on ${status.baseUrl}\n  point Logto's webhooks at ${status.baseUrl}/capture${forwarding}\n  hooks scripted at ${status.baseUrl}/r/<hook id>\nPress Ctrl-C to stop.`,
    );
    const stop = context.core.subscribe((channel, payload) => {
      if (channel !== 'delivery.updated') return;
      const row = payload as DeliverySummary;
      if (row.kind !== 'captured' || row.outcome === 'in_flight') return;
      const time = new Date(row.createdAt).toISOString().slice(11, 19);
      const verdict = row.outcome === 'success' ? 'ok' : 'FAILED';
      context.out.print(
        `${time}  ${row.event}  ${verdict}  ${row.status ?? '—'}  ${row.id}${row.hookId ? '' : '  (no hook’s key verified it)'}`,
      );
    });
    await stopRequested();
    stop();
    await context.call('receiver.stop', {});
    context.out.print('Stopped.');
    return 0;
  },
});
