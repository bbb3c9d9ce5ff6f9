import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confHookFile } from '../../electron/core/hooks/confFile';
import { HookStore } from '../../electron/core/hooks/store';
import { withFileLock } from '../../electron/core/util/fileLock';
import type { Hook, Notice } from '../../shared/domain';
import { hookInputSchema } from '../../shared/validation';
import { useTempDir } from '../support/tempDir';

const tempDir = useTempDir();
const input = (overrides: Record<string, unknown> = {}) =>
  hookInputSchema.parse({ name: 'CRM', url: 'http://localhost:3000/hooks', events: ['PostSignIn'], ...overrides });

/** A store whose notices are kept on it, for the test to read. */
function open(dir: string) {
  const notices: Notice[] = [];
  return Object.assign(new HookStore(confHookFile(dir), (notice) => notices.push(notice)), { notices });
}
const asideFiles = (dir: string, reason: string) => readdirSync(dir).filter((name) => name.startsWith(`hooks.${reason}-`));

describe('hook store', () => {
  it('creates a hook as Logto does: enabled, with a 32-character key of [0-9a-zA-Z], 3 retries, and keeps it across restarts', async () => {
    const dir = tempDir();
    const created = await open(dir).create(input({ headers: [{ name: 'x-tenant', value: 'acme' }] }));
    expect(created).toMatchObject({
      name: 'CRM',
      enabled: true,
      events: ['PostSignIn'],
      config: { headers: { 'x-tenant': 'acme' }, retries: 3 },
      retryBehaviour: null,
    });
    expect(created.signingKey).toMatch(/^[0-9a-zA-Z]{32}$/);
    expect(created.id).toMatch(/^[a-z0-9]{21}$/);
    expect(open(dir).list()).toEqual([created]);
  });

  it('gives every hook its own id and key, drawing keys from all 62 characters of Logto’s alphabet', async () => {
    const store = open(tempDir());
    const hooks = await Promise.all(Array.from({ length: 20 }, () => store.create(input())));
    expect(new Set(hooks.map((hook) => hook.id)).size).toBe(20);
    expect(new Set(hooks.map((hook) => hook.signingKey)).size).toBe(20);
    const keys = await Promise.all(Array.from({ length: 150 }, () => store.create(input()).then((hook) => hook.signingKey)));
    // 4 800 characters: each of 62 is expected ~77 times, so a missing one means a wrong alphabet.
    expect([...new Set(keys.join(''))].sort().join('')).toBe('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
  });

  it('keeps a pasted key exactly as given, and a hook may have no key at all', async () => {
    const dir = tempDir();
    const store = open(dir);
    const pasted = await store.create(input({ signingKey: 'Abc 123 ~!@#$%^&*()_+{}|:"<>?' }));
    const keyless = await store.create(input({ signingKey: '' }));
    expect(pasted.signingKey).toBe('Abc 123 ~!@#$%^&*()_+{}|:"<>?');
    expect(keyless.signingKey).toBe('');
    expect(
      open(dir)
        .list()
        .map((hook) => hook.signingKey),
    ).toEqual(['Abc 123 ~!@#$%^&*()_+{}|:"<>?', '']);
    const rekeyed = await store.update({ id: keyless.id, signingKey: 'fromLogtoConsole0123456789abcdef' });
    expect(rekeyed.signingKey).toBe('fromLogtoConsole0123456789abcdef');
  });

  it('writes the file readable by its owner only, because it holds signing keys', async () => {
    const store = open(tempDir());
    await store.create(input());
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
  });

  it('updates fields, retries and retry behaviour, disables, regenerates the key and removes', async () => {
    const store = open(tempDir());
    const hook = await store.create(input());
    const updated = await store.update({ id: hook.id, name: 'Renamed', events: ['User.Created'], enabled: false });
    expect(updated).toMatchObject({ name: 'Renamed', events: ['User.Created'], enabled: false, config: hook.config });
    expect(await store.update({ id: hook.id, retries: 0, retryBehaviour: 'send-once' })).toMatchObject({
      config: { retries: 0, url: hook.config.url },
      retryBehaviour: 'send-once',
    });
    expect((await store.update({ id: hook.id, retryBehaviour: null })).retryBehaviour).toBeNull();
    expect(store.get(hook.id).config.retries).toBe(0);
    const rekeyed = await store.regenerateKey(hook.id);
    expect(rekeyed.signingKey).not.toBe(hook.signingKey);
    expect(store.get(hook.id).signingKey).toBe(rekeyed.signingKey);
    await store.remove(hook.id);
    expect(store.list()).toEqual([]);
  });

  it('answers not_found for an unknown hook', async () => {
    const store = open(tempDir());
    await expect(store.update({ id: 'nope', name: 'x' })).rejects.toThrow(/No hook has the id "nope"/);
    await expect(store.remove('nope')).rejects.toThrow(/No hook has the id "nope"/);
  });

  it('fans an event out only to enabled hooks subscribed to it', async () => {
    const store = open(tempDir());
    const signIn = await store.create(input({ events: ['PostSignIn', 'User.Created'] }));
    await store.create(input({ events: ['User.Created'] }));
    const disabled = await store.create(input({ events: ['PostSignIn'] }));
    await store.update({ id: disabled.id, enabled: false });
    expect(store.subscribedTo('PostSignIn').map((hook) => hook.id)).toEqual([signIn.id]);
  });
});

describe('upgrades', () => {
  it('opens a hooks file written by the previous release (schema 1) with every field kept', () => {
    const dir = tempDir();
    const fixture = join(import.meta.dirname, '../fixtures/hooks-v1.json');
    copyFileSync(fixture, join(dir, 'hooks.json'));
    const before = JSON.parse(readFileSync(fixture, 'utf8')).hooks as Array<Omit<Hook, 'retryBehaviour'>>;
    const store = open(dir);
    const expected = before.map((hook) => ({ ...hook, config: { ...hook.config, retries: 3 }, retryBehaviour: null }));
    expect(store.list()).toEqual(expected);
    expect(store.notices).toEqual([]);
    expect(JSON.parse(readFileSync(store.path, 'utf8')).schemaVersion).toBe(2);
    expect(open(dir).list()).toEqual(expected);
  });

  it('migrates a version-0 file in Logto’s own shape (single event, no headers, retries kept)', () => {
    const dir = tempDir();
    const legacy = {
      hooks: [
        {
          id: 'h1',
          name: 'Old',
          event: 'PostRegister',
          events: [],
          config: { url: 'http://localhost:1/x', retries: 1 },
          signingKey: 'k'.repeat(32),
          enabled: true,
          createdAt: 1,
        },
      ],
    };
    writeFileSync(join(dir, 'hooks.json'), JSON.stringify(legacy));
    const store = open(dir);
    expect(store.list()).toEqual([
      {
        id: 'h1',
        name: 'Old',
        events: ['PostRegister'],
        config: { url: 'http://localhost:1/x', headers: {}, retries: 1 },
        signingKey: 'k'.repeat(32),
        retryBehaviour: null,
        enabled: true,
        createdAt: 1,
      },
    ]);
    expect(JSON.parse(readFileSync(store.path, 'utf8')).schemaVersion).toBe(2);
    expect(store.notices).toEqual([]);
  });
});

describe('hook file that cannot be used', () => {
  it('moves a corrupt file aside, starts empty and tells the user where the original is', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'hooks.json'), '{"schemaVersion":1,"hooks":[{"id":');
    const store = open(dir);
    expect(store.list()).toEqual([]);
    const aside = asideFiles(dir, 'corrupt')[0]!;
    expect(readFileSync(join(dir, aside), 'utf8')).toBe('{"schemaVersion":1,"hooks":[{"id":');
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]!.message).toContain('is not valid JSON');
    expect(store.notices[0]!.message).toContain(join(dir, aside));
  });

  const logtoHooks = [
    {
      id: 'a1',
      name: 'From Logto',
      events: ['PostSignIn'],
      config: { url: 'https://example.com/h' },
      signingKey: 'LogtoKey0123456789abcdefghijklmn',
    },
  ];
  it.each([
    ['a JSON array of hooks (Logto’s GET /hooks)', JSON.stringify(logtoHooks), 'holds a JSON array of 1 hook (the shape'],
    ['null', 'null', 'is not a Hookbench hooks file (expected {"schemaVersion": 2, "hooks": [...]}, found null)'],
    ['a typo in "hooks"', JSON.stringify({ schemaVersion: 2, hookz: logtoHooks }), 'has no list of hooks'],
    ['neither schemaVersion nor hooks', JSON.stringify({ hookz: logtoHooks }), 'found an object with "hookz"'],
    ['a number', '42', 'found a number'],
    ['a negative schemaVersion', JSON.stringify({ schemaVersion: -1, hooks: [] }), 'has schemaVersion -1, which no Hookbench writes'],
    ['a fractional schemaVersion', JSON.stringify({ schemaVersion: 0.5, hooks: [] }), 'has schemaVersion 0.5, which no Hookbench writes'],
    [
      'a schemaVersion in quotes',
      JSON.stringify({ schemaVersion: '2', hooks: logtoHooks }),
      'has schemaVersion "2", which no Hookbench writes',
    ],
  ])('never overwrites a file holding %s: it is set aside whole, with a notice', async (_what, content, says) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'hooks.json'), content);
    const store = open(dir);
    expect(store.list()).toEqual([]);
    const aside = readdirSync(dir).filter((name) => /^hooks\.(unrecognised|invalid)-/.test(name));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(content);
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]!.message).toContain(says);
    expect(store.notices[0]!.message).toContain(join(dir, aside[0]!));
    // Writing afterwards leaves the set-aside file (and the keys in it) alone.
    await store.create(input());
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(content);
  });

  it('says how to import a JSON array of hooks it set aside', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'hooks.json'), JSON.stringify(logtoHooks));
    expect(open(dir).notices[0]!.message).toContain('import that file: Import hooks in the app, or `hookbench hooks import <file>`');
  });

  it('holds a hand-edited file to the form’s rules: each bad hook set aside with its reason, the good ones kept', async () => {
    const dir = tempDir();
    const store = open(dir);
    const good = await store.create(input({ name: 'Good' }));
    const raw = JSON.parse(readFileSync(store.path, 'utf8'));
    raw.hooks.push(
      { ...good, id: 'b1', name: 'Broken', events: ['Not.An.Event'] },
      { ...good, id: 'b2', name: 'File URL', config: { ...good.config, url: 'file:///etc/passwd' } },
      { ...good, id: 'b3', name: 'CRLF', config: { ...good.config, headers: { 'x-a': 'a\r\nInjected: yes' } } },
      { ...good, id: 'b4', name: 'Host', config: { ...good.config, headers: { host: 'evil.example' } } },
      { ...good, name: 'Copied' },
    );
    writeFileSync(store.path, JSON.stringify(raw));

    const reopened = open(dir);
    expect(reopened.list().map((hook) => hook.name)).toEqual(['Good']);
    const message = reopened.notices[0]!.message;
    expect(message).toContain('had 5 hooks that could not be used');
    expect(message).toContain(`"Copied" (its id ${good.id} is also "Good"'s)`);
    expect(message).toContain('"Broken" (events: "Not.An.Event" is not a Logto webhook event)');
    expect(message).toContain('"File URL" (config.url: Use an http:// or https:// URL (this one starts with file://))');
    expect(message).toContain('"CRLF" (config.headers.x-a: Header values cannot contain a line break (CR, U+000D); remove it)');
    expect(message).toContain('"Host" (config.headers.host: host is set from the endpoint URL; change the URL instead)');
    expect(message).toContain('The 1 valid one was kept');
    const aside = asideFiles(dir, 'invalid')[0]!;
    expect(JSON.parse(readFileSync(join(dir, aside), 'utf8')).hooks).toHaveLength(6);
  });

  it('refuses a file from a newer Hookbench, changing and moving nothing', () => {
    const dir = tempDir();
    const text = JSON.stringify({ schemaVersion: 99, hooks: [{ future: true }] });
    writeFileSync(join(dir, 'hooks.json'), text);
    const refusal = `${join(dir, 'hooks.json')} was written by a newer Hookbench (schema 99). Update this Hookbench to use those hooks; nothing was changed.`;
    expect(() => open(dir)).toThrow(refusal);
    expect(readFileSync(join(dir, 'hooks.json'), 'utf8')).toBe(text);
    expect(asideFiles(dir, 'newer')).toEqual([]);
  });

  it('notices a file corrupted while the app runs, without crashing', async () => {
    const dir = tempDir();
    const store = open(dir);
    await store.create(input());
    writeFileSync(store.path, 'not json at all');
    expect(store.list()).toEqual([]);
    expect(store.notices[0]!.message).toContain('is not valid JSON');
    expect(store.notices[0]!.message).toContain('fix it there and import it (Import hooks in the app, or hookbench hooks import <file>)');
    expect(asideFiles(dir, 'corrupt')).toHaveLength(1);
  });

  it('sees a hand edit made in place (same file, same length) once its modification time moves', async () => {
    const dir = tempDir();
    const store = open(dir);
    await store.create(input({ name: 'Alpha' }));
    expect(store.subscribedTo('PostSignIn').map((hook) => hook.name)).toEqual(['Alpha']);
    const before = statSync(store.path);
    writeFileSync(store.path, readFileSync(store.path, 'utf8').replace('"Alpha"', '"Omega"'));
    utimesSync(store.path, before.atime, new Date(before.mtimeMs + 2_000));
    expect(statSync(store.path).ino).toBe(before.ino);
    expect(statSync(store.path).size).toBe(before.size);
    expect(store.subscribedTo('PostSignIn').map((hook) => hook.name)).toEqual(['Omega']);
  });

  it('answers the same hooks to every caller: one caller cannot change them for the next', async () => {
    const store = open(tempDir());
    await store.create(input({ name: 'Alpha' }));
    const [first] = store.list();
    expect(() => {
      (first as { name: string }).name = 'Changed';
    }).toThrow(TypeError);
    expect(() => first!.events.push('PostRegister')).toThrow(TypeError);
    expect(store.list()).toMatchObject([{ name: 'Alpha', events: ['PostSignIn'] }]);
  });
});

