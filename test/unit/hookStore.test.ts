import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confHookFile } from '../../electron/core/hooks/confFile';
import { HookStore } from '../../electron/core/hooks/store';
import type { Notice } from '../../shared/domain';
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

describe('hook store', () => {
  it('creates a hook as Logto does: enabled, with a 32-character signing key, and keeps it across restarts', () => {
    const dir = tempDir();
    const created = open(dir).create(input({ headers: [{ name: 'x-tenant', value: 'acme' }] }));
    expect(created).toMatchObject({ name: 'CRM', enabled: true, events: ['PostSignIn'], config: { headers: { 'x-tenant': 'acme' } } });
    expect(created.signingKey).toMatch(/^[a-z0-9]{32}$/);
    expect(created.id).toMatch(/^[a-z0-9]{21}$/);
    expect(open(dir).list()).toEqual([created]);
  });

  it('gives every hook its own id and key', () => {
    const store = open(tempDir());
    const hooks = Array.from({ length: 20 }, () => store.create(input()));
    expect(new Set(hooks.map((hook) => hook.id)).size).toBe(20);
    expect(new Set(hooks.map((hook) => hook.signingKey)).size).toBe(20);
  });

  it('writes the file readable by its owner only, because it holds signing keys', () => {
    const dir = tempDir();
    const store = open(dir);
    store.create(input());
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
  });

  it('updates fields, disables, regenerates the key and removes', () => {
    const store = open(tempDir());
    const hook = store.create(input());
    const updated = store.update({ id: hook.id, name: 'Renamed', events: ['User.Created'], enabled: false });
    expect(updated).toMatchObject({ name: 'Renamed', events: ['User.Created'], enabled: false, config: hook.config });
    const rekeyed = store.regenerateKey(hook.id);
    expect(rekeyed.signingKey).not.toBe(hook.signingKey);
    expect(store.get(hook.id).signingKey).toBe(rekeyed.signingKey);
    store.remove(hook.id);
    expect(store.list()).toEqual([]);
  });

  it('answers not_found for an unknown hook', () => {
    const store = open(tempDir());
    expect(() => store.update({ id: 'nope', name: 'x' })).toThrow(/No hook has the id "nope"/);
    expect(() => store.remove('nope')).toThrow(/No hook has the id "nope"/);
  });

  it('fans an event out only to enabled hooks subscribed to it', () => {
    const store = open(tempDir());
    const signIn = store.create(input({ events: ['PostSignIn', 'User.Created'] }));
    store.create(input({ events: ['User.Created'] }));
    const disabled = store.create(input({ events: ['PostSignIn'] }));
    store.update({ id: disabled.id, enabled: false });
    expect(store.subscribedTo('PostSignIn').map((hook) => hook.id)).toEqual([signIn.id]);
  });
});

describe('hook file that cannot be used', () => {
  it('moves a corrupt file aside, starts empty and tells the user where the original is', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'hooks.json'), '{"schemaVersion":1,"hooks":[{"id":');
    const store = open(dir);
    expect(store.list()).toEqual([]);
    const aside = readdirSync(dir).find((name) => name.startsWith('hooks.corrupt-'))!;
    expect(readFileSync(join(dir, aside), 'utf8')).toBe('{"schemaVersion":1,"hooks":[{"id":');
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]!.message).toContain('is not valid JSON');
    expect(store.notices[0]!.message).toContain(join(dir, aside));
  });

  it('keeps the valid hooks of a hand-edited file and sets the original aside', () => {
    const dir = tempDir();
    const store = open(dir);
    const good = store.create(input({ name: 'Good' }));
    const raw = JSON.parse(readFileSync(store.path, 'utf8'));
    raw.hooks.push({ ...good, id: 'broken', name: 'Broken', events: ['Not.An.Event'] });
    writeFileSync(store.path, JSON.stringify(raw));

    const reopened = open(dir);
    expect(reopened.list().map((hook) => hook.name)).toEqual(['Good']);
    expect(reopened.notices[0]!.message).toContain('had 1 hook(s) that could not be read ("Broken"); the 1 valid one(s) were kept');
    const aside = readdirSync(dir).find((name) => name.startsWith('hooks.invalid-'))!;
    expect(JSON.parse(readFileSync(join(dir, aside), 'utf8')).hooks).toHaveLength(2);
  });

  it('does not overwrite a file from a newer Hookbench', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'hooks.json'), JSON.stringify({ schemaVersion: 99, hooks: [{ future: true }] }));
    const store = open(dir);
    expect(store.list()).toEqual([]);
    expect(store.notices[0]!.message).toContain('was written by a newer Hookbench (schema 99)');
    const aside = readdirSync(dir).find((name) => name.startsWith('hooks.newer-'))!;
    expect(JSON.parse(readFileSync(join(dir, aside), 'utf8')).schemaVersion).toBe(99);
  });

  it('migrates a version-0 file in Logto’s own shape (single event, no headers, retries)', () => {
    const dir = tempDir();
    const legacy = {
      hooks: [
        {
          id: 'h1',
          name: 'Old',
          event: 'PostRegister',
          events: [],
          config: { url: 'http://localhost:1/x', retries: 3 },
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
        config: { url: 'http://localhost:1/x', headers: {}, retries: 3 },
        signingKey: 'k'.repeat(32),
        enabled: true,
        createdAt: 1,
        retryBehaviour: null,
      },
    ]);
    expect(JSON.parse(readFileSync(store.path, 'utf8')).schemaVersion).toBe(1);
    expect(store.notices).toEqual([]);
  });

  it('notices a file corrupted while the app runs, without crashing', () => {
    const dir = tempDir();
    const store = open(dir);
    store.create(input());
    writeFileSync(store.path, 'not json at all');
    expect(store.list()).toEqual([]);
    expect(store.notices[0]!.message).toContain('is not valid JSON');
    expect(readdirSync(dir).some((name) => name.startsWith('hooks.corrupt-'))).toBe(true);
  });
});
