/** A `node:http` receiver answering 200 in a process of its own, so it shares no event loop with the sender being measured. */
import { spawn } from 'node:child_process';

export async function startReceiverProcess(): Promise<{ url: string; stop(): void }> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const http = require('node:http');
       const server = http.createServer((req, res) => { req.resume(); req.on('end', () => res.end('{"ok":true}')); });
       server.keepAliveTimeout = 10000;
       server.listen(0, '127.0.0.1', () => console.log(server.address().port));`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve) => child.stdout.once('data', (data: Buffer) => resolve(Number(data.toString().trim()))));
  return { url: `http://127.0.0.1:${port}/webhooks`, stop: () => child.kill() };
}
