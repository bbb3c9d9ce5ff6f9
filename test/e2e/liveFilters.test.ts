import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useApp } from '../support/perTest';
import { answerByMarker } from '../support/receiver';

const running = useApp({ receiver: true });
let release: () => void;
beforeEach(() => {
  release = answerByMarker(running.receiver);
});
afterEach(() => release());

const rows = () => running.app.page.getByRole('row', { name: /PostSignIn|User\.Created/ });
const shown = () => running.app.page.locator('.toolbar .muted').textContent();

describe('live updates in a filtered request log', () => {
  it('show a pushed delivery only where it matches every filter, and take it away when it stops matching', async () => {
    const hook = await running.app.core.call('hooks.create', {
      name: 'Local receiver',
      url: running.receiver.url,
      events: ['PostSignIn', 'User.Created'],
    });
    await running.app.core.call('events.trigger', { event: 'PostSignIn', payload: { marker: 'fail' } });
    await running.app.core.settled();
    await running.app.reload();
    await running.app.page.getByRole('button', { name: 'Local receiver' }).click();
    await running.app.page.getByRole('tab', { name: 'Recent requests' }).click();
    await running.app.page.getByLabel('Outcome').selectOption('failed');
    await expect.poll(() => rows().count()).toBe(1);

    // Still sending, it may yet fail: it shows; it succeeds: it leaves.
    await running.app.core.call('events.trigger', { event: 'PostSignIn', payload: { marker: 'slow' } });
    await expect.poll(() => rows().count()).toBe(2);
    expect(await rows().first().textContent()).toContain('Sending');
    release();
    await expect.poll(() => rows().count(), { timeout: 10_000 }).toBe(1);
    expect(await running.app.page.getByRole('row', { name: /Success/ }).count()).toBe(0);
    // A new failure arrives live.
    await running.app.core.call('events.trigger', { event: 'PostSignIn', payload: { marker: 'fail' } });
    await expect.poll(() => rows().count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(shown).toBe('2 of 2 shown');

    // Event and status: a success under 4xx never shows; another event never shows.
    await running.app.page.getByLabel('Outcome').selectOption('');
    await running.app.page.getByLabel('Status').selectOption('4xx');
    await running.app.page.getByLabel('Event').selectOption('User.Created');
    await running.app.page.getByText('No request matches these filters').waitFor();
    await running.app.core.call('events.trigger', { event: 'PostSignIn', payload: { marker: 'fail' } });
    await running.app.core.call('events.trigger', { event: 'User.Created', payload: { marker: 'ok' } });
    await running.app.core.call('events.trigger', { event: 'User.Created', payload: { marker: 'fail' } });
    await running.app.core.settled();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toMatch(/User\.Created.*Failed.*404/);

    // Text search is the log's to decide: the view asks it again rather than guessing.
    await running.app.page.getByLabel('Event').selectOption('');
    await running.app.page.getByLabel('Status').selectOption('');
    await running.app.page.getByLabel('Search request and response bodies').fill('needle-42');
    await running.app.page.getByText('No request matches these filters').waitFor();
    await running.app.core.call('events.trigger', { event: 'PostSignIn', payload: { marker: 'ok', note: 'needle-42' } });
    await running.app.core.call('events.trigger', { event: 'PostSignIn', payload: { marker: 'ok', note: 'hay' } });
    await running.app.core.settled();
    await expect.poll(() => rows().count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => rows().first().textContent()).toContain('Success');
    const [match] = (await running.app.core.call('logs.query', { hookId: hook.id, text: 'needle-42', range: '24h' })).items;
    expect(match).toMatchObject({ outcome: 'success' });
    await running.app.screenshot('live-filters-search');
  });
});
