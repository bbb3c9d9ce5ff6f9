import type { ApiError, ApiErrorCode } from '../../shared/errors';

/**
 * Every error code the contract answers with. `conflict` and `forbidden` are being added to the
 * contract elsewhere; they are listed here already so the table covers them the day they arrive.
 */
export type ErrorCode = ApiErrorCode | 'conflict' | 'forbidden';

/** A delivery or a test did not succeed: the command ran, the receiver said no. */
export const FAILED = 1;
/** Stopped with Ctrl-C before all was sent: what a shell reports for a process ended by SIGINT, so scripts see it was cut short. */
export const STOPPED = 130;

/**
 * The one table from an error's code to the exit status. 2: fix the command or its input (a
 * wrong option, a hook that does not exist, a name two hooks share). 3: the data folder could not
 * be read or written, so the same command may work once the disk or permissions are fixed.
 * 4: Hookbench itself failed; worth a bug report.
 */
export const EXIT_STATUS: Record<ErrorCode, number> = {
  invalid_input: 2,
  not_found: 2,
  conflict: 2,
  forbidden: 2,
  storage: 3,
  internal: 4,
};

/** What the usage text says about exit statuses, from the table above so the two cannot differ. */
export function exitStatusHelp(): string[] {
  const codesFor = (status: number) =>
    Object.entries(EXIT_STATUS)
      .filter(([, exit]) => exit === status)
      .map(([code]) => code)
      .join(', ');
  return [
    '  0  everything succeeded',
    `  ${FAILED}  a delivery or test failed, or nothing was sent`,
    `  2  the command or its input was wrong, or the hook or delivery named was not found (${codesFor(2)})`,
    `  3  the data folder could not be read or written; fix the disk or permissions and run it again (${codesFor(3)})`,
    `  4  Hookbench failed unexpectedly; please report it (${codesFor(4)})`,
    `  ${STOPPED}  stopped with Ctrl-C before everything was sent`,
  ];
}

/** An error the command line reports and exits on; `usage` is shown after the message when set. */
export class CliError extends Error {
  readonly code: ErrorCode;
  readonly usage?: string;

  constructor(code: ErrorCode, message: string, usage?: string) {
    super(message);
    this.name = 'CliError';
    this.code = code;
    this.usage = usage;
  }

  static from(error: ApiError, option?: string): CliError {
    return new CliError(error.code, option ? `${option}: ${error.message}` : error.message);
  }
}

/** The command or its input was wrong. */
export const usageError = (message: string, usage?: string) => new CliError('invalid_input', message, usage);
