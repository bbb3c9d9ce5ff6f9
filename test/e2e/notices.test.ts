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
});
