import { describe, expect, it } from 'vitest';
import { useApp } from '../support/perTest';
import { reply, startReceiver } from '../support/receiver';
import { seedLog } from '../support/seedLog';

const running = useApp({ receiver: true });

async function openRequests(name: string) {
  await running.app.reload();
  await running.app.page.getByRole('button', { name }).click();
  await running.app.page.getByRole('tab', { name: 'Recent requests' }).click();
}

describe('finding your way in the request log', () => {
  it('shows and copies delivery ids, and brings you back to the same place and row in a long list', async () => {
    await running.app.core.call('hooks.create', { name: 'Busy hook', url: running.receiver.url, events: ['PostSignIn'] });
    for (let batch = 0; batch < 5; batch++) {
      await Promise.all(Array.from({ length: 50 }, () => running.app.core.call('events.trigger', { event: 'PostSignIn' })));
    }
    await running.app.core.settled();
    await openRequests('Busy hook');
    const { page } = running.app;
    const scroller = page.getByTestId('delivery-scroll');
    await page
      .getByRole('row', { name: /PostSignIn/ })
      .first()
      .waitFor();
    // The total is known from the first page: how many there are, not just how many are loaded.
    await expect.poll(() => page.locator('.toolbar .muted').textContent()).toBe('200 of 250 shown');
    // To the bottom of the first page: the next one loads.
    await scroller.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await expect.poll(() => page.locator('.toolbar .muted').textContent()).toBe('250 of 250 shown');
    // Sent in one burst, the rows still show ids a person can tell apart, each the end of its full id.
    const shown = await page.locator('.id-cell code').allTextContents();
    expect(shown.length).toBeGreaterThan(20);
    expect(new Set(shown).size).toBe(shown.length);
    const id = (await page.locator('tr[data-id]').nth(20).getAttribute('data-id'))!;
    const row = page.locator(`tr[data-id="${id}"]`);
    expect(id.endsWith((await row.locator('.id-cell code').textContent())!.replace('…', ''))).toBe(true);
    const time = row.locator('time');
    expect(await time.getAttribute('title')).toBeTruthy();
    expect(Date.parse((await time.getAttribute('datetime'))!)).toBeGreaterThan(Date.now() - 60_000);

    // Copy from the row copies the id and does not open the row.
    await row.hover();
    await row.getByRole('button', { name: `Copy delivery id ${id}` }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(id);
    expect(await page.getByRole('tab', { name: 'Recent requests' }).count()).toBe(1);
    const left = await scroller.evaluate((element) => element.scrollTop);

    await row.getByRole('button').first().click();
    await page.getByRole('button', { name: 'Copy id of this delivery' }).click();
    expect(await page.locator('.id-line code').textContent()).toBe(id);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(id);
    await page.getByRole('button', { name: '← Busy hook · Recent requests' }).click();

    await page.locator(`tr[data-id="${id}"]`).waitFor();
    expect(await scroller.evaluate((element) => element.scrollTop)).toBe(left);
    expect(await page.locator(`tr[data-id="${id}"]`).getAttribute('aria-current')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-id'))).toBe(id);
    await running.app.screenshot('long-list-back');
  });

  it('starts a searched or filtered list at its top, its rows shown at once, however far the last one was scrolled', async () => {
    const hook = await running.app.core.call('hooks.create', { name: 'Long log', url: running.receiver.url, events: ['PostSignIn'] });
    const now = Date.now();
    await seedLog(running.app.dataDir, 600, (index) => ({
      hookId: hook.id,
      event: 'PostSignIn',
      createdAt: now - (600 - index) * 1_000,
      outcome: index % 100 === 0 ? 'failed' : 'success',
      status: index % 100 === 0 ? 500 : 200,
      body: JSON.stringify({ event: 'PostSignIn', user: `user${index}@example.com` }),
    }));
    await openRequests('Long log');
    const { page } = running.app;
    const scroller = page.getByTestId('delivery-scroll');
    const toBottom = () =>
      scroller.evaluate((element) => {
        element.scrollTop = element.scrollHeight;
      });
    for (const shown of ['400 of 600 shown', '600 of 600 shown']) {
      await toBottom();
      await expect.poll(() => page.locator('.toolbar .muted').textContent()).toBe(shown);
    }
    await toBottom();

    await page.getByLabel('Search request and response bodies').fill('user150@example.com');
    await expect.poll(() => page.locator('.toolbar .muted').textContent()).toBe('1 of 1 shown');
    // The one row is on screen as soon as it is counted: no blank table while the old scroll position unwinds.
    expect(await page.locator('tr[data-id="seeded-150"]').isVisible()).toBe(true);
    expect(await scroller.evaluate((element) => element.scrollTop)).toBe(0);

    await page.getByLabel('Search request and response bodies').fill('');
    await expect.poll(() => page.locator('.toolbar .muted').textContent()).toBe('200 of 600 shown');
    await toBottom();
    await page.getByLabel('Outcome').selectOption('failed');
    await expect.poll(() => page.locator('.toolbar .muted').textContent()).toBe('6 of 6 shown');
    // The newest failure first, at the top.
    expect(await page.locator('tr[data-id]').first().getAttribute('data-id')).toBe('seeded-500');
    expect(await scroller.evaluate((element) => element.scrollTop)).toBe(0);
  });

  it('names why a delivery failed, and shows its attempts as a timeline with the last one open', async () => {
    // A port that was just free: nothing listens there.
    const gone = await startReceiver();
    const refusedUrl = gone.url;
    await gone.close();
    await running.app.core.call('hooks.create', { name: 'Nobody home', url: refusedUrl, events: ['PostSignIn'] });
    await running.app.core.call('hooks.create', { name: 'Flaky', url: running.receiver.url, events: ['User.Created'] });
    running.receiver.answer(reply(500, '{"error":"try later"}'), reply(502, 'bad gateway'), reply(200, '{"ok":true}'));
    await running.app.core.call('events.trigger', { event: 'PostSignIn' });
    await running.app.core.call('events.trigger', { event: 'User.Created' });
    await running.app.core.settled();

    await openRequests('Nobody home');
    await running.app.page
      .getByRole('row', { name: /PostSignIn/ })
      .getByRole('button')
      .first()
      .click();
    const newest = running.app.page.locator('.attempt').first();
    expect(await newest.locator('.tag').textContent()).toBe('Connection refused');
    const message = (await newest.locator('.attempt-error').textContent())!;
    expect(await running.app.page.getByText(message, { exact: true }).count()).toBe(1);

    await openRequests('Flaky');
    await running.app.page
      .getByRole('row', { name: /User\.Created/ })
      .getByRole('button')
      .first()
      .click();
    await running.app.page.locator('.attempt').nth(2).waitFor();
    const summaries = await running.app.page.locator('.attempt summary strong').allTextContents();
    expect(summaries).toEqual(['Attempt 3', 'Attempt 2', 'Attempt 1']);
    expect(await running.app.page.locator('.attempt details[open]').count()).toBe(1);
    expect(await running.app.page.locator('.attempt').first().locator('details').getAttribute('open')).toBe('');
    await running.app.page.getByText('Attempt 1', { exact: true }).click();
    const body = running.app.page.getByLabel('Response body (attempt 1)', { exact: true });
    await body.waitFor();
    // JSON is highlighted, the text unchanged.
    expect(await body.locator('.json-key').first().textContent()).toBe('"error"');
    expect(JSON.parse((await body.textContent())!)).toEqual({ error: 'try later' });
    await running.app.screenshot('request-timeline');
  });

  it('shows a long response body in a box of its own that scrolls, by mouse or keyboard, so the attempts stay in view', async () => {
    await running.app.core.call('hooks.create', { name: 'Verbose', url: running.receiver.url, events: ['PostSignIn'] });
    const lines = Array.from({ length: 2_000 }, (_, index) => `line ${index}`).join('\n');
    running.receiver.answer(reply(500, lines), reply(200, 'ok'));
    await running.app.core.call('events.trigger', { event: 'PostSignIn' });
    await running.app.core.settled();
    await openRequests('Verbose');
    const { page } = running.app;
    await page
      .getByRole('row', { name: /PostSignIn/ })
      .getByRole('button')
      .first()
      .click();
    await page.getByText('Attempt 1', { exact: true }).click();
    const body = page.getByLabel('Response body (attempt 1)', { exact: true });
    await body.waitFor();
    const box = await body.evaluate((element) => ({ shown: element.clientHeight, whole: element.scrollHeight }));
    expect(box.shown).toBeLessThan(500);
    expect(box.whole).toBeGreaterThan(box.shown * 10);
    await body.focus();
    await page.keyboard.press('End');
    await expect.poll(() => body.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
    await running.app.screenshot('long-response-body');
  });

  it('marks local endpoints once, small, until dismissed for good', async () => {
    await running.app.core.call('hooks.create', { name: 'Local', url: 'http://localhost:3000/hooks', events: ['PostSignIn'] });
    await running.app.reload();
    const note = () => running.app.page.getByText('marks an endpoint a real Logto tenant could not reach');
    await note().waitFor();
    expect(await running.app.page.getByRole('row', { name: /Local/ }).locator('.tag').textContent()).toBe('local');
    await running.app.page.getByRole('button', { name: 'Got it, hide these marks' }).click();
    expect(await note().count()).toBe(0);
    await running.app.reload();
    await running.app.page.getByRole('row', { name: /Local/ }).waitFor();
    expect(await note().count()).toBe(0);
    expect(await running.app.page.getByRole('row', { name: /Local/ }).locator('.tag').count()).toBe(0);
    // The hook's form no longer warns about a local URL either.
    const warning = () => running.app.page.getByText('A real Logto tenant would refuse this URL');
    await running.app.page.getByRole('button', { name: 'Local', exact: true }).click();
    await running.app.page.getByLabel('Endpoint URL').fill('http://localhost:3001/hooks');
    await running.app.page.getByText('Unsaved changes').waitFor();
    expect(await warning().count()).toBe(0);
  });

  it('warns in the form about a URL a real Logto would refuse, until the marks are dismissed', async () => {
    await running.app.core.call('hooks.create', { name: 'Local', url: 'http://localhost:3000/hooks', events: ['PostSignIn'] });
    await running.app.reload();
    await running.app.page.getByRole('button', { name: 'Local', exact: true }).click();
    await running.app.page.getByText('A real Logto tenant would refuse this URL').waitFor();
  });
});
