/**
 * The renderer with 100 000 deliveries for one hook: time from opening Recent requests to the
 * first row on screen, and frame times while scrolling through the list (which pages rows in
 * from the log as it goes). Real renderer in Chromium, real core, through the e2e bridge.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { confHookFile, openCore } from '../electron/core';
import { RequestLog } from '../electron/core/log/requestLog';
import { samplePayload } from '../electron/core/payloads';
import { startApp } from '../test/support/app';

const TOTAL = 100_000;
const dataDir = mkdtempSync(join(tmpdir(), 'hookbench-ui-bench-'));
const core = openCore({ dataDir, hookFile: confHookFile(dataDir) });
const created = await core.call('hooks.create', {
  name: 'Busy receiver',
  url: 'http://localhost:3000/webhooks',
  events: ['PostSignIn', 'User.Created'],
});
if (!created.ok) throw new Error(created.error.message);
const hook = created.value;
await core.close();
// 100 000 finished deliveries are written straight into the log file: the fixture, not the thing measured.
const seeding = new RequestLog(join(dataDir, 'requests.sqlite'), () => {});
const now = Date.now();
for (let index = 0; index < TOTAL; index++) {
  const event = index % 3 ? 'PostSignIn' : 'User.Created';
  const status = index % 7 ? 200 : 500;
  const delivery = {
    id: `d-${index}`,
    hookId: hook.id,
    event,
    createdAt: now - (TOTAL - index) * 800,
    outcome: status === 200 ? 'success' : 'failed',
    status,
    durationMs: 20 + (index % 90),
    attemptCount: status === 200 ? 1 : 4,
    request: {
      method: 'POST',
      url: hook.config.url,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...samplePayload(event), hookId: hook.id }),
    },
    attempts: [],
    error: null,
    redeliveryOf: null,
    kind: 'delivery',
    retryBehaviour: 'retry-5xx',
    runId: null,
  } as const;
  seeding.started({ ...delivery, outcome: 'in_flight', status: null, attemptCount: 0, attempts: [] });
  seeding.finished({ ...delivery, attempts: [] });
  if (index % 5_000 === 4_999) await seeding.flushed();
}
seeding.close();

const app = await startApp({ dataDir });
try {
  const { page } = app;
  await page.getByRole('button', { name: 'Busy receiver' }).click();
  await page.getByRole('tab', { name: 'Recent requests' }).waitFor();
  const opened = performance.now();
  await page.getByRole('tab', { name: 'Recent requests' }).click();
  await page
    .getByRole('row', { name: /PostSignIn|User\.Created/ })
    .first()
    .waitFor();
  const firstRenderMs = performance.now() - opened;

  const frames = await page.evaluate(async () => {
    const scroller = document.querySelector('[data-testid="delivery-scroll"]') as HTMLElement;
    const deltas: number[] = [];
    let last = performance.now();
    for (let frame = 0; frame < 600; frame++) {
      scroller.scrollTop += 400;
      await new Promise(requestAnimationFrame);
      const time = performance.now();
      deltas.push(time - last);
      last = time;
    }
    return { deltas, rows: Number(document.querySelector('[role="table"]')!.getAttribute('aria-rowcount')), reached: scroller.scrollTop };
  });
  const sorted = [...frames.deltas].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
  console.log(`ui benchmark: ${TOTAL.toLocaleString('en')} deliveries for one hook, renderer in Chromium (headless, software rendering)`);
  console.log(`  Recent requests tab to first row on screen: ${firstRenderMs.toFixed(0)} ms`);
  console.log(
    `  scroll, 600 frames of 400 px: median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, worst ${sorted.at(-1)!.toFixed(1)} ms per frame`,
  );
  console.log(
    `  rows paged in while scrolling: ${frames.rows.toLocaleString('en')} (scrolled ${Math.round(frames.reached / 40).toLocaleString('en')} rows down)`,
  );
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
