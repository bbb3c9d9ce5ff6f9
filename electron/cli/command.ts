import { type ParseArgsOptionDescriptor, parseArgs } from 'node:util';
import type { UserFacingError } from '../../shared/errors';
import type { Context } from './context';
import { usageError } from './errors';
import type { Output } from './output';
import { editDistance } from './suggest';

/** One option of one command: what parseArgs needs, plus what the usage text says about it. */
export type OptionSpec = ParseArgsOptionDescriptor & {
  help: string;
  /** The value's name in the usage text, for string options. */
  placeholder?: string;
  /** Shown without brackets; the command checks it (parseArgs has no required options). */
  required?: boolean;
};
export type OptionSpecs = Record<string, OptionSpec>;

/** Taken by every command: where the data lives, and help. */
export const commonOptions = {
  'data-dir': {
    type: 'string',
    placeholder: 'folder',
    help: "the data folder to use (default: $HOOKBENCH_DATA_DIR, else the app's own)",
  },
  help: { type: 'boolean', short: 'h', help: "this command's usage" },
} as const satisfies OptionSpecs;

type ParsedWith<O extends OptionSpecs> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O & typeof commonOptions; strict: true; allowPositionals: true }>
>;
type RequiredKeys<O extends OptionSpecs> = { [K in keyof O]: O[K] extends { required: true } ? K : never }[keyof O];
type Parsed<O extends OptionSpecs> = ParsedWith<O>['values'];
/** A command's option values, typed from its own option table; required ones are checked before `run`, so never undefined. */
export type Values<O extends OptionSpecs> = Parsed<O> & {
  [K in RequiredKeys<O> & keyof Parsed<O>]-?: NonNullable<Parsed<O>[K]>;
};

export type Argument = { placeholder: string /** What the error says is missing. */; missing: string; optional?: boolean };

/** One string per declared argument: the router has checked they are all there. */
export type Args<A extends readonly Argument[]> = { [K in keyof A]: string };

export type CommandSpec<O extends OptionSpecs, A extends readonly Argument[]> = {
  /** The words that select it: "hooks add", "trigger". */
  name: string;
  args: A;
  options: O;
  /** What it does, one line per entry, for the usage text. */
  about: string[];
  run(context: Context, values: Values<O>, args: Args<A>): Promise<number>;
  /** What the command can still say when the data folder cannot be opened (`doctor`); others only report the error. */
  unopened?(out: Output, facts: Unopened, values: Values<O>): number;
};

/** Why the data folder could not be opened, and what is known without it. */
export type Unopened = { dataDir: string; version: string; error: UserFacingError };

/** A command with its option types erased, so the router can hold them in one list. */
export type Command = {
  name: string;
  args: readonly Argument[];
  options: OptionSpecs;
  about: string[];
  parse(argv: string[]): {
    dataDir: string | undefined;
    help: boolean;
    run: (context: Context) => Promise<number>;
    unopened?: (out: Output, facts: Unopened) => number;
  };
};

/** Declares a command; its option values are typed from `options` (no casts in the command). */
export function defineCommand<const O extends OptionSpecs, const A extends readonly Argument[]>(spec: CommandSpec<O, A>): Command {
  return {
    name: spec.name,
    args: spec.args,
    options: spec.options,
    about: spec.about,
    parse(argv) {
      const usage = usageOf(spec);
      // Parsed against the widened table here; each command sees its values typed from its own table.
      const options: OptionSpecs = { ...spec.options, ...commonOptions };
      let parsed: ReturnType<typeof parseArgs<{ options: OptionSpecs; strict: true; allowPositionals: true; tokens: true }>>;
      try {
        parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true, tokens: true });
      } catch (error) {
        throw usageError(`${spec.name}: ${parseProblem(error as Error & { code?: string }, Object.keys(options), argv)}`, usage);
      }
      const repeated = repeatedSingleValue(parsed.tokens, options);
      if (repeated) throw usageError(`${spec.name}: ${givenTwice(repeated)}`, usage);
      const { values, positionals } = parsed;
      const help = values.help === true;
      return {
        dataDir: typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined,
        help,
        run: async (context) => {
          const missingArg = spec.args[positionals.length];
          if (missingArg && !missingArg.optional) throw usageError(`${spec.name} needs ${missingArg.missing}`, usage);
          if (positionals.length > spec.args.length) {
            throw usageError(`${spec.name} does not take "${positionals[spec.args.length]}"`, usage);
          }
          for (const [name, option] of Object.entries(spec.options)) {
            if (option.required && values[name] === undefined) throw usageError(`${spec.name} needs --${name}`, usage);
          }
          return spec.run(context, values as Values<O>, positionals as unknown as Args<A>);
        },
        ...(spec.unopened && { unopened: (out: Output, facts: Unopened) => spec.unopened!(out, facts, values as Values<O>) }),
      };
    },
  };
}