describe('the lock beside the hooks file', () => {
  it('takes over at once a lock whose owner process is gone (its write failed, or it crashed)', async () => {
    const dir = tempDir();
    const store = open(dir);
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(`${store.path}.lock`, String(gone));
    const started = Date.now();
    await store.create(input());
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(store.list()).toHaveLength(1);
    expect(existsSync(`${store.path}.lock`)).toBe(false);
  });

  it('takes over an empty lock left when writing the owner’s pid failed (disk full)', async () => {
    const dir = tempDir();
    const store = open(dir);
    writeFileSync(`${store.path}.lock`, '');
    const past = new Date(Date.now() - 5_000);
    utimesSync(`${store.path}.lock`, past, past);
    await store.create(input());
    expect(store.list()).toHaveLength(1);
  });

  it('waits for a live owner without blocking the thread, then says what to do', async () => {
    const dir = tempDir();
    const lock = join(dir, 'hooks.json.lock');
    writeFileSync(lock, String(process.pid));
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 10);
    try {
      await expect(withFileLock(lock, () => 'done', { timeoutMs: 300 })).rejects.toThrow(
        `Another Hookbench (the app or the command line) is still writing; try again. If none is running, delete ${lock}.`,
      );
    } finally {
      clearInterval(ticking);
    }
    expect(ticks).toBeGreaterThan(5);
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
  });
});

describe('changes made by another process', () => {
  it('tells a watcher when another store wrote the file, and not for its own writes', async () => {
    const dir = tempDir();
    const app = open(dir);
    const seen: Hook[][] = [];
    const stop = app.watch((hooks) => seen.push(hooks));
    try {
      await app.create(input({ name: 'Own' }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(seen).toEqual([]);
      const cli = open(dir);
      const added = await cli.create(input({ name: 'From the CLI' }));
      await expect.poll(() => seen.at(-1)?.map((hook) => hook.name), { timeout: 1_000 }).toEqual(['Own', 'From the CLI']);
      expect(seen.at(-1)![1]).toEqual(added);
    } finally {
      stop();
    }
  });
});
