import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { confHookFile, openCore } from '../../electron/core';
import { INVOKE_CHANNEL } from '../../shared/channels';
import { type Method, methods } from '../../shared/contract';
import * as electron from '../support/electronDouble';
import { useTempDir } from '../support/tempDir';

vi.mock('electron', () => import('../support/electronDouble'));
const { registerIpc } = await import('../../electron/shell/ipc');

const tempDir = useTempDir();
const page = { senderFrame: { url: 'file:///app/index.html' } };
const strangerFrame = { url: 'https://evil.example/' };
const stranger = { sender: { mainFrame: strangerFrame }, senderFrame: strangerFrame };

let core: ReturnType<typeof openCore>;
afterEach(() => core.close());
let invoke: (event: unknown, method: unknown, input?: unknown) => Promise<any>;
let warnings: string[];
beforeEach(() => {
  warnings = [];
  const dir = tempDir();
  core = openCore({ dataDir: dir, hookFile: confHookFile(dir) });
  electron.ipcMain.removeHandler(INVOKE_CHANNEL);
  registerIpc(
    core.call,
    (event) => event.senderFrame?.url === page.senderFrame.url,
    (line) => warnings.push(line),
  );
  invoke = electron.ipcMain.handlers.get(INVOKE_CHANNEL)! as typeof invoke;
});

