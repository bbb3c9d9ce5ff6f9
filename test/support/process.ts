/**
 * A receiver running as a real process of its own (a fixture, or a shipped snippet). Started,
 * waited for until it listens, and stopped by its own pid after the test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { afterEach } from 'vitest';

export type ProcessReceiver = { url: string; output(): string; stop(): Promise<void> };

const running = new Set<ChildProcess>();
afterEach(async () => {
  await Promise.all([...running].map(stop));
});

function stop(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill();
  });
}

/** A port free right now on 127.0.0.1, for a process that takes its port from PORT. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `command args`. With `port`, waits until that port accepts connections; without, reads
 * the port from the first line the process prints.
 */
export async function startProcess(
  command: string,
  args: string[],
  { env = {}, port, path = '/webhooks/logto' }: { env?: Record<string, string>; port?: number; path?: string } = {},
): Promise<ProcessReceiver> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<never>((_resolve, reject) =>
    child.once('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited with ${code} before listening:\n${output}`))),
  );
  const listening = port === undefined ? firstLinePort(child) : untilListening(port);
  const actual = await Promise.race([listening, exited]);
  return { url: `http://127.0.0.1:${actual}${path}`, output: () => output, stop: () => stop(child) };
}

function firstLinePort(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    let seen = '';
    child.stdout!.on('data', (chunk) => {
      seen += chunk;
      const line = seen.split('\n')[0]!;
      if (seen.includes('\n')) resolve(Number(line.trim()));
    });
  });
}

async function untilListening(port: number): Promise<number> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return port;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Nothing listened on port ${port} within 15 s`);
}
