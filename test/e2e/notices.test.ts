import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../support/app';

let app: RunningApp | undefined;
let dataDir: string;
afterEach(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a damaged hooks file', () => {
  it('is set aside and the user is told where it is, in the app', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hookbench-notice-'));
    writeFileSync(join(dataDir, 'hooks.json'), '{"schemaVersion":1,"hooks":[');
    app = await startApp({ dataDir, colorScheme: 'dark' });
    const aside = readdirSync(dataDir).find((name) => name.startsWith('hooks.corrupt-'))!;
    const banner = app.page.getByRole('alert').filter({ hasText: 'Your hooks file is not valid JSON' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain(join(dataDir, aside));
    await app.page.getByRole('heading', { name: 'No webhooks yet' }).waitFor();
    await app.screenshot('notice-dark');
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    expect(await banner.count()).toBe(0);
  });

  it('damaged while the app runs reaches the open window at once, without a reload', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hookbench-notice-'));
    app = await startApp({ dataDir });
    await app.core.call('hooks.create', { name: 'Kept', url: 'http://localhost:3000/hooks', events: ['PostSignIn'] });
    await app.reload();
    await app.page.getByRole('button', { name: 'Kept' }).waitFor();
    // Another program (an editor, a sync tool) breaks the file while the window is open.
    writeFileSync(join(dataDir, 'hooks.json'), '{"schemaVersion":2,"hooks":[');
    const banner = app.page.getByRole('alert').filter({ hasText: 'Your hooks file is not valid JSON' });
    await banner.waitFor({ timeout: 5_000 });
    const aside = readdirSync(dataDir).find((name) => name.startsWith('hooks.corrupt-'))!;
    expect(await banner.textContent()).toContain(join(dataDir, aside));
  });
});