/** For every method of the contract: an input it must refuse, and what the user is told. */
const badInputs = {
  'hooks.list': [{ extra: 1 }, { code: 'invalid_input', message: 'hooks.list does not take "extra".' }],
  'hooks.create': [
    { name: 'x', url: 'http://localhost:1', events: ['Nope'] },
    { code: 'invalid_input', field: 'events', message: '"Nope" is not a Logto webhook event' },
  ],
  'hooks.update': [
    { id: 'h', enabled: 'yes' },
    { code: 'invalid_input', field: 'enabled', message: 'enabled must be true or false' },
  ],
  'hooks.update (signingKey)': [
    { id: 'h', signingKey: 'pasted\r\n' },
    {
      code: 'invalid_input',
      field: 'signingKey',
      message:
        'The signing key ends with a line break (LF, U+000A); a key is used exactly as given, so remove it (a paste often carries a trailing line break)',
    },
  ],
  'hooks.create (retries)': [
    { name: 'x', url: 'http://localhost:1', events: ['PostSignIn'], retries: 5 },
    { code: 'invalid_input', field: 'retries', message: 'Logto retries at most 3 times; choose 0 to 3' },
  ],
  'hooks.create (retryBehaviour)': [
    { name: 'x', url: 'http://localhost:1', events: ['PostSignIn'], retryBehaviour: 'forever' },
    {
      code: 'invalid_input',
      field: 'retryBehaviour',
      message: "Retry behaviour must be retry-5xx or send-once, or null for the app's default",
    },
  ],
  'hooks.import (onDuplicate)': [
    { content: '[]', onDuplicate: 'merge' },
    { code: 'invalid_input', field: 'onDuplicate', message: 'onDuplicate must be replace, keep-both or skip' },
  ],
  'hooks.test (url)': [
    { id: 'h', url: 'file:///etc/passwd' },
    { code: 'invalid_input', field: 'url', message: 'Use an http:// or https:// URL (this one starts with file://)' },
  ],
  'hooks.test (signingKey)': [
    { id: 'h', signingKey: 'mine' },
    { code: 'invalid_input', message: 'hooks.test does not take "signingKey".' },
  ],
  'hooks.test (header)': [
    { id: 'h', headers: [{ name: 'x-a', value: '\x01' }] },
    { code: 'invalid_input', field: 'headers.0.value', message: 'Header values cannot contain the control character U+0001; remove it' },
  ],
  'hooks.remove': [{}, { code: 'invalid_input', field: 'id', message: 'A hook id is required' }],
  'hooks.regenerateKey': [{ id: 42 }, { code: 'invalid_input', field: 'id', message: 'The hook id must be text' }],
  'hooks.export': [
    { includeSigningKeys: 'yes' },
    { code: 'invalid_input', field: 'includeSigningKeys', message: 'includeSigningKeys must be true or false' },
  ],
  'hooks.import': [{}, { code: 'invalid_input', field: 'content', message: 'Choose a file to import' }],
  'logs.count': [{ hookId: '' }, { code: 'invalid_input', field: 'hookId', message: 'A hook id is required' }],
  'logs.removedHooks': [{ hookId: 'h' }, { code: 'invalid_input', message: 'logs.removedHooks does not take "hookId".' }],
  'logs.redeliver': [{ id: 7 }, { code: 'invalid_input', field: 'id', message: 'The delivery id must be text' }],
  'logs.unsuccessfulCount': [{ hookId: 'h' }, { code: 'invalid_input', field: 'range', message: 'Time range must be 1h, 24h, 7d or all' }],
  'logs.redeliverUnsuccessful': [
    { hookId: 'h', range: 'forever' },
    { code: 'invalid_input', field: 'range', message: 'Time range must be 1h, 24h, 7d or all' },
  ],
  'logs.redeliverUnsuccessful (perSecond)': [
    { hookId: 'h', range: 'all', perSecond: 0 },
    { code: 'invalid_input', field: 'perSecond', message: 'The pace must be more than 0 a second' },
  ],
  'logs.cancelRedelivery': [{}, { code: 'invalid_input', field: 'runId', message: 'Say which run to cancel (runId)' }],
  'logs.export': [
    { hookId: 'h', format: 'csv' },
    { code: 'invalid_input', field: 'format', message: 'Export as jsonl or har' },
  ],
  'hooks.test': [{ id: '' }, { code: 'invalid_input', field: 'id', message: 'A hook id is required' }],
  'events.sample': [
    { event: 'User.Exploded' },
    { code: 'invalid_input', field: 'event', message: '"User.Exploded" is not a Logto webhook event' },
  ],
  'events.trigger': [
    { event: 'PostSignIn', payload: { event: 'PostRegister' } },
    {
      code: 'invalid_input',
      field: 'payload',
      message: 'The payload says "event": "PostRegister" but you are triggering PostSignIn; make them match',
    },
  ],
  'logs.query': [
    { hookId: 'h', range: '2w' },
    { code: 'invalid_input', field: 'range', message: 'Time range must be 1h, 24h, 7d or all' },
  ],
  'logs.details': [
    { hookId: 'h', limit: 501 },
    { code: 'invalid_input', field: 'limit', message: 'Ask for at most 500 rows at a time' },
  ],
  'logs.get': [{}, { code: 'invalid_input', field: 'id', message: 'A delivery id is required' }],
  'health.list': [[], { code: 'invalid_input', message: 'health.list takes an object of named fields, not array.' }],
  'health.get': [{ hookId: null }, { code: 'invalid_input', field: 'hookId', message: 'The hook id must be text' }],
  'settings.get': [{ retentionDays: 3 }, { code: 'invalid_input', message: 'settings.get does not take "retentionDays".' }],
  'settings.update': [{ retentionDays: 0 }, { code: 'invalid_input', field: 'retentionDays', message: 'Keep requests for at least 1 day' }],
  'receiver.status': [{ port: 1 }, { code: 'invalid_input', message: 'receiver.status does not take "port".' }],
  'receiver.configure': [
    { port: 80 },
    { code: 'invalid_input', field: 'port', message: 'Use a port from 1024 to 65535 (lower ones need administrator rights)' },
  ],
  'receiver.start': [[], { code: 'invalid_input', message: 'receiver.start takes an object of named fields, not array.' }],
  'receiver.stop': [{ now: true }, { code: 'invalid_input', message: 'receiver.stop does not take "now".' }],
  'receiver.setScript': [
    { hookId: 'h' },
    { code: 'invalid_input', field: 'script', message: 'Write the answers, e.g. 200 or 500,500,200' },
  ],
  'receiver.tryIt': ['yes', { code: 'invalid_input', message: 'receiver.tryIt takes an object of named fields, not string.' }],
  'logs.replay': [
    { id: 'd', url: 'ftp://x' },
    { code: 'invalid_input', field: 'url', message: 'Use an http:// or https:// URL (this one starts with ftp://)' },
  ],
  'app.notices': ['all', { code: 'invalid_input', message: 'app.notices takes an object of named fields, not string.' }],
  'app.diagnostics': [{ keys: true }, { code: 'invalid_input', message: 'app.diagnostics does not take "keys".' }],
  'check.run': [
    { hookId: 'h', burst: 0 },
    { code: 'invalid_input', field: 'burst', message: 'The burst size must be at least 1' },
  ],
  'check.runs': [
    { hookId: 'h', all: true },
    { code: 'invalid_input', message: 'check.runs does not take "all".' },
  ],
  'check.get': [{}, { code: 'invalid_input', field: 'runId', message: 'A check run id is required' }],
  'snippets.get': [{ hookId: 5 }, { code: 'invalid_input', field: 'hookId', message: 'The hook id must be text' }],
  'signature.diagnose': [
    { body: '{}', key: 'k' },
    { code: 'invalid_input', field: 'signature', message: 'Paste the signature, or pick a logged delivery' },
  ],
  'events.triggerRun': [
    { event: 'PostSignIn', repeat: 0 },
    { code: 'invalid_input', field: 'repeat', message: 'Repeat at least once' },
  ],
  'events.triggerRun (payload)': [
    { event: 'PostSignIn', repeat: 2, payload: ['not', 'an', 'object'] },
    { code: 'invalid_input', field: 'payload', message: 'The payload must be a JSON object' },
  ],
  'events.stopRun': [{}, { code: 'invalid_input', field: 'runId', message: 'Say which run to stop (runId)' }],
  'payloads.list': [
    { event: 'User.Exploded' },
    { code: 'invalid_input', field: 'event', message: '"User.Exploded" is not a Logto webhook event' },
  ],
  'payloads.save': [
    { event: 'PostSignIn', name: '  ', payload: {} },
    { code: 'invalid_input', field: 'name', message: 'Give the payload a name' },
  ],
  'payloads.remove': [{ id: '' }, { code: 'invalid_input', field: 'id', message: 'A saved payload id is required' }],
  'events.history': [{ limit: 3 }, { code: 'invalid_input', message: 'events.history does not take "limit".' }],
} satisfies Record<Method | `${Method} (${string})`, [unknown, object]>;
const badInputCases = Object.keys(badInputs) as Array<keyof typeof badInputs>;

