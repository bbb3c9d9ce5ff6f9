/**
 * `hookbench check` against three receivers, each a real process: one that verifies correctly, one
 * that verifies a re-formatted body, one that accepts everything. The exit status, the cases named
 * as failing, the JUnit file read back, and the log rows the check left.
 */

import { createHmac } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { CheckRunner } from '../../electron/core/check/runner';
import { CHECK_RUNS_FILE, CheckRunStore } from '../../electron/core/check/runStore';
import type { CheckSend } from '../../electron/core/delivery/engine';
import type { CheckCase, CheckProgress } from '../../shared/check';
import type { Delivery, Hook, Notice } from '../../shared/domain';
import { cliInProcess } from '../support/cli';
import { withCore } from '../support/core';
import { freePort, startProcess } from '../support/process';
import { startReceiver } from '../support/receiver';
import { useTempDir } from '../support/tempDir';
import { childrenNamed, parseXml } from '../support/xml';

const tempDir = useTempDir();
let dataDir: string;
beforeEach(() => {
  dataDir = tempDir();
});

const fixture = (name: string) => join('test/fixtures/receivers', `${name}.mjs`);

const cli = (...args: string[]) => cliInProcess(dataDir, ...args);

/** A hook named `name` whose receiver is the fixture, started with the hook's own key. */
async function hookWithReceiver(name: string, receiver: string, events = ['User.Created', 'PostSignIn']) {
  return withCore(dataDir, async (app) => {
    const hook = await app.call('hooks.create', { name, url: 'http://127.0.0.1:9/placeholder', events });
    const process = await startProcess(globalThis.process.execPath, [fixture(receiver)], { env: { SIGNING_KEY: hook.signingKey } });
    return app.call('hooks.update', { id: hook.id, url: process.url });
  });
}

const FORGED = ['forged:body-changed', 'forged:header-empty', 'forged:header-missing', 'forged:header-short', 'forged:wrong-key'];
/** Every case after the genuine ones, in the order a run lists them. */
const AFTER_GENUINE = [
  ...['body-changed', 'wrong-key', 'header-missing', 'header-empty', 'header-short'].map((name) => `forged:${name}`),
  'duplicate',
  'unknown-fields',
  'largest-payload',
  'out-of-order',
  'burst',
  'raw-bytes',
];

function junitVerdicts(file: string) {
  const suite = childrenNamed(parseXml(readFileSync(file, 'utf8')), 'testsuite')[0]!;
  const cases = childrenNamed(suite, 'testcase');
  return {
    suite: suite.attributes,
    failing: cases.filter((item) => childrenNamed(item, 'failure').length > 0).map((item) => item.attributes.name!.split(' — ')[0]!),
    names: cases.map((item) => item.attributes.name!.split(' — ')[0]!),
  };
}

