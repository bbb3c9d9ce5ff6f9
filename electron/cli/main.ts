/** The `hookbench` executable: runs the command line on this process's arguments and streams. */
import pkg from '../../package.json' with { type: 'json' };
import { runCli } from './run';

// node:sqlite announces itself as experimental on every start; that says nothing a user can act on.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name !== 'ExperimentalWarning') console.warn(warning);
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  version: pkg.version,
});
