/**
 * Recent requests shows deliveries by default, whatever else the log holds: a receiver check's
 * requests, pushed while the list is open, stay out of it and out of health; the Kind filter shows them.
 */
import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from '../support/axe';
import { useApp } from '../support/perTest';

const running = useApp({ receiver: true });

describe('the Kind filter of Recent requests', () => {
  it('keeps check traffic out of deliveries and health, and shows it on demand', async () => {
    const hook = await running.app.core.call('hooks.create', { name: 'Local receiver', url: running.receiver.url, events: ['PostSignIn'] });
    await running.app.core.call('events.trigger', { event: 'PostSignIn' });
    await running.app.core.settled();
    await running.app.reload();
    const { page } = running.app;
    await page.getByRole('button', { name: 'Local receiver' }).click();
    await page.getByRole('tab', { name: 'Recent requests' }).click();
    const rows = page.getByRole('row', { name: /PostSignIn/ });
    await expect.poll(() => rows.count()).toBe(1);
    expect(await page.getByLabel('Kind').inputValue()).toBe('delivery');

    // A check runs while the list is open: its requests are pushed, and none of them join the list or the health figures.
    const run = await running.app.core.call('check.run', { hookId: hook.id, burst: 3 });
    const checkRows = run.cases.flatMap((item) => item.evidence).filter((evidence) => evidence.event === 'PostSignIn').length;
    expect(checkRows).toBeGreaterThan(10);
    await running.app.core.settled();
    await page.waitForTimeout(500); // pushes still on their way would show within this
    expect(await rows.count()).toBe(1);
    expect(await page.getByTestId('health-total').textContent()).toBe('1');

    await page.getByLabel('Kind').selectOption('check');
    await expect.poll(() => rows.count()).toBe(checkRows);
    expect(await page.getByTestId('health-total').textContent()).toBe('1');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await running.app.screenshot('requests-kind-checks');
    await page.setViewportSize({ width: 900, height: 760 });
    await running.app.screenshot('requests-kind-checks-900');

    await page.getByLabel('Kind').selectOption('captured');
    await page.getByText('No request matches these filters').waitFor();
    await page.getByLabel('Kind').selectOption('delivery');
    await expect.poll(() => rows.count()).toBe(1);
  });
});
