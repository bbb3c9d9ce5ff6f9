import { describe, expect, it } from 'vitest';
import { useApp } from '../support/perTest';

const running = useApp();

describe('a screen that fails to draw', () => {
  it('says so in place of the screen, keeps the header and the way back, and does not blank the window', async () => {
    const hook = await running.app.core.call('hooks.create', { name: 'Odd log', url: 'http://127.0.0.1:9/x', events: ['PostSignIn'] });
    await running.app.core.call('events.trigger', { event: 'PostSignIn' });
    await running.app.core.settled();
    await running.app.reload();
    const { page } = running.app;
    // An answer the screen does not expect: a row whose time is not a time. React reports the error too.
    running.app.expectProblems(/Invalid time value/);
    await page.route('**/bridge/call', async (route) => {
      if (route.request().postDataJSON()?.method !== 'logs.query') return route.continue();
      const response = await route.fetch();
      const envelope = await response.json();
      envelope.value.items = envelope.value.items.map((item: object) => ({ ...item, createdAt: 'not a time' }));
      await route.fulfill({ response, json: envelope });
    });
    await page.getByRole('button', { name: 'Odd log' }).click();
    await page.getByRole('tab', { name: 'Recent requests' }).click();

    const failure = page.getByRole('alert').filter({ hasText: 'This screen could not be shown' });
    await failure.waitFor();
    expect(await failure.locator('code').first().textContent()).toBe('Invalid time value');
    expect(await page.getByRole('navigation').getByRole('button', { name: 'Receiver' }).isVisible()).toBe(true);
    await running.app.screenshot('screen-failure');

    await page.unroute('**/bridge/call');
    await failure.getByRole('button', { name: 'Back to webhooks' }).click();
    await page.getByRole('row', { name: /Odd log/ }).waitFor();
    expect(await failure.count()).toBe(0);
    // Another screen draws as usual.
    await page.getByRole('navigation').getByRole('button', { name: 'Receiver' }).click();
    await page.getByRole('heading', { name: 'Built-in receiver' }).waitFor();
    expect((await running.app.core.call('logs.query', { hookId: hook.id })).items).toHaveLength(1);
  });
});
