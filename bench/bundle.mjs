// Bundles a TypeScript entry into one ES module that plain `node` runs. Every bare import stays an
// import, so packages load from node_modules as they are; the file is written inside the project
// (node_modules/.cache) so those imports resolve. Used by the benchmarks and by tests that need a
// second real process.
import { join } from 'node:path';
import { build } from 'vite';

export async function bundleForNode(entry, name) {
  const outDir = join(process.cwd(), 'node_modules', '.cache', 'hookbench-node');
  await build({
    configFile: false,
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      lib: { entry, formats: ['es'], fileName: () => `${name}.mjs` },
      rolldownOptions: { external: [/^node:/, /^[^./]/] },
    },
  });
  return join(outDir, `${name}.mjs`);
}
