import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckRun } from '../../../shared/check';
import { UserFacingError } from '../../../shared/errors';
import type { Report } from '../notices';
import { moveAside } from '../util/moveAside';
import { writePrivately } from '../util/privateFile';

export const CHECK_RUNS_FILE = 'check-runs.json';
/** Runs kept per hook; the requests they sent stay in the request log, linked by run id. */
export const RUNS_KEPT_PER_HOOK = 20;

/**
 * Past check runs, newest first, in a small JSON file in the data folder. Evidence bodies are
 * previews, so the file stays small; a file that cannot be read is set aside, reported, and started afresh.
 */
export class CheckRunStore {
  readonly #path: string;
  #runs: CheckRun[];
  /** False while an unreadable file that could not be moved aside holds the name: runs are then kept in memory only. */
  readonly #saving: boolean;

  constructor(dataDir: string, report: Report) {
    this.#path = join(dataDir, CHECK_RUNS_FILE);
    const read = readRuns(this.#path, report);
    this.#runs = read ?? [];
    this.#saving = read !== null;
  }

  add(run: CheckRun): void {
    const sameHook = this.#runs.filter((kept) => kept.hookId === run.hookId).slice(0, RUNS_KEPT_PER_HOOK - 1);
    this.#runs = [run, ...sameHook, ...this.#runs.filter((kept) => kept.hookId !== run.hookId)];
    // Evidence keeps the request headers sent, custom ones (tokens) included.
    if (this.#saving) writePrivately(this.#path, JSON.stringify(this.#runs));
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

/** The runs kept, or null when a file that could not be read is still in the way (it is never overwritten). */
function readRuns(path: string, report: Report): CheckRun[] | null {
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
  // Set aside, never overwritten: the earlier runs are evidence the user may want back.
  let kept: string;
  try {
    kept = `It is kept at ${moveAside(path, 'corrupt')}; new runs start a new file.`;
  } catch (error) {
    kept = `It could not be moved aside either (${(error as Error).message}), so new runs are not saved until it is fixed or moved.`;
  }
  report({
    id: 'check-runs-unreadable',
    level: 'warning',
    message: `${path} could not be read, so earlier check runs are not listed. ${kept}`,
  });
  return existsSync(path) ? null : [];
}
