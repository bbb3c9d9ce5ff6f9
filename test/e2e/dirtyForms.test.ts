import { describe, expect, it } from 'vitest';
import { useApp } from '../support/perTest';

const running = useApp();

const leaveDialog = () => running.app.page.getByRole('dialog', { name: 'Discard unsaved changes?' });
/** What the window's close would meet: true when the page asks to stay. */
const closeIsHeld = () =>
  running.app.page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });

describe('a settings form with unsaved edits', () => {
  it('says it is dirty, asks before leaving by tab or back, holds the window, and saves only a real change', async () => {
    const hook = await running.app.core.call('hooks.create', {
      name: 'CRM sync',
      url: 'http://localhost:4000/hooks',
      events: ['PostSignIn'],
    });
    await running.app.reload();
    const { page } = running.app;
    await page.getByRole('button', { name: 'CRM sync' }).click();
    const save = page.getByRole('button', { name: 'Save changes' });
    await save.waitFor();
    expect(await save.isDisabled()).toBe(true);
    expect(await page.getByText('Unsaved changes').count()).toBe(0);
    expect(await closeIsHeld()).toBe(false);

    // Typing back to the stored value is not an edit.
    await page.getByLabel('Name', { exact: true }).fill('CRM sync!');
    await page.getByLabel('Name', { exact: true }).fill('CRM sync');
    expect(await save.isDisabled()).toBe(true);

    await page.getByLabel('Name', { exact: true }).fill('CRM sync v2');
    await page.getByText('Unsaved changes').waitFor();
    expect(await save.isDisabled()).toBe(false);
    expect(await closeIsHeld()).toBe(true);
    await running.app.screenshot('settings-dirty');

    await page.getByRole('tab', { name: 'Recent requests' }).click();
    await leaveDialog().getByRole('button', { name: 'Keep editing' }).click();
    expect(await page.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('CRM sync v2');

    await page.getByRole('button', { name: '← Webhooks' }).click();
    await leaveDialog().waitFor();
    await page.keyboard.press('Escape');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('CRM sync v2');

    await save.click();
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
    await expect.poll(() => save.isDisabled()).toBe(true);
    expect(await page.getByText('Unsaved changes').count()).toBe(0);
    expect(await closeIsHeld()).toBe(false);
    expect((await running.app.core.call('hooks.list', {}))[0]).toMatchObject({ id: hook.id, name: 'CRM sync v2' });

    // Discarding on the way out leaves the stored values as they were.
    await page.getByLabel('Endpoint URL').fill('http://localhost:5000/elsewhere');
    await page.getByRole('tab', { name: 'Recent requests' }).click();
    await leaveDialog().getByRole('button', { name: 'Discard changes' }).click();
    await page.getByRole('tab', { name: 'Recent requests', selected: true }).waitFor();
    await page.getByRole('tab', { name: 'Settings' }).click();
    expect(await page.getByLabel('Endpoint URL').inputValue()).toBe('http://localhost:4000/hooks');
    expect(await leaveDialog().count()).toBe(0);
    expect((await running.app.core.call('hooks.list', {}))[0]!.config.url).toBe('http://localhost:4000/hooks');

    // Discard takes what was said about the edits with them: no error is left on the stored value.
    const url = page.getByLabel('Endpoint URL');
    await url.fill('localhost:4000');
    await save.click();
    await page.getByText('Enter a full URL with its scheme').waitFor();
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Discard', exact: true }).click();
    expect(await url.inputValue()).toBe('http://localhost:4000/hooks');
    expect(await url.getAttribute('aria-invalid')).not.toBe('true');
    expect(await page.getByText('Enter a full URL with its scheme').count()).toBe(0);
  });

  it('shows settings in cards, with the signing key and the danger zone apart from the form', async () => {
    await running.app.core.call('hooks.create', { name: 'CRM sync', url: 'http://localhost:4000/hooks', events: ['PostSignIn'] });
    await running.app.reload();
    await running.app.page.getByRole('button', { name: 'CRM sync' }).click();
    for (const name of ['General', 'Endpoint and headers', 'Events', 'Danger zone']) {
      await running.app.page.getByRole('region', { name }).waitFor();
    }
    await running.app.page.getByRole('heading', { name: 'Signing key' }).waitFor();
    await running.app.page.getByRole('region', { name: 'Danger zone' }).getByRole('button', { name: 'Delete webhook' }).click();
    await running.app.page
      .getByRole('dialog', { name: /Delete/ })
      .getByRole('button', { name: 'Delete webhook' })
      .click();
    await running.app.page.getByRole('heading', { name: 'No webhooks yet' }).waitFor();
    expect(await running.app.core.call('hooks.list', {})).toEqual([]);
  });
});
