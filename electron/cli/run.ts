/**
 * `hookbench`, the command line: the same core and data folder as the app, for scripts and CI.
 * Exit codes: 0 all good, 1 a delivery or test failed, 2 the command or its input was wrong.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { Input, Method, Result } from '../../shared/contract';
import { har, jsonLines } from '../../shared/deliveryFormats';
import type { Delivery, DeliverySummary, Hook } from '../../shared/domain';
import { isHookEvent } from '../../shared/events';
import { type TimeRange, timeRanges } from '../../shared/time';
import { type Core, confHookFile, openCore } from '../core';
import { isCheckCommand, runCheckCommand } from './commands/check';
import { defaultDataDir } from './dataDir';
import { table, writeAll } from './output';

export type CliIo = { stdout: Writable; stderr: Writable; env: NodeJS.ProcessEnv; version: string };

export const USAGE = `Usage: hookbench <command> [options]

Commands:
  hooks list [--json]                         list hooks with their 24 h health
  hooks test <hook> [--json]                  send Logto's test payload for each of the hook's events
  hooks export [--with-keys] [--out file]     hook definitions as JSON (signing keys only with --with-keys)
  hooks import <file>                         add the hooks of an export; says what was skipped and why
  trigger <event> [--payload file] [--hook h]...  deliver an event to subscribed hooks and wait for the results
  logs [--hook h] [--since 1h|24h|7d|all] [--failed] [--limit n] [--json]
  export [--hook h] [--format jsonl|har] [--since ...] [--failed] [--out file]
  redeliver <delivery-id>                     send a logged delivery again, freshly signed
  check --hook h [--event e]... [--burst N] [--junit file] [--json]  check a receiver as Logto will treat it

<hook> is a hook's name or id. Exit code 1 when a delivery or test fails, 2 when the command is wrong.
Options: --data-dir <folder> (default: the app's data folder, or $HOOKBENCH_DATA_DIR), --help, --version`;

class UsageError extends Error {}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (isCheckCommand(argv)) return runCheckCommand(argv, io);
  let parsed: { values: Options; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        'with-keys': { type: 'boolean' },
        out: { type: 'string' },
        payload: { type: 'string' },
        hook: { type: 'string', multiple: true },
        since: { type: 'string' },
        failed: { type: 'boolean' },
        limit: { type: 'string' },
        format: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.stderr.write(`hookbench: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values: options, positionals } = parsed;
  if (options.version) {
    io.stdout.write(`${io.version}\n`);
    return 0;
  }
  if (options.help || positionals.length === 0) {
    (options.help ? io.stdout : io.stderr).write(`${USAGE}\n`);
    return options.help ? 0 : 2;
  }

  const dataDir = (options['data-dir'] as string | undefined) ?? defaultDataDir(io.env);
  let core: Core | null = null;
  try {
    core = openCore({ dataDir, hookFile: confHookFile(dataDir), version: io.version });
    const commands = new Commands(core, io, options);
    for (const notice of await commands.call('app.notices', {})) io.stderr.write(`hookbench: ${notice.message}\n`);
    const [command, sub, ...rest] = positionals;
    if (command === 'hooks' && sub === 'list') return await commands.listHooks();
    if (command === 'hooks' && sub === 'test') return await commands.testHook(required(rest[0], 'hooks test needs a hook name or id'));
    if (command === 'hooks' && sub === 'export') return await commands.exportHooks();
    if (command === 'hooks' && sub === 'import')
      return await commands.importHooks(required(rest[0], 'hooks import needs the file to import'));
    if (command === 'trigger') return await commands.trigger(required(sub, 'trigger needs an event name, e.g. PostSignIn'));
    if (command === 'logs') return await commands.logs();
    if (command === 'export') return await commands.exportLogs();
    if (command === 'redeliver') return await commands.redeliver(required(sub, 'redeliver needs a delivery id (see hookbench logs)'));
    throw new UsageError(`"${positionals.join(' ')}" is not a hookbench command.\n\n${USAGE}`);
  } catch (error) {
    io.stderr.write(`hookbench: ${(error as Error).message}\n`);
    return 2;
  } finally {
    await core?.close();
  }
}

function required(value: string | undefined, message: string): string {
  if (!value) throw new UsageError(message);
  return value;
}

type Options = Record<string, string | boolean | string[] | undefined>;

class Commands {
  constructor(
    readonly core: Core,
    readonly io: CliIo,
    readonly options: Options,
  ) {}

  async call<M extends Method>(method: M, input: Input<M>): Promise<Result<M>> {
    const envelope = await this.core.call(method, input);
    if (!envelope.ok)
      throw new UsageError(envelope.error.field ? `${envelope.error.field}: ${envelope.error.message}` : envelope.error.message);
    return envelope.value as Result<M>;
  }

  print(text: string) {
    this.io.stdout.write(`${text}\n`);
  }

  json(value: unknown) {
    this.print(JSON.stringify(value, null, 2));
  }

  async hook(reference: string): Promise<Hook> {
    const hooks = await this.call('hooks.list', {});
    const byId = hooks.find((hook) => hook.id === reference);
    if (byId) return byId;
    const named = hooks.filter((hook) => hook.name.toLowerCase() === reference.toLowerCase());
    if (named.length === 1) return named[0]!;
    if (named.length > 1)
      throw new UsageError(`${named.length} hooks are named "${reference}"; use an id: ${named.map((hook) => hook.id).join(', ')}`);
    throw new UsageError(`No hook is named or has the id "${reference}". See: hookbench hooks list`);
  }

  since(): TimeRange {
    const since = (this.options.since as string | undefined) ?? '24h';
    if (!(timeRanges as readonly string[]).includes(since)) throw new UsageError(`--since takes 1h, 24h, 7d or all, not "${since}"`);
    return since as TimeRange;
  }

  async listHooks(): Promise<number> {
    const hooks = await this.call('hooks.list', {});
    const health = new Map((await this.call('health.list', {})).map((summary) => [summary.hookId, summary]));
    if (this.options.json) {
      this.json(hooks.map(({ signingKey: _secret, ...hook }) => ({ ...hook, health: health.get(hook.id) })));
      return 0;
    }
    if (hooks.length === 0) {
      this.print('No hooks yet. Create one in the app, or: hookbench hooks import <file>');
      return 0;
    }
    const rows = hooks.map((hook) => {
      const figures = health.get(hook.id);
      const rate = figures?.successRate == null ? '—' : `${Math.round(figures.successRate * 100)}%`;
      return [
        hook.id,
        hook.name,
        hook.enabled ? 'enabled' : 'disabled',
        String(hook.events.length),
        String(figures?.total ?? 0),
        rate,
        hook.config.url,
      ];
    });
    this.print(table(['ID', 'NAME', 'STATE', 'EVENTS', 'REQUESTS 24H', 'SUCCESS', 'URL'], rows));
    return 0;
  }

  async testHook(reference: string): Promise<number> {
    const hook = await this.hook(reference);
    const results = await this.call('hooks.test', { id: hook.id });
    if (this.options.json) this.json(results);
    else {
      const rows = results.map((result) => [
        result.event,
        result.ok ? 'ok' : 'FAILED',
        String(result.status ?? '—'),
        `${result.durationMs} ms`,
        (result.ok ? (result.body ?? '') : (result.error ?? '')).slice(0, 80),
      ]);
      this.print(table(['EVENT', 'RESULT', 'STATUS', 'TIME', 'RESPONSE'], rows));
    }
    return results.every((result) => result.ok) ? 0 : 1;
  }

  async exportHooks(): Promise<number> {
    const file = await this.call('hooks.export', { includeSigningKeys: Boolean(this.options['with-keys']) });
    await this.writeOut([file.content]);
    return 0;
  }

  async importHooks(file: string): Promise<number> {
    const report = await this.call('hooks.import', { content: readText(file) });
    for (const hook of report.imported) this.print(`imported  ${hook.id}  ${hook.name}`);
    for (const skip of report.skipped) this.io.stderr.write(`skipped   #${skip.index + 1} ${skip.name}: ${skip.reason}\n`);
    this.print(`${report.imported.length} imported, ${report.skipped.length} skipped`);
    return report.skipped.length > 0 ? 2 : 0;
  }

  async trigger(event: string): Promise<number> {
    if (!isHookEvent(event)) throw new UsageError(`"${event}" is not a Logto webhook event`);
    const payloadFile = this.options.payload as string | undefined;
    let payload: Record<string, unknown> | undefined;
    if (payloadFile) {
      try {
        payload = JSON.parse(readText(payloadFile));
      } catch (error) {
        throw new UsageError(`${payloadFile} is not valid JSON: ${(error as Error).message}`);
      }
    }
    const references = this.options.hook as string[] | undefined;
    const hookIds = references && (await Promise.all(references.map((reference) => this.hook(reference)))).map((hook) => hook.id);
    const { deliveries } = await this.call('events.trigger', { event, payload, hookIds });
    if (deliveries.length === 0) {
      this.io.stderr.write(`hookbench: no enabled hook subscribes to ${event}; nothing was sent\n`);
      return 1;
    }
    await this.core.settled();
    const finished = await Promise.all(deliveries.map((delivery) => this.call('logs.get', { id: delivery.id })));
    await this.report(finished);
    return finished.every((delivery) => delivery.outcome === 'success') ? 0 : 1;
  }

  async report(deliveries: Delivery[]) {
    if (this.options.json) return this.json(deliveries);
    const names = new Map((await this.call('hooks.list', {})).map((hook) => [hook.id, hook.name]));
    const rows = deliveries.map((delivery) => [
      delivery.id,
      (delivery.hookId && names.get(delivery.hookId)) ?? delivery.hookId ?? '—',
      delivery.event,
      delivery.outcome,
      String(delivery.status ?? '—'),
      String(delivery.attemptCount),
      delivery.error ?? '',
    ]);
    this.print(table(['DELIVERY', 'HOOK', 'EVENT', 'OUTCOME', 'STATUS', 'ATTEMPTS', 'ERROR'], rows));
  }

  async logs(): Promise<number> {
    const hooks = await this.hooksChosen();
    const limit = Number((this.options.limit as string | undefined) ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('--limit takes a whole number from 1 to 500');
    const range = this.since();
    const pages = await Promise.all(
      hooks.map((hook) =>
        this.call('logs.query', { hookId: hook.id, range, limit, ...(this.options.failed ? { outcome: 'failed' as const } : {}) }),
      ),
    );
    const items: DeliverySummary[] = pages
      .flatMap((page) => page.items)
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, limit);
    if (this.options.json) {
      this.json(items);
      return 0;
    }
    if (items.length === 0) {
      this.print(`No deliveries${this.options.failed ? ' failed' : ''} in the chosen range (${range}).`);
      return 0;
    }
    const names = new Map(hooks.map((hook) => [hook.id, hook.name]));
    this.print(
      table(
        ['TIME', 'DELIVERY', 'HOOK', 'EVENT', 'OUTCOME', 'STATUS', 'ATTEMPTS', 'DURATION'],
        items.map((item) => [
          new Date(item.createdAt).toISOString(),
          item.id,
          (item.hookId && names.get(item.hookId)) ?? item.hookId ?? '—',
          item.event,
          item.outcome,
          String(item.status ?? '—'),
          String(item.attemptCount),
          item.durationMs === null ? '—' : `${item.durationMs} ms`,
        ]),
      ),
    );
    return 0;
  }

  async exportLogs(): Promise<number> {
    const format = (this.options.format as string | undefined) ?? 'jsonl';
    if (format !== 'jsonl' && format !== 'har') throw new UsageError(`--format takes jsonl or har, not "${format}"`);
    const range = this.since();
    const outcome = this.options.failed ? ('failed' as const) : undefined;
    const hooks = await this.hooksChosen();
    const call = this.call.bind(this);
    // A page of whole deliveries at a time, so an export of any size streams in flat memory.
    async function* deliveries(): AsyncGenerator<Delivery> {
      for (const hook of hooks) {
        let cursor: string | undefined;
        do {
          const page = await call('logs.details', { hookId: hook.id, range, outcome, cursor, limit: 200 });
          yield* page.items;
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      }
    }
    const all: Delivery[] = [];
    for await (const delivery of deliveries()) all.push(delivery);
    const statusText = (status: number) => STATUS_CODES[status] ?? '';
    await this.writeOut(format === 'har' ? har(all, this.io.version, statusText) : jsonLines(all));
    return 0;
  }

  async redeliver(id: string): Promise<number> {
    const { delivery } = await this.call('logs.redeliver', { id });
    await this.core.settled();
    const finished = await this.call('logs.get', { id: delivery.id });
    await this.report([finished]);
    return finished.outcome === 'success' ? 0 : 1;
  }

  async hooksChosen(): Promise<Hook[]> {
    const references = this.options.hook as string[] | undefined;
    return references ? Promise.all(references.map((reference) => this.hook(reference))) : this.call('hooks.list', {});
  }

  async writeOut(pieces: Iterable<string>) {
    const file = this.options.out as string | undefined;
    if (!file) return writeAll(this.io.stdout, pieces);
    const out = createWriteStream(file);
    await writeAll(out, pieces);
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `Could not read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
}
