/**
 * The first start after upgrading: a log of 100 000 deliveries written by the previous release
 * (schema version 3) is opened by this one, through the core's door, until its first answer.
 * That start migrates the schema, rewrites the file once to give space back from then on, and
 * starts indexing bodies for search in the background. Prints that time and a second start's.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { confHookFile, openCore } from '../electron/core';
import { writeV3Log } from '../test/support/logFixtures';

const TOTAL = 100_000;
const dataDir = mkdtempSync(join(tmpdir(), 'hookbench-migrate-bench-'));
const path = join(dataDir, 'requests.sqlite');

let started = performance.now();
writeV3Log(path, TOTAL, Date.now());
const writeMs = performance.now() - started;
const before = statSync(path).size;

async function firstAnswer(): Promise<number> {
  const began = performance.now();
  const core = openCore({ dataDir, hookFile: confHookFile(dataDir) });
  const answer = await core.call('health.list', {});
  const ms = performance.now() - began;
  if (!answer.ok) throw new Error(answer.error.message);
  await core.close();
  return ms;
}

const migratingMs = await firstAnswer();
const secondMs = await firstAnswer();
started = performance.now();
const after = statSync(path).size;
rmSync(dataDir, { recursive: true, force: true });

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
console.log(
  `migrate benchmark: a version-3 log of ${TOTAL.toLocaleString('en')} deliveries (written in ${Math.round(writeMs)} ms, ${mb(before)})`,
);
console.log(`  first start after upgrading, to the first answer:  ${Math.round(migratingMs)} ms`);
console.log(`  a second start, for comparison:                    ${Math.round(secondMs)} ms`);
console.log(`  file size after the upgrade:                       ${mb(after)}`);
