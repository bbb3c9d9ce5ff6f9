// Bundles bench/<name>.ts for plain Node and runs it: `npm run bench -- delivery` (or log-store, ui).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'vite';

const name = process.argv[2];
if (!name) {
  console.error('Say which benchmark to run: delivery, log-store or ui');
  process.exit(2);
}
const outDir = join(process.cwd(), 'node_modules', '.cache', 'hookbench-bench');
await build({
  configFile: false,
  logLevel: 'error',
  build: {
    outDir,
    emptyOutDir: false,
    target: 'node22',
    minify: false,
    lib: { entry: `bench/${name}.ts`, formats: ['es'], fileName: () => `${name}.mjs` },
    // Every bare import stays an import: packages load from node_modules as they are.
    rolldownOptions: { external: [/^node:/, /^[^./]/] },
  },
});
const run = spawnSync(process.execPath, ['--expose-gc', '--no-warnings', join(outDir, `${name}.mjs`), ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
