import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckRun } from '../../../shared/check';
import { UserFacingError } from '../../../shared/errors';
import type { Report } from '../notices';
import { writePrivately } from '../util/privateFile';

export const CHECK_RUNS_FILE = 'check-runs.json';
/** Runs kept per hook; the requests they sent stay in the request log, linked by run id. */
export const RUNS_KEPT_PER_HOOK = 20;

/**
 * Past check runs, newest first, in a small JSON file in the data folder. Evidence bodies are
 * previews, so the file stays small; a file that cannot be read is reported and started afresh.
 */
export class CheckRunStore {
  readonly #path: string;
  #runs: CheckRun[];

  constructor(dataDir: string, report: Report) {
    this.#path = join(dataDir, CHECK_RUNS_FILE);
    this.#runs = readRuns(this.#path, report);
  }

  add(run: CheckRun): void {
    const sameHook = this.#runs.filter((kept) => kept.hookId === run.hookId).slice(0, RUNS_KEPT_PER_HOOK - 1);
    this.#runs = [run, ...sameHook, ...this.#runs.filter((kept) => kept.hookId !== run.hookId)];
    // Evidence keeps the request headers sent, custom ones (tokens) included.
    writePrivately(this.#path, JSON.stringify(this.#runs));
  }

  list(hookId: string): CheckRun[] {
    return this.#runs.filter((run) => run.hookId === hookId);
  }

  get(runId: string): CheckRun {
    const run = this.#runs.find((kept) => kept.id === runId);
    if (!run)
      throw new UserFacingError('not_found', `No check run has the id "${runId}"; only the last ${RUNS_KEPT_PER_HOOK} per hook are kept.`);
    return run;
  }
}

function readRuns(path: string, report: Report): CheckRun[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  try {
    const runs = JSON.parse(text);
    if (Array.isArray(runs)) return runs as CheckRun[];
  } catch {}
  report({
    id: 'check-runs-unreadable',
    level: 'warning',
    message: `${path} could not be read, so earlier check runs are not listed; new runs replace it.`,
  });
  return [];
}
