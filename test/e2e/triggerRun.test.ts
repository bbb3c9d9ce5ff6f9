import type { Locator } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../support/app';
import { seriousAxeFindings } from '../support/axe';
import { type Receiver, startReceiver } from '../support/receiver';

/** A time as the app shows it: milliseconds under a second, else seconds (a loaded machine gets there). */
const DURATION = String.raw`(\d+ ms|\d+\.\d s)`;
let app: RunningApp | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await app?.close();
  await receiver?.close();
});

/** The app 900 px wide with one hook on a local receiver, the trigger dialog open on User.Created and its run options shown. */
async function openRunOptions(colorScheme: 'light' | 'dark' = 'light') {
  receiver = await startReceiver();
  app = await startApp({ colorScheme });
  await app.core.call('hooks.create', { name: 'Local receiver', url: receiver.url, events: ['User.Created'] });
  await app.reload();
  const { page } = app;
  await page.setViewportSize({ width: 900, height: 760 });
  await page.getByRole('button', { name: 'Local receiver' }).click();
  await page.getByRole('button', { name: 'Trigger event' }).click();
  const dialog = page.getByRole('dialog', { name: 'Trigger event' });
  await expect.poll(() => dialog.getByLabel(/^Payload/).inputValue()).toContain('"event": "User.Created"');
  await dialog.getByText('Repeat / load').click();
  return { page, dialog };
}

const figures = (dialog: Locator) => dialog.locator('.run-figures');

describe('chaos and load runs from the trigger dialog', () => {
  it('names what to fix in each bad value, then sends the edited payload 20 times, twice each, at 100/s and shows the figures', async () => {
    const { page, dialog } = await openRunOptions();
    // Closed, the dialog sends once, as it always did; open, the button says what the run sends.
    const main = dialog.getByRole('button', { name: /^Send / });
    await expect.poll(() => main.textContent()).toBe('Send 10 deliveries all at once to 1 webhook');
    await dialog.getByText('Repeat / load').click();
    await expect.poll(() => main.textContent()).toBe('Send to 1 webhook');
    await dialog.getByText('Repeat / load').click();
    await expect.poll(() => main.textContent()).toBe('Send 10 deliveries all at once to 1 webhook');

    const repeat = dialog.getByLabel('Repeat');
    const rate = dialog.getByLabel('Deliveries per second');
    const refused: Array<[Locator, string, string]> = [
      [repeat, '0', 'Repeat at least once: enter 1 or more.'],
      [repeat, '-5', 'Repeat at least once: enter 1 or more.'],
      [repeat, '2.5', 'Repeat takes a whole number, without decimals (2 or 3).'],
      [repeat, 'lots', 'Repeat takes a whole number such as 100, not “lots”.'],
      [repeat, '100001', 'One run sends at most 100,000 times; lower the repeat.'],
      [repeat, '', 'Say how many times to send, from 1 to 100,000.'],
      [rate, '0', 'The rate must be above 0 a second; leave it empty to send all at once.'],
      [rate, 'fast', 'The rate is deliveries a second, such as 50; leave it empty to send all at once.'],
      [rate, '20000', 'At most 10,000 a second.'],
    ];
    for (const [field, value, message] of refused) {
      await field.fill(value);
      await dialog.getByText(message, { exact: true }).waitFor();
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await main.isDisabled()).toBe(true);
      await field.fill(field === repeat ? '10' : '');
    }
    expect(await main.isDisabled()).toBe(false);

    const editor = dialog.getByLabel(/^Payload/);
    await editor.fill('{"event":"User.Created","data":{"id":"load-test"}}');
    await repeat.fill('20');
    await rate.fill('100');
    await dialog.getByLabel(/Send each twice \(duplicate\)/).check();
    expect(await main.textContent()).toBe('Send 40 deliveries at 100/s to 1 webhook');
    await main.click();

    const status = dialog.getByRole('status');
    await expect
      .poll(() => status.textContent(), { timeout: 15_000 })
      .toMatch(new RegExp(`^Done 40 of 40 deliveries succeeded; p95 latency ${DURATION}\\.$`));
    const bar = dialog.getByRole('progressbar', { name: 'Deliveries finished' });
    expect(await bar.evaluate((element: HTMLProgressElement) => [element.value, element.max])).toEqual([40, 40]);
    expect(await dialog.getByText(/of 40 finished$/).textContent()).toBe('40 of 40 finished');
    const shown = await figures(dialog).textContent();
    expect(shown).toMatch(/Failed0 · error rate 0%/);
    expect(shown).toMatch(/Rate[\d.,]+\/s achieved · 100\/s asked/);
    expect(shown).toMatch(new RegExp(`Latencyp50 ${DURATION} · p95 ${DURATION} · p99 ${DURATION}`));
    expect(shown).toMatch(/Elapsed[\d.]+ (ms|s)/);
    expect(await status.getAttribute('aria-live')).toBe('polite');

    // Every delivery carried the payload as edited; each is its own logged delivery.
    expect(receiver!.received).toHaveLength(40);
    for (const request of receiver!.received)
      expect(JSON.parse(request.body)).toMatchObject({ event: 'User.Created', data: { id: 'load-test' } });
    expect(new Set(receiver!.received.map((request) => request.body)).size).toBe(1);
    await app!.screenshot('trigger-run-finished-900');

    await dialog.getByRole('button', { name: '“Local receiver”' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.getByTestId('health-total').textContent(), { timeout: 10_000 }).toBe('40');
    await expect.poll(() => page.getByRole('row', { name: /User\.Created/ }).count()).toBeGreaterThan(0);
    await app!.screenshot('trigger-run-recent-requests-900');
  });
});

