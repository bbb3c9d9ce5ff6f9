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