describe('IPC', () => {
  it('has a bad input for every method', () => {
    expect(methods.filter((method) => !(method in badInputs))).toEqual([]);
  });

  it.each(badInputCases)('refuses bad input to %s with a structured error', async (name) => {
    const [input, error] = badInputs[name];
    expect(await invoke(page, name.split(' ')[0], input)).toEqual({ ok: false, error });
  });

  it.each(methods)('refuses %s from a page that is not Hookbench', async (method) => {
    const answer = await invoke(stranger, method, {});
    expect(answer).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Refused a call from a page that is not Hookbench.' } });
  });

  it('logs refused calls with the page and the method, without flooding the log', async () => {
    for (let n = 0; n < 120; n++) await invoke(stranger, 'hooks.export', { includeSigningKeys: true });
    await invoke(stranger, { toString: 'not callable' });
    expect(warnings).toEqual([
      `hookbench: refused IPC from "https://evil.example/" calling "hooks.export": not Hookbench's page in its main frame (1 so far)`,
      `hookbench: refused IPC from "https://evil.example/" calling "hooks.export": not Hookbench's page in its main frame (10 so far)`,
      `hookbench: refused IPC from "https://evil.example/" calling "hooks.export": not Hookbench's page in its main frame (100 so far)`,
      `hookbench: refused IPC from "https://evil.example/" calling a method of type object: not Hookbench's page in its main frame (1 so far)`,
    ]);
    await invoke(page, 'hooks.list', {});
    expect(warnings).toHaveLength(4);
  });

  it('refuses a method the contract does not have', async () => {
    expect(await invoke(page, 'fs.readFile', { path: '/etc/passwd' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: '"fs.readFile" is not a Hookbench call.' },
    });
  });

  it('survives junk of every type without throwing', async () => {
    for (const junk of [null, 0, 'x', [], { __proto__: { polluted: true } }, Symbol.iterator.toString()]) {
      for (const method of methods) {
        const answer = await invoke(page, method, junk);
        expect(answer).toHaveProperty('ok');
      }
    }
  });

  it('runs a valid call and answers not_found for a hook that is gone', async () => {
    const created = await invoke(page, 'hooks.create', { name: 'CRM', url: 'http://localhost:3000/x', events: ['PostSignIn'] });
    expect(created.ok).toBe(true);
    expect(await invoke(page, 'hooks.list', undefined)).toEqual({ ok: true, value: [created.value] });
    expect(await invoke(page, 'hooks.remove', { id: created.value.id })).toEqual({ ok: true, value: { removed: true } });
    expect(await invoke(page, 'hooks.regenerateKey', { id: created.value.id })).toEqual({
      ok: false,
      error: { code: 'not_found', message: `No hook has the id "${created.value.id}"; it may have been deleted.` },
    });
  });
});
