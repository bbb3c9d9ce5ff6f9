import { afterEach, describe, expect, it } from 'vitest';
import type { OnDuplicate } from '../../shared/contract';
import { type RunningApp, startApp } from '../support/app';
import { seriousAxeFindings } from '../support/axe';

let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const file = JSON.stringify({
  hooks: [
    { name: 'CRM sync', events: ['User.Created'], config: { url: 'http://localhost:4000/crm', headers: { 'x-from': 'file' } } },
    { name: 'Audit', events: ['PostSignIn'], config: { url: 'http://localhost:4000/audit' } },
    { name: 'Typo', events: ['User.Create'], config: { url: 'http://localhost:4000/typo' } },
  ],
});

async function importWithAHookIHave(colorScheme: 'light' | 'dark' = 'light') {
  app = await startApp({ colorScheme });
  const mine = await app.core.call('hooks.create', { name: 'CRM sync', url: 'http://localhost:4000/crm', events: ['PostSignIn'] });
  await app.reload();
  await app.page.getByRole('row', { name: /CRM sync/ }).waitFor();
  await app.page
    .getByLabel('Hooks file to import')
    .setInputFiles({ name: 'staging-hooks.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  const ask = app.page.getByRole('dialog', { name: 'Import: hooks you already have' });
  await ask.getByText('1 of 3 hooks in staging-hooks.json you already have').waitFor();
  return { mine, ask };
}

describe('importing hooks you already have', () => {
  it('asks first, changing nothing, and names the hook each entry matched', async () => {
    const { mine, ask } = await importWithAHookIHave();
    expect(await ask.getByRole('row', { name: /CRM sync/ }).textContent()).toContain('your “CRM sync” (same name and URL)');
    expect(await app!.core.call('hooks.list', {})).toEqual([mine]);
    await app!.screenshot('import-duplicates-ask-1280');
    await app!.page.setViewportSize({ width: 900, height: 760 });
    await app!.screenshot('import-duplicates-ask-900');
    await ask.getByRole('button', { name: 'Cancel import' }).click();
    expect(await app!.core.call('hooks.list', {})).toEqual([mine]);
  });

  it.each([
    ['Replace mine', 'replace', 'Replaced', 2],
    ['Keep both', 'keep-both', 'Added beside', 3],
    ['Skip them', 'skip', 'Skipped', 2],
  ] as Array<[string, OnDuplicate, string, number]>)(
    '“%s” imports with %s and reports each entry',
    async (button, _choice, said, total) => {
      const { mine, ask } = await importWithAHookIHave();
      await ask.getByRole('button', { name: button }).click();
      const report = app!.page.getByRole('dialog', { name: 'Import report' });
      await report.getByRole('row', { name: /Audit/ }).getByText('Imported').waitFor();
      expect(await report.getByRole('row', { name: /CRM sync/ }).textContent()).toContain(said);
      expect(await report.getByRole('row', { name: /Typo/ }).textContent()).toContain('is not a Logto webhook event');
      const hooks = await app!.core.call('hooks.list', {});
      expect(hooks).toHaveLength(total);
      const crm = hooks.filter((hook) => hook.name === 'CRM sync');
      if (button === 'Replace mine')
        expect(crm).toMatchObject([{ id: mine.id, events: ['User.Created'], config: { headers: { 'x-from': 'file' } } }]);
      if (button === 'Keep both') expect(crm.map((hook) => hook.events)).toEqual([['PostSignIn'], ['User.Created']]);
      if (button === 'Skip them') expect(crm).toEqual([mine]);
      await report.getByRole('button', { name: 'Done' }).click();
      await app!.page.getByRole('row', { name: /Audit/ }).waitFor();
    },
  );
});

describe.each(['light', 'dark'] as const)('the import dialogs in %s mode', (colorScheme) => {
  it('have nothing serious for axe', async () => {
    const { ask } = await importWithAHookIHave(colorScheme);
    expect(await seriousAxeFindings(app!.page)).toEqual([]);
    await ask.getByRole('button', { name: 'Keep both' }).click();
    const report = app!.page.getByRole('dialog', { name: 'Import report' });
    await report.getByText('Imported 2, skipped 1').waitFor();
    // The file carries no keys, so both hooks got new ones: the report says so and what to do.
    await report.getByText('2 hooks had no signing key in the file, so new keys were made', { exact: false }).waitFor();
    expect(await seriousAxeFindings(app!.page)).toEqual([]);
    await app!.screenshot(`import-report-${colorScheme}`);
  });
});
