import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../support/app';
import { type Receiver, reply, startReceiver } from '../support/receiver';

let app: RunningApp;
let receiver: Receiver;
beforeEach(async () => {
  receiver = await startReceiver();
  app = await startApp();
});
afterEach(async () => {
  await app?.close();
  await receiver?.close();
});

async function hookWithDeliveries(answers: Parameters<Receiver['answer']>, events: Array<'PostSignIn' | 'User.Created'>) {
  const hook = await app.core.call('hooks.create', { name: 'Local receiver', url: receiver.url, events: ['PostSignIn', 'User.Created'] });
  receiver.answer(...answers);
  for (const event of events) {
    await app.core.call('events.trigger', { event });
    await app.core.settled();
  }
  await app.reload();
  await app.page.getByRole('button', { name: 'Local receiver' }).click();
  await app.page.getByRole('tab', { name: 'Recent requests' }).click();
  return hook;
}

describe('beyond Logto', () => {
  it('redelivers a failed request from its detail and links the two', async () => {
    await hookWithDeliveries([reply(404, 'not yet')], ['User.Created']);
    await app.page.getByRole('row', { name: /User\.Created/ }).click();
    await app.page.getByText('Attempt 1', { exact: true }).waitFor();
    // Answer slowly, so the new delivery is still in flight when its page opens and must update itself.
    receiver.answer(async (_request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      response.end('ok now');
    });
    await app.page.getByRole('button', { name: 'Redeliver' }).click();
    await expect.poll(() => app.page.locator('h1 .tag').textContent()).toBe('Sending');
    await app.page.getByRole('button', { name: 'redelivery of an earlier request' }).waitFor();
    await expect.poll(() => app.page.locator('h1 .tag').textContent(), { timeout: 10_000 }).toBe('Success');
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body);
    await app.screenshot('redelivered-detail');
  });

  it('copies a request as cURL that replays it with a valid signature', async () => {
    const hook = await hookWithDeliveries([reply(200, 'ok')], ['PostSignIn']);
    await app.page.getByRole('row', { name: /PostSignIn/ }).click();
    await app.page.getByRole('button', { name: 'Copy as cURL' }).click();
    await app.page.getByRole('button', { name: 'Copy as cURL' }).getByText('Copied').waitFor();
    const command = await app.page.evaluate(() => navigator.clipboard.readText());
    expect(command).toMatch(/^curl -X POST '/);
    await promisify(execFile)('sh', ['-c', `${command} --silent --output /dev/null`]);
    const [original, replayed] = receiver.received;
    expect(replayed!.body).toBe(original!.body);
    expect(replayed!.headers['logto-signature-sha-256']).toBe(createHmac('sha256', hook.signingKey).update(replayed!.body).digest('hex'));
  });

  it('exports the request log as HAR that parses back', async () => {
    await hookWithDeliveries([reply(500, 'x'), reply(200, 'ok')], ['PostSignIn']);
    await app.page.getByRole('row', { name: /PostSignIn/ }).waitFor();
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('button', { name: 'Export HAR' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^hookbench-.*\.har$/);
    const har = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries.map((entry: { response: { status: number } }) => entry.response.status)).toEqual([500, 200]);
  });

  it('redelivers every unsuccessful request after saying how many', async () => {
    await hookWithDeliveries(
      [
        (request, response) => {
          response.writeHead(JSON.parse(request.body).event === 'User.Created' ? 400 : 200).end();
        },
      ],
      ['User.Created', 'PostSignIn', 'User.Created'],
    );
    await app.page.getByRole('button', { name: 'Redeliver unsuccessful…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Redeliver unsuccessful requests?' });
    await dialog.getByText('2 requests from the last 24 hours failed').waitFor();
    await app.screenshot('redeliver-unsuccessful');
    receiver.answer(reply(200, 'ok'));
    await dialog.getByRole('button', { name: 'Send 2 again' }).click();
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(5);
    await expect.poll(() => app.page.getByRole('row', { name: /Success/ }).count(), { timeout: 10_000 }).toBe(3);
  });

  it('imports hooks from a file and reports what it skipped', async () => {
    await app.page.getByRole('heading', { name: 'No webhooks yet' }).waitFor();
    const content = JSON.stringify({
      hooks: [
        { name: 'From staging', events: ['User.Created'], config: { url: 'https://staging.example.com/hooks' } },
        { name: 'Typo', events: ['User.Create'], config: { url: 'https://example.com/hooks' } },
      ],
    });
    await app.page
      .getByLabel('Hooks file to import')
      .setInputFiles({ name: 'hooks.json', mimeType: 'application/json', buffer: Buffer.from(content) });
    const report = app.page.getByRole('dialog', { name: 'Import report' });
    await report.getByText('Imported 1, skipped 1').waitFor();
    expect(await report.textContent()).toContain('events: "User.Create" is not a Logto webhook event');
    await app.screenshot('import-report');
    await report.getByRole('button', { name: 'Done' }).click();
    await app.page.getByRole('row', { name: /From staging/ }).waitFor();
  });
});
