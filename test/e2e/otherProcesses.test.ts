import { afterEach, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../support/app';
import { openTestCore, type TestCore } from '../support/core';

let app: RunningApp | undefined;
let other: TestCore | undefined;
afterEach(async () => {
  await other?.close();
  await app?.close();
});

describe('another process on the same data folder', () => {
  it('shows hooks it adds, and a form with unsaved edits keeps them and says the hook changed', async () => {
    app = await startApp();
    const hook = await app.core.call('hooks.create', { name: 'Shared', url: 'http://localhost:4000/a', events: ['PostSignIn'] });
    await app.reload();
    await app.page.getByRole('button', { name: 'Shared' }).click();
    await app.page.getByLabel('Name', { exact: true }).fill('Shared, edited here');
    other = openTestCore({ dataDir: app.dataDir });
    await other.call('hooks.create', { name: 'From the CLI', url: 'http://localhost:4000/b', events: ['PostSignIn'] });
    await other.call('hooks.update', { id: hook.id, url: 'http://localhost:4000/changed' });
    await app.page.getByText('This webhook was changed elsewhere while you edited it.').waitFor({ timeout: 10_000 });
    expect(await app.page.getByLabel('Name', { exact: true }).inputValue()).toBe('Shared, edited here');
    await app.page.getByRole('button', { name: 'Discard' }).click();
    await app.page.getByRole('button', { name: '← Webhooks' }).click();
    await app.page.getByRole('row', { name: /From the CLI/ }).waitFor();
  });
});