/** parseArgs keeps the last of a repeated value; `--url a --url b` is more likely a slip than a wish. */
export function repeatedSingleValue(
  tokens: Array<{ kind: string; name?: string }>,
  options: Record<string, ParseArgsOptionDescriptor>,
): string | undefined {
  const seen = new Set<string>();
  for (const { kind, name } of tokens) {
    if (kind !== 'option' || !name || options[name]?.type !== 'string' || options[name].multiple) continue;
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return undefined;
}

export const givenTwice = (option: string) => `--${option} was given more than once; give it once`;

/** parseArgs's complaint in the words of this command line, with the option meant when a typo is close to one. */
export function parseProblem(error: Error & { code?: string }, names: string[], argv: string[]): string {
  // Node names an option with a short alias as '-v, --version': the long name is the one to show.
  const option = /'(?:-\w, )?(--?[^' ]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const typed = option.replace(/^--?/, '');
    const [meant] = names.filter((name) => editDistance(name, typed) <= 2).sort((x, y) => editDistance(x, typed) - editDistance(y, typed));
    return meant ? `Unknown option ${option}; did you mean --${meant}?` : `Unknown option ${option}; the options it takes are below`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (error.message.includes('does not take an argument')) return `${option} takes no value`;
    if (error.message.includes('ambiguous')) {
      const next = argv[argv.indexOf(option) + 1] ?? '';
      return `${option} needs a value; "${next}" starts with "-", so it reads as an option (write ${option}=${next} to give it as the value)`;
    }
    return `${option} needs a value`;
  }
  return error.message;
}

/** The synopsis line, built from the option table so it always says what the parser takes. */
export function synopsis(command: Pick<Command, 'name' | 'args' | 'options'>): string {
  const options = Object.entries(command.options).map(([name, option]) => {
    const word = option.type === 'string' ? `--${name} ${option.placeholder ?? 'value'}` : `--${name}`;
    const repeat = option.multiple ? '...' : '';
    return option.required ? `${word}${repeat}` : `[${word}]${repeat}`;
  });
  return [command.name, ...command.args.map((arg) => (arg.optional ? `[${arg.placeholder}]` : arg.placeholder)), ...options].join(' ');
}

/** One command's section of the usage text: synopsis, what it does, each option. */
export function commandUsage(command: Pick<Command, 'name' | 'args' | 'options' | 'about'>): string {
  const options = Object.entries(command.options).map(([name, option]) => [
    (option.type === 'string' ? `--${name} ${option.placeholder ?? 'value'}` : `--${name}`) + (option.short ? `, -${option.short}` : ''),
    option.help,
  ]);
  const width = Math.max(0, ...options.map(([left]) => left!.length));
  return [
    `  ${synopsis(command)}`,
    ...command.about.map((line) => `      ${line}`),
    ...options.map(([left, help]) => `      ${left!.padEnd(width)}  ${help}`),
  ].join('\n');
}

/** One command's usage alone: what `hookbench <command> --help` prints, and what follows its errors. */
export function usageOf(command: Pick<Command, 'name' | 'args' | 'options' | 'about'>): string {
  const [, ...details] = commandUsage(command).split('\n');
  return [`Usage: hookbench ${synopsis(command)}`, ...details.map((line) => line.slice(4))].join('\n');
}
