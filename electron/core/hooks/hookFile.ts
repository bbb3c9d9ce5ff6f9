import { z } from 'zod';
import { LOGTO_DEFAULT_RETRIES } from '../../../shared/logto';
import {
  headersSchema,
  hookEventsSchema,
  hookIdSchema,
  hookNameSchema,
  hookUrlSchema,
  retriesSchema,
  retryBehaviourSchema,
  signingKeySchema,
} from '../../../shared/validation';
import { isRecord } from '../util/isRecord';

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

export const HOOK_FILE_VERSION = 2;
export const HOOK_FILE_NAME = 'hooks';
/** Owner read/write only: the file holds signing keys. */
export const HOOK_FILE_MODE = 0o600;

/** A stored hook is held to the contract's rules, so a hand-edited file cannot smuggle in what the form refuses. */
export const storedHookSchema = z.object({
  id: hookIdSchema,
  name: hookNameSchema,
  events: hookEventsSchema,
  config: z.object(
    { url: hookUrlSchema, headers: headersSchema, retries: retriesSchema },
    { invalid_type_error: 'config must be an object with a url' },
  ),
  signingKey: signingKeySchema,
  retryBehaviour: retryBehaviourSchema,
  enabled: z.boolean({ invalid_type_error: 'enabled must be true or false' }),
  createdAt: z.number().int().nonnegative(),
});

type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

/**
 * Each migration takes a document of version N-1 to version N; a hook it cannot make sense of is
 * passed on unchanged for validation to set aside with its reason.
 */
const migrations: Record<number, Migration> = {
  /**
   * Version 0 is a file without `schemaVersion`: hooks copied from Logto's API, which may carry
   * the old single `event` (used when `events` is empty) and no `headers`.
   */
  1: (document) => ({
    schemaVersion: 1,
    hooks: asArray(document.hooks).map((hook) => {
      if (!isRecord(hook)) return hook;
      const { event, ...rest } = hook;
      const events = asArray(hook.events).length > 0 ? hook.events : event ? [event] : [];
      const config = isRecord(hook.config) ? hook.config : {};
      return { ...rest, events, config: { headers: {}, ...config } };
    }),
  }),
  /** Version 2 adds Logto's `config.retries` (default 3) and a per-hook retry behaviour (null: the app's default). */
  2: (document) => ({
    schemaVersion: 2,
    hooks: asArray(document.hooks).map((hook) => {
      if (!isRecord(hook) || !isRecord(hook.config)) return hook;
      return {
        ...hook,
        config: { ...hook.config, retries: hook.config.retries ?? LOGTO_DEFAULT_RETRIES },
        retryBehaviour: hook.retryBehaviour ?? null,
      };
    }),
  }),
};

export type MigrationResult =
  | { kind: 'ok'; document: Record<string, unknown>; migrated: boolean }
  | { kind: 'newer'; version: number }
  /** A schemaVersion no Hookbench writes: not a whole number from 0 up. */
  | { kind: 'unknown'; version: unknown };

export function migrate(raw: Record<string, unknown>): MigrationResult {
  // Files from before versioning have none.
  const version = raw.schemaVersion === undefined ? 0 : raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return { kind: 'unknown', version };
  if (version > HOOK_FILE_VERSION) return { kind: 'newer', version };
  let document = raw;
  for (let next = version + 1; next <= HOOK_FILE_VERSION; next++) document = migrations[next]!(document);
  return { kind: 'ok', document, migrated: version !== HOOK_FILE_VERSION };
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The first problem of a zod error as "path: message", the way import reports and notices show it. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}
