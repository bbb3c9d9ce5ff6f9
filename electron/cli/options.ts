/** Options several commands take, declared once so they read and behave the same everywhere. */
import { type DeliveryKind, deliveryKinds } from '../../shared/domain';
import type { OptionSpec } from './command';
import { usageError } from './errors';

export const json = { type: 'boolean', help: 'print JSON instead of a table' } as const satisfies OptionSpec;

export const out = {
  type: 'string',
  placeholder: 'file',
  help: 'write to this file (created readable by you only, 0600) instead of standard output',
} as const satisfies OptionSpec;

export const force = { type: 'boolean', help: 'replace the --out file if it already exists' } as const satisfies OptionSpec;

export const hookFilter = {
  type: 'string',
  multiple: true,
  placeholder: 'h',
  help: 'only this hook, by name or id (repeat for more; default: every hook)',
} as const satisfies OptionSpec;

/** For reading the log: a removed hook's deliveries stay there, so its id still chooses them. */
export const loggedHookFilter = {
  ...hookFilter,
  help: 'only this hook, by name or id, or the id of a removed hook (repeat for more; default: every hook, removed ones too)',
} as const satisfies OptionSpec;

export const since = {
  type: 'string',
  placeholder: '1h|24h|7d|all',
  help: 'how far back to look (default: 24h)',
} as const satisfies OptionSpec;

export const failed = { type: 'boolean', help: 'only deliveries that failed' } as const satisfies OptionSpec;

export const kind = {
  type: 'string',
  placeholder: 'delivery|check|captured',
  help: 'which requests: deliveries Hookbench sent (default), receiver-check requests, or requests the built-in receiver captured',
} as const satisfies OptionSpec;

/** A --kind value, checked against the kinds the log holds. */
export function deliveryKind(value: string | undefined): DeliveryKind {
  const chosen = value ?? 'delivery';
  const known = deliveryKinds.find((candidate) => candidate === chosen);
  if (!known) throw usageError(`--kind takes delivery, check or captured, not "${chosen}"`);
  return known;
}

/** How each kind is named in a sentence: "No captured requests in the chosen range". */
export const kindNoun: Record<DeliveryKind, string> = { delivery: 'deliveries', check: 'check requests', captured: 'captured requests' };

/**
 * A whole number as typed: digits only, so "1.0", " 5", "1e3" and "0x10" are refused rather than
 * read as some number. `what` words the refusal, e.g. "a whole number from 1 to 500".
 */
export function wholeNumber(
  option: string,
  value: string,
  { min = 0, max = Number.MAX_SAFE_INTEGER, what = 'a whole number' } = {},
): number {
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= min && number <= max)) throw usageError(`${option} takes ${what}, not "${value}"`);
  return number;
}

/** A pace as typed: digits with an optional fraction ("20", "0.5"); the caller judges its range. */
export function decimalNumber(option: string, value: string, what: string): number {
  if (!/^\d+(\.\d+)?$/.test(value)) throw usageError(`${option} takes ${what}, not "${value}"`);
  return Number(value);
}
