import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../support/app';
import { type Receiver, startReceiver } from '../support/receiver';

let app: RunningApp;
let receiver: Receiver;
let release: () => void;
beforeEach(async () => {
  receiver = await startReceiver();
  // The body says how to answer: "fail" gets a 404, "slow" waits until the test releases it.
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

const rows = () => app.page.getByRole('row', { name: /PostSignIn|User\.Created/ });
const shown = () => app.page.locator('.toolbar .muted').textContent();

describe('live updates in a filtered request log', () => {
  it('show a pushed delivery only where it matches every filter, and take it away when it stops matching', async () => {
    const hook = await app.core.call('hooks.create', { name: 'Local receiver', url: receiver.url, events: ['PostSignIn', 'User.Created'] });
    await app.core.call('events.trigger', { event: 'PostSignIn', payload: { marker: 'fail' } });
    await app.core.settled();
    await app.reload();
    await app.page.getByRole('button', { name: 'Local receiver' }).click();
    await app.page.getByRole('tab', { name: 'Recent requests' }).click();
    await app.page.getByLabel('Outcome').selectOption('failed');
    await expect.poll(() => rows().count()).toBe(1);

    // Still sending, it may yet fail: it shows; it succeeds: it leaves.
    await app.core.call('events.trigger', { event: 'PostSignIn', payload: { marker: 'slow' } });
    await expect.poll(() => rows().count()).toBe(2);
    expect(await rows().first().textContent()).toContain('Sending');
    release();
    await expect.poll(() => rows().count(), { timeout: 10_000 }).toBe(1);
    expect(await app.page.getByRole('row', { name: /Success/ }).count()).toBe(0);
    // A new failure arrives live.
    await app.core.call('events.trigger', { event: 'PostSignIn', payload: { marker: 'fail' } });
    await expect.poll(() => rows().count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(shown).toBe('2 of 2 shown');

    // Event and status: a success under 4xx never shows; another event never shows.
    await app.page.getByLabel('Outcome').selectOption('');
    await app.page.getByLabel('Status').selectOption('4xx');
    await app.page.getByLabel('Event').selectOption('User.Created');
    await app.page.getByText('No request matches these filters').waitFor();
    await app.core.call('events.trigger', { event: 'PostSignIn', payload: { marker: 'fail' } });
    await app.core.call('events.trigger', { event: 'User.Created', payload: { marker: 'ok' } });
    await app.core.call('events.trigger', { event: 'User.Created', payload: { marker: 'fail' } });
    await app.core.settled();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toMatch(/User\.Created.*Failed.*404/);

    // Text search is the log's to decide: the view asks it again rather than guessing.
    await app.page.getByLabel('Event').selectOption('');
    await app.page.getByLabel('Status').selectOption('');
    await app.page.getByLabel('Search request and response bodies').fill('needle-42');
    await app.page.getByText('No request matches these filters').waitFor();
    await app.core.call('events.trigger', { event: 'PostSignIn', payload: { marker: 'ok', note: 'needle-42' } });
    await app.core.call('events.trigger', { event: 'PostSignIn', payload: { marker: 'ok', note: 'hay' } });
    await app.core.settled();
    await expect.poll(() => rows().count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => rows().first().textContent()).toContain('Success');
    const [match] = (await app.core.call('logs.query', { hookId: hook.id, text: 'needle-42', range: '24h' })).items;
    expect(match).toMatchObject({ outcome: 'success' });
    await app.screenshot('live-filters-search');
  });
});
