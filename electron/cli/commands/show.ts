/** `hookbench show <id>`: one logged request in full, as the app's detail view shows it. */

import { counted } from '../../../shared/counted';
import { curlCommand } from '../../../shared/curl';
import type { Attempt, Delivery } from '../../../shared/domain';
import { STORED_BODY_CAP } from '../../../shared/limits';
import { defineCommand } from '../command';
import { hookLabel } from '../deliveries';
import { usageError } from '../errors';
import { json } from '../options';

export default defineCommand({
  name: 'show',
  args: [{ placeholder: '<id>', missing: 'the id of a logged request (the DELIVERY column of hookbench logs)' }],
  options: {
    json: { ...json, help: 'print the whole request and its attempts as JSON' },
    curl: { type: 'boolean', help: 'print the request as a curl command that sends the same bytes (its signature still verifies)' },
  },
  about: [
    'Show one logged request in full: what was sent (or captured), every attempt with its answer and why',
    'another followed or not, and why it failed.',
  ],
  async run(context, options, [id]) {
    if (options.json && options.curl) throw usageError('show prints --json or --curl, not both; give one');
    const delivery = await context.call('logs.get', { id });
    if (options.curl) context.out.print(curlCommand(delivery.request));
    else if (options.json) context.out.json(delivery);
    else context.out.print(described(delivery, await context.hookNames()));
    return 0;
  },
});

function described(delivery: Delivery, names: ReadonlyMap<string, string>): string {
  const { request } = delivery;
  const facts: Array<[string, string | null]> = [
    ['kind', delivery.kind],
    ['hook', delivery.hookId === null ? hookLabel(names, null) : `${hookLabel(names, delivery.hookId)} (${delivery.hookId})`],
    ['event', delivery.event],
    ['created', new Date(delivery.createdAt).toISOString()],
    ['outcome', outcomeLine(delivery)],
    ['error', delivery.error],
    ['retries', delivery.retryBehaviour],
    [delivery.kind === 'captured' ? 'replay of' : 'redelivery of', delivery.redeliveryOf],
    ['check run', delivery.runId],
  ];
  const width = Math.max(...facts.map(([name]) => name.length));
  return [
    `${delivery.kind === 'captured' ? 'request' : 'delivery'} ${delivery.id}`,
    ...facts.filter(([, value]) => value !== null).map(([name, value]) => `  ${name.padEnd(width)}  ${value}`),
    '',
    delivery.kind === 'captured' ? 'Request received' : 'Request sent',
    `  ${request.method} ${request.url}`,
    ...headerLines(request.headers),
    '',
    indented(request.body),
    ...delivery.attempts.flatMap((attempt) => ['', ...attemptLines(attempt, delivery.kind === 'captured')]),
  ].join('\n');
}

function outcomeLine(delivery: Delivery): string {
  const parts = [delivery.outcome, delivery.status === null ? 'no answer' : `status ${delivery.status}`];
  if (delivery.kind !== 'captured') parts.push(counted(delivery.attemptCount, 'attempt'));
  if (delivery.durationMs !== null) parts.push(`${delivery.durationMs} ms`);
  return parts.join(', ');
}

function attemptLines(attempt: Attempt, captured: boolean): string[] {
  const answer = attempt.error ? `${attempt.error.kind}: ${attempt.error.message}` : `${attempt.status}`;
  const lines = [
    `${captured ? 'Forwarded' : `Attempt ${attempt.number}`} at ${new Date(attempt.startedAt).toISOString()}: ${answer} in ${attempt.durationMs} ms`,
  ];
  if (attempt.retry) lines.push(`  ${attempt.retry}`);
  if (attempt.note) lines.push(`  note: ${attempt.note}`);
  if (attempt.headers) lines.push(...headerLines(attempt.headers));
  if (attempt.body !== null && attempt.body !== '') {
    lines.push('', indented(attempt.body));
    if (attempt.bodyTruncated) lines.push(`  (the response body is cut at ${STORED_BODY_CAP / 1024} KiB)`);
  }
  return lines;
}

const headerLines = (headers: Record<string, string>) => Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);

const indented = (text: string) =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
