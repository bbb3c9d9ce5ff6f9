import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useApp } from '../support/perTest';
import { answerByMarker } from '../support/receiver';

const running = useApp({ receiver: true });
let release: () => void;
beforeEach(() => {
  release = answerByMarker(running.receiver);
});
afterEach(() => release());

const card = () => ({
  total: running.app.page.getByTestId('health-total').textContent(),
  rate: running.app.page.getByTestId('health-rate').textContent(),
});

describe('health of a hook', () => {
  it('updates the card on every finished delivery, and the hook list always agrees with it', async () => {
    await running.app.core.call('hooks.create', { name: 'Local receiver', url: running.receiver.url, events: ['PostSignIn'] });
    await running.app.core.call('events.trigger', { event: 'PostSignIn', payload: { marker: 'ok' } });
    await running.app.core.settled();
    await running.app.reload();
    await running.app.page.getByRole('button', { name: 'Local receiver' }).click();
    await running.app.page.getByRole('tab', { name: 'Recent requests' }).click();
    await expect.poll(() => card().total).toBe('1');
    const figures = running.app.page.locator('.health-figures');
    expect(await figures.textContent()).toContain('1request (24 h)');

    // An older delivery finishing after a newer one still counts (the newest row does not change).
    await running.app.core.call('events.trigger', { event: 'PostSignIn', payload: { marker: 'slow' } });
    await running.app.core.call('events.trigger', { event: 'PostSignIn', payload: { marker: 'fail' } });
    await expect.poll(() => card().total, { timeout: 10_000 }).toBe('2');
    expect(await figures.textContent()).toContain('2requests (24 h)');
    expect(await card().rate).toBe('50.0%');
    release();
    await expect.poll(() => card().total, { timeout: 10_000 }).toBe('3');
    await expect.poll(() => card().rate).toBe('66.7%');
    await running.app.screenshot('health-card');

    await running.app.page.getByRole('button', { name: '← Webhooks' }).click();
    const row = running.app.page.getByRole('row', { name: /Local receiver/ });
    await expect.poll(() => row.textContent()).toContain('66.7%');
    expect(await row.locator('td').nth(3).textContent()).toBe('3');
  });
});
