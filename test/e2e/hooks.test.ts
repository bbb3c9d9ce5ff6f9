import { describe, expect, it } from 'vitest';
import { descriptionOf } from '../support/axe';
import { useApp } from '../support/perTest';

const running = useApp();

describe('creating a hook', () => {
  it('shows the empty state, creates a hook, and still lists it after a reload', async () => {
    const { page } = running.app;
    await page.getByRole('heading', { name: 'No webhooks yet' }).waitFor();
    await running.app.screenshot('hook-list-empty');

    await page.getByRole('button', { name: 'Create your first webhook' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Sync users to CRM');
    await page.getByLabel('Endpoint URL').fill('http://localhost:4000/hooks/logto');
    await expect(page.getByText('A real Logto tenant would refuse this URL').isVisible()).resolves.toBe(true);
    await page.getByLabel('Select all User events').check();
    await page.getByRole('button', { name: '+ Add header' }).click();
    await page.getByLabel('Header 1 name').fill('x-tenant');
    await page.getByLabel('Header 1 value').fill('acme');
    await page.getByRole('button', { name: 'Create webhook' }).click();

    await page.getByRole('heading', { name: /Sync users to CRM/ }).waitFor();
    const [stored] = await running.app.core.call('hooks.list', {});
    expect(stored).toMatchObject({
      name: 'Sync users to CRM',
      config: { url: 'http://localhost:4000/hooks/logto', headers: { 'x-tenant': 'acme' } },
      events: ['User.Created', 'User.Deleted', 'User.Data.Updated', 'User.SuspensionStatus.Updated'],
      enabled: true,
    });

    await running.app.reload();
    const row = running.app.page.getByRole('row', { name: /Sync users to CRM/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('4 events');
    await running.app.screenshot('hook-list');
  });

  it('says what a new hook needs when Create is pressed on the empty form', async () => {
    const { page } = running.app;
    await page.getByRole('button', { name: 'Create your first webhook' }).click();
    const create = page.getByRole('button', { name: 'Create webhook' });
    expect(await create.isEnabled()).toBe(true);
    await create.click();
    await expect(descriptionOf(page.getByLabel('Name', { exact: true }))).resolves.toBe('Give the hook a name');
    await expect(descriptionOf(page.getByLabel('Endpoint URL', { exact: true }))).resolves.toMatch(/URL/);
    await page.getByText('Pick at least one event').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name');
    expect(await running.app.core.call('hooks.list', {})).toEqual([]);
  });

  it('keeps header names that differ only in case, as Logto does, and says they go out as one header', async () => {
    const { page } = running.app;
    await page.getByRole('button', { name: 'Create your first webhook' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Tenant routing');
    await page.getByLabel('Endpoint URL').fill('http://localhost:4000/hooks');
    await page.getByLabel('Select all User events').check();
    for (const [index, name, value] of [
      [1, 'X-Tenant', 'acme'],
      [2, 'x-tenant', 'beta'],
    ] as const) {
      await page.getByRole('button', { name: '+ Add header' }).click();
      await page.getByLabel(`Header ${index} name`).fill(name);
      await page.getByLabel(`Header ${index} value`).fill(value);
    }
    await expect(descriptionOf(page.getByLabel('Header 2 name', { exact: true }))).resolves.toBe(
      'Sent joined with row 1 as one header, "x-tenant: acme, beta": Logto\'s request joins names that differ only in case',
    );
    await page.getByRole('button', { name: 'Create webhook' }).click();
    await page.getByRole('heading', { name: /Tenant routing/ }).waitFor();
    const [stored] = await running.app.core.call('hooks.list', {});
    expect(stored?.config.headers).toEqual({ 'X-Tenant': 'acme', 'x-tenant': 'beta' });
  });

  it('shows each mistake next to its field and saves nothing', async () => {
    const { page } = running.app;
    await page.getByRole('button', { name: 'Create your first webhook' }).click();
    await page.getByLabel('Endpoint URL').fill('localhost:4000/hooks');
    await page.getByRole('button', { name: '+ Add header' }).click();
    await page.getByLabel('Header 1 name').fill('bad header');
    await page.getByRole('button', { name: 'Create webhook' }).click();

    // Each error is announced with its field (aria-describedby), not read as part of the label.
    const errorAt = (label: string) => descriptionOf(page.getByLabel(label, { exact: true }));
    await expect(errorAt('Endpoint URL')).resolves.toBe('Enter a full URL with its scheme: did you mean http://localhost:4000/hooks?');
    await expect(errorAt('Name')).resolves.toBe('Give the hook a name');
    await expect(errorAt('Header 1 name')).resolves.toContain('"bad header" is not a valid header name');
    // Focus goes to the first field in error, so the keyboard and the screen reader start there.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name');
    await expect(page.getByText('Pick at least one event').isVisible()).resolves.toBe(true);
    await expect(page.getByText('"bad header" is not a valid header name').isVisible()).resolves.toBe(true);
    await running.app.screenshot('create-form-errors');
    expect(await running.app.core.call('hooks.list', {})).toEqual([]);
  });
});

describe('settings and notices', () => {
  it('changes how long requests are kept, refuses nonsense, and remembers it', async () => {
    const { page } = running.app;
    await page.getByText('The request log keeps deliveries for 14 days').waitFor();
    await page.getByRole('button', { name: 'Change' }).click();
    await page.getByLabel('Days to keep requests').fill('0');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Keep requests for at least 1 day').waitFor();
    await page.getByLabel('Days to keep requests').fill('1');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The request log keeps deliveries for 1 day, on this machine only').waitFor();
    await page.getByRole('button', { name: 'Change' }).click();
    await page.getByLabel('Days to keep requests').fill('30');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The request log keeps deliveries for 30 days').waitFor();
    await running.app.reload();
    await running.app.page.getByText('The request log keeps deliveries for 30 days').waitFor();
  });
});
