/** The `hookbench` executable, once main.ts found a Node new enough: runs the command line on this process's arguments and streams. */
import pkg from '../../package.json' with { type: 'json' };
import { EXIT_STATUS } from './errors';
import { runCli } from './run';

// node:sqlite announces itself as experimental on every start; that says nothing a user can act on.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name !== 'ExperimentalWarning') console.warn(warning);
});

// Standard output can fail under the command: a reader that quits early (`| head`) closes the pipe
// (EPIPE), which only means nothing more is wanted; a full disk (ENOSPC) loses output, which is an error.
let outputLost: NodeJS.ErrnoException | null = null;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE' || outputLost) return;
  outputLost = error;
  // The error may arrive after the command has returned its status.
  process.exitCode = EXIT_STATUS.storage;
  process.stderr.write(
    `hookbench: could not write the output: ${error.message}. What the command did is done; only what it printed is lost.\n`,
  );
});

const status = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  version: pkg.version,
});
process.exitCode = outputLost ? EXIT_STATUS.storage : status;
