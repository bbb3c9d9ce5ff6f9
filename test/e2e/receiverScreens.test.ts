/**
 * The app header, "Try it with the built-in receiver", a hook's scripted answers, the Receiver
 * screen (capture, replay, save as payload) and About and diagnostics, against the real core with
 * its receiver on a free port.
 */
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../support/app';
import { seriousAxeFindings } from '../support/axe';
import { type Receiver, startReceiver } from '../support/receiver';

let app: RunningApp | undefined;
let target: Receiver | undefined;
afterEach(async () => {
  await app?.close();
  await target?.close();
  app = undefined;
  target = undefined;
});

/** Axe findings and a screenshot at 1280 and at 900 px, for a person to look at. */
async function checkScreen(name: string, scheme = 'light') {
  const page = app!.page;
  expect(await seriousAxeFindings(page)).toEqual([]);
  await app!.screenshot(`receiver-${scheme}-${name}-1280`);
  await page.setViewportSize({ width: 900, height: 760 });
  const clipped = await page.evaluate(
    () =>
      [...document.querySelectorAll('main *, .app-header *')].filter(
        (element) => element.getBoundingClientRect().right > window.innerWidth + 0.5,
      ).length,
  );
  expect(clipped).toBe(0);
  await app!.screenshot(`receiver-${scheme}-${name}-900`);
  await page.setViewportSize({ width: 1280, height: 820 });
}

/** Posts to the receiver's /capture as Logto does: HMAC-SHA256 of the raw body with the hook's key, in hex. */
async function sendToCapture(port: number, body: string, signingKey: string | null) {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Logto (https://logto.io/)' };
  if (signingKey) headers['logto-signature-sha-256'] = createHmac('sha256', signingKey).update(body).digest('hex');
  return fetch(`http://127.0.0.1:${port}/capture`, { method: 'POST', headers, body });
}

describe('the app header', () => {
  it('reaches About and the Receiver by keyboard, and About copies diagnostics without secrets', async () => {
    app = await startApp({ receiver: { port: 0 } });
    const { core } = app;
    const hook = await core.call('hooks.create', { name: 'Orders', url: 'http://localhost:4000/hooks', events: ['PostSignIn'] });
    const { deliveries } = await core.call('events.trigger', { event: 'PostSignIn' });
    await core.finished(deliveries[0]!.id);
    await app.reload();
    const { page } = app;
    await page.getByRole('row', { name: /Orders/ }).waitFor();

    const about = page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'About' });
    await about.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'About and diagnostics' }).waitFor();
    expect(await about.getAttribute('aria-current')).toBe('page');
    await expect.poll(() => page.getByText(core.dataDir, { exact: false }).count()).toBeGreaterThan(0);
    await page.getByText(/1 in /).waitFor();
    await page.getByText(/^1 row · /).waitFor();
    await checkScreen('about');

    await page.getByRole('button', { name: 'Copy for a bug report' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const report = JSON.parse(copied);
    expect(report.dataDir.path).toBe(core.dataDir);
    expect(report.hooks.count).toBe(1);
    expect(copied).not.toContain(hook.signingKey);

    await page.keyboard.press('Shift+Tab');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Receiver' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Built-in receiver' }).waitFor();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Hooks' }).click();
    await page.getByRole('row', { name: /Orders/ }).waitFor();
  });
});

describe('Try it with the built-in receiver', () => {
  it('creates a scripted hook, opens it, sends to it, and edits its script with errors at the field', async () => {
    app = await startApp({ receiver: { port: 0 } });
    const { page, core } = app;
    await page.getByRole('button', { name: 'Try it with the built-in receiver' }).click();
    const script = page.getByRole('textbox', { name: 'Script' });
    await expect.poll(() => script.inputValue()).toBe('200,503,200,404,sleep 11s,200');
    const [hook] = await core.call('hooks.list', {});
    const status = await core.call('receiver.status', {});
    expect(status.running).toBe(true);
    expect(hook!.config.url).toBe(`http://127.0.0.1:${status.port}/r/${hook!.id}`);
    await checkScreen('try-it');

    await page.getByRole('button', { name: /^Send .* now$/ }).click();
    await page.getByRole('tab', { name: 'Recent requests' }).click();
    await page.getByRole('row', { name: /200/ }).first().waitFor();
    await page.getByRole('tab', { name: 'Settings' }).click();

    await page.getByRole('button', { name: '500,500,200' }).click();
    await expect.poll(() => script.inputValue()).toBe('500,500,200');
    expect((await core.call('receiver.status', {})).scripts[hook!.id]).toBe('500,500,200');

    await script.fill('sleep forever');
    await page.getByRole('button', { name: 'Save script' }).click();
    const error = page.locator('.field-error', { hasText: 'sleep' });
    await error.waitFor();
    expect(await script.getAttribute('aria-invalid')).toBe('true');
    expect(await script.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));
    expect((await core.call('receiver.status', {})).scripts[hook!.id]).toBe('500,500,200');
  });
});

