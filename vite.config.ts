/// <reference types="vitest/config" />
import { builtinModules } from 'node:module';
import { defineConfig, type UserConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

/** Node built-ins and installed packages stay imports in main; electron is provided at run time. */
const nodeExternals: (string | RegExp)[] = [
  // Prefix-only built-ins such as node:sqlite are not in builtinModules.
  /^node:/,
  ...builtinModules,
  ...Object.keys(pkg.dependencies),
];
const mainExternals = ['electron', ...nodeExternals];

/**
 * main (ES module), preload (one CommonJS file: a sandboxed preload cannot load other files),
 * or the command line (an ES module for plain Node).
 */
function nodeBuild(
  entry: string,
  format: 'es' | 'cjs',
  fileName: string,
  external: (string | RegExp)[],
  { outDir = 'dist/electron', banner = '' } = {},
): UserConfig {
  return {
    build: {
      outDir,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: true,
      lib: { entry, formats: [format], fileName: () => fileName },
      // The command line loads its body as a chunk (electron/cli/main.ts); .mjs whatever package.json says.
      rolldownOptions: { external, output: { banner, chunkFileNames: '[name]-[hash].mjs' } },
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'main') return nodeBuild('electron/shell/main.ts', 'es', 'main.js', mainExternals);
  if (mode === 'preload') return nodeBuild('electron/shell/preload.ts', 'cjs', 'preload.cjs', ['electron']);
  if (mode === 'cli') {
    return nodeBuild('electron/cli/main.ts', 'es', 'hookbench.mjs', nodeExternals, { outDir: 'dist/cli', banner: '#!/usr/bin/env node' });
  }
  if (mode === 'test') {
    const project = (name: string, extra: NonNullable<UserConfig['test']> = {}) => ({
      extends: true as const,
      test: { name, include: [`test/${name}/**/*.test.{ts,tsx}`], ...extra },
    });
    return {
      test: {
        testTimeout: 30_000,
        hookTimeout: 60_000,
        // electron-store must see the test double of `electron`, so it is run through Vite too.
        server: { deps: { inline: ['electron-store'] } },
        // Two cores: e2e starts Chromium, and two at once is all they carry.
        maxWorkers: 2,
        // Only e2e needs a browser; without one it stops before any test, saying what to install or set.
        // A page that answers in 1 s alone can take 3 s while another browser and the core share the
        // two cores: polls wait up to 5 s before they call it a failure.
        projects: [
          project('unit'),
          project('integration'),
          project('e2e', { globalSetup: ['test/support/browser.ts'], expect: { poll: { timeout: 5_000 } } }),
        ],
      },
    };
  }
  return {
    root: 'renderer',
    base: './',
    oxc: { jsx: { runtime: 'automatic' } },
    build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome130' },
  };
});
