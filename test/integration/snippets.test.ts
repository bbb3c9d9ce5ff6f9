/**
 * Every snippet Hookbench ships runs here as a real process, with the key `snippets.get` wrote in,
 * against real deliveries: genuine ones accepted, each forged one refused with 401.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';
import { freePort, startProcess } from '../support/process';
import { useTempDir } from '../support/tempDir';

const tempDir = useTempDir();

/** What each snippet needs on this machine, and the Debian package that provides it. */
function missingTools(): string[] {
  const missing: string[] = [];
  if (spawnSync('python3', ['--version']).status !== 0)
    return ['python3 (apt-get install python3)', 'flask (apt-get install python3-flask)'];
  if (spawnSync('python3', ['-c', 'import flask']).status !== 0) missing.push('flask (apt-get install python3-flask)');
  return missing;
}

beforeAll(() => {
  const missing = missingTools();
  if (missing.length > 0) throw new Error(`The snippet tests run every shipped snippet; install ${missing.join(' and ')} (.ci/run does).`);
});

const RUNTIME: Record<string, string> = {
  'node-http': process.execPath,
  'node-express': process.execPath,
  'python-http-server': 'python3',
  'python-flask': 'python3',
};

describe('verification snippets', () => {
  it('ships Node http, Express, Python http.server and Flask, each with the hook’s key written in', async () => {
    const core = openTestCore({ dataDir: tempDir() });
    try {
      const hook = await core.call('hooks.create', { name: 'S', url: 'http://127.0.0.1:3000/x', events: ['User.Created'] });
      const snippets = await core.call('snippets.get', { hookId: hook.id });
      expect(snippets.map((snippet) => snippet.id)).toEqual(['node-http', 'node-express', 'python-http-server', 'python-flask']);
      for (const snippet of snippets) {
        expect(snippet.code).toContain(`"${hook.signingKey}"`);
        expect(snippet.code).not.toContain('YOUR_LOGTO_SIGNING_KEY');
      }
      await expect(core.call('snippets.get', { hookId: 'gone' })).rejects.toMatchObject({ code: 'not_found' });
    } finally {
      await core.dispose();
    }
  });

  it.each(Object.keys(RUNTIME))('%s accepts genuine deliveries and refuses every forged one with 401', async (id) => {
    const dataDir = tempDir();
    const core = openTestCore({ dataDir });
    try {
      const hook = await core.call('hooks.create', { name: id, url: 'http://127.0.0.1:3000/x', events: ['User.Created', 'PostSignIn'] });
      const snippet = (await core.call('snippets.get', { hookId: hook.id })).find((candidate) => candidate.id === id)!;
      // Inside the project, where a user's `npm install express` would have put it within reach.
      const folder = join(process.cwd(), 'test-results', 'snippets', basename(dataDir));
      mkdirSync(folder, { recursive: true });
      const file = join(folder, snippet.fileName);
      writeFileSync(file, snippet.code);
      const port = await freePort();
      const receiver = await startProcess(RUNTIME[id]!, [file], { env: { PORT: String(port) }, port });
      await core.call('hooks.update', { id: hook.id, url: receiver.url });

      const run = await core.call('check.run', { hookId: hook.id, burst: 10 });
      const failed = run.cases.filter((item) => item.verdict === 'fail').map((item) => `${item.id}: ${item.message}`);
      expect(failed, receiver.output()).toEqual([]);
      for (const forged of run.cases.filter((item) => item.id.startsWith('forged:'))) {
        expect(forged.evidence[0]!.status, forged.id).toBe(401);
        expect(forged.warnings).toEqual([]);
      }
      expect(run.cases.find((item) => item.id === 'raw-bytes')!.message).toMatch(/^Accepted: the receiver verifies the raw bytes/);
    } finally {
      await core.dispose();
    }
  });
});
