import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../support/app';
import { type Receiver, startReceiver } from '../support/receiver';

let app: RunningApp;
let receiver: Receiver;
let release: () => void;
beforeEach(async () => {
  receiver = await startReceiver();
  receiver.answer(async (request, response) => {
    if (request.body.includes('"slow"')) await new Promise<void>((resolve) => (release = resolve));
    response.writeHead(request.body.includes('"fail"') ? 404 : 200).end();
  });
  app = await startApp();
});
afterEach(async () => {
  release?.();
  await app?.close();
  await receiver?.close();
});

const card = () => ({
  total: app.page.getByTestId('health-total').textContent(),
  rate: app.page.getByTestId('health-rate').textContent(),
});

describe('health of a hook', () => {
  it('updates the card on every finished delivery, and the hook list always agrees with it', async () => {
    await app.core.call('hooks.create', { name: 'Local receiver', url: receiver.url, events: ['PostSignIn'] });
    await app.core.call('events.trigger', { event: 'PostSignIn', payload: { marker: 'ok' } });
    await app.core.settled();
    await app.reload();
    await app.page.getByRole('button', { name: 'Local receiver' }).click();
    await app.page.getByRole('tab', { name: 'Recent requests' }).click();
    await expect.poll(() => card().total).toBe('1');

    // An older delivery finishing after a newer one still counts (the newest row does not change).
    await app.core.call('events.trigger', { event: 'PostSignIn', payload: { marker: 'slow' } });
    await app.core.call('events.trigger', { event: 'PostSignIn', payload: { marker: 'fail' } });
    await expect.poll(() => card().total, { timeout: 10_000 }).toBe('2');
    expect(await card().rate).toBe('50.0%');
    release();
    await expect.poll(() => card().total, { timeout: 10_000 }).toBe('3');
    await expect.poll(() => card().rate).toBe('66.7%');
    await app.screenshot('health-card');

    await app.page.getByRole('button', { name: '← Webhooks' }).click();
    const row = app.page.getByRole('row', { name: /Local receiver/ });
    await expect.poll(() => row.textContent()).toContain('66.7%');
    expect(await row.locator('td').nth(3).textContent()).toBe('3');
  });
});
