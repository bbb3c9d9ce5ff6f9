/**
 * A receiver that records each request's raw bytes (request line, header block, body) exactly as
 * they arrived on the socket, over plain TCP or TLS. It answers from a script keyed by path.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';

export type RawReceiver = {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** Every request's raw bytes, as latin1 text, in arrival order. */
  raw: string[];
  close(): Promise<void>;
};

/** Answers a request (its request line and headers as text) with a raw HTTP response. */
export type RawAnswer = (head: string) => string;

export const ok: RawAnswer = () => 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{"ok":true}';

export async function startRawReceiver(
  options: { tls?: { key: string; cert: string }; host?: string; answer?: RawAnswer } = {},
): Promise<RawReceiver> {
  const raw: string[] = [];
  const answer = options.answer ?? ok;
  const sockets = new Set<Socket>();
  const onSocket = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let pending = Buffer.alloc(0);
    socket.on('data', (data: Buffer) => {
      pending = Buffer.concat([pending, data]);
      for (;;) {
        const end = pending.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = pending.subarray(0, end).toString('latin1');
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (pending.length < end + 4 + length) return;
        raw.push(pending.subarray(0, end + 4 + length).toString('latin1'));
        pending = pending.subarray(end + 4 + length);
        socket.write(Buffer.from(answer(head), 'latin1'));
      }
    });
  };
  const server: Server = options.tls ? createTlsServer(options.tls, onSocket) : createTcpServer(onSocket);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    raw,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A throwaway CA-less self-signed certificate for localhost and 127.0.0.1, made with openssl. */
export function testCertificate(): { key: string; cert: string; certPath: string; dispose(): void } {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
  } catch {
    throw new Error('The https wire tests need the openssl command to make a test certificate; install openssl (apt-get install openssl).');
  }
  const dir = mkdtempSync(join(tmpdir(), 'hookbench-cert-'));
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '1', '-subj', '/CN=localhost'].concat([
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ]),
    { stdio: 'ignore' },
  );
  return {
    key: readFileSync(keyPath, 'utf8'),
    cert: readFileSync(certPath, 'utf8'),
    certPath,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The oracle: Node 22's own global fetch, driven the way Logto's ky 1.2.3 drives it
 * (`source/utils/merge.ts` mergeHeaders, `source/core/Ky.ts` constructor with `json`), in a child
 * process so that it is Node 22's undici whatever runtime runs the tests.
 * `written` is Logto's header object literal, in its key order.
 */
export async function node22FetchLikeLogto(url: string, written: Record<string, string>, body: string, caPath?: string): Promise<void> {
  const node = process.env.HOOKBENCH_ORACLE_NODE ?? process.execPath;
  const script = `
    const [url, written, body] = JSON.parse(process.argv[1]);
    const merged = new Headers();
    for (const [name, value] of new Headers(written).entries()) merged.set(name, value);
    let request = new Request(url, { method: 'POST', headers: merged, signal: new AbortController().signal, duplex: 'half' });
    request.headers.set('content-type', merged.get('content-type') ?? 'application/json');
    request = new Request(request, { body });
    fetch(request.clone()).then((response) => response.text()).then(
      () => process.stdout.write(process.version),
      (error) => { console.error(error); process.exit(1); },
    );`;
  const child = spawn(node, ['-e', script, JSON.stringify([url, written, body])], {
    env: { ...process.env, ...(caPath ? { NODE_EXTRA_CA_CERTS: caPath } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let version = '';
  child.stdout.on('data', (data: Buffer) => {
    version += data.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`The Node 22 fetch oracle failed (exit ${code})`);
  // The oracle must be Node 22, the runtime Logto's Docker image runs; set HOOKBENCH_ORACLE_NODE when tests run on another.
  if (!version.startsWith('v22.')) throw new Error(`The fetch oracle ran on Node ${version}, not Node 22; set HOOKBENCH_ORACLE_NODE`);
}
