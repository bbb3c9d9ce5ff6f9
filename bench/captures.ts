/**
 * 1 000 concurrent captures at the built-in receiver, each signed as Logto signs it: how long they
 * take, and that every one was answered and recorded (none lost). The senders run in this process
 * over a pool of 1 000 connections; the receiver is the real core's, writing the real on-disk log.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { confHookFile, openCore } from '../electron/core';
import type { Input, Method, Result } from '../shared/contract';

const CAPTURES = 1_000;
const dataDir = mkdtempSync(join(tmpdir(), 'hookbench-capture-bench-'));
const core = openCore({ dataDir, hookFile: confHookFile(dataDir), receiver: { port: 0 } });
const call = async <M extends Method>(method: M, input: Input<M>): Promise<Result<M>> => {
  const answer = await core.call(method, input);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
};

try {
  const hook = await call('hooks.create', { name: 'Logto Cloud', url: 'http://localhost:9/unused', events: ['User.Created'] });
  const { baseUrl } = await call('receiver.configure', { capture: { enabled: true } });
  const agent = new Agent({ connections: CAPTURES, pipelining: 0 });
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: CAPTURES }, async (_, index) => {
      const body = JSON.stringify({
        event: 'User.Created',
        createdAt: new Date().toISOString(),
        data: { id: `user-${index}` },
        hookId: 'logto-hook',
      });
      const response = await request(`${baseUrl}/capture`, {
        method: 'POST',
        dispatcher: agent,
        body,
        headers: {
          'content-type': 'application/json',
          'logto-signature-sha-256': createHmac('sha256', hook.signingKey).update(body).digest('hex'),
        },
      });
      const text = await response.body.text();
      return { status: response.statusCode, id: response.statusCode === 200 ? (JSON.parse(text) as { captured: string }).captured : null };
    }),
  );
  const ms = performance.now() - started;
  await agent.close();

  const answered = answers.filter((answer) => answer.status === 200).length;
  const sent = new Set(answers.map((answer) => answer.id));
  let recorded = 0;
  let verified = 0;
  let cursor: string | undefined;
  do {
    const page = await call('logs.query', { hookId: hook.id, kind: 'captured', range: '1h', cursor, limit: 500 });
    for (const row of page.items) {
      if (!sent.has(row.id)) continue;
      recorded++;
      if (row.outcome === 'success') verified++;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  console.log(`capture benchmark: ${CAPTURES.toLocaleString('en')} concurrent signed requests to the built-in receiver's /capture`);
  console.log(`  answered 200:               ${answered} of ${CAPTURES}`);
  console.log(`  recorded in the log:        ${recorded} of ${CAPTURES}   (lost: ${CAPTURES - recorded})`);
  console.log(`  signature verified:         ${verified} of ${CAPTURES}`);
  console.log(
    `  all ${CAPTURES} answered in:       ${ms.toFixed(0)} ms (${Math.round((CAPTURES / ms) * 1000).toLocaleString('en')} captures/s)`,
  );
  if (recorded !== CAPTURES) process.exitCode = 1;
} finally {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
}
