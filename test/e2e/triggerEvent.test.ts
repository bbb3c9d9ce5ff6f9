import { describe, expect, it } from 'vitest';
import { allDeliveries } from '../support/core';
import { useApp } from '../support/perTest';

const running = useApp({ receiver: true });

describe('the trigger event dialog', () => {
  it('keeps a draft per event, resets and formats, names JSON mistakes, saves payloads and sends one again from history', async () => {
    await running.app.core.call('hooks.create', {
      name: 'Local receiver',
      url: running.receiver.url,
      events: ['PostSignIn', 'User.Created'],
    });
    await running.app.reload();
    const { page } = running.app;
    await page.getByRole('button', { name: 'Local receiver' }).click();
    await page.getByRole('button', { name: 'Trigger event' }).click();
    const dialog = page.getByRole('dialog', { name: 'Trigger event' });
    const editor = dialog.getByLabel(/^Payload/);
    await expect.poll(() => editor.inputValue()).toContain('"event": "PostSignIn"');

    // A draft survives a trip to another event.
    await editor.fill('{"event":"PostSignIn","marker":"mine"}');
    await dialog.getByLabel('Event').selectOption('User.Created');
    await expect.poll(() => editor.inputValue()).toContain('"event": "User.Created"');
    await dialog.getByLabel('Event').selectOption('PostSignIn');
    expect(await editor.inputValue()).toBe('{"event":"PostSignIn","marker":"mine"}');
    expect(await dialog.locator('option[value="PostSignIn"]').textContent()).toBe('PostSignIn (edited)');
    // Escape or a click beside the dialog closes it, and the edit is still there when it opens again.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Trigger event' }).click();
    expect(await editor.inputValue()).toBe('{"event":"PostSignIn","marker":"mine"}');
    await page.mouse.click(5, 5);
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Trigger event' }).click();
    expect(await editor.inputValue()).toBe('{"event":"PostSignIn","marker":"mine"}');

    // Mistakes are named by line and column, and announced with the editor.
    await editor.fill('{\n  "event": "PostSignIn",\n  marker: 1\n}');
    await dialog.getByText('Not valid JSON at line 3, column 3: Expected a "quoted" property name, found “m”').waitFor();
    expect(await editor.getAttribute('aria-describedby')).toBeTruthy();
    expect(await dialog.getByRole('button', { name: 'Format' }).isDisabled()).toBe(true);
    // A payload naming another event is refused while typing, before anything is sent.
    await editor.fill('{"event":"PostRegister","marker":"mine"}');
    await dialog.getByText('The payload says "event": "PostRegister" but you are triggering PostSignIn; make them match').waitFor();
    expect(await dialog.getByRole('button', { name: 'Send to 1 webhook' }).isDisabled()).toBe(true);
    await editor.fill('{"event":"PostSignIn","marker":"mine"}');
    await dialog.getByRole('button', { name: 'Format' }).click();
    expect(await editor.inputValue()).toBe('{\n  "event": "PostSignIn",\n  "marker": "mine"\n}');

    // Saved for this event, kept by the core, and loaded back after a reset.
    await dialog.getByLabel('Name for this payload').fill('with marker');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.getByRole('button', { name: 'with marker', exact: true }).waitFor();
    expect((await running.app.core.call('payloads.list', { event: 'PostSignIn' })).map((saved) => saved.payload)).toEqual([
      { event: 'PostSignIn', marker: 'mine' },
    ]);
    await dialog.getByRole('button', { name: 'Reset to sample' }).click();
    expect(await editor.inputValue()).not.toContain('marker');
    await running.app.screenshot('trigger-event-saved');
    await dialog.getByRole('button', { name: 'with marker', exact: true }).click();
    expect(await editor.inputValue()).toContain('"marker": "mine"');
    await dialog.getByRole('button', { name: 'Send to 1 webhook' }).click();
    await expect.poll(() => running.receiver.received.length, { timeout: 10_000 }).toBe(1);
    expect(JSON.parse(running.receiver.received[0]!.body)).toMatchObject({ event: 'PostSignIn', marker: 'mine' });

    // History: what was sent, ready to send again.
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Trigger event' }).click();
    await dialog.getByRole('button', { name: /^Load PostSignIn triggered/ }).click();
    await expect.poll(() => editor.inputValue()).toContain('"marker": "mine"');
    await dialog.getByRole('button', { name: 'Send to 1 webhook' }).click();
    await expect.poll(() => running.receiver.received.length, { timeout: 10_000 }).toBe(2);
    expect(JSON.parse(running.receiver.received[1]!.body)).toMatchObject({ event: 'PostSignIn', marker: 'mine' });
  });

  it('sends to every subscribed webhook as Logto does, or to the one whose page it was opened from', async () => {
    const make = (name: string) => running.app.core.call('hooks.create', { name, url: running.receiver.url, events: ['User.Created'] });
    const alone = await make('Billing');
    await make('CRM');
    await running.app.reload();
    const { page } = running.app;
    await page.getByRole('button', { name: 'Billing' }).click();
    await page.getByRole('button', { name: 'Trigger event' }).click();
    const dialog = page.getByRole('dialog', { name: 'Trigger event' });
    await dialog.getByText('Delivers to “Billing”, “CRM”.').waitFor();
    await dialog.getByRole('button', { name: 'Send to 2 webhooks' }).waitFor();
    await dialog.getByLabel(/^Only “Billing”/).check();
    await dialog.getByText('Delivers to “Billing”.').waitFor();
    await running.app.screenshot('trigger-only-this-webhook');
    await dialog.getByRole('button', { name: 'Send to 1 webhook' }).click();
    await expect.poll(() => running.receiver.received.length, { timeout: 10_000 }).toBe(1);
    expect(JSON.parse(running.receiver.received[0]!.body)).toMatchObject({ event: 'User.Created', hookId: alone.id });
    expect((await allDeliveries(running.app.core)).map((delivery) => delivery.hookId)).toEqual([alone.id]);
  });
});