describe('hookbench check', () => {
  it('passes a receiver that verifies the raw bytes in constant time and answers 401, exit 0', async () => {
    await hookWithReceiver('Correct', 'correct');
    const junit = join(dataDir, 'correct.xml');
    const result = await cli('check', '--hook', 'Correct', '--junit', junit);
    expect(result.err).toContain('checking “Correct”');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^PASS {2}genuine:User\.Created /m);
    expect(result.out).toMatch(/^PASS {2}forged:header-short {2}Refused with 401\.$/m);
    expect(result.out).toMatch(/^PASS {2}burst {2}All 50 answered 2xx; p50 \d+ ms, p95 \d+ ms, p99 \d+ ms\.$/m);
    expect(result.out).toMatch(/^INFO {2}raw-bytes {2}Accepted: the receiver verifies the raw bytes/m);
    // The last line counts every case, as the JUnit file does: 12 passed and the informational probe.
    expect(result.out).toMatch(/\nNo case failed: 12 passed, 1 informational\.\n$/);

    const read = junitVerdicts(junit);
    expect(read.failing).toEqual([]);
    expect(read.suite).toMatchObject({ tests: '13', failures: '0', skipped: '0' });
    expect(read.names).toEqual(['genuine:User.Created', 'genuine:PostSignIn', ...AFTER_GENUINE]);
  });

  it('tells each case on a terminal’s stderr as it is judged, and clears the line before the report', async () => {
    await hookWithReceiver('Told', 'correct', ['User.Created']);
    const stderr = Object.assign(new PassThrough(), { isTTY: true });
    let err = '';
    stderr.on('data', (chunk) => (err += chunk));
    const stdout = new PassThrough();
    const code = await runCli(['--data-dir', dataDir, 'check', '--hook', 'Told', '--burst', '3'], {
      stdout,
      stderr,
      env: {},
      version: '1',
    });
    expect(code).toBe(0);
    expect(err).toContain('1 case judged · PASS  genuine:User.Created…');
    expect(err).toMatch(/11 cases judged · (PASS|INFO) {2}[a-z:-]+…/);
    expect(err.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('fails a receiver that verifies a re-formatted body: Logto’s genuine bytes are refused, exit 1', async () => {
    await hookWithReceiver('Reformatting', 'reformatting');
    const junit = join(dataDir, 'reformatting.xml');
    const result = await cli('check', '--hook', 'Reformatting', '--junit', junit);
    expect(result.code).toBe(1);
    const failing = [
      'genuine:User.Created',
      'genuine:PostSignIn',
      'duplicate',
      'unknown-fields',
      'largest-payload',
      'out-of-order',
      'burst',
    ];
    expect(result.out).toContain(`7 failed: ${failing.join(', ')}`);
    expect(result.out).toContain(
      'genuine delivery (User.Created): refused with 401 although genuine and correctly signed: does the receiver verify a re-formatted body',
    );
    // Refusing everything, it proves nothing by refusing forgeries or the re-formatted probe.
    expect(result.out).toMatch(/^INFO {2}raw-bytes {2}Not conclusive: the genuine User\.Created delivery was refused too \(401\)/m);
    for (const forged of FORGED) expect(result.out).toMatch(new RegExp(`^INFO {2}${forged} {2}Not conclusive: `, 'm'));
    expect(result.out).toMatch(/\(6 informational\)\n$/);
    expect(junitVerdicts(junit).failing).toEqual(failing);
  });

  it('fails a receiver that accepts everything: “accepts forged requests”, exit 1', async () => {
    await hookWithReceiver('Open door', 'accept-all');
    const junit = join(dataDir, 'open.xml');
    const result = await cli('check', '--hook', 'Open door', '--junit', junit, '--burst', '5');
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      `5 failed: forged:body-changed, forged:wrong-key, forged:header-missing, forged:header-empty, forged:header-short`,
    );
    expect(result.out).toContain('FAIL  forged:wrong-key  Accepts forged requests: signed with a wrong key was answered 200.');
    expect(result.out).toMatch(/^INFO {2}raw-bytes {2}Not conclusive: the receiver also accepts forged requests/m);
    const read = junitVerdicts(junit);
    expect([...read.failing].sort()).toEqual(FORGED);
    expect(read.suite.failures).toBe('5');
  });

  it('fails the genuine case of an unreachable receiver, exit 1, and sends nothing more: the rest is skipped', async () => {
    const closed = await freePort();
    const hook = await withCore(dataDir, (app) =>
      app.call('hooks.create', { name: 'Gone', url: `http://127.0.0.1:${closed}/hook`, events: ['User.Created', 'PostSignIn'] }),
    );
    const result = await cli('check', '--hook', 'Gone', '--burst', '3', '--json');
    expect(result.code).toBe(1);
    const run = JSON.parse(result.out) as { cases: CheckCase[] };
    expect(run.cases.filter((item) => item.verdict === 'fail').map((item) => item.id)).toEqual([
      'genuine:User.Created',
      'genuine:PostSignIn',
    ]);
    expect(run.cases[0]!.message).toContain('Connection refused');
    const rest = run.cases.slice(2);
    expect(rest.map((item) => item.id)).toEqual(AFTER_GENUINE);
    for (const item of rest) {
      expect(item, item.id).toMatchObject({ verdict: 'skip', evidence: [] });
      expect(item.message).toBe(
        'Not sent: no genuine delivery got an answer, so this case could not be judged. Make the genuine case pass first, then check again.',
      );
    }
    // Only the two genuine requests were tried, and logged.
    const logged = await withCore(dataDir, (app) => app.call('logs.query', { hookId: hook.id, kind: 'check' }));
    expect(logged.items.map((item) => item.event).sort()).toEqual(['PostSignIn', 'User.Created']);
  });

  it('stops after the genuine deliveries when a receiver hangs up on them, so it is not sent the other cases', async () => {
    const receiver = await startReceiver();
    let received = 0;
    receiver.answer((_request, response) => {
      received++;
      response.socket?.destroy();
    });
    await withCore(dataDir, async (app) => {
      const hook = await app.call('hooks.create', { name: 'Hangs up', url: receiver.url, events: ['User.Created'], retries: 0 });
      const run = await app.call('check.run', { hookId: hook.id, burst: 5 });
      expect(received).toBe(1);
      expect(run.cases.map((item) => item.verdict)).toEqual(['fail', ...Array(run.cases.length - 1).fill('skip')]);
      expect(run.passed).toBe(false);
    });
    await receiver.close();
  });

  it('exits 2 for an unknown hook, no matching events and bad options; checks a disabled hook with a warning', async () => {
    const hook = await hookWithReceiver('Lab', 'correct', ['User.Created']);
    expect(await cli('check', '--hook', 'Nobody')).toMatchObject({
      code: 2,
      err: expect.stringContaining('No hook is named or has the id "Nobody"'),
    });
    // Refused before anything is said to be checked.
    expect(await cli('check', '--hook', 'Lab', '--event', 'PostRegister')).toEqual({
      code: 2,
      out: '',
      err: 'hookbench: --event: “Lab” subscribes to none of PostRegister; it subscribes to User.Created.\n',
    });
    expect(await cli('check', '--hook', 'Lab', '--event', 'User.Exploded', '--event', 'user_created')).toMatchObject({
      code: 2,
      err: 'hookbench: --event: "User.Exploded" is not a Logto webhook event; "user_created" is not a Logto webhook event; did you mean User.Created? Event names are matched exactly\n',
    });
    expect(await cli('check', '--hook', 'Lab', '--burst', '0')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--burst takes a whole number'),
    });
    expect(await cli('check', '--hook', 'Lab', '--colour')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Unknown option --colour; the options it takes are below'),
    });
    expect(await cli('check')).toMatchObject({ code: 2, err: expect.stringContaining('check needs --hook') });
    // A JUnit file that could not be written is refused before the check runs, not after it.
    expect(await cli('check', '--hook', 'Lab', '--junit', join(dataDir, 'no-such-folder', 'j.xml'))).toEqual({
      code: 2,
      out: '',
      err: `hookbench: Could not write ${join(dataDir, 'no-such-folder', 'j.xml')}: the folder ${join(dataDir, 'no-such-folder')} does not exist; create it first or choose another file\n`,
    });
    expect(await cli('check', '--hook', 'Lab', '--junit', '')).toMatchObject({
      code: 2,
      err: 'hookbench: Name the file to write; an empty name was given\n',
    });
    expect(await cli('check', '--hook', 'Lab', '--junit', dataDir)).toMatchObject({
      code: 2,
      err: expect.stringContaining('that is a folder; name a file inside it'),
    });

    await withCore(dataDir, (app) => app.call('hooks.update', { id: hook.id, enabled: false }));
    const disabled = await cli('check', '--hook', hook.id, '--burst', '2');
    expect(disabled.code).toBe(0);
    expect(disabled.err).toContain('warning: “Lab” is disabled: Logto sends it nothing until it is enabled. Checked anyway.');
  });
});

