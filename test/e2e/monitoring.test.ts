import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Hook } from '../../shared/domain';
import type { HookEvent } from '../../shared/events';
import { useApp } from '../support/perTest';
import { reply } from '../support/receiver';

const running = useApp({ receiver: true });

async function hookOnScreen(events: HookEvent[] = ['PostSignIn', 'User.Created']) {
  const hook = await running.app.core.call('hooks.create', { name: 'Local receiver', url: running.receiver.url, events });
  await running.app.reload();
  await running.app.page.getByRole('button', { name: 'Local receiver' }).click();
  await running.app.page.getByRole('heading', { name: /Local receiver/ }).waitFor();
  return hook;
}

async function waitForDeliveries(count: number) {
  const started = Date.now();
  while (running.receiver.received.length < count) {
    if (Date.now() - started > 10_000) throw new Error(`expected ${count} deliveries, got ${running.receiver.received.length}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('monitoring a hook', () => {
  it('sends a test payload and shows each event’s result', async () => {
    await hookOnScreen();
    running.receiver.answer((request, response) => {
      const event = JSON.parse(request.body).event;
      response.writeHead(event === 'User.Created' ? 500 : 200).end(event === 'User.Created' ? '{"error":"db down"}' : '{"ok":true}');
    });
    await running.app.page.getByRole('button', { name: 'Send test payload' }).click();
    const dialog = running.app.page.getByRole('dialog', { name: 'Send test payload' });
    await dialog.getByText('1 of 2 failed').waitFor();
    const userRow = dialog.getByRole('row', { name: /User\.Created/ });
    expect(await userRow.textContent()).toContain('4 attempts');
    expect(await userRow.textContent()).toContain('{"error":"db down"}');
    await running.app.screenshot('test-payload-dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();
    const [stored] = await running.app.core.call('hooks.list', {});
    expect(await running.app.core.call('logs.query', { hookId: stored!.id, range: 'all', limit: 10 })).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
    });
  });

  it('triggers an event and shows the delivery with every attempt', async () => {
    const hook = await hookOnScreen();
    running.receiver.answer(reply(500, '{"error":"try later"}'), reply(502, 'bad gateway'), reply(200, '{"ok":true}'));
    await running.app.page.getByRole('button', { name: 'Trigger event' }).click();
    const dialog = running.app.page.getByRole('dialog', { name: 'Trigger event' });
    await expect.poll(() => dialog.locator('textarea').inputValue()).toContain('"event": "PostSignIn"');
    await running.app.screenshot('trigger-event-dialog');
    await dialog.getByRole('button', { name: 'Send to 1 webhook' }).click();

    const row = running.app.page.getByRole('row', { name: /PostSignIn/ });
    await expect.poll(async () => row.textContent(), { timeout: 10_000 }).toMatch(/Success.*200.*3$/);
    await running.app.screenshot('recent-requests');
    await row.click();
    await running.app.page.getByText('Attempt 3', { exact: true }).waitFor();
    expect(await running.app.page.locator('.attempt').count()).toBe(3);
    // Why each attempt was followed by another, or not, said once and plainly.
    expect(await running.app.page.locator('.attempt-retry').allTextContents()).toEqual([
      'Done: 200 is 2xx',
      'Retried: 502 is 5xx',
      'Retried: 500 is 5xx',
    ]);
    await running.app.page.getByText('✓ Matches HMAC-SHA256 of the raw body').waitFor();
    const body = await running.app.page.getByLabel('Request body', { exact: true }).textContent();
    expect(JSON.parse(body!).hookId).toBe(hook.id);
    await running.app.screenshot('request-detail');
  });

  it('says a delivery still waiting for its receiver went out, and shows its attempt once it ends', async () => {
    const hook = await hookOnScreen(['PostSignIn']);
    let answer!: () => void;
    running.receiver.answer(async (request, response, raw) => {
      await new Promise<void>((resolve) => {
        answer = resolve;
      });
      reply(200, '{"ok":true}')(request, response, raw);
    });
    const [started] = (await running.app.core.call('events.trigger', { event: 'PostSignIn' })).deliveries;
    await waitForDeliveries(1);
    const { page } = running.app;
    await page.getByRole('tab', { name: 'Recent requests' }).click();
    await page.locator(`tr[data-id="${started!.id}"]`).click();
    const attempts = page.locator('.timeline');
    await attempts.getByText(/^Sent (just now|\d+ s ago), waiting for the receiver\.$/).waitFor();
    expect(await page.getByText('No attempt was made.').count()).toBe(0);
    // What Logto does about a receiver this slow: a timeout ends the attempt and is not retried.
    expect(await attempts.textContent()).toContain(
      'Logto gives up on an attempt with no response headers after 10 s, and does not retry that.',
    );
    await running.app.screenshot('request-detail-sending');

    answer();
    await attempts.getByText('Attempt 1', { exact: true }).waitFor();
    expect(await attempts.getByText('waiting for the receiver', { exact: false }).count()).toBe(0);
    expect((await running.app.core.call('logs.get', { id: started!.id })).outcome).toBe('success');
    expect(hook.id).toBe(started!.hookId);
  });

  it('delivers nothing to a disabled hook', async () => {
    await hookOnScreen();
    await running.app.page.getByRole('button', { name: 'More actions' }).click();
    await running.app.page.getByRole('menuitem', { name: 'Disable webhook' }).click();
    await running.app.page.getByText('Disabled', { exact: true }).first().waitFor();
    await running.app.page.getByRole('button', { name: 'Trigger event' }).click();
    const dialog = running.app.page.getByRole('dialog', { name: 'Trigger event' });
    await dialog.getByText('No enabled webhook subscribes to PostSignIn; nothing would be sent.').waitFor();
    expect(await dialog.getByRole('button', { name: /Send to 0 webhooks/ }).isDisabled()).toBe(true);
    await running.app.core.call('events.trigger', { event: 'PostSignIn' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(running.receiver.received).toHaveLength(0);
  });

  it('regenerates the key and the receiver’s signature check follows it', async () => {
    const hook = await hookOnScreen();
    // A receiver that reads its key from the app's settings each time, as a developer updating .env would.
    running.receiver.answer(async (request, response) => {
      const { signingKey: key } = (await running.app.core.call('hooks.list', {})).find((stored) => stored.id === hook.id) as Hook;
      const valid = createHmac('sha256', key).update(request.body).digest('hex') === request.headers['logto-signature-sha-256'];
      response.writeHead(valid ? 200 : 401).end(valid ? 'verified' : 'bad signature');
    });
    await running.app.page.getByRole('button', { name: 'Reveal' }).click();
    const before = await running.app.page.getByLabel('Signing key').textContent();
    expect(before).toBe(hook.signingKey);
    await running.app.page.getByRole('button', { name: 'Regenerate' }).click();
    await running.app.page.getByRole('dialog', { name: 'Regenerate signing key?' }).getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => running.app.page.getByLabel('Signing key').textContent()).not.toBe(before);
    const after = await running.app.page.getByLabel('Signing key').textContent();
    expect(after).toBe((await running.app.core.call('hooks.list', {})).find((stored) => stored.id === hook.id)!.signingKey);

    await running.app.page.getByRole('button', { name: 'Trigger event' }).click();
    await running.app.page.getByRole('dialog', { name: 'Trigger event' }).getByRole('button', { name: 'Send to 1 webhook' }).click();
    await waitForDeliveries(1);
    const row = running.app.page.getByRole('row', { name: /PostSignIn/ });
    await expect.poll(async () => row.textContent(), { timeout: 10_000 }).toMatch(/Success/);
  });

  it('filters the request log and deletes the hook', async () => {
    const hook = await hookOnScreen();
    running.receiver.answer((request, response) => {
      const event = JSON.parse(request.body).event;
      response.writeHead(event === 'User.Created' ? 404 : 200).end();
    });
    for (const event of ['PostSignIn', 'User.Created', 'PostSignIn'] as const) {
      const { deliveries } = await running.app.core.call('events.trigger', { event });
      await waitForDeliveries(running.receiver.received.length + deliveries.length - running.receiver.received.length);
    }
    await waitForDeliveries(3);
    await running.app.page.getByRole('tab', { name: 'Recent requests' }).click();
    await expect.poll(() => running.app.page.getByRole('row', { name: /Success|Failed/ }).count(), { timeout: 10_000 }).toBe(3);
    await running.app.page.getByLabel('Outcome').selectOption('failed');
    await expect.poll(() => running.app.page.getByRole('row', { name: /Success|Failed/ }).count()).toBe(1);
    expect(await running.app.page.getByRole('row', { name: /Failed/ }).textContent()).toContain('User.Created');
    await running.app.page.getByLabel('Outcome').selectOption('');
    await running.app.page.getByLabel('Search request and response bodies').fill(hook.id);
    await expect.poll(() => running.app.page.getByRole('row', { name: /Success|Failed/ }).count()).toBe(3);
    await running.app.page.getByLabel('Search request and response bodies').fill('no-such-thing');
    await running.app.page.getByText('No request matches these filters').waitFor();

    await running.app.page.getByRole('button', { name: 'More actions' }).click();
    await running.app.page.getByRole('menuitem', { name: 'Delete webhook' }).click();
    await running.app.page
      .getByRole('dialog', { name: /Delete/ })
      .getByRole('button', { name: 'Delete webhook' })
      .click();
    await running.app.page.getByRole('heading', { name: 'No webhooks yet' }).waitFor();
    expect(await running.app.core.call('hooks.list', {})).toEqual([]);
  });
});

describe('keyboard', () => {
  it('opens a dialog with focus inside, keeps it while typing, and closes on Escape back to where it was', async () => {
    await hookOnScreen();
    const trigger = running.app.page.getByRole('button', { name: 'Trigger event' });
    await trigger.focus();
    await running.app.page.keyboard.press('Enter');
    const dialog = running.app.page.getByRole('dialog', { name: 'Trigger event' });
    await expect.poll(() => running.app.page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    const editor = dialog.locator('textarea');
    await expect.poll(() => editor.inputValue()).toContain('"event": "PostSignIn"');
    await editor.focus();
    await running.app.page.keyboard.type(' ');
    await running.app.page.keyboard.type('x');
    expect(await running.app.page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await dialog.getByText('Not valid JSON').waitFor();
    await running.app.page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
    expect(await running.app.page.evaluate(() => document.activeElement?.textContent)).toBe('Trigger event');
  });
});
