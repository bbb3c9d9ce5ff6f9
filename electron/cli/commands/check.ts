/**
 * `hookbench check --hook <name|id> [--event <e>]... [--burst N] [--junit <file>] [--json]`: checks
 * a hook's receiver the way Logto will treat it (docs/receiver-lab.md). Exit 0 when every case
 * passes, 1 when any fails (an unreachable receiver fails its cases), 2 for an unknown hook, no
 * matching events or bad options.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type CheckCase, DEFAULT_BURST, MAX_BURST } from '../../../shared/check';
import type { Hook } from '../../../shared/domain';
import { isHookEvent } from '../../../shared/events';
import { junitXml } from '../../../shared/junit';
import { type Core, confHookFile, openCore } from '../../core';
import { defaultDataDir } from '../dataDir';
import type { CliIo } from '../run';

export const CHECK_USAGE = `Usage: hookbench check --hook <name|id> [--event <event>]... [--burst N] [--junit <file>] [--json]

Checks the hook's receiver the way Logto will treat it: genuine deliveries, forged requests,
duplicates, unknown fields, the largest payload, out-of-order events and a burst.
Exit code 0 when every case passes, 1 when any fails, 2 when the command is wrong.`;

const MARK: Record<CheckCase['verdict'], string> = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP', info: 'INFO' };

class Refusal extends Error {}

/** `argv` is what follows `check`. */
export async function check(argv: string[], io: CliIo, core: Core): Promise<number> {
  try {
    const options = parseOptions(argv);
    const hook = await resolveHook(core, options.hook);
    io.stderr.write(`hookbench: checking “${hook.name}” at ${hook.config.url}…\n`);
    const answer = await core.call('check.run', { hookId: hook.id, events: options.events, burst: options.burst });
    if (!answer.ok) throw new Refusal(answer.error.message);
    const run = answer.value;
    for (const warning of run.warnings) io.stderr.write(`hookbench: warning: ${warning}\n`);
    if (options.junit) writeJunit(options.junit, junitXml(run));
    if (options.json) io.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
    else io.stdout.write(report(run.cases));
    return run.passed ? 0 : 1;
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    io.stderr.write(`hookbench: ${error.message}\n`);
    return 2;
  }
}

function parseOptions(argv: string[]) {
  let values: { hook?: string; event?: string[]; burst?: string; junit?: string; json?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        hook: { type: 'string' },
        event: { type: 'string', multiple: true },
        burst: { type: 'string' },
        junit: { type: 'string' },
        json: { type: 'boolean' },
        // Read by the router, which opens the core on it.
        'data-dir': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new Refusal(`${(error as Error).message}\n\n${CHECK_USAGE}`);
  }
  if (!values.hook) throw new Refusal(`check needs --hook <name|id>\n\n${CHECK_USAGE}`);
  const unknown = (values.event ?? []).filter((event) => !isHookEvent(event));
  if (unknown.length > 0) throw new Refusal(`Not Logto webhook events: ${unknown.join(', ')}`);
  const burst = values.burst === undefined ? DEFAULT_BURST : Number(values.burst);
  if (!Number.isInteger(burst) || burst < 1 || burst > MAX_BURST) throw new Refusal(`--burst takes a whole number from 1 to ${MAX_BURST}`);
  return { hook: values.hook, events: values.event?.filter(isHookEvent), burst, junit: values.junit, json: values.json ?? false };
}

async function resolveHook(core: Core, reference: string): Promise<Hook> {
  const listed = await core.call('hooks.list', {});
  if (!listed.ok) throw new Refusal(listed.error.message);
  const byId = listed.value.find((hook) => hook.id === reference);
  if (byId) return byId;
  const named = listed.value.filter((hook) => hook.name.toLowerCase() === reference.toLowerCase());
  if (named.length === 1) return named[0]!;
  if (named.length > 1)
    throw new Refusal(`${named.length} hooks are named "${reference}"; use an id: ${named.map((hook) => hook.id).join(', ')}`);
  throw new Refusal(`No hook is named or has the id "${reference}". See: hookbench hooks list`);
}

function writeJunit(file: string, xml: string) {
  try {
    writeFileSync(file, xml);
  } catch (error) {
    throw new Refusal(`Could not write the JUnit file ${file}: ${(error as Error).message}`);
  }
}

function report(cases: CheckCase[]): string {
  const lines = cases.map((item) => {
    const warnings = item.warnings.map((warning) => `\n        warning: ${warning}`).join('');
    return `${MARK[item.verdict]}  ${item.id}  ${item.message}${warnings}`;
  });
  const failed = cases.filter((item) => item.verdict === 'fail').map((item) => item.id);
  const passed = cases.filter((item) => item.verdict === 'pass').length;
  lines.push('', failed.length === 0 ? `All ${passed} cases passed.` : `${failed.length} failed: ${failed.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** Whether today's router (electron/cli/run.ts) should hand these arguments to `check`. */
export function isCheckCommand(argv: string[]): boolean {
  const { positionals } = parseArgs({ args: argv, strict: false, allowPositionals: true, options: { 'data-dir': { type: 'string' } } });
  return positionals[0] === 'check';
}

/**
 * Bridge for today's router, which parses every command's options in one place: opens the core on
 * the data folder and runs `check`. The per-command router replaces this by passing its own core.
 */
export async function runCheckCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, strict: false, allowPositionals: true, options: { 'data-dir': { type: 'string' } } });
  const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir(io.env);
  const rest = [...argv];
  rest.splice(rest.indexOf('check'), 1);
  const core = openCore({ dataDir, hookFile: confHookFile(dataDir), version: io.version });
  try {
    return await check(rest, io, core);
  } finally {
    await core.close();
  }
}
