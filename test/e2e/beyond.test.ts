import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useApp } from '../support/perTest';
import { type Receiver, reply } from '../support/receiver';

const running = useApp({ receiver: true });

async function hookWithDeliveries(answers: Parameters<Receiver['answer']>, events: Array<'PostSignIn' | 'User.Created'>) {
  const hook = await running.app.core.call('hooks.create', {
    name: 'Local receiver',
    url: running.receiver.url,
    events: ['PostSignIn', 'User.Created'],
  });
  running.receiver.answer(...answers);
  for (const event of events) {
    await running.app.core.call('events.trigger', { event });
    await running.app.core.settled();
  }
  await running.app.reload();
  await running.app.page.getByRole('button', { name: 'Local receiver' }).click();
  await running.app.page.getByRole('tab', { name: 'Recent requests' }).click();
  return hook;
}

describe('beyond Logto', () => {
  it('redelivers a failed request from its detail and links the two', async () => {
    await hookWithDeliveries([reply(404, 'not yet')], ['User.Created']);
    await running.app.page.getByRole('row', { name: /User\.Created/ }).click();
    await running.app.page.getByText('Attempt 1', { exact: true }).waitFor();
    // Answer slowly, so the new delivery is still in flight when its page opens and must update itself.
    running.receiver.answer(async (_request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      response.end('ok now');
    });
    await running.app.page.getByRole('button', { name: 'Redeliver' }).click();
    await expect.poll(() => running.app.page.locator('h1 .tag').textContent()).toBe('Sending');
    await running.app.page.getByRole('button', { name: 'redelivery of an earlier request' }).waitFor();
    await expect.poll(() => running.app.page.locator('h1 .tag').textContent(), { timeout: 10_000 }).toBe('Success');
    expect(running.receiver.received).toHaveLength(2);
    expect(running.receiver.received[1]!.body).toBe(running.receiver.received[0]!.body);
    await running.app.screenshot('redelivered-detail');
  });

  it('copies a request as cURL that replays it with a valid signature', async () => {
    const hook = await hookWithDeliveries([reply(200, 'ok')], ['PostSignIn']);
    await running.app.page.getByRole('row', { name: /PostSignIn/ }).click();
    await running.app.page.getByRole('button', { name: 'Copy as cURL' }).click();
    await running.app.page.getByRole('button', { name: 'Copy as cURL' }).getByText('Copied').waitFor();
    const command = await running.app.page.evaluate(() => navigator.clipboard.readText());
    expect(command).toMatch(/^curl -X POST '/);
    await promisify(execFile)('sh', ['-c', `${command} --silent --output /dev/null`]);
    const [original, replayed] = running.receiver.received;
    expect(replayed!.body).toBe(original!.body);
    expect(replayed!.headers['logto-signature-sha-256']).toBe(createHmac('sha256', hook.signingKey).update(replayed!.body).digest('hex'));
  });

  it('exports the request log as HAR that parses back', async () => {
    await hookWithDeliveries([reply(500, 'x'), reply(200, 'ok')], ['PostSignIn']);
    await running.app.page.getByRole('row', { name: /PostSignIn/ }).waitFor();
    const [download] = await Promise.all([
      running.app.page.waitForEvent('download'),
      running.app.page.getByRole('button', { name: 'Export HAR' }).click(),
    ]);
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
    await running.app.page.getByRole('button', { name: 'Redeliver unsuccessful…' }).click();
    const dialog = running.app.page.getByRole('dialog', { name: 'Redeliver unsuccessful requests?' });
    await dialog.getByText('2 requests from the last 24 hours failed').waitFor();
    await running.app.screenshot('redeliver-unsuccessful');
    running.receiver.answer(reply(200, 'ok'));
    await dialog.getByRole('button', { name: 'Send 2 again' }).click();
    await expect.poll(() => running.receiver.received.length, { timeout: 10_000 }).toBe(5);
    await expect.poll(() => running.app.page.getByRole('row', { name: /Success/ }).count(), { timeout: 10_000 }).toBe(3);
  });

  it('imports hooks from a file and reports what it skipped', async () => {
    await running.app.page.getByRole('heading', { name: 'No webhooks yet' }).waitFor();
    const content = JSON.stringify({
      hooks: [
        { name: 'From staging', events: ['User.Created'], config: { url: 'https://staging.example.com/hooks' } },
        { name: 'Typo', events: ['User.Create'], config: { url: 'https://example.com/hooks' } },
      ],
    });
    await running.app.page
      .getByLabel('Hooks file to import')
      .setInputFiles({ name: 'hooks.json', mimeType: 'application/json', buffer: Buffer.from(content) });
    const report = running.app.page.getByRole('dialog', { name: 'Import report' });
    await report.getByText('Imported 1, skipped 1').waitFor();
    expect(await report.textContent()).toContain('events: "User.Create" is not a Logto webhook event');
    await running.app.screenshot('import-report');
    await report.getByRole('button', { name: 'Done' }).click();
    await running.app.page.getByRole('row', { name: /From staging/ }).waitFor();
  });
});
