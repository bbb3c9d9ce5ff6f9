/** A `node:http` receiver answering 200 in a process of its own, so it shares no event loop with the sender being measured. */
import { spawn } from 'node:child_process';

export type ReceiverProcess = {
  url: string;
  /** The receiver's own CPU time so far (user + system, µs): what it spends answering is not the sender's. */
  cpuUs(): Promise<number>;
  stop(): void;
};

export async function startReceiverProcess(): Promise<ReceiverProcess> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const http = require('node:http');
       const server = http.createServer((req, res) => { req.resume(); req.on('end', () => res.end('{"ok":true}')); });
       server.keepAliveTimeout = 10000;
       process.on('message', () => { const { user, system } = process.cpuUsage(); process.send(user + system); });
       server.listen(0, '127.0.0.1', () => console.log(server.address().port));`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
  );
  const port = await new Promise<number>((resolve) =>
    child.stdout!.once('data', (data: Buffer) => resolve(Number(data.toString().trim()))),
  );
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    cpuUs: () =>
      new Promise((resolve) => {
        child.once('message', (used) => resolve(Number(used)));
        child.send('cpu');
      }),
    stop: () => child.kill(),
  };
}
