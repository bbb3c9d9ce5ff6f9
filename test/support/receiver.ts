/**
 * A real HTTP receiver on 127.0.0.1 for the core to deliver to. Each test scripts its answers;
 * the receiver records exactly what arrived (raw headers and raw body bytes).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { method: string; url: string; headers: Record<string, string>; rawHeaders: string[]; body: string };
export type Answer = (request: Received, response: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export type Receiver = {
  url: string;
  received: Received[];
  /** Answers in turn; the last one repeats. */
  answer(...answers: Answer[]): void;
  close(): Promise<void>;
};

export const reply =
  (status: number, body = '', headers: Record<string, string> = {}): Answer =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(body);
  };

export async function startReceiver(path = '/webhooks/logto'): Promise<Receiver> {
  let answers: Answer[] = [reply(200, '{"ok":true}')];
  let next = 0;
  const received: Received[] = [];
  const server = createServer(async (raw, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of raw) chunks.push(chunk as Buffer);
    const request: Received = {
      method: raw.method!,
      url: raw.url!,
      headers: raw.headers as Record<string, string>,
      rawHeaders: raw.rawHeaders,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    received.push(request);
    const answer = answers[Math.min(next++, answers.length - 1)]!;
    await answer(request, response, raw);
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    answer(...scripted) {
      answers = scripted;
      next = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Answers by what the body says: "fail" gets a 404, "slow" waits until the returned release is
 * called (it lets every waiting one go), anything else a 200.
 */
export function answerByMarker(receiver: Receiver): () => void {
  const waiting: Array<() => void> = [];
  receiver.answer(async (request, response) => {
    if (request.body.includes('"slow"')) await new Promise<void>((resolve) => waiting.push(resolve));
    response.writeHead(request.body.includes('"fail"') ? 404 : 200).end();
  });
  return () => {
    for (const resolve of waiting.splice(0)) resolve();
  };
}
