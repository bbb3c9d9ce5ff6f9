/**
 * `hookbench`, the command line: the same core and data folder as the app, for scripts and CI.
 * This file routes: it finds the command, lets the command parse its own options, opens the
 * core, runs the command and turns whatever went wrong into a message and an exit status.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Notice } from '../../shared/domain';
import { UserFacingError } from '../../shared/errors';
import { type Core, confHookFile, openCore } from '../core';
import { type Command, commonOptions, givenTwice, parseProblem, repeatedSingleValue } from './command';
import { commands } from './commands';
import { Context } from './context';
import { chosenDataDir } from './dataDir';
import { CliError, EXIT_STATUS, usageError } from './errors';
import { commandHelp, commandList, groupHelp, USAGE } from './help';
import { Output, type OutStream } from './output';
import { meant } from './suggest';

export { USAGE } from './help';

export type CliIo = { stdout: OutStream; stderr: OutStream; env: NodeJS.ProcessEnv; version: string };

/** What may come before the command: the options every command takes, and --version. */
const leadingOptions = { ...commonOptions, version: { type: 'boolean', short: 'v' } } as const;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const out = new Output(io.stdout, io.stderr);
  try {
    return await route(argv, io, out);
  } catch (error) {
    return fail(out, error);
  }
}

async function route(argv: string[], io: CliIo, out: Output): Promise<number> {
  const start = commandStart(argv);
  let read: ReturnType<typeof parseArgs<{ args: string[]; options: typeof leadingOptions; strict: true; tokens: true }>>;
  try {
    read = parseArgs({ args: argv.slice(0, start), options: leadingOptions, strict: true, tokens: true });
  } catch (error) {
    throw usageError(leadingProblem(error as Error & { code?: string }, argv.slice(0, start), argv.slice(start)), USAGE);
  }
  const repeated = repeatedSingleValue(read.tokens, leadingOptions);
  if (repeated) throw usageError(givenTwice(repeated));
  const leading = read.values;
  const rest = argv.slice(start);
  if (leading.version) {
    io.stdout.write(`${io.version}\n`);
    return 0;
  }
  if (rest.length === 0) {
    if (leading.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    throw usageError('say which command to run', USAGE);
  }

  const found = findCommand(rest);
  const parsed = found.command.parse(rest.slice(found.words));
  if (leading.help || parsed.help) {
    io.stdout.write(`${commandHelp(found.command)}\n`);
    return 0;
  }
  // Before the command and again after it: two folders named is a slip, and the wrong one would be used (or made).
  if (leading['data-dir'] !== undefined && parsed.dataDir !== undefined) throw usageError(givenTwice('data-dir'));
  const dataDir = chosenDataDir(parsed.dataDir ?? leading['data-dir'], io.env);
  let core: Core | null = null;
  let stopNotices = () => {};
  try {
    // A mistyped --data-dir would otherwise start an empty folder without a word.
    const isNew = !existsSync(dataDir);
    try {
      core = openCore({ dataDir, hookFile: confHookFile(dataDir), version: io.version });
    } catch (error) {
      if (!(error instanceof UserFacingError) || !parsed.unopened) throw error;
      return parsed.unopened(out, { dataDir, version: io.version, error });
    }
    if (isNew) out.note(`${dataDir} did not exist, so it was made as a new, empty data folder.`);
    const context = new Context(core, out, io.version);
    for (const notice of await context.call('app.notices', {})) out.note(notice.message);
    // Notices raised while the command runs or closes (a damaged file found on first use) are said too.
    stopNotices = core.subscribe((channel, payload) => channel === 'notice' && out.note((payload as Notice).message));
    return await parsed.run(context);
  } finally {
    await core?.close();
    stopNotices();
  }
}

/** An option before the command word that only commands take says where it goes; anything else in the commands' words. */
function leadingProblem(error: Error & { code?: string }, leading: string[], rest: string[]): string {
  const option = /'(--?[^' ]+)'/.exec(error.message)?.[1];
  const named = commands.find((command) => command.name === findCommandName(rest));
  const taker = option?.startsWith('--')
    ? [named, ...commands].find((command) => command && Object.hasOwn(command.options, option.slice(2)))
    : undefined;
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option && taker) {
    const spec = taker.options[option.slice(2)]!;
    const value = spec.type === 'string' ? ` ${spec.placeholder ?? 'value'}` : '';
    return `${option} goes after the command, e.g. hookbench ${taker.name} ${option}${value}`;
  }
  return parseProblem(error, Object.keys(leadingOptions), leading);
}

/** The command the words name, if one of them does: an option's value may come first (`--hook x logs`). */
function findCommandName(words: string[]): string | undefined {
  const names = new Set(commands.map(({ name }) => name));
  for (const [index, word] of words.entries()) {
    const twoWords = `${word} ${words[index + 1]}`;
    if (names.has(twoWords)) return twoWords;
    if (names.has(word)) return word;
  }
  return undefined;
}

/** Where the command's words begin: after any leading `--data-dir folder`, `--help` or `--version`. */
function commandStart(argv: string[]): number {
  let index = 0;
  while (index < argv.length && argv[index]!.startsWith('-') && argv[index] !== '--') {
    index += argv[index] === '--data-dir' ? 2 : 1;
  }
  return Math.min(index, argv.length);
}

function findCommand(rest: string[]): { command: Command; words: number } {
  const [first, second] = rest;
  if (first === 'hooks') {
    const command = commands.find((candidate) => candidate.name === `hooks ${second}`);
    if (command) return { command, words: 2 };
    if (second === undefined || second.startsWith('-')) {
      if (rest.includes('--help') || rest.includes('-h')) throw new HelpShown(groupHelp('hooks'));
      throw usageError('hooks needs a subcommand', groupHelp('hooks'));
    }
    const subcommands = commands.flatMap(({ name }) => (name.startsWith('hooks ') ? [name.slice('hooks '.length)] : []));
    throw usageError(`"hooks ${second}" is not a hookbench command.${didYouMean(second, subcommands, 'hooks ')}`, commandList('hooks'));
  }
  const command = commands.find((candidate) => candidate.name === first);
  if (command) return { command, words: 1 };
  const words = rest.filter((word) => !word.startsWith('-')).join(' ');
  const topLevel = [
    ...commands.filter(({ name }) => !name.startsWith('hooks ')).map(({ name }) => name),
    'hooks add',
    'hooks import',
    'hooks list',
  ];
  throw usageError(`"${words}" is not a hookbench command.${first === undefined ? '' : didYouMean(first, topLevel)}`, commandList());
}

function didYouMean(word: string, names: string[], prefix = ''): string {
  const guess = meant(word, names);
  return guess === null ? '' : ` Did you mean "${prefix}${guess}"?`;
}

/** Help asked for where no single command was named: printed on stdout, exit 0. */
class HelpShown extends Error {}

function fail(out: Output, error: unknown): number {
  if (error instanceof HelpShown) {
    out.stdout.write(`${error.message}\n`);
    return 0;
  }
  if (error instanceof CliError) {
    out.error(error.usage ? `${error.message}\n\n${error.usage}` : error.message);
    return EXIT_STATUS[error.code];
  }
  if (error instanceof UserFacingError) {
    out.error(error.message);
    return EXIT_STATUS[error.code];
  }
  out.error(`Hookbench failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
  return EXIT_STATUS.internal;
}
