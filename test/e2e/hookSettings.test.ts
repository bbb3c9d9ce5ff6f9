import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER } from '../../shared/logto';
import { type RunningApp, startApp } from '../support/app';
import { descriptionOf, seriousAxeFindings } from '../support/axe';
import { type Receiver, reply, startReceiver } from '../support/receiver';

let app: RunningApp | undefined;
let receiver: Receiver;
beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  await receiver?.close();
});

async function settingsOf(name: string, colorScheme: 'light' | 'dark' = 'light') {
  app = await startApp({ colorScheme });
  const hook = await app.core.call('hooks.create', { name, url: receiver.url, events: ['PostSignIn'] });
  await app.reload();
  await app.page.getByRole('button', { name }).click();
  await app.page.getByRole('region', { name: 'General' }).waitFor();
  return hook;
}

async function waitForRequests(count: number) {
  await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
}

describe('the signing key card', () => {
  it('takes a pasted key exactly, refuses one with a stray line break at the field, and can send with no key or a new one', async () => {
    const hook = await settingsOf('Keyed');
    const page = app!.page;
    await page.getByRole('button', { name: 'Paste or type a key' }).click();
    const field = page.getByLabel('Key to use');
    await field.fill('console key 42\n'.replace('\n', ' '));
    await page.getByRole('button', { name: 'Save key' }).click();
    await page.getByText('The signing key ends with').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true);
    expect((await app!.core.call('hooks.list', {}))[0]!.signingKey).toBe(hook.signingKey);

    await field.fill('console Key_42!');
    await field.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Signing key saved.' }).waitFor();
    expect((await app!.core.call('hooks.list', {}))[0]!.signingKey).toBe('console Key_42!');
    await page.getByRole('button', { name: 'Reveal' }).click();
    expect(await page.getByLabel('Signing key').textContent()).toBe('console Key_42!');
    // The key is saved apart from the form: saving it leaves nothing unsaved.
    expect(await page.getByText('Unsaved changes').count()).toBe(0);

    await page.getByRole('button', { name: 'No signing key' }).click();
    await page.getByRole('dialog', { name: 'Send without a signature?' }).getByRole('button', { name: 'Use no signing key' }).click();
    await page.getByText(`Logto sends no ${SIGNATURE_HEADER} header then`).waitFor();
    expect((await app!.core.call('hooks.list', {}))[0]!.signingKey).toBe('');
    await app!.core.call('events.trigger', { event: 'PostSignIn' });
    await waitForRequests(1);
    expect(receiver.received[0]!.headers[SIGNATURE_HEADER]).toBeUndefined();
    await app!.screenshot('signing-key-none');

    await page.getByRole('button', { name: 'Generate a key' }).click();
    await page.getByRole('dialog', { name: 'Generate a signing key?' }).getByRole('button', { name: 'Generate' }).click();
    await page.getByLabel('Signing key').waitFor();
    const generated = (await app!.core.call('hooks.list', {}))[0]!.signingKey;
    expect(generated.length).toBeGreaterThan(20);
    await app!.core.call('events.trigger', { event: 'PostSignIn' });
    await waitForRequests(2);
    expect(receiver.received[1]!.headers[SIGNATURE_HEADER]).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('send test payload', () => {
  it('counts the seconds while a receiver keeps it waiting, and says what closing does', async () => {
    await settingsOf('Slow');
    const page = app!.page;
    receiver.answer(() => {});
    await page.getByRole('button', { name: 'Send test payload' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send test payload' });
    await dialog.getByText('Sending…').waitFor();
    await dialog.getByText(/2 s\. Logto waits up to 10 s for each attempt’s answer; closing this does not stop it/).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(receiver.received).toHaveLength(1);
  });
});

describe('retries', () => {
  it('sends a test payload with the retry settings the form holds now, saves them, and sets the app default', async () => {
    await settingsOf('Retrying');
    const page = app!.page;
    receiver.answer(reply(500, '{"error":"down"}'));
    await page.getByLabel('Retries', { exact: true }).selectOption('1');
    await page.getByRole('button', { name: 'Send test payload' }).click();
    let dialog = page.getByRole('dialog', { name: 'Send test payload' });
    await dialog.getByText('1 of 1 failed').waitFor();
    expect(await dialog.getByRole('row', { name: /PostSignIn/ }).textContent()).toContain('2 attempts');
    expect(await dialog.getByText('unsaved edits included').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(receiver.received).toHaveLength(2);

    // The choice says what it is about: which Logto the receiver will meet.
    await expect(descriptionOf(page.getByLabel('Retry behaviour'))).resolves.toMatch(
      /^Match the Logto you will deploy to: .* retries only since pull request #9410 \(August 2026\); a Logto built before that sends every event once\.$/,
    );
    await page.getByLabel('Retry behaviour').selectOption({ label: 'Sends once (Logto before that fix)' });
    await page.getByRole('button', { name: 'Send test payload' }).click();
    dialog = page.getByRole('dialog', { name: 'Send test payload' });
    await dialog.getByText('1 of 1 failed').waitFor();
    expect(await dialog.getByRole('row', { name: /PostSignIn/ }).textContent()).not.toContain('attempts');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(receiver.received).toHaveLength(3);
    // Testing never saves.
    expect((await app!.core.call('hooks.list', {}))[0]).toMatchObject({ config: { retries: 3 }, retryBehaviour: null });

    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
    expect((await app!.core.call('hooks.list', {}))[0]).toMatchObject({ config: { retries: 1 }, retryBehaviour: 'send-once' });
    // Saved, the form holds no edit: the dialog says nothing about unsaved edits.
    await page.getByRole('button', { name: 'Send test payload' }).click();
    dialog = page.getByRole('dialog', { name: 'Send test payload' });
    await dialog.getByText('1 of 1 failed').waitFor();
    expect(await dialog.getByText('unsaved edits included').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: '← Webhooks' }).click();
    const appDefault = page.getByLabel('Retry behaviour for hooks on the app default');
    expect(await appDefault.inputValue()).toBe('retry-5xx');
    await appDefault.selectOption('send-once');
    await page.getByRole('status').filter({ hasText: 'Hooks on the app default now follow' }).waitFor();
    expect((await app!.core.call('settings.get', {})).retryBehaviour).toBe('send-once');
    await app!.reload();
    expect(await app!.page.getByLabel('Retry behaviour for hooks on the app default').inputValue()).toBe('send-once');
  });

  it('shows on the attempt timeline why each attempt was retried or not, and which rule the delivery followed', async () => {
    const hook = await settingsOf('Timeline');
    receiver.answer(reply(503, 'busy'), reply(200, '{"ok":true}'));
    await app!.core.call('events.trigger', { event: 'PostSignIn' });
    await app!.core.settled();
    const [summary] = (await app!.core.call('logs.query', { hookId: hook.id, range: 'all', limit: 5 })).items;
    const delivery = await app!.core.call('logs.get', { id: summary!.id });
    const first = delivery.attempts[0]!;
    expect(first.retry).toBeTruthy();
    const page = app!.page;
    await page.getByRole('tab', { name: 'Recent requests' }).click();
    await page
      .getByRole('row', { name: /PostSignIn/ })
      .getByRole('button')
      .first()
      .click();
    await page.getByText('Followed: Retries 5xx (Logto docs; Logto with PR #9410, August 2026 on)').waitFor();
    await page.getByText('Attempt 1', { exact: true }).click();
    await page.getByText(first.retry!).waitFor();
    await app!.screenshot('attempt-timeline-retry');
  });
});

describe.each(['light', 'dark'] as const)('hook settings in %s mode', (colorScheme) => {
  it('has nothing serious for axe with the key editor in error and no key, and clips nothing at 900 px', async () => {
    await settingsOf('Looked at', colorScheme);
    const page = app!.page;
    await page.getByRole('button', { name: 'Paste or type a key' }).click();
    await page.getByLabel('Key to use').fill(' leading');
    await page.getByRole('button', { name: 'Save key' }).click();
    await page.getByText('The signing key starts with').waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await app!.screenshot(`hook-settings-${colorScheme}-1280`);
    await page.setViewportSize({ width: 900, height: 760 });
    const clipped = await page.evaluate(
      () =>
        [...document.querySelectorAll('main *')].filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
          .length,
    );
    expect(clipped).toBe(0);
    await app!.screenshot(`hook-settings-${colorScheme}-900`);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByRole('button', { name: 'No signing key' }).click();
    await page.getByRole('button', { name: 'Use no signing key' }).click();
    await page.getByText('No signing key.').waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
  });
});