describe('the Receiver screen', () => {
  it('starts, validates the forward URL at its field, warns before exposing, and replays and saves captured requests', async () => {
    target = await startReceiver();
    app = await startApp({ receiver: { port: 0 } });
    const { core } = app;
    const hook = await core.call('hooks.create', { name: 'Console hook', url: target.url, events: ['PostSignIn'] });
    await app.reload();
    const { page } = app;
    await page.getByRole('button', { name: 'Receiver' }).click();
    await page.getByText('Not running').waitFor();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByText(/Listening on 127\.0\.0\.1:\d+/).waitFor();
    const { port } = await core.call('receiver.status', {});

    const forward = page.getByLabel(/Forward captured requests to/);
    await forward.fill('not a url');
    await page.getByRole('button', { name: 'Save receiver settings' }).click();
    await expect.poll(() => forward.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#receiver-forward-error').textContent()).toMatch(/URL/i);
    await forward.fill('');
    await page.getByLabel(/Capture requests sent to/).check();
    await page.getByRole('button', { name: 'Save receiver settings' }).click();
    await expect.poll(async () => (await core.call('receiver.status', {})).capture.enabled).toBe(true);

    await page.getByRole('button', { name: 'Listen on every network interface…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/Anyone who can reach this machine/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await core.call('receiver.status', {})).host).toBe('127.0.0.1');

    const signed = JSON.stringify({ event: 'PostSignIn', createdAt: new Date().toISOString(), hookId: 'logto-hook', userAgent: 'test' });
    const unsigned = JSON.stringify({ event: 'PostSignIn', createdAt: new Date().toISOString(), hookId: 'other' });
    expect((await sendToCapture(port, signed, hook.signingKey)).status).toBe(200);
    expect((await sendToCapture(port, unsigned, null)).status).toBe(200);

    await page
      .getByRole('row', { name: /POST \/capture/ })
      .first()
      .waitFor();
    const captured = page.getByRole('region', { name: 'Captured requests' });
    await captured.getByRole('button', { name: 'PostSignIn' }).click();
    await page
      .getByText(/No webhook’s key verified|signature/i)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Replay' }).click();
    const replayTo = page.getByLabel('Replay to (optional)');
    await expect.poll(() => replayTo.getAttribute('aria-invalid')).toBe('true');
    await checkScreen('capture');

    await page.getByLabel('Signature verified by').selectOption({ label: 'Console hook' });
    await captured.getByRole('button', { name: 'PostSignIn' }).click();
    await page.getByText('Signature verified with the key of “Console hook”.').waitFor();
    await page.getByRole('button', { name: 'Replay' }).click();
    await expect.poll(() => target!.received.length).toBe(1);
    // The replay is a row of its own, marked as one.
    await app.screenshot('captured-with-replay');
    await expect.poll(() => captured.locator('tbody tr', { hasText: 'Replay' }).count()).toBe(1);
    expect(await captured.locator('tbody tr').count()).toBe(2);
    await app.screenshot('captured-with-replay');
    expect(target.received[0]!.body).toBe(signed);
    expect(target.received[0]!.headers['logto-signature-sha-256']).toBe(createHmac('sha256', hook.signingKey).update(signed).digest('hex'));

    await page.getByRole('button', { name: 'Save as trigger payload' }).click();
    await expect.poll(async () => (await core.call('payloads.list', { event: 'PostSignIn' })).length).toBe(1);
    const [saved] = await core.call('payloads.list', { event: 'PostSignIn' });
    expect(saved!.payload).toEqual({ event: 'PostSignIn', createdAt: JSON.parse(signed).createdAt, userAgent: 'test' });
  });
});

describe('captured requests beyond one page', () => {
  it('shows the newest 100, opens older ones a page at a time, and keeps them when more arrive', async () => {
    app = await startApp({ receiver: { port: 0 } });
    const { core, page } = app;
    await core.call('receiver.start', {});
    await core.call('receiver.configure', { capture: { enabled: true } });
    const { port } = await core.call('receiver.status', {});
    const send = (number: number) =>
      sendToCapture(
        port,
        JSON.stringify({ event: 'PostSignIn', createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, number)).toISOString(), number }),
        null,
      );
    for (let number = 1; number <= 105; number++) expect((await send(number)).status).toBe(200);

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Receiver' }).click();
    const captured = page.getByRole('region', { name: 'Captured requests' });
    const rows = captured.getByRole('row').filter({ has: page.getByRole('button', { name: 'PostSignIn' }) });
    await expect.poll(() => rows.count()).toBe(100);
    await captured.getByText('100 shown, newest first').scrollIntoViewIfNeeded();
    await checkScreen('captures-paged');

    await captured.getByRole('button', { name: 'Show 100 older' }).click();
    await expect.poll(() => rows.count()).toBe(105);
    expect(await captured.getByRole('button', { name: 'Show 100 older' }).count()).toBe(0);

    // A new capture goes on top; the older page opened stays below, with nothing missing between.
    expect((await send(106)).status).toBe(200);
    await expect.poll(() => rows.count()).toBe(106);
    await rows.last().getByRole('button', { name: 'PostSignIn' }).click();
    await captured
      .getByText(/"number": 1\b/)
      .first()
      .waitFor();
  });
});

describe('dark mode', () => {
  it('finds nothing serious on About, the Receiver screen and a scripted hook', async () => {
    app = await startApp({ receiver: { port: 0 }, colorScheme: 'dark' });
    const { page } = app;
    await page.getByRole('button', { name: 'Try it with the built-in receiver' }).click();
    await page.getByRole('textbox', { name: 'Script' }).waitFor();
    await checkScreen('try-it', 'dark');
    await page.getByRole('button', { name: 'Receiver' }).click();
    await page.getByText(/Listening on/).waitFor();
    await checkScreen('receiver', 'dark');
    await page.getByRole('button', { name: 'About' }).click();
    await page.getByRole('heading', { name: 'About and diagnostics' }).waitFor();
    await checkScreen('about', 'dark');
  });
});
