import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { request } from 'undici';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleForNode } from '../../bench/bundle.mjs';
import { openTestCore } from '../support/core';
import { type Receiver, reply, startReceiver } from '../support/receiver';
import { useTempDir } from '../support/tempDir';

const tempDir = useTempDir();
let cli: string;
let target: Receiver;
let child: ChildProcess | null = null;
beforeAll(async () => {
  cli = await bundleForNode('electron/cli/main.ts', 'hookbench-listen');
}, 60_000);
beforeEach(async () => {
  target = await startReceiver('/webhooks');
});
afterEach(async () => {
  child?.kill('SIGKILL');
  child = null;
  await target.close();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function run(dataDir: string, ...args: string[]) {
  const process_ = spawn(process.execPath, ['--no-warnings', cli, '--data-dir', dataDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child = process_;
  let out = '';
  let err = '';
  process_.stdout.on('data', (chunk) => (out += chunk));
  process_.stderr.on('data', (chunk) => (err += chunk));
  const exited = new Promise<number>((resolve) => process_.on('exit', (code) => resolve(code ?? -1)));
  const until = async (text: string) => {
    for (let waited = 0; !out.includes(text); waited += 20) {
      if (waited > 15_000) throw new Error(`hookbench never printed "${text}"; stdout: ${out} stderr: ${err}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { process: process_, exited, until, output: () => ({ out, err }) };
}

describe('hookbench listen', () => {
  it('captures a request signed as Logto signs it, forwards the same bytes, and stops cleanly on Ctrl-C', async () => {
    const dataDir = tempDir();
    const app = openTestCore({ dataDir });
    const hook = await app.call('hooks.create', { name: 'Pasted from Logto', url: 'http://localhost:9/x', events: ['User.Created'] });
    await app.dispose();
    const port = await freePort();
    target.answer(reply(201, 'stored'));

    const listening = run(dataDir, 'listen', '--port', String(port), '--forward', target.url);
    await listening.until('Press Ctrl-C to stop.');
    expect(listening.output().out).toContain(
      `point Logto's webhooks at http://127.0.0.1:${port}/capture, forwarding each to ${target.url}`,
    );
    expect(existsSync(join(dataDir, 'receiver.port'))).toBe(true);

    const body = '{"event":"User.Created","createdAt":"2026-11-23T10:00:00.000Z","data":{"id":"u1"},"hookId":"h"}';
    const signature = createHmac('sha256', hook.signingKey).update(body).digest('hex');
    const answer = await request(`http://127.0.0.1:${port}/capture`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'logto-signature-sha-256': signature },
    });
    expect(answer.statusCode).toBe(201);
    expect(await answer.body.text()).toBe('stored');
    expect(target.received[0]!.body).toBe(body);
    expect(target.received[0]!.headers['logto-signature-sha-256']).toBe(signature);
    await listening.until('User.Created  ok  201');

    listening.process.kill('SIGINT');
    expect(await listening.exited).toBe(0);
    expect(listening.output().out).toContain('Stopped.');
    expect(existsSync(join(dataDir, 'receiver.port'))).toBe(false);

    // Saved: the next listen forwards too, until --forward '' stops it.
    const again = run(dataDir, 'listen', '--port', String(port));
    await again.until('Press Ctrl-C to stop.');
    expect(again.output().out).toContain(`forwarding each to ${target.url} (saved; --forward '' stops it)`);
    again.process.kill('SIGINT');
    expect(await again.exited).toBe(0);
    const cleared = run(dataDir, 'listen', '--port', String(port), '--forward', '');
    await cleared.until('Press Ctrl-C to stop.');
    expect(cleared.output().out).toContain('/capture (answering 200; add --forward <url> to pass them on)');
    cleared.process.kill('SIGINT');
    expect(await cleared.exited).toBe(0);

    const reopened = openTestCore({ dataDir });
    try {
      const [row] = (await reopened.call('logs.query', { hookId: hook.id, kind: 'captured', range: '1h' })).items;
      expect(row).toMatchObject({ event: 'User.Created', outcome: 'success', status: 201 });
    } finally {
      await reopened.dispose();
    }
  }, 40_000);

  it('says which port is taken, and refuses a forward target it could never reach, with exit code 2', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const busy = run(tempDir(), 'listen', '--port', String(taken));
      expect(await busy.exited).toBe(2);
      expect(busy.output().err).toContain(`--port: Port ${taken} is already in use by another program`);
      // A saved port that is taken is not blamed on a --port that was never given.
      const savedDir = tempDir();
      writeFileSync(join(savedDir, 'receiver.json'), JSON.stringify({ port: taken }));
      const saved = run(savedDir, 'listen');
      expect(await saved.exited).toBe(2);
      expect(saved.output().err).toBe(
        `hookbench: Port ${taken} is already in use by another program. Choose another port for the built-in receiver (the Port field on the Receiver screen, or hookbench listen --port <port>).\n`,
      );
    } finally {
      blocker.close();
    }
    const badTarget = run(tempDir(), 'listen', '--forward', 'file:///etc/passwd');
    expect(await badTarget.exited).toBe(2);
    expect(badTarget.output().err).toContain('--forward: Use an http:// or https:// URL');
    const badPort = run(tempDir(), 'listen', '--port', 'http');
    expect(await badPort.exited).toBe(2);
    expect(badPort.output().err).toContain('--port takes a port number, not "http"');
  }, 40_000);
});
