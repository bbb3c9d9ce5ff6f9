import { describe, expect, it } from 'vitest';
import { useApp } from '../support/perTest';

const running = useApp();

const toasts = () => running.app.page.locator('.toast');

/** Every form control that a toast overlaps where the control can be seen (the screen clips what it scrolls away). */
const coveredControls = () =>
  running.app.page.evaluate(() => {
    const boxes = [...document.querySelectorAll('.toast')].map((toast) => toast.getBoundingClientRect());
    const screen = document.querySelector('main')!.getBoundingClientRect();
    const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const visible = (box: DOMRect) =>
      new DOMRect(
        box.left,
        Math.max(box.top, screen.top),
        box.width,
        Math.max(0, Math.min(box.bottom, screen.bottom) - Math.max(box.top, screen.top)),
      );
    return [...document.querySelectorAll('main input, main select, main textarea, main button')]
      .map((control) => ({ control, box: visible(control.getBoundingClientRect()) }))
      .filter(({ box }) => box.height > 0 && boxes.some((toast) => overlaps(toast, box)))
      .map(({ control }) => control)
      .map((control) => control.outerHTML.slice(0, 80));
  });

describe('toasts', () => {
  it('show at most three successes, which leave by themselves and never lie over a control', async () => {
    await running.app.core.call('hooks.create', { name: 'CRM sync', url: 'http://localhost:4000/hooks', events: ['PostSignIn'] });
    await running.app.reload();
    const { page } = running.app;
    await page.getByRole('button', { name: 'CRM sync' }).click();
    for (const width of [1280, 900]) {
      await page.setViewportSize({ width, height: 820 });
      for (let round = 0; round < 2; round++) {
        await page.getByRole('button', { name: 'More actions' }).click();
        await page.getByRole('menuitem', { name: /able webhook/ }).click();
        await page.getByRole('button', { name: 'More actions' }).click();
        await page.getByRole('menuitem', { name: /able webhook/ }).click();
      }
      await expect.poll(() => toasts().count()).toBe(3);
      expect(await coveredControls()).toEqual([]);
      await page.getByLabel('Name', { exact: true }).fill('CRM sync 2');
      await page.keyboard.press('End');
      await page.mouse.wheel(0, 5000);
      expect(await coveredControls()).toEqual([]);
      await running.app.screenshot(`toasts-${width}`);
      await expect.poll(() => toasts().count(), { timeout: 8000 }).toBe(0);
      await page.getByRole('button', { name: 'Discard' }).click();
    }
  });

  it('keep an error until dismissed, but only on the screen it concerns', async () => {
    const { page } = running.app;
    await page
      .getByLabel('Hooks file to import')
      .setInputFiles({ name: 'hooks.json', mimeType: 'application/json', buffer: Buffer.from('{') });
    const error = page.getByRole('alert').filter({ hasText: 'Could not import hooks.json' });
    await error.waitFor();
    // Longer than a success lasts: an error does not leave on its own.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    expect(await error.count()).toBe(1);
    await page.getByRole('button', { name: 'Create your first webhook' }).click();
    await page.getByRole('heading', { name: 'Create webhook' }).waitFor();
    expect(await error.count()).toBe(0);
  });
});
