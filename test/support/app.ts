/**
 * The real renderer, served by Vite, running in a Chromium-family browser against the real core in a
 * temp folder. What a user clicks is what the app would do, minus the Electron shell.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build, createServer, type Plugin, type PreviewServer, preview, type ViteDevServer } from 'vite';
import { bridgeClientScript, bridgePlugin } from './bridge';
import { requireBrowser } from './browser';
import { openTestCore, type TestCore } from './core';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

/**
 * The built app links its CSS as a file, which `style-src 'self'` allows. Vite's dev server instead
 * injects CSS as <style> elements, which that policy blocks; it marks them with `html.cspNonce`, and
 * this plugin admits that one per-server nonce in the served page's policy. Nothing else is relaxed:
 * inline style attributes and any other <style> are still refused and fail the test.
 */
function devStyleNonce(nonce: string): Plugin {
  return {
    name: 'hookbench-dev-style-nonce',
    transformIndexHtml(html) {
      if (!html.includes("style-src 'self';")) throw new Error("renderer/index.html no longer says style-src 'self'; update devStyleNonce");
      return html.replace("style-src 'self';", `style-src 'self' 'nonce-${nonce}';`);
    },
  };
}

export type RunningApp = {
  core: TestCore;
  dataDir: string;
  url: string;
  browser: Browser;
  page: Page;
  /** Saves a screenshot under test-results/screenshots for a person to look at. */
  screenshot(name: string): Promise<void>;
  /** A new page on the same core, as after restarting the window. */
  reload(): Promise<void>;
  /** Page errors a test provokes on purpose: matching ones are not reported as problems at close. */
  expectProblems(pattern: RegExp): void;
  close(): Promise<void>;
};

/** The renderer's source through Vite's dev server, as the e2e tests use it: fast to start, React's checks on. */
async function serveSource(bridge: Plugin): Promise<ViteDevServer> {
  const nonce = randomBytes(16).toString('base64url');
  const server = await createServer({
    configFile: join(process.cwd(), 'vite.config.ts'),
    mode: 'development',
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    html: { cspNonce: nonce },
    // node_modules may be shared by several checkouts; each keeps its own pre-bundled deps, or
    // their servers keep invalidating one another's ("504 Outdated Optimize Dep").
    cacheDir: join(process.cwd(), 'test-results', 'vite-cache'),
    plugins: [bridge, devStyleNonce(nonce)],
  });
  return server.listen();
}

/** The renderer built for production, as the packaged app loads it: what a benchmark measures. */
async function serveBuild(bridge: Plugin): Promise<PreviewServer> {
  const outDir = join(process.cwd(), 'test-results', 'renderer-build');
  const configFile = join(process.cwd(), 'vite.config.ts');
  await build({ configFile, mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return preview({
    configFile,
    mode: 'production',
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    plugins: [bridge],
  });
}

/**
 * `receiver.port` 0: the built-in receiver, when started, takes any free port (never the user's 4747).
 * `built`: the production build of the renderer instead of its source (slower to start; for benchmarks).
 */
export async function startApp(
  options: { dataDir?: string; colorScheme?: 'light' | 'dark'; receiver?: { port: number }; built?: boolean } = {},
): Promise<RunningApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hookbench-e2e-'));
  const core = openTestCore({ dataDir, receiver: options.receiver });
  const bridge = bridgePlugin(core.envelope, core.subscribe);
  const server = options.built ? await serveBuild(bridge) : await serveSource(bridge);
  const address = server.httpServer!.address();
  if (!address || typeof address === 'string') throw new Error('Vite did not bind a port');
  const url = `http://127.0.0.1:${address.port}/`;

  const browser = await chromium.launch({ executablePath: requireBrowser(), args: CHROMIUM_FLAGS });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 820 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  await context.addInitScript(bridgeClientScript);
  let page = await context.newPage();
  const problems: string[] = [];
  const expected: RegExp[] = [];
  const watch = (target: Page) => {
    target.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    target.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
  };
  watch(page);
  await page.goto(url);

  return {
    core,
    dataDir,
    url,
    browser,
    get page() {
      return page;
    },
    async screenshot(name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    expectProblems(pattern) {
      expected.push(pattern);
    },
    async reload() {
      await page.close();
      page = await context.newPage();
      watch(page);
      await page.goto(url);
    },
    async close() {
      await browser.close();
      await server.close();
      await core.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      const unexpected = problems.filter((problem) => !expected.some((pattern) => pattern.test(problem)));
      if (unexpected.length > 0) throw new Error(`The page reported problems:\n${unexpected.join('\n')}`);
    },
  };
}
