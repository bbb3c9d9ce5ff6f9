import type { Input, Method, Result } from '../../shared/contract';
import type { DeliveryKind, Hook, RemovedHook } from '../../shared/domain';
import { type TimeRange, timeRanges } from '../../shared/time';
import type { Core } from '../core';
import { CliError, usageError } from './errors';
import type { Output } from './output';

/** How a contract field is named on the command line: `url` is `--url`, `headers.2.name` is `--header #3`. */
export type FieldNames = Record<string, string>;

function optionFor(field: string | undefined, names: FieldNames): string | undefined {
  if (!field) return undefined;
  const [head, index] = field.split('.');
  const option = names[head!];
  // A field with no option of its own (an argument, a file's content): the message says enough.
  if (!option) return undefined;
  return index !== undefined && /^\d+$/.test(index) ? `${option} #${Number(index) + 1}` : option;
}

/** What every command runs with: the core (through its contract only), output, and the shared look-ups. */
export class Context {
  constructor(
    readonly core: Core,
    readonly out: Output,
    readonly version: string,
  ) {}

  /** One contract call; a refusal becomes a CliError naming the option to fix when `fields` maps it. */
  async call<M extends Method>(method: M, input: Input<M>, fields: FieldNames = {}): Promise<Result<M>> {
    const envelope = await this.core.call(method, input);
    if (!envelope.ok) throw CliError.from(envelope.error, optionFor(envelope.error.field, fields));
    return envelope.value as Result<M>;
  }

  /** A hook by id, or by name when exactly one hook has it (names are compared case-insensitively). */
  async hook(reference: string): Promise<Hook> {
    const hooks = await this.call('hooks.list', {});
    const byId = hooks.find((hook) => hook.id === reference);
    if (byId) return byId;
    const named = hooks.filter((hook) => hook.name.toLowerCase() === reference.toLowerCase());
    if (named.length === 1) return named[0]!;
    if (named.length > 1) {
      throw usageError(`${named.length} hooks are named "${reference}"; use an id: ${named.map((hook) => hook.id).join(', ')}`);
    }
    throw new CliError('not_found', `No hook is named or has the id "${reference}". See: hookbench hooks list`);
  }

  /** The hooks named with --hook, or every hook when none was. */
  async hooksChosen(references: string[] | undefined): Promise<Hook[]> {
    return references ? Promise.all(references.map((reference) => this.hook(reference))) : this.call('hooks.list', {});
  }

  /**
   * Whose deliveries to read: the hooks named with --hook, where the id of a removed hook whose
   * deliveries were kept also counts; with no --hook, every hook and every removed one.
   */
  async logSources(references: string[] | undefined): Promise<LogSource[]> {
    const removed = await this.call('logs.removedHooks', {});
    const asSource = ({ hookId }: RemovedHook): LogSource => ({ id: hookId, name: `removed hook ${hookId}` });
    if (!references) return [...(await this.call('hooks.list', {})), ...removed.map(asSource)];
    return Promise.all(
      references.map(async (reference) => {
        const gone = removed.find((candidate) => candidate.hookId === reference);
        return gone ? asSource(gone) : this.hook(reference);
      }),
    );
  }

  /**
   * The hook ids to read the log under for `--kind`: those of `logSources`, and for captured
   * requests with no --hook, null too (requests no hook's key verified).
   */
  async logScope(
    references: string[] | undefined,
    kind: DeliveryKind,
  ): Promise<{ hookIds: Array<string | null>; names: Map<string, string> }> {
    const sources = await this.logSources(references);
    const hookIds: Array<string | null> = sources.map((source) => source.id);
    if (kind === 'captured' && !references) hookIds.push(null);
    return { hookIds, names: new Map(sources.map((source) => [source.id, source.name])) };
  }

  /** Hook id to name, for tables that show deliveries. */
  async hookNames(): Promise<Map<string, string>> {
    return new Map((await this.call('hooks.list', {})).map((hook) => [hook.id, hook.name]));
  }
}

/** A hook, or a removed hook whose deliveries the log still holds. */
export type LogSource = { id: string; name: string };

/** A --since value, checked against the ranges the app offers. */
export function timeRange(value: string | undefined): TimeRange {
  const since = value ?? '24h';
  const range = timeRanges.find((candidate) => candidate === since);
  if (!range) throw usageError(`--since takes ${timeRanges.slice(0, -1).join(', ')} or all, not "${since}"`);
  return range;
}
