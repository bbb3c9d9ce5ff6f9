/**
 * The renderer with 100 000 deliveries across 20 hooks, in headless Chromium, measured from the
 * user's input to the rows painted: opening Recent requests to the first row, scroll frame times
 * (paging rows in from the log), a filter change, and a search for a term in 1 % of one hook's
 * bodies after the search box's debounce. Real renderer, real core, through the e2e bridge.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { confHookFile, openCore } from '../electron/core';
import { samplePayload } from '../electron/core/payloads';
import type { Hook } from '../shared/domain';
import { startApp } from '../test/support/app';
import { seedLog } from '../test/support/seedLog';

const TOTAL = 100_000;
const HOOKS = 20;
/** The term one hook's bodies carry in 1 % of its deliveries. */
const NEEDLE = 'needle-4f7a1c';
const dataDir = mkdtempSync(join(tmpdir(), 'hookbench-ui-bench-'));
const core = openCore({ dataDir, hookFile: confHookFile(dataDir) });
const hooks: Hook[] = [];
for (let index = 0; index < HOOKS; index++) {
  const name = index === 0 ? 'Busy receiver' : `Receiver ${String(index).padStart(2, '0')}`;
  const created = await core.call('hooks.create', { name, url: 'http://localhost:3000/webhooks', events: ['PostSignIn', 'User.Created'] });
  if (!created.ok) throw new Error(created.error.message);
  hooks.push(created.value);
}
await core.close();

// The deliveries are written straight into the log file: the fixture, not the thing measured.
const now = Date.now();
await seedLog(dataDir, TOTAL, (index) => {
  const hook = hooks[index % HOOKS]!;
  const event = index % 3 ? 'PostSignIn' : 'User.Created';
  const status = index % 7 ? 200 : 500;
  const marked = hook === hooks[0] && Math.floor(index / HOOKS) % 100 === 0;
  const body = JSON.stringify({ ...samplePayload(event), ...(marked ? { note: NEEDLE } : {}), hookId: hook.id });
  return { hookId: hook.id, event, createdAt: now - (TOTAL - index) * 800, outcome: status === 200 ? 'success' : 'failed', status, body };
});

const app = await startApp({ dataDir });
try {
  const { page } = app;
  const rows = page.locator('[data-testid="delivery-scroll"] tbody tr');
  // Search indexing waits for a pause in deliveries: give it the pause a real app has.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  await page.getByRole('button', { name: 'Busy receiver' }).click();
  await page.getByRole('tab', { name: 'Recent requests' }).waitFor();
  const opened = performance.now();
  await page.getByRole('tab', { name: 'Recent requests' }).click();
  await page
    .getByRole('row', { name: /PostSignIn|User\.Created/ })
    .first()
    .waitFor();
  const firstRowMs = performance.now() - opened;

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
    scroller.scrollTop = 0;
    return deltas;
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;

  // A filter change: from choosing "Failed" to the first failed row painted.
  const filtered = performance.now();
  await page.getByLabel('Outcome').selectOption('failed');
  await page
    .getByRole('row', { name: /Failed/ })
    .first()
    .waitFor();
  await page.waitForFunction(
    () => ![...document.querySelectorAll('[data-testid="delivery-scroll"] tbody tr')].some((row) => /Success/.test(row.textContent ?? '')),
  );
  const filterMs = performance.now() - filtered;
  await page.getByLabel('Outcome').selectOption('');

  // A search: from the last keystroke to the matching rows painted, less the search box's debounce.
  const debounceMs = 250; // SEARCH_DEBOUNCE_MS in renderer/screens/RecentRequests/Filters.tsx
  const search = page.getByLabel('Search request and response bodies');
  await search.fill(NEEDLE.slice(0, -1));
  await page.waitForTimeout(debounceMs * 2);
  const typed = performance.now();
  await search.press(NEEDLE.at(-1)!);
  await page.waitForFunction(
    (count) =>
      document.querySelectorAll('[data-testid="delivery-scroll"] tbody tr').length > 0 &&
      document.querySelectorAll('[data-testid="delivery-scroll"] tbody tr').length <= count,
    Math.ceil(TOTAL / HOOKS / 100) + 2,
  );
  const searchMs = performance.now() - typed - debounceMs;
  const found = await rows.count();

  console.log(
    `ui benchmark: ${TOTAL.toLocaleString('en')} deliveries across ${HOOKS} hooks, renderer in headless Chromium (software rendering)`,
  );
  console.log(`  Recent requests tab to first row:         ${firstRowMs.toFixed(0)} ms   (goal <= 300 ms)`);
  console.log(
    `  scroll, 600 frames of 400 px:             median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, worst ${sorted.at(-1)!.toFixed(1)} ms   (goal p95 <= 33 ms)`,
  );
  console.log(`  filter change (Outcome = Failed):         ${filterMs.toFixed(0)} ms   (goal <= 150 ms)`);
  console.log(
    `  search, a term in 1 % of one hook's rows: ${searchMs.toFixed(0)} ms after the ${debounceMs} ms debounce, ${found} rows on screen   (goal <= 200 ms)`,
  );
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
