import { afterEach, describe, expect, it } from 'vitest';
import { APP_EXPORT_LIMIT } from '../../shared/limits';
import { type RunningApp, startApp } from '../support/app';
import { seedLog } from '../support/seedLog';
import { useTempDir } from '../support/tempDir';

const tempDir = useTempDir();
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('a request log longer than the app exports', () => {
  it('says how many match in all, and that the export is too large, before anything is clicked', async () => {
    const dataDir = tempDir();
    app = await startApp({ dataDir });
    const hook = await app.core.call('hooks.create', { name: 'Busy hook', url: 'http://localhost:9/x', events: ['PostSignIn'] });
    // More finished deliveries than an export from the app carries, 0.3 s apart: 100 minutes in
    // all, so the last hour holds fewer than the limit.
    const now = Date.now();
    await seedLog(dataDir, APP_EXPORT_LIMIT + 1, (index) => ({
      hookId: hook.id,
      event: 'PostSignIn',
      createdAt: now - (APP_EXPORT_LIMIT - index) * 300,
      outcome: 'success',
      status: 200,
    }));
    await app.reload();
    await app.page.getByRole('button', { name: 'Busy hook' }).click();
    await app.page.getByRole('tab', { name: 'Recent requests' }).click();
    const toolbar = app.page.locator('.toolbar .muted');
    await expect.poll(() => toolbar.textContent()).toBe(`200 of ${(APP_EXPORT_LIMIT + 1).toLocaleString('en')} shown`);
    const exportHar = app.page.getByRole('button', { name: 'Export HAR' });
    expect(await exportHar.isDisabled()).toBe(true);
    expect(await app.page.locator('#export-limit').textContent()).toContain('hookbench export');
    // Narrowed to what the app can carry, the export is offered again.
    await app.page.getByLabel('Time range').selectOption('1h');
    await expect.poll(() => exportHar.isDisabled()).toBe(false);
  });
});