describe('check runs in the core', () => {
  it('titles cases in plain English: the article an event name takes, one delivery in a burst', async () => {
    const receiver = await startReceiver();
    await withCore(dataDir, async (app) => {
      const titleFor = async (event: 'User.Created' | 'Organization.Created') => {
        const hook = await app.call('hooks.create', { name: event, url: receiver.url, events: [event] });
        const run = await app.call('check.run', { hookId: hook.id, burst: 1 });
        expect(run.cases.find((item) => item.id === 'burst')!.title).toBe('A burst of 1 delivery at once is answered 2xx within 10 s');
        return run.cases.find((item) => item.id === 'out-of-order')!.title;
      };
      expect(await titleFor('User.Created')).toBe('A User.Data.Updated before its User.Created is answered 2xx both times');
      expect(await titleFor('Organization.Created')).toBe(
        'An Organization.Data.Updated before its Organization.Created is answered 2xx both times',
      );
    });
    await receiver.close();
  });

  it('logs every request as kind check linked to its run, keeps the run, and lists it', async () => {
    const hook = await hookWithReceiver('Logged', 'correct', ['User.Created']);
    await withCore(dataDir, async (app) => {
      const told: CheckProgress[] = [];
      app.subscribe((channel, payload) => channel === 'check.progress' && told.push(payload as CheckProgress));
      const run = await app.call('check.run', { hookId: hook.id, burst: 4 });
      expect(run.passed).toBe(true);
      // Each case was told as soon as it was judged, once, counted, with its verdict.
      expect(told.map((progress) => progress.count)).toEqual(run.cases.map((_, index) => index + 1));
      expect(new Set(told.map((progress) => progress.runId))).toEqual(new Set([run.id]));
      expect(told.map((progress) => `${progress.judged.id} ${progress.judged.verdict}`).sort()).toEqual(
        run.cases.map((item) => `${item.id} ${item.verdict}`).sort(),
      );
      const sent = run.cases.flatMap((item) => item.evidence);
      const page = await app.call('logs.details', { hookId: hook.id, range: 'all', kind: 'check', limit: 500 });
      expect(page.items).toHaveLength(sent.length);
      expect(new Set(page.items.map((row) => row.runId))).toEqual(new Set([run.id]));
      expect(new Set(page.items.map((row) => row.id))).toEqual(new Set(sent.map((item) => item.deliveryId)));
      expect((await app.call('logs.query', { hookId: hook.id, range: 'all' })).items).toEqual([]);
      const missing = page.items.find(
        (row) => row.id === run.cases.find((item) => item.id === 'forged:header-missing')!.evidence[0]!.deliveryId,
      )!;
      expect(missing.request.headers).not.toHaveProperty('logto-signature-sha-256');

      expect(await app.call('check.get', { runId: run.id })).toEqual(run);
      expect(await app.call('check.runs', { hookId: hook.id })).toEqual([
        expect.objectContaining({ id: run.id, passed: true, counts: { pass: 12 - 1, fail: 0, skip: 0, info: 1 } }),
      ]);
    });
    // Kept across restarts, in a file only its owner reads: the evidence holds the headers sent, tokens included.
    await withCore(dataDir, async (app) => expect(await app.call('check.runs', { hookId: hook.id })).toHaveLength(1));
    expect(statSync(join(dataDir, CHECK_RUNS_FILE)).mode & 0o777).toBe(0o600);
  });

  it('passes a forged request answered 5xx but flags it, because Logto would retry it', async () => {
    const receiver = await startReceiver();
    await withCore(dataDir, async (app) => {
      const hook = await app.call('hooks.create', { name: 'Throws', url: receiver.url, events: ['User.Created'] });
      const expected = (body: string) => createHmac('sha256', hook.signingKey).update(body).digest('hex');
      receiver.answer((request, response) => {
        const valid = request.headers['logto-signature-sha-256'] === expected(request.body);
        response.writeHead(valid ? 200 : 500).end();
      });
      const run = await app.call('check.run', { hookId: hook.id, burst: 2 });
      const short = run.cases.find((item) => item.id === 'forged:header-short')!;
      expect(short).toMatchObject({ verdict: 'pass', message: 'Refused with 500.' });
      expect(short.warnings[0]).toContain('Logto counts a 5xx as a failure and retries it up to 3 more times. Answer 401 instead');
      expect(short.evidence[0]!.request.headers['logto-signature-sha-256']).toHaveLength(32);
    });
    await receiver.close();
  });

  it('calls forged requests inconclusive, not failed, when the genuine delivery got no answer either', async () => {
    const receiver = await startReceiver();
    // Another event is answered, so the check goes on; User.Created, which forgeries are sent as, never is.
    receiver.answer((request, response) => {
      if (request.body.includes('"User.Created"')) response.socket?.destroy();
      else response.writeHead(200).end();
    });
    await withCore(dataDir, async (app) => {
      const hook = await app.call('hooks.create', {
        name: 'Hangs up',
        url: receiver.url,
        events: ['User.Created', 'PostSignIn'],
        retries: 0,
      });
      const run = await app.call('check.run', { hookId: hook.id, burst: 2 });
      const forged = run.cases.filter((item) => item.id.startsWith('forged:'));
      expect(forged.map((item) => item.verdict)).toEqual(Array(5).fill('info'));
      expect(forged[0]!.message).toMatch(
        /^Not conclusive: the genuine User\.Created delivery got no answer either \(.+\), so this does not show whether the signature is checked\. Make the genuine case pass first\.$/,
      );
      expect(run.cases.find((item) => item.id === 'genuine:User.Created')!.verdict).toBe('fail');
      // A reason quoted inside a sentence keeps no full stop of its own: no ".;" or ".)".
      for (const item of run.cases) expect(item.message, item.id).not.toMatch(/\.[;)]/);
    });
    await receiver.close();
  });

  it('calls forged refusals inconclusive when the genuine delivery got the same answer, and keeps the ones that differ', async () => {
    const receiver = await startReceiver();
    receiver.answer((_request, response) => {
      response.writeHead(500).end();
    });
    await withCore(dataDir, async (app) => {
      const hook = await app.call('hooks.create', { name: 'Broken', url: receiver.url, events: ['User.Created'] });
      const run = await app.call('check.run', { hookId: hook.id, burst: 2 });
      const forged = run.cases.filter((item) => item.id.startsWith('forged:'));
      expect(forged.map((item) => item.verdict)).toEqual(['info', 'info', 'info', 'info', 'info']);
      expect(forged[0]!.message).toBe(
        'Not conclusive: the genuine User.Created delivery was answered 500 too, so this does not show whether the signature is checked. Make the genuine case pass first.',
      );
      expect(forged[0]!.warnings).toEqual([]);
      expect(run.cases.find((item) => item.id === 'raw-bytes')!.message).toMatch(
        /^Not conclusive: the genuine User\.Created delivery was refused too \(500\)/,
      );
      expect(run.cases.find((item) => item.id === 'genuine:User.Created')!.message).toBe(
        'genuine delivery (User.Created): answered 500; Logto counts a 5xx as a failure and retries it up to 3 more times',
      );

      // A receiver that fails genuine requests but answers a forgery 401 does tell them apart.
      const expected = (body: string) => createHmac('sha256', hook.signingKey).update(body).digest('hex');
      receiver.answer((request, response) => {
        response.writeHead(request.headers['logto-signature-sha-256'] === expected(request.body) ? 500 : 401).end();
      });
      const told = await app.call('check.run', { hookId: hook.id, burst: 2 });
      expect(told.cases.filter((item) => item.id.startsWith('forged:')).map((item) => item.verdict)).toEqual(Array(5).fill('pass'));
      receiver.answer((_request, response) => {
        response.writeHead(500).end();
      });
    });
    const cli500 = await cli('check', '--hook', 'Broken', '--burst', '2');
    expect(cli500.code).toBe(1);
    expect(cli500.out).toMatch(/^INFO {2}forged:wrong-key {2}Not conclusive/m);
    expect(cli500.out).toMatch(
      /\n6 failed: genuine:User\.Created, duplicate, unknown-fields, largest-payload, out-of-order, burst \(6 informational\)\n$/,
    );
    await receiver.close();
  });

  it('says a receiver that verifies JSON re-serialised compactly passes Logto’s bytes but refuses the re-formatted probe', async () => {
    const receiver = await startReceiver();
    await withCore(dataDir, async (app) => {
      const hook = await app.call('hooks.create', { name: 'Compact', url: receiver.url, events: ['User.Created'] });
      receiver.answer((request, response) => {
        const compact = JSON.stringify(JSON.parse(request.body));
        const expected = createHmac('sha256', hook.signingKey).update(compact).digest('hex');
        response.writeHead(request.headers['logto-signature-sha-256'] === expected ? 200 : 401).end();
      });
      const run = await app.call('check.run', { hookId: hook.id, burst: 2 });
      expect(run.passed).toBe(true);
      expect(run.cases.find((item) => item.id === 'forged:wrong-key')!.verdict).toBe('pass');
      expect(run.cases.find((item) => item.id === 'raw-bytes')).toMatchObject({
        verdict: 'info',
        message: expect.stringMatching(/^Refused \(401\): the receiver re-serialises the JSON before verifying\./),
      });
    });
    await receiver.close();
  });

  it('words the advice for the hook: no retries for a hook that sends once, no signature for a hook without a key', async () => {
    const receiver = await startReceiver();
    await withCore(dataDir, async (app) => {
      const once = await app.call('hooks.create', {
        name: 'Once',
        url: receiver.url,
        events: ['User.Created'],
        retryBehaviour: 'send-once',
      });
      const expected = (body: string) => createHmac('sha256', once.signingKey).update(body).digest('hex');
      receiver.answer((request, response) => {
        response.writeHead(request.headers['logto-signature-sha-256'] === expected(request.body) ? 503 : 500).end();
      });
      const run = await app.call('check.run', { hookId: once.id, burst: 1 });
      expect(run.cases.find((item) => item.id === 'genuine:User.Created')!.message).toBe(
        'genuine delivery (User.Created): answered 503; Logto counts a 5xx as a failure and does not retry it (this hook sends once)',
      );
      expect(run.cases.find((item) => item.id === 'forged:wrong-key')!.warnings).toEqual([
        'Answered 500: Logto counts a 5xx as a failure and does not retry it (this hook sends once). Answer 401 instead (does the signature comparison throw?).',
      ]);

      const single = await app.call('hooks.update', { id: once.id, retryBehaviour: 'retry-5xx', retries: 1 });
      const retried = await app.call('check.run', { hookId: single.id, burst: 1 });
      expect(retried.cases.find((item) => item.id === 'forged:wrong-key')!.warnings[0]).toMatch(
        /^Answered 500: Logto counts a 5xx as a failure and retries it up to 1 more time\. /,
      );
      // Retried by its behaviour, but with retries 0: not retried, and not because it "sends once".
      const none = await app.call('hooks.update', { id: once.id, retries: 0 });
      const unretried = await app.call('check.run', { hookId: none.id, burst: 1 });
      expect(unretried.cases.find((item) => item.id === 'genuine:User.Created')!.message).toBe(
        'genuine delivery (User.Created): answered 503; Logto counts a 5xx as a failure and does not retry it (this hook’s retries are 0)',
      );

      const keyless = await app.call('hooks.update', { id: once.id, signingKey: '' });
      receiver.answer((_request, response) => {
        response.writeHead(401).end();
      });
      const unsigned = await app.call('check.run', { hookId: keyless.id, burst: 1 });
      expect(unsigned.cases.find((item) => item.id === 'genuine:User.Created')!.message).toBe(
        'genuine delivery (User.Created): refused with 401, yet this is what Logto sends this hook: no signature, as the hook has no signing key. Does the receiver expect one?',
      );
    });
    await receiver.close();
  });

  it('skips the forged cases, with a note, for a hook without a signing key', async () => {
    const delivered: CheckSend[] = [];
    const send = async (request: CheckSend): Promise<Delivery> => {
      delivered.push(request);
      const attempt = { number: 1, startedAt: 0, durationMs: 1, status: 200, headers: {}, body: 'ok', bodyTruncated: false, error: null };
      return {
        id: String(delivered.length),
        kind: 'check',
        hookId: request.hook.id,
        event: request.event,
        createdAt: 0,
        outcome: 'success',
        status: 200,
        durationMs: 1,
        attemptCount: 1,
        request: { method: 'POST', url: request.hook.config.url, headers: {}, body: request.body },
        attempts: [attempt],
        error: null,
        redeliveryOf: null,
        retryBehaviour: 'send-once',
        runId: request.runId,
      };
    };
    const runner = new CheckRunner(send, new CheckRunStore(dataDir, () => {}));
    const hook: Hook = {
      id: 'h',
      name: 'Keyless',
      events: ['User.Created'],
      config: { url: 'http://127.0.0.1/x', headers: {}, retries: 3 },
      signingKey: '',
      retryBehaviour: null,
      enabled: true,
      createdAt: 0,
    };
    const run = await runner.run(hook, { events: hook.events, burst: 1, retriesOn5xx: 3, sendsOnce: false, warnings: [] });
    const forged = run.cases.filter((item) => item.id.startsWith('forged:'));
    expect(forged.map((item) => item.verdict)).toEqual(['skip', 'skip', 'skip', 'skip', 'skip']);
    expect(forged[0]!.message).toContain('this hook has no signing key, so Logto sends no signature');
    expect(delivered.some((request) => request.headers.signature !== undefined)).toBe(false);
    expect(run.passed).toBe(true);
  });

  it('sets a damaged runs file aside, never overwriting the runs in it, and says where it is', () => {
    const path = join(dataDir, CHECK_RUNS_FILE);
    writeFileSync(path, '[{"id":"r1","hookId":"h"');
    const notices: Notice[] = [];
    const store = new CheckRunStore(dataDir, (notice) => notices.push(notice));
    expect(store.list('h')).toEqual([]);
    const kept = readdirSync(dataDir).find((name) => name.startsWith('check-runs.corrupt-'))!;
    expect(readFileSync(join(dataDir, kept), 'utf8')).toBe('[{"id":"r1","hookId":"h"');
    expect(notices[0]!.message).toBe(
      `${path} could not be read, so earlier check runs are not listed. It is kept at ${join(dataDir, kept)}; new runs start a new file.`,
    );
    expect(existsSync(path)).toBe(false);
  });

  it('answers not_found for an unknown hook or run, and invalid_input when no event matches', async () => {
    await withCore(dataDir, async (app) => {
      const hook = await app.call('hooks.create', { name: 'H', url: 'http://127.0.0.1:9/x', events: ['PostSignIn'] });
      await expect(app.call('check.run', { hookId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
      await expect(app.call('check.get', { runId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
      await expect(app.call('check.run', { hookId: hook.id, events: ['User.Created'] })).rejects.toMatchObject({
        code: 'invalid_input',
        field: 'events',
      });
    });
  });
});

describe('signature.diagnose', () => {
  it('diagnoses a logged delivery with its hook’s key, and refuses half-pasted input', async () => {
    const hook = await hookWithReceiver('Diagnosed', 'correct', ['User.Created']);
    await withCore(dataDir, async (app) => {
      const { deliveries } = await app.call('events.trigger', { event: 'User.Created' });
      await app.finished(deliveries[0]!.id);
      expect(await app.call('signature.diagnose', { deliveryId: deliveries[0]!.id })).toMatchObject({ verdict: 'valid', mistake: null });
      const other = await app.call('hooks.create', { name: 'Other', url: hook.config.url, events: ['PostSignIn'] });
      const body = '{"event":"User.Created"}';
      const signature = createHmac('sha256', other.signingKey).update(body).digest('hex');
      expect(await app.call('signature.diagnose', { body, signature, key: hook.signingKey })).toMatchObject({
        verdict: 'invalid',
        mistake: { kind: 'other-hook-key', hookId: other.id },
      });
      await expect(app.call('signature.diagnose', { deliveryId: deliveries[0]!.id, key: 'x' })).rejects.toMatchObject({
        code: 'invalid_input',
        field: 'key',
      });
      await expect(app.call('signature.diagnose', { deliveryId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    });
  });
});
