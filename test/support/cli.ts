/** The command line as tests drive it: in-process through runCli, or the built bundle in its own process. */
import { execFile } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { runCli } from '../../electron/cli/run';

export type CliRun = { code: number; out: string; err: string };

/** `hookbench --data-dir <dataDir> …args` in this process, its output captured. */
export async function cliInProcess(dataDir: string, ...args: string[]): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const code = await runCli(['--data-dir', dataDir, ...args], { stdout, stderr, env: {}, version: '9.9.9' });
  return { code, out, err };
}

/** The built `hookbench` bundle (`bin`) in its own process; stdout and stderr are not terminals. */
export async function cliProcess(bin: string, dataDir: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--no-warnings', bin, '--data-dir', dataDir, ...args], { env });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout, err: failed.stderr };
  }
}
