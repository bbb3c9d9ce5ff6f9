import { join } from 'node:path';
import { build } from 'vite';
import { nodeExternals } from '../../vite.config';

/**
 * Bundles a TypeScript entry into one ES module runnable by plain `node`, placed inside the project
 * so its bare imports (undici, conf, zod) resolve from node_modules.
 */
export async function bundleForNode(entry: string, name: string): Promise<string> {
  const outDir = join(process.cwd(), 'node_modules', '.cache', 'hookbench-test');
  await build({
    configFile: false,
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      lib: { entry, formats: ['es'], fileName: () => `${name}.mjs` },
      rolldownOptions: { external: nodeExternals },
    },
  });
  return join(outDir, `${name}.mjs`);
}
