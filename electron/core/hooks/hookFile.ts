import { z } from 'zod';
import { type Hook, retryBehaviours } from '../../../shared/domain';
import { hookEvents } from '../../../shared/events';

/**
 * The JSON document a store file holds. electron-store in the app and `conf` in plain Node
 * (tests, benchmarks, the command line) both fit this: electron-store is `conf` plus Electron paths.
 */
export type DocumentFile = {
  store: Record<string, unknown>;
  readonly path: string;
};

/** Where the hook file lives and how to open it; opening parses it, so it may throw. */
export type HookFileSource = {
  path: string;
  open(): DocumentFile;
};

export const HOOK_FILE_VERSION = 1;
export const HOOK_FILE_NAME = 'hooks';
/** Owner read/write only: the file holds signing keys. */
export const HOOK_FILE_MODE = 0o600;

export const storedHookSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  events: z.array(z.enum(hookEvents as [string, ...string[]])).min(1),
  config: z.object({ url: z.string().min(1), headers: z.record(z.string()), retries: z.number().int().min(0).max(3).default(3) }),
  signingKey: z.string().min(1),
  enabled: z.boolean(),
  createdAt: z.number().int().nonnegative(),
  retryBehaviour: z.enum(retryBehaviours).nullable().default(null),
});

export type HookDocument = { schemaVersion: number; hooks: Hook[] };

/**
 * Each migration takes a document of version N-1 to version N.
 * Version 0 is a file without `schemaVersion`: hooks copied from Logto's API, which may carry
 * the old single `event`, no `headers`, and the deprecated `retries`.
 */
const migrations: Record<number, (document: Record<string, unknown>) => Record<string, unknown>> = {
  1: (document) => ({
    schemaVersion: 1,
    hooks: asArray(document.hooks).map((hook) => {
      if (!isRecord(hook)) return hook;
      const { event, ...rest } = hook;
      const events = asArray(hook.events).length > 0 ? hook.events : event ? [event] : [];
      const config = isRecord(hook.config) ? hook.config : {};
      const { retries: _deprecated, ...configRest } = config;
      return { ...rest, events, config: { headers: {}, ...configRest } };
    }),
  }),
};

export type MigrationResult = { kind: 'ok'; document: Record<string, unknown>; migrated: boolean } | { kind: 'newer'; version: number };

export function migrate(raw: Record<string, unknown>): MigrationResult {
  const version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  if (version > HOOK_FILE_VERSION) return { kind: 'newer', version };
  let document = raw;
  for (let next = version + 1; next <= HOOK_FILE_VERSION; next++) document = migrations[next]!(document);
  return { kind: 'ok', document, migrated: version !== HOOK_FILE_VERSION };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
