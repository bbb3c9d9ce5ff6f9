// Bundles a TypeScript entry into one ES module that plain `node` runs. Every bare import stays an
// import, so packages load from node_modules as they are; the file is written inside the project
// (node_modules/.cache) so those imports resolve. Used by the benchmarks and by tests that need a
// second real process.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { build } from 'vite';

export async function bundleForNode(entry, name) {
  // One folder per checkout: worktrees that share node_modules must not overwrite each other's bundles.
  const checkout = createHash('sha256').update(process.cwd()).digest('hex').slice(0, 8);
  const outDir = join(process.cwd(), 'node_modules', '.cache', `hookbench-node-${checkout}`);
  await build({
    configFile: false,
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      lib: { entry, formats: ['es'], fileName: () => `${name}.mjs` },
      // Chunks (the command line's body) are named after the bundle: tests bundling at once never share one.
      rolldownOptions: { external: [/^node:/, /^[^./]/], output: { chunkFileNames: `${name}-[name]-[hash].mjs` } },
    },
  });
  return join(outDir, `${name}.mjs`);
}