describe('a run of one', () => {
  it('says it is sending one delivery while the receiver takes its time', async () => {
    const { dialog } = await openRunOptions();
    receiver!.answer(async (_request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      response.end('{"ok":true}');
    });
    await dialog.getByLabel('Repeat').fill('1');
    await dialog.getByRole('button', { name: /^Send 1 delivery / }).click();
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toBe('Sending 1 delivery… Closing this dialog leaves the run going; every delivery is logged.');
  });
});

describe('closing the dialog while a run goes', () => {
  it('leaves the run going in the core: every delivery is sent and logged, and its end is told in a toast', async () => {
    const { page, dialog } = await openRunOptions();
    await dialog.getByLabel('Repeat').fill('8');
    await dialog.getByLabel('Deliveries per second').fill('4');
    await dialog.getByRole('button', { name: 'Send 8 deliveries at 4/s to 1 webhook' }).click();
    await dialog.getByRole('button', { name: 'Stop run' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(receiver!.received.length).toBeLessThan(8);

    await page
      .getByText(new RegExp(`^Trigger run done: 8 of 8 deliveries succeeded; p95 latency ${DURATION}\\.$`))
      .waitFor({ timeout: 10_000 });
    expect(receiver!.received).toHaveLength(8);
    expect(await app!.core.call('logs.count', { hookId: (await app!.core.call('hooks.list', {}))[0]!.id })).toEqual({ count: 8 });
  });
});

describe.each(['light', 'dark'] as const)('a slow run in %s mode', (colorScheme) => {
  it('shows its progress as it goes, stops when asked, and keeps the figures, with nothing serious for axe', async () => {
    const { page, dialog } = await openRunOptions(colorScheme);
    await app!.screenshot(`trigger-run-options-${colorScheme}-900`);

    await dialog.getByLabel('Repeat').fill('1000');
    await dialog.getByLabel('Deliveries per second').fill('5');
    await dialog.getByRole('button', { name: 'Send 1,000 deliveries at 5/s to 1 webhook' }).click();
    const status = dialog.getByRole('status');
    expect(await status.textContent()).toBe(
      'Sending 1,000 deliveries… Closing this dialog leaves the run going; every delivery is logged.',
    );
    await expect.poll(() => dialog.getByText(/of 1,000 finished$/).textContent(), { timeout: 10_000 }).toMatch(/^[2-9] of 1,000 finished$/);
    expect(await dialog.getByLabel('Repeat').isDisabled()).toBe(true);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await app!.screenshot(`trigger-run-running-${colorScheme}-900`);

    await dialog.getByRole('button', { name: 'Stop run' }).click();
    await expect
      .poll(() => status.textContent(), { timeout: 10_000 })
      .toMatch(/^Stopped \d+ of 1,000 deliveries sent before the stop, none failed\.$/);
    const sent = Number((await status.textContent())!.match(/Stopped (\d+)/)![1]);
    expect(sent).toBeLessThan(1_000);
    await page.waitForTimeout(1_000); // at 5 a second, a run still going would have sent more by now
    expect(receiver!.received).toHaveLength(sent);
    expect(await dialog.getByText(/of 1,000 finished$/).textContent()).toBe(`${sent} of 1,000 finished`);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await app!.screenshot(`trigger-run-stopped-${colorScheme}-900`);
    // A new run can start from the same dialog.
    expect(await dialog.getByRole('button', { name: 'Send 1,000 deliveries at 5/s to 1 webhook' }).isEnabled()).toBe(true);
  });
});
