/**
 * "Redeliver unsuccessful…" as a user runs it against a real receiver: the count first, a cap and a
 * pace, then the run's pushed progress, cancelled part-way; and a second run to the end.
 */
import { describe, expect, it } from 'vitest';
import { descriptionOf, seriousAxeFindings } from '../support/axe';
import { useApp } from '../support/perTest';
import { reply } from '../support/receiver';

const running = useApp({ receiver: true });

describe('bulk redelivery', () => {
  it('previews the count, sends at most the cap at the pace asked, shows progress and stops on Cancel', async () => {
    running.receiver.answer(reply(400, 'no'));
    await running.app.core.call('hooks.create', { name: 'Local receiver', url: running.receiver.url, events: ['PostSignIn'] });
    for (let sent = 0; sent < 5; sent++) await running.app.core.call('events.trigger', { event: 'PostSignIn' });
    await running.app.core.settled();
    await running.app.reload();
    const { page } = running.app;
    await page.getByRole('button', { name: 'Local receiver' }).click();
    await page.getByRole('tab', { name: 'Recent requests' }).click();
    await expect.poll(() => page.getByRole('row', { name: /PostSignIn/ }).count()).toBe(5);
    running.receiver.answer(reply(200, 'ok'));

    await page.getByRole('button', { name: 'Redeliver unsuccessful…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Redeliver unsuccessful requests?' });
    await dialog.getByText('5 requests from the last 24 hours failed').waitFor();
    expect(await dialog.getByLabel('Send at most').inputValue()).toBe('100');
    expect(await dialog.getByLabel('Requests per second').inputValue()).toBe('10');
    await dialog.getByLabel('Send at most').fill('0');
    await dialog.getByText('Send at most a whole number from 1 to 10,000').waitFor();
    // The mistake is read with its field, and the label stays the field's name.
    expect(await descriptionOf(dialog.getByLabel('Send at most', { exact: true }))).toBe('Send at most a whole number from 1 to 10,000');
    expect(await dialog.getByRole('button', { name: /again$/ }).isDisabled()).toBe(true);
    await dialog.getByLabel('Send at most').fill('3');
    await dialog.getByLabel('Requests per second').fill('1');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await running.app.screenshot('redeliver-choose');
    await dialog.getByRole('button', { name: 'Send 3 again' }).click();

    // One a second: the first goes at once, then the run is cancelled before the third.
    const status = dialog.getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/Sent 1 of 3…/);
    await running.app.screenshot('redeliver-progress');
    await dialog.getByRole('button', { name: 'Cancel redelivery' }).click();
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^Cancelled: [12] of 3 sent\.$/);
    const sentBeforeCancel = Number((await status.textContent())!.match(/Cancelled: (\d)/)![1]);
    await page.waitForTimeout(2_500); // the pace would have sent the rest by now
    expect(running.receiver.received.length).toBe(5 + sentBeforeCancel);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The rest, to the end at the default pace: those already delivered again are not sent a second time.
    const rest = 5 - sentBeforeCancel;
    await page.getByRole('button', { name: 'Redeliver unsuccessful…' }).click();
    await dialog.getByText(new RegExp(`^${rest} requests from the last 24 hours`)).waitFor();
    await dialog.getByRole('button', { name: `Send ${rest} again` }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 10_000 }).toBe(`Done: ${rest} of ${rest} sent again.`);
    expect(running.receiver.received.length).toBe(10);
    // Every event has been delivered now: nothing is left to send again.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Redeliver unsuccessful…' }).click();
    await dialog
      .getByText('Nothing to send again: no request from the last 24 hours failed, or each that did has been redelivered since.')
      .waitFor();
    await page.setViewportSize({ width: 900, height: 760 });
    await running.app.screenshot('redeliver-done-900');
  });
});
