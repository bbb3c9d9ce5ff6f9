import { describe, expect, it } from 'vitest';
import { useApp } from '../support/perTest';

const running = useApp();

const focused = () => running.app.page.evaluate(() => document.activeElement?.textContent?.trim());

async function hookOnScreen() {
  await running.app.core.call('hooks.create', { name: 'CRM sync', url: 'http://127.0.0.1:4000/hooks', events: ['PostSignIn'] });
  await running.app.reload();
  await running.app.page.getByRole('button', { name: 'CRM sync' }).click();
  await running.app.page.getByRole('heading', { name: /CRM sync/ }).waitFor();
}

describe('keyboard and screen reader', () => {
  it('starts a screen opened from the keyboard at its heading, the list gone back to too', async () => {
    await running.app.core.call('hooks.create', { name: 'CRM sync', url: 'http://127.0.0.1:4000/hooks', events: ['PostSignIn'] });
    await running.app.reload();
    const { page } = running.app;
    await page.getByRole('button', { name: 'CRM sync' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await focused()).toContain('CRM sync');
    // Tab goes on from the heading into the screen.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Send test payload');
    await page.getByRole('button', { name: '← Webhooks' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Webhooks');
  });

  it('moves between tabs with arrows, Home and End, one tab stop for the list', async () => {
    await hookOnScreen();
    const { page } = running.app;
    const tab = (name: string) => page.getByRole('tab', { name });
    await tab('Settings').focus();
    expect(await tab('Recent requests').getAttribute('tabindex')).toBe('-1');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tab('Recent requests').getAttribute('aria-selected')).toBe('true');
    expect(await focused()).toBe('Recent requests');
    expect(await tab('Settings').getAttribute('tabindex')).toBe('-1');
    await page.getByRole('tabpanel', { name: 'Recent requests' }).waitFor();
    await page.keyboard.press('Home');
    await expect.poll(focused).toBe('Settings');
    // Three tabs since the receiver check: End goes to the last, and Right from the last wraps to the first.
    await page.keyboard.press('End');
    await expect.poll(focused).toBe('Check receiver');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(focused).toBe('Recent requests');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight');
    await expect.poll(focused).toBe('Settings');
    expect(await tab('Settings').getAttribute('aria-selected')).toBe('true');
  });

  it('runs the ⋯ menu from the keyboard and returns focus to its button', async () => {
    await hookOnScreen();
    const { page } = running.app;
    const button = page.getByRole('button', { name: 'More actions' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Disable webhook');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('Delete webhook');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('Disable webhook');
    await page.keyboard.press('End');
    await expect.poll(focused).toBe('Delete webhook');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);
    await expect.poll(focused).toBe('⋯');

    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe('Delete webhook');
    await page.keyboard.press('Enter');
    // A native modal dialog: the page behind it is inert.
    const dialog = page.getByRole('dialog', { name: /Delete/ });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.querySelector('dialog')?.matches(':modal'))).toBe(true);
    await expect.poll(focused).toBe('Cancel');
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
    await expect.poll(focused).toBe('⋯');
    expect(await running.app.core.call('hooks.list', {})).toHaveLength(1);
  });

  it('draws the focus ring on a request row inside the list, where nothing clips it', async () => {
    await hookOnScreen();
    await running.app.core.call('events.trigger', { event: 'PostSignIn' });
    await running.app.core.settled();
    await running.app.page.getByRole('tab', { name: 'Recent requests' }).click();
    const row = running.app.page.getByRole('row', { name: /PostSignIn/ });
    await row.waitFor();
    await row.getByRole('button').focus();
    await running.app.page.keyboard.press('Shift+Tab');
    await running.app.page.keyboard.press('Tab');
    const ring = await running.app.page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      const width = Number.parseFloat(style.outlineWidth);
      const offset = Number.parseFloat(style.outlineOffset);
      const box = element.getBoundingClientRect();
      const clip = element.closest('.delivery-scroll')!.getBoundingClientRect();
      const reach = width + offset;
      return {
        drawn: style.outlineStyle !== 'none' && width > 0,
        inside: box.left - reach >= clip.left && box.right + reach <= clip.right && box.top - reach >= clip.top,
      };
    });
    expect(ring).toEqual({ drawn: true, inside: true });
    // Enter opens the request.
    await running.app.page.keyboard.press('Enter');
    await running.app.page.getByRole('button', { name: '← CRM sync · Recent requests' }).waitFor();
  });
});
