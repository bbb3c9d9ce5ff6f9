/** The usage text, built from the commands' own option tables and the exit-status table, so it cannot drift from them. */
import { type Command, commandUsage, commonOptions, usageOf } from './command';
import { commands } from './commands';
import { exitStatusHelp } from './errors';
import { EXPORT_FILE_MODE } from './files';

const common = commandUsage({ name: 'Every command also takes:', args: [], options: commonOptions, about: [] })
  .split('\n')
  .slice(1)
  .join('\n');

const notes = [
  "<hook> and h are a hook's name (in any case) or its id; a name two hooks share must be given as an id.",
  '',
  'Signing keys are printed by one command only, hooks rotate-key (the new key, alone on standard',
  'output), and written only by hooks export --with-keys. Files written with --out are created',
  `readable by you only (${EXPORT_FILE_MODE.toString(8).padStart(4, '0')}): they may hold signing keys or custom header values such as tokens.`,
];

export const USAGE = [
  'Usage: hookbench <command> [options]',
  '',
  'Commands:',
  ...commands.map(commandUsage),
  '',
  'Every command also takes:',
  common,
  'hookbench --version (-v) prints the version.',
  '',
  ...notes,
  '',
  'Exit status:',
  ...exitStatusHelp(),
].join('\n');

/** One command's usage: what `hookbench <command> --help` prints, and what follows its errors. */
export function commandHelp(command: Command): string {
  return [usageOf(command), '', 'Every command also takes:', common].join('\n');
}

/** The `hooks` commands together, for `hookbench hooks --help` and a bare `hookbench hooks`. */
export function groupHelp(group: string): string {
  const members = commands.filter((command) => command.name.startsWith(`${group} `));
  return [`Usage: hookbench ${group} <command> [options]`, '', ...members.map(commandUsage), '', 'Every command also takes:', common].join(
    '\n',
  );
}

/**
 * What follows a command word that is not one: the names alone, so the "Did you mean" above them
 * stays on screen (the full usage is over a hundred lines).
 */
export function commandList(group?: string): string {
  const names = commands.flatMap(({ name }) =>
    group === undefined ? [name] : name.startsWith(`${group} `) ? [name.slice(group.length + 1)] : [],
  );
  const prefix = group === undefined ? 'hookbench' : `hookbench ${group}`;
  return [
    `Commands: ${names.join(', ')}.`,
    `${prefix} --help shows what each does and its options; ${prefix} <command> --help shows one.`,
  ].join('\n');
}
