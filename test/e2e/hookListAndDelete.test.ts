import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../support/app';
import { seriousAxeFindings } from '../support/axe';
import { type Receiver, startReceiver } from '../support/receiver';

let app: RunningApp | undefined;
let receiver: Receiver;
beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  await receiver?.close();
});

/** Three hooks: one never delivered, one all failing, one all succeeding (delivered last). */
async function threeHooks(colorScheme: 'light' | 'dark' = 'light') {
  app = await startApp({ colorScheme });
  const { core } = app;
  await core.call('hooks.create', { name: 'Audit trail', url: 'http://localhost:4999/audit', events: ['User.Deleted'] });
  const failing = await core.call('hooks.create', {
    name: 'billing',
    url: `${receiver.url}?to=billing`,
    events: ['User.Created'],
    retries: 0,
  });
  const working = await core.call('hooks.create', { name: 'CRM sync', url: `${receiver.url}?to=crm`, events: ['PostSignIn'] });
  receiver.answer((request, response) => {
    response.writeHead(request.url.includes('billing') ? 404 : 200).end('{}');
  });
  await core.call('events.trigger', { event: 'User.Created' });
  await core.settled();
  await new Promise((resolve) => setTimeout(resolve, 5));
  await core.call('events.trigger', { event: 'PostSignIn' });
  await core.call('events.trigger', { event: 'PostSignIn' });
  await core.settled();
  await app.reload();
  await app.page.getByRole('row', { name: /CRM sync/ }).waitFor();
  return { failing, working };
}

const rowNames = () => app!.page.locator('.hook-table tbody tr td:first-child').allTextContents();

describe('the hook list', () => {
  it('searches by name or URL, sorts by name, last delivery and success rate, and shows when each last delivered', async () => {
    await threeHooks();
    const page = app!.page;
    expect(await rowNames()).toEqual(['Audit trail', 'billing', 'CRM sync']);
    expect(await page.getByRole('row', { name: /Audit trail/ }).textContent()).toContain('Never');
    expect(await page.getByRole('row', { name: /CRM sync/ }).textContent()).toContain('just now');
    await page.getByRole('columnheader', { name: 'Last delivery' }).waitFor();

    const sort = page.getByLabel('Sort by');
    await sort.selectOption({ label: 'Last delivery, newest first' });
    expect(await rowNames()).toEqual(['CRM sync', 'billing', 'Audit trail']);
    await sort.selectOption({ label: 'Success rate, lowest first' });
    expect(await rowNames()).toEqual(['billing', 'CRM sync', 'Audit trail']);

    const search = page.getByLabel('Search webhooks by name or URL');
    await search.fill('TO=CRM');
    await expect.poll(rowNames).toEqual(['CRM sync']);
    await search.fill('audit');
    await expect.poll(rowNames).toEqual(['Audit trail']);
    await search.fill('nothing here');
    await page.getByText('No webhook’s name or URL holds “nothing here”').waitFor();
    await page.getByRole('button', { name: 'Clear the search' }).click();
    await expect.poll(rowNames).toEqual(['billing', 'CRM sync', 'Audit trail']);
  });
});

describe('deleting a hook', () => {
  it('says how many deliveries it has and deletes them with it only when asked', async () => {
    const { failing, working } = await threeHooks();
    const page = app!.page;
    expect((await app!.core.call('logs.count', { hookId: working.id })).count).toBe(2);

    await page.getByRole('button', { name: 'CRM sync' }).click();
    await page.getByRole('region', { name: 'Danger zone' }).getByRole('button', { name: 'Delete webhook' }).click();
    let dialog = page.getByRole('dialog', { name: 'Delete “CRM sync”?' });
    await dialog.getByLabel('Also delete its 2 logged requests from the request log').check();
    await dialog.getByRole('button', { name: 'Delete webhook and 2 logged requests' }).waitFor();
    await app!.screenshot('delete-hook-with-deliveries');
    await dialog.getByRole('button', { name: 'Delete webhook and 2 logged requests' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted “CRM sync” and its 2 logged requests.' }).waitFor();
    expect((await app!.core.call('logs.count', { hookId: working.id })).count).toBe(0);

    await page.getByRole('button', { name: 'billing' }).click();
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Delete webhook' }).click();
    dialog = page.getByRole('dialog', { name: 'Delete “billing”?' });
    await dialog.getByLabel('Also delete its 1 logged request from the request log').waitFor();
    await dialog.getByRole('button', { name: 'Delete webhook', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted “billing”.' }).waitFor();
    expect((await app!.core.call('logs.count', { hookId: failing.id })).count).toBe(1);

    await page.getByRole('button', { name: 'Audit trail' }).click();
    await page.getByRole('region', { name: 'Danger zone' }).getByRole('button', { name: 'Delete webhook' }).click();
    await page.getByRole('dialog', { name: 'Delete “Audit trail”?' }).getByText('It has nothing in the request log.').waitFor();
  });
});

describe('a removed hook whose deliveries were kept', () => {
  it('is listed under Removed webhooks, and its deliveries open, read-only, until retention removes them', async () => {
    const { failing } = await threeHooks();
    await app!.core.call('hooks.remove', { id: failing.id });
    await app!.reload();
    const page = app!.page;
    const removed = page.getByRole('region', { name: 'Removed webhooks' });
    expect(await removed.textContent()).toContain('1 delivery, newest just now');
    await removed.getByRole('button', { name: failing.id }).click();
    await page.getByRole('heading', { name: /Removed webhook/ }).waitFor();
    const rows = page.locator('.delivery-table tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('User.Created');
    expect(await page.getByRole('button', { name: 'Redeliver unsuccessful…' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Export JSON Lines' }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await app!.screenshot('removed-hook-deliveries');

    await rows.first().click();
    await page.getByRole('button', { name: '← Removed webhook · Recent requests' }).waitFor();
    expect(await page.getByRole('button', { name: 'Redeliver', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByText('POST ').first().textContent()).toContain('?to=billing');
  });
});

describe.each(['light', 'dark'] as const)('the hook list in %s mode', (colorScheme) => {
  it('has nothing serious for axe, and clips nothing at 900 px', async () => {
    await threeHooks(colorScheme);
    const page = app!.page;
    expect(await seriousAxeFindings(page)).toEqual([]);
    await app!.screenshot(`hook-list-sort-${colorScheme}-1280`);
    await page.setViewportSize({ width: 900, height: 760 });
    const clipped = await page.evaluate(
      () =>
        [...document.querySelectorAll('main *')].filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
          .length,
    );
    expect(clipped).toBe(0);
    await app!.screenshot(`hook-list-sort-${colorScheme}-900`);
    await page.getByRole('button', { name: 'CRM sync' }).click();
    await page.getByRole('region', { name: 'Danger zone' }).getByRole('button', { name: 'Delete webhook' }).click();
    await page.getByRole('dialog', { name: 'Delete “CRM sync”?' }).getByText('Also delete its 2 logged requests').waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
  });
});
