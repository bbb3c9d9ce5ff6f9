import { afterEach, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../support/app';
import { seriousAxeFindings } from '../support/axe';
import { type Receiver, reply, startReceiver } from '../support/receiver';

let app: RunningApp | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await app?.close();
  await receiver?.close();
});

describe.each(['light', 'dark'] as const)('axe-core in %s mode', (colorScheme) => {
  it('finds nothing serious or critical on any screen', async () => {
    receiver = await startReceiver();
    app = await startApp({ colorScheme });
    const { core } = app;
    const findings: Record<string, unknown> = {};
    const check = async (screen: string) => {
      const found = await seriousAxeFindings(app!.page);
      if (found.length > 0) findings[screen] = found;
      await app!.screenshot(`a11y-${colorScheme}-${screen}`);
    };

    await app.page.getByRole('heading', { name: 'No webhooks yet' }).waitFor();
    await check('empty-list');
    await app.page.getByRole('button', { name: 'Create your first webhook' }).click();
    await app.page.getByLabel('Endpoint URL').fill('localhost:4000');
    await app.page.getByRole('button', { name: 'Create webhook' }).click();
    await app.page.getByText('Give the hook a name').waitFor();
    await check('create-form-errors');

    await core.call('hooks.create', { name: 'Local receiver', url: receiver.url, events: ['PostSignIn', 'User.Created'] });
    await core.call('hooks.create', { name: 'Local only', url: 'http://localhost:4000/x', events: ['PostSignIn'] });
    receiver.answer(reply(500, '{"error":"down"}'), reply(200, '{"ok":true}'));
    await core.call('events.trigger', { event: 'PostSignIn' });
    await core.settled();
    receiver.answer(reply(404, 'nope'));
    await core.call('events.trigger', { event: 'User.Created' });
    await core.settled();
    await app.reload();
    const page = () => app!.page;
    await page()
      .getByRole('row', { name: /Local receiver/ })
      .waitFor();
    await check('hook-list');

    await page().getByRole('button', { name: 'Local receiver' }).click();
    await page().getByRole('region', { name: 'General' }).waitFor();
    await check('settings');
    await page().getByLabel('Name', { exact: true }).fill('Renamed');
    await page().getByRole('tab', { name: 'Recent requests' }).click();
    await page().getByRole('dialog', { name: 'Discard unsaved changes?' }).waitFor();
    await check('leave-dialog');
    await page().getByRole('button', { name: 'Discard changes' }).click();
    await page()
      .getByRole('row', { name: /User\.Created/ })
      .waitFor();
    await check('recent-requests');
    await page().getByRole('button', { name: 'More actions' }).click();
    await check('menu');
    await page().keyboard.press('Escape');

    await page().getByRole('button', { name: 'Trigger event' }).click();
    const dialog = page().getByRole('dialog', { name: 'Trigger event' });
    await dialog.getByText('Nothing triggered yet').or(dialog.getByText('Recently triggered')).first().waitFor();
    await check('trigger-dialog');
    await page().keyboard.press('Escape');

    await page()
      .getByRole('row', { name: /PostSignIn/ })
      .getByRole('button')
      .first()
      .click();
    await page().getByText('Attempt 2', { exact: true }).waitFor();
    await check('request-detail');

    expect(findings).toEqual({});
  });
});
