/**
 * The answers a hook pointing at the built-in receiver (`/r/<hookId>`) gets, written the way a
 * developer says them: `200`; `500,500,200` (one step per request, the last repeats); `sleep 11s`
 * (past Logto's 10 s timeout) or `sleep 2s 503`; `fail 30% seed 7` (a repeatable failure rate:
 * 500 for that share of requests, 200 for the rest).
 */

export type Step =
  | { kind: 'status'; status: number }
  | { kind: 'sleep'; ms: number; status: number }
  | { kind: 'fail'; rate: number; seed: number };

export type Script = { text: string; steps: Step[] };

export const DEFAULT_SCRIPT = '200';
const MAX_SLEEP_S = 120;
const MAX_STEPS = 50;

export class ScriptError extends Error {}

export function parseScript(text: string): Script {
  const trimmed = text.trim();
  if (trimmed === '') throw new ScriptError('Write at least one answer, e.g. 200, or 500,500,200, or sleep 11s, or fail 30% seed 7');
  const parts = trimmed.split(',').map((part) => part.trim());
  if (parts.length > MAX_STEPS) throw new ScriptError(`Use at most ${MAX_STEPS} steps`);
  return { text: parts.join(','), steps: parts.map((part, index) => parseStep(part, index + 1)) };
}

function parseStep(part: string, position: number): Step {
  const where = `step ${position} ("${part}")`;
  const words = part.split(/\s+/);
  if (words.length === 1 && /^\d{3}$/.test(part)) return { kind: 'status', status: statusOf(part, where) };
  if (words[0] === 'sleep') {
    const duration = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(words[1] ?? '');
    if (!duration || words.length > 3)
      throw new ScriptError(`${where}: write sleep with a duration and an optional status, e.g. sleep 11s or sleep 500ms 503`);
    const ms = Number(duration[1]) * (duration[2] === 's' ? 1000 : 1);
    if (ms > MAX_SLEEP_S * 1000) throw new ScriptError(`${where}: sleep at most ${MAX_SLEEP_S}s`);
    return { kind: 'sleep', ms, status: words[2] === undefined ? 200 : statusOf(words[2], where) };
  }
  if (words[0] === 'fail') {
    const rate = /^(\d{1,3})%$/.exec(words[1] ?? '');
    const seeded = words.length === 2 || (words.length === 4 && words[2] === 'seed' && /^\d+$/.test(words[3] ?? ''));
    if (!rate || Number(rate[1]) > 100 || !seeded) throw new ScriptError(`${where}: write a failure rate as fail 30% or fail 30% seed 7`);
    return { kind: 'fail', rate: Number(rate[1]) / 100, seed: Number(words[3] ?? 1) };
  }
  throw new ScriptError(`${where} is not an answer: use a status (200), sleep 11s, or fail 30% seed 7`);
}

function statusOf(text: string, where: string): number {
  const status = Number(text);
  if (!/^\d{3}$/.test(text) || status < 200 || status > 599) throw new ScriptError(`${where}: a status is a number from 200 to 599`);
  return status;
}

/** What the n-th request (0-based) to a script gets: a status after an optional delay, and which step said so. */
export function answerFor(script: Script, request: number): { status: number; delayMs: number; step: number } {
  const index = Math.min(request, script.steps.length - 1);
  const step = script.steps[index]!;
  if (step.kind === 'status') return { status: step.status, delayMs: 0, step: index + 1 };
  if (step.kind === 'sleep') return { status: step.status, delayMs: step.ms, step: index + 1 };
  return { status: seededUnit(step.seed, request) < step.rate ? 500 : 200, delayMs: 0, step: index + 1 };
}

/** A repeatable number in [0, 1) for (seed, n): the same script fails the same requests every run (mulberry32). */
function seededUnit(seed: number, n: number): number {
  let t = (Math.imul(seed, 0x9e3779b1) + Math.imul(n + 1, 0x6d2b79f5)) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
}
