/**
 * `hookbench listen [--port <port>] [--forward <url>]`: runs the built-in receiver until Ctrl-C,
 * capturing what a real Logto sends to /capture (verified, logged, forwarded when asked) and
 * answering hooks scripted at /r/<hookId>. Port and forward target are saved, as the app saves them.
 */

import type { DeliverySummary } from '../../../shared/domain';
import type { Core } from '../../core';

export type ListenIo = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };

export class ListenError extends Error {}

export async function listen(
  core: Core,
  io: ListenIo,
  options: { port?: string; forward?: string },
  stopped: Promise<unknown>,
): Promise<number> {
  const port = options.port === undefined ? undefined : Number(options.port);
  if (port !== undefined && !Number.isInteger(port)) throw new ListenError(`--port takes a port number, not "${options.port}"`);
  const configured = await core.call('receiver.configure', {
    ...(port === undefined ? {} : { port }),
    capture: { enabled: true, ...(options.forward === undefined ? {} : { forwardUrl: options.forward }) },
  });
  if (!configured.ok) {
    const option = configured.error.field === 'port' ? '--port' : configured.error.field?.startsWith('capture') ? '--forward' : null;
    throw new ListenError(option ? `${option}: ${configured.error.message}` : configured.error.message);
  }
  const status = configured.value;
  const forwarding = status.capture.forwardUrl
    ? `, forwarding each to ${status.capture.forwardUrl}`
    : ' (answering 200; add --forward <url> to pass them on)';
  io.stdout.write(
    `Listening on ${status.baseUrl}\n  point Logto's webhooks at ${status.baseUrl}/capture${forwarding}\n  hooks scripted at ${status.baseUrl}/r/<hook id>\nPress Ctrl-C to stop.\n`,
  );
  const stop = core.subscribe((channel, payload) => {
    if (channel !== 'delivery.updated') return;
    const row = payload as DeliverySummary;
    if (row.kind !== 'captured' || row.outcome === 'in_flight') return;
    const time = new Date(row.createdAt).toISOString().slice(11, 19);
    io.stdout.write(
      `${time}  ${row.event}  ${row.outcome === 'success' ? 'ok' : 'FAILED'}  ${row.status ?? '—'}  ${row.id}${row.hookId ? '' : '  (no hook’s key verified it)'}\n`,
    );
  });
  await stopped;
  stop();
  await core.call('receiver.stop', {});
  io.stdout.write('Stopped.\n');
  return 0;
}
