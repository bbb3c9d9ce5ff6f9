// Runs one benchmark in plain Node: `npm run bench -- <name>`, the name of a file in bench/ (see README).
import { spawnSync } from 'node:child_process';
import { bundleForNode } from './bundle.mjs';

const name = process.argv[2];
if (!name) {
  console.error('Say which benchmark to run: delivery, chaos, log-store, migrate, captures, faults or ui');
  process.exit(2);
}
const file = await bundleForNode(`bench/${name}.ts`, `bench-${name}`);
const run = spawnSync(process.execPath, ['--expose-gc', '--no-warnings', file, ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
