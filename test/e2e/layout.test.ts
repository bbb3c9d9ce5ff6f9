import { describe, expect, it } from 'vitest';
import { useApp } from '../support/perTest';

const running = useApp();

/** Elements whose right edge passes the window's: what a user sees cut off. */
const clipped = () =>
  running.app.page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.right > window.innerWidth + 0.5;
      })
      .map((element) => element.outerHTML.slice(0, 60)),
  );

describe('a 900 px window', () => {
  it('clips nothing on the list, settings and requests, and keeps the search wide enough to use', async () => {
    await running.app.page.setViewportSize({ width: 900, height: 760 });
    await running.app.core.call('hooks.create', {
      name: 'A hook with a rather long name',
      url: 'http://localhost:4000/a/long/path/for/webhooks',
      events: ['PostSignIn'],
    });
    await running.app.reload();
    await running.app.page.setViewportSize({ width: 900, height: 760 });
    await running.app.page.getByRole('row', { name: /A hook/ }).waitFor();
    expect(await clipped()).toEqual([]);
    await running.app.screenshot('layout-900-list');

    await running.app.page.getByRole('button', { name: 'A hook with a rather long name' }).click();
    await running.app.page.getByRole('region', { name: 'General' }).waitFor();
    expect(await clipped()).toEqual([]);
    await running.app.screenshot('layout-900-settings');

    await running.app.page.getByRole('tab', { name: 'Recent requests' }).click();
    const search = running.app.page.getByLabel('Search request and response bodies');
    await search.waitFor();
    expect(await clipped()).toEqual([]);
    expect((await search.boundingBox())!.width).toBeGreaterThan(400);
    await running.app.screenshot('layout-900-requests');
  });

  it('wraps a 60-character name and a 200-character URL on the hook and its requests instead of running off the window', async () => {
    const name = `Sync users to the CRM for the ${'Z'.repeat(30)}`;
    const url = `http://localhost:4000/webhooks/logto?token=${'q'.repeat(140)}&tenant=acme`;
    const hook = await running.app.core.call('hooks.create', { name, url, events: ['PostSignIn'] });
    await running.app.core.call('hooks.create', {
      name: `The longest name a hook can have ${'n'.repeat(95)}`,
      url,
      events: ['User.Created'],
    });
    await running.app.core.call('events.trigger', { event: 'PostSignIn' });
    await running.app.core.settled();
    const [delivery] = (await running.app.core.call('logs.query', { hookId: hook.id, limit: 1 })).items;
    await running.app.reload();
    const { page } = running.app;
    for (const width of [1280, 900]) {
      await page.setViewportSize({ width, height: 760 });
      await page.getByRole('button', { name }).click();
      await page.getByRole('heading', { name: new RegExp(name) }).waitFor();
      expect(await clipped()).toEqual([]);
      // The state tag stays one word on one line beside the wrapped name.
      const tag = page.locator('h1 .tag');
      expect((await tag.boundingBox())!.height).toBeLessThan(24);
      await running.app.screenshot(`layout-${width}-long-hook`);
      await page.getByRole('tab', { name: 'Recent requests' }).click();
      await page.locator(`tr[data-id="${delivery!.id}"]`).click();
      await page.getByRole('heading', { name: 'Attempts' }).waitFor();
      expect(await clipped()).toEqual([]);
      // The way back reads as one line of a link, flush left, not a centred block.
      const back = page.getByRole('button', { name: new RegExp(`← ${name}`) });
      expect(await back.evaluate((element) => getComputedStyle(element).textAlign)).toBe('left');
      await running.app.screenshot(`layout-${width}-long-request`);
      await page.getByRole('button', { name: new RegExp(`← ${name}`) }).click();
      await page.getByRole('tab', { name: 'Check receiver' }).click();
      await page.getByRole('button', { name: 'Run check' }).waitFor();
      expect(await clipped()).toEqual([]);
      // The receiver's key picker lists every hook by name, the longest one too.
      await page.getByRole('button', { name: 'Receiver' }).click();
      await page.getByText('Signature verified by').waitFor();
      expect(await clipped()).toEqual([]);
      await running.app.screenshot(`layout-${width}-receiver`);
      await page.getByRole('button', { name: 'Hooks' }).click();
    }
  });

  it('keeps a 128-character name to two lines of the list, whole in its tooltip', async () => {
    const name = `Sync every user, role and organization change to the CRM ${'and more '.repeat(8)}`.slice(0, 128);
    await running.app.core.call('hooks.create', { name, url: 'http://localhost:4000/hooks', events: ['PostSignIn'] });
    await running.app.reload();
    await running.app.page.setViewportSize({ width: 900, height: 760 });
    const link = running.app.page.getByRole('button', { name });
    await link.waitFor();
    const lineHeight = await link.evaluate((element) => Number.parseFloat(getComputedStyle(element).lineHeight));
    expect((await link.boundingBox())!.height).toBeLessThanOrEqual(lineHeight * 2 + 1);
    expect(await link.getAttribute('title')).toBe(name);
    expect(await clipped()).toEqual([]);
  });

  it('keeps a 2 000-character URL to two lines under the hook’s name, the tabs in the first screenful', async () => {
    const url = `http://localhost:4000/hooks?token=${'t'.repeat(1_970)}`;
    await running.app.core.call('hooks.create', { name: 'Long everything', url, events: ['PostSignIn'] });
    await running.app.reload();
    const { page } = running.app;
    await page.setViewportSize({ width: 900, height: 760 });
    await page.getByRole('button', { name: 'Long everything' }).click();
    const tabs = page.getByRole('tab', { name: 'Recent requests' });
    await tabs.waitFor();
    // The tabs stay in the first screenful; the whole URL is in its tooltip (and in Settings).
    expect((await tabs.boundingBox())!.y).toBeLessThan(300);
    expect(await page.locator('.hook-url').getAttribute('title')).toBe(url);
  });

  it('keeps the event picker’s columns where they are while filtering', async () => {
    await running.app.page.getByRole('button', { name: 'Create your first webhook' }).click();
    const description = running.app.page.getByText('A user finished signing in.');
    const before = (await description.boundingBox())!.x;
    await running.app.page.getByLabel('Filter events').fill('PostSignIn');
    await expect.poll(async () => (await description.boundingBox())?.x).toBe(before);
    await running.app.page.getByLabel('Filter events').fill('Organization');
    const organization = running.app.page.locator('.event-option .muted').first();
    expect((await organization.boundingBox())!.x).toBe(before);
  });
});
