import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';

let dataDir: string;
let core: TestCore | undefined;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'hookbench-payloads-'));
});
afterEach(async () => {
  await core?.close();
  core = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

const open = () => (core = openTestCore({ dataDir }));

describe('saved payloads', () => {
  it('keeps payloads per event across restarts, replaces by name, and removes', async () => {
    let app = open();
    const first = await app.call('payloads.save', { event: 'PostSignIn', name: 'alice', payload: { user: { id: 'u1' } } });
    await app.call('payloads.save', { event: 'User.Created', name: 'bob', payload: { data: { id: 'u2' } } });
    await app.call('payloads.save', { event: 'PostSignIn', name: 'alice', payload: { user: { id: 'u3' } } });
    await app.close();

    app = open();
    const saved = await app.call('payloads.list', { event: 'PostSignIn' });
    expect(saved).toEqual([
      { id: first.id, event: 'PostSignIn', name: 'alice', payload: { user: { id: 'u3' } }, savedAt: expect.any(Number) },
    ]);
    expect(statSync(join(dataDir, 'payloads.json')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir).filter((name) => name.includes('.tmp'))).toEqual([]);
    await app.call('payloads.remove', { id: first.id });
    expect(await app.call('payloads.list', {})).toHaveLength(1);
    await expect(app.call('payloads.remove', { id: first.id })).rejects.toThrow('That saved payload no longer exists.');
  });

  it('records what was triggered, newest first', async () => {
    const app = open();
    await app.call('events.trigger', { event: 'PostSignIn' });
    await app.call('events.trigger', { event: 'User.Created', payload: { data: { id: 'u9' } } });
    const history = await app.call('events.history', {});
    expect(history.map(({ event, payload, deliveryCount }) => ({ event, payload, deliveryCount }))).toEqual([
      { event: 'User.Created', payload: { data: { id: 'u9' } }, deliveryCount: 0 },
      { event: 'PostSignIn', payload: null, deliveryCount: 0 },
    ]);
  });

  it.each([
    ['not JSON', '{"schemaVersion":1,"saved":[', 'it is not valid JSON'],
    ['not the right shape', '{"schemaVersion":1,"saved":[{"id":"x"}],"history":[]}', 'is not valid'],
  ])('sets a file that is %s aside, says where, and starts empty', async (_what, content, reason) => {
    writeFileSync(join(dataDir, 'payloads.json'), content);
    const app = open();
    expect(await app.call('payloads.list', {})).toEqual([]);
    const aside = readdirSync(dataDir).find((name) => name.startsWith('payloads.corrupt-'))!;
    expect(readFileSync(join(dataDir, aside), 'utf8')).toBe(content);
    const [notice] = await app.call('app.notices', {});
    expect(notice!.message).toContain(reason);
    expect(notice!.message).toContain(join(dataDir, aside));
  });

  it('writes the trigger history once for a burst of triggers, keeps it across a restart, and never loses another process’s saved payload', async () => {
    const app = open();
    await app.call('hooks.create', { name: 'Nowhere', url: 'http://127.0.0.1:9/x', events: ['PostSignIn'] });
    // Another process (the command line) opened the same folder before the app saved anything.
    const cli = openTestCore({ dataDir });
    await cli.call('events.history', {});
    await app.call('payloads.save', { event: 'PostSignIn', name: 'kept', payload: { n: 1 } });
    const onDisk = () => JSON.parse(readFileSync(join(dataDir, 'payloads.json'), 'utf8'));
    // The history's clock is the test's, so a slow machine cannot make the burst last past its second.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      for (let index = 0; index < 20; index++) await cli.call('events.trigger', { event: 'PostSignIn', hookIds: [] });
      expect(await cli.call('events.history', {})).toHaveLength(20);
      expect(onDisk().history).toEqual([]);
      // A second later, the burst is written, once, beside the payload the app saved.
      vi.advanceTimersByTime(1_000);
      expect(onDisk().history).toHaveLength(20);
      expect(onDisk().saved.map((saved: { name: string }) => saved.name)).toEqual(['kept']);
    } finally {
      vi.useRealTimers();
    }
    // What is triggered after that is written when the process closes.
    await cli.call('events.trigger', { event: 'PostSignIn', hookIds: [] });
    await cli.close();
    expect(onDisk().history).toHaveLength(21);
    expect(onDisk().saved.map((saved: { name: string }) => saved.name)).toEqual(['kept']);
  });
});
