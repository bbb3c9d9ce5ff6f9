/**
 * The "Check receiver" tab against real receivers: a fixture process that verifies a re-formatted
 * body (so Logto's genuine bytes fail), and a scripted receiver that holds its answers so the run's
 * progress can be seen. Past runs, the snippets and the signature lab, each as a user reads them.
 */
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../support/app';
import { descriptionOf, seriousAxeFindings } from '../support/axe';
import { startProcess } from '../support/process';
import { type Receiver, startReceiver } from '../support/receiver';

let app: RunningApp | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await app?.close();
  await receiver?.close();
});

async function hookOnFixture(running: RunningApp, fixture: string) {
  const hook = await running.core.call('hooks.create', {
    name: 'Lab',
    url: 'http://127.0.0.1:9/placeholder',
    events: ['User.Created', 'PostSignIn'],
  });
  const process = await startProcess(globalThis.process.execPath, [join('test/fixtures/receivers', `${fixture}.mjs`)], {
    env: { SIGNING_KEY: hook.signingKey },
  });
  return running.core.call('hooks.update', { id: hook.id, url: process.url });
}

describe('the Check receiver tab', () => {
  it('runs a check on a receiver that verifies a re-formatted body: failing cases open with their evidence, runs are kept', async () => {
    app = await startApp();
    const hook = await hookOnFixture(app, 'reformatting');
    await app.reload();
    const { page } = app;
    await page.getByRole('button', { name: 'Lab' }).click();
    await page.getByRole('tab', { name: 'Check receiver' }).click();
    await page.getByText('No check has been run on this webhook yet.').waitFor();

    await page.getByLabel('Burst size').fill('0');
    await page.getByText('Burst size is a whole number from 1 to 1000').waitFor();
    expect(await descriptionOf(page.getByLabel('Burst size', { exact: true }))).toBe('Burst size is a whole number from 1 to 1000');
    expect(await page.getByRole('button', { name: 'Run check' }).isDisabled()).toBe(true);
    await page.getByLabel('Burst size').fill('5');
    await page.getByRole('checkbox', { name: 'PostSignIn' }).uncheck();
    await page.getByRole('button', { name: 'Run check' }).click();

    const run = page.getByRole('region', { name: /^Run of / });
    await run.waitFor({ timeout: 30_000 });
    expect(await run.getByRole('heading').textContent()).toContain('6 failed');
    const cases = run.getByRole('list', { name: 'Cases' }).locator(':scope > li');
    // Only the event asked for is sent as genuine.
    expect(await cases.locator(':scope > details > summary > code').allTextContents()).toEqual([
      'genuine:User.Created',
      'forged:body-changed',
      'forged:wrong-key',
      'forged:header-missing',
      'forged:header-empty',
      'forged:header-short',
      'duplicate',
      'unknown-fields',
      'largest-payload',
      'out-of-order',
      'burst',
      'raw-bytes',
    ]);
    const genuine = cases.filter({ hasText: 'genuine:User.Created' });
    expect(await genuine.locator('.tag').textContent()).toBe('Fail');
    // A failing case opens by itself, saying why; its evidence is the request sent and the answer.
    await genuine.getByText('refused with 401 although genuine and correctly signed').waitFor();
    await genuine.getByText(/→ 401 in/).click();
    const evidence = genuine.locator('.report-list details').first();
    await evidence.getByText('Request headers').waitFor();
    expect(await evidence.textContent()).toMatch(/logto-signature-sha-256: [0-9a-f]{64}/);
    expect(await evidence.textContent()).toContain('invalid signature');
    const wrongKey = cases.filter({ hasText: 'forged:wrong-key' });
    // Refusing the genuine request too, the receiver proves nothing by refusing a forgery.
    expect(await wrongKey.locator('.tag').textContent()).toBe('Info');
    await wrongKey.getByText('Not conclusive: the genuine User.Created delivery was answered 401 too').waitFor();
    // Its dot on the timeline is not a failure's red.
    const dot = (item: typeof wrongKey) => item.evaluate((li) => getComputedStyle(li, '::before').backgroundColor);
    expect(await dot(wrongKey)).not.toBe(await dot(genuine));
    // The burst failed too (open by itself), with its latency figures.
    const burst = cases.filter({ hasText: 'burst' }).last();
    await burst.getByText(/Latency p50 (\d+ ms|\d+\.\d s) · p95/).waitFor();

    // Kept and listed; after a restart the past run opens with the same verdicts.
    await page.getByRole('list', { name: 'Past runs' }).getByRole('listitem').waitFor();
    expect(await page.getByRole('list', { name: 'Past runs' }).textContent()).toContain('6 fail');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await app.screenshot('check-receiver-run-1280');
    await page.setViewportSize({ width: 900, height: 760 });
    await app.screenshot('check-receiver-run-900');
    await page.setViewportSize({ width: 1280, height: 820 });

    await app.reload();
    await app.page.getByRole('button', { name: 'Lab' }).click();
    await app.page.getByRole('tab', { name: 'Check receiver' }).click();
    await app.page.getByRole('list', { name: 'Past runs' }).getByRole('button').click();
    const reopened = app.page.getByRole('region', { name: /^Run of / });
    expect(await reopened.getByRole('heading').textContent()).toContain('6 failed');
    expect(
      await reopened
        .locator('.tag')
        .filter({ hasText: /^Fail$/ })
        .count(),
    ).toBe(6);

    // Check traffic is not delivery traffic: the default Recent requests view shows none of it.
    await app.page.getByRole('tab', { name: 'Recent requests' }).click();
    await app.page.getByText('No requests in the last 24 hours').waitFor();
    expect((await app.core.call('logs.query', { hookId: hook.id, kind: 'check', limit: 200 })).items.length).toBeGreaterThan(10);
  });

  it('shows progress while the check runs, then its result', async () => {
    receiver = await startReceiver();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The genuine delivery is answered at once (401: a failed case); every request after it waits.
    let answered = 0;
    receiver.answer(async (_request, response) => {
      if (answered++ > 0) await held;
      response.writeHead(401).end();
    });
    app = await startApp();
    await app.core.call('hooks.create', { name: 'Slow', url: receiver.url, events: ['User.Created'] });
    await app.reload();
    const { page } = app;
    await page.getByRole('button', { name: 'Slow' }).click();
    await page.getByRole('tab', { name: 'Check receiver' }).click();
    await page.getByLabel('Burst size').fill('3');
    await page.getByRole('button', { name: 'Run check' }).click();
    const status = page.getByRole('status').filter({ hasText: 'requests sent' });
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^ ?1 case judged · 6 requests sent, 1 answered/);
    // The cases show, with their verdicts, as each is judged.
    const judged = page.getByRole('list', { name: 'Cases judged so far' }).getByRole('listitem');
    expect(await judged.allTextContents()).toEqual([expect.stringMatching(/^Fail .*User\.Created/)]);
    expect(await page.getByRole('button', { name: 'Checking…' }).isDisabled()).toBe(true);
    await app.screenshot('check-receiver-progress');
    release();
    await page.getByRole('region', { name: /^Run of / }).waitFor({ timeout: 30_000 });
    expect(await status.count()).toBe(0);
  });

  it('copies a snippet with the key written in, and names the likely mistake behind a signature', async () => {
    app = await startApp({ colorScheme: 'dark' });
    const hook = await app.core.call('hooks.create', { name: 'Lab', url: 'http://127.0.0.1:9/x', events: ['User.Created'] });
    await app.reload();
    const { page } = app;
    await page.getByRole('button', { name: 'Lab' }).click();
    await page.getByRole('tab', { name: 'Check receiver' }).click();

    await page.getByText('Node.js (http, no dependencies)').click();
    await page.getByRole('button', { name: 'Copy Node.js (http, no dependencies)' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(hook.signingKey);
    expect(copied).toContain('logto-signature-sha-256');

    const body = '{"event":"User.Created","data":{"id":"u1"}}';
    const pretty = createHmac('sha256', hook.signingKey)
      .update(JSON.stringify(JSON.parse(body), null, 2))
      .digest('hex');
    await page.getByLabel('Raw body').fill(body);
    await page.getByLabel('logto-signature-sha-256 header').fill(pretty);
    await page.getByRole('button', { name: 'Use this webhook’s key' }).click();
    await page.getByRole('button', { name: 'Diagnose' }).click();
    const diagnosis = page.getByRole('status', { name: 'Diagnosis' });
    await diagnosis.getByText('Likely mistake:').waitFor();
    expect(await diagnosis.textContent()).toContain('pretty-printed (indent 2)');
    expect(await diagnosis.locator('.tag').textContent()).toBe('Invalid');

    // Missing input is named, not crashed on.
    await page.getByLabel('Signing key').fill('');
    await page.getByRole('button', { name: 'Diagnose' }).click();
    await page.getByRole('alert').filter({ hasText: /key/i }).waitFor();

    // A logged delivery, checked with the hook's key: Logto's own bytes verify.
    await app.core.call('events.trigger', { event: 'User.Created' });
    await app.core.settled();
    await page.getByLabel('What to check').selectOption('logged');
    await page.getByLabel('Delivery').locator('option').filter({ hasText: 'User.Created' }).first().waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Diagnose' }).click();
    await expect.poll(() => diagnosis.locator('.tag').textContent()).toBe('Valid');

    expect(await seriousAxeFindings(page)).toEqual([]);
    await app.screenshot('check-receiver-lab-dark-1280');
    await page.setViewportSize({ width: 900, height: 760 });
    await app.screenshot('check-receiver-lab-dark-900');
  });
});
