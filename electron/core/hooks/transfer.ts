import { z } from 'zod';
import type { ImportEntry, ImportReport, OnDuplicate } from '../../../shared/contract';
import type { Hook } from '../../../shared/domain';
import { hookIdSchema, hookInputSchema, rowsFromHeaders, type ValidHookInput } from '../../../shared/validation';
import { isRecord } from '../util/isRecord';
import { describeIssue } from './hookFile';
import { type HookStore, hookFrom } from './store';

export const HOOKS_EXPORT_FORMAT = 'hookbench-hooks';
export const HOOKS_EXPORT_VERSION = 1;

/**
 * Hook definitions to share or keep: signing keys only when asked for, since the file may travel.
 * The id goes along so importing the file back is recognised as the same hooks.
 */
export function exportHooks(hooks: Hook[], includeSigningKeys: boolean): string {
  return `${JSON.stringify(
    {
      format: HOOKS_EXPORT_FORMAT,
      version: HOOKS_EXPORT_VERSION,
      exportedAt: new Date().toISOString(),
      hooks: hooks.map((hook) => ({
        id: hook.id,
        name: hook.name,
        events: hook.events,
        config: hook.config,
        retryBehaviour: hook.retryBehaviour,
        enabled: hook.enabled,
        ...(includeSigningKeys ? { signingKey: hook.signingKey } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}

/** One entry as Hookbench exports it or Logto's API returns it (`GET /hooks`), legacy `event` included. */
const importedHookSchema = z.object(
  {
    id: z.unknown(),
    name: z.unknown(),
    event: z.unknown(),
    events: z.unknown(),
    config: z.object(
      {
        url: z.unknown(),
        headers: z
          .record(z.unknown(), { invalid_type_error: 'headers must be an object of header names and values, e.g. {"x-tenant": "acme"}' })
          .optional(),
        retries: z.unknown(),
      },
      {
        required_error: 'Required: put the endpoint in "config": {"url": "http://localhost:3000/webhooks"}, as Logto keeps it',
        invalid_type_error: 'config must be an object with a url, e.g. "config": {"url": "http://localhost:3000/webhooks"}',
      },
    ),
    enabled: z.boolean({ invalid_type_error: 'enabled must be true or false' }).optional(),
    signingKey: z.unknown(),
    retryBehaviour: z.unknown(),
  },
  { invalid_type_error: 'each hook must be an object with a name, events and a config' },
);

/** Logto's ids are 21 characters of [0-9a-z]; any run of letters, digits, _ and - is kept as it is. */
const KEPT_ID = /^[A-Za-z0-9_-]+$/;

type Candidate = { index: number; name: string; id: string | null; input: ValidHookInput; enabled: boolean };
type Duplicate = NonNullable<ImportEntry['duplicateOf']>;

/**
 * Adds the valid hooks of an export (Hookbench's, or Logto's hook JSON) and says what happened to
 * each entry. Hooks already stored (same id, or same name and URL) are replaced, kept beside under
 * a new id, or skipped as `onDuplicate` says; without it, nothing is changed and the report lists
 * the duplicates (`applied: false`) so the caller can ask the user and call again.
 */
export async function importHooks(store: HookStore, content: string, onDuplicate?: OnDuplicate): Promise<ImportReport> {
  const entries: ImportEntry[] = [];
  const candidates: Candidate[] = [];
  for (const [index, raw] of listOf(content).entries()) {
    const read = readEntry(raw, index);
    if ('reason' in read) entries[index] = { index, name: read.name, outcome: 'skipped', reason: read.reason };
    else candidates.push(read);
  }
  let applied = true;
  await store.change((stored) => {
    const known = new StoredHooks(stored);
    const duplicates = candidates.map((candidate) => known.duplicateOf(candidate));
    if (onDuplicate === undefined && duplicates.some(Boolean)) {
      applied = false;
      candidates.forEach(({ index, name }, at) => {
        const duplicate = duplicates[at];
        entries[index] = duplicate ? { index, name, outcome: 'duplicate', duplicateOf: duplicate } : { index, name, outcome: 'imported' };
      });
      return stored;
    }
    // Stored hooks keep their place; a replaced one is swapped where it stands.
    const hooks = [...stored];
    const indexOf = new Map(stored.map((hook, index) => [hook.id, index]));
    candidates.forEach((candidate, at) => {
      const { index, name } = candidate;
      const duplicate = duplicates[at];
      if (duplicate && onDuplicate === 'skip') {
        const reason = `you already have “${duplicate.name}” (same ${duplicate.by})`;
        entries[index] = { index, name, outcome: 'skipped', reason, duplicateOf: duplicate };
        return;
      }
      if (duplicate && onDuplicate === 'replace') {
        const at = indexOf.get(duplicate.id)!;
        const existing = hooks[at]!;
        const hook = {
          ...build(candidate, existing.createdAt, existing.id),
          signingKey: candidate.input.signingKey ?? existing.signingKey,
        };
        hooks[at] = hook;
        entries[index] = { index, name, outcome: 'replaced', hook, duplicateOf: duplicate };
        return;
      }
      // A hook new here keeps the id it had, so payloads it is sent (hookId) match those sent before.
      const keptId = !duplicate && candidate.id !== null && !indexOf.has(candidate.id) ? candidate.id : undefined;
      const hook = build(candidate, Date.now(), keptId);
      indexOf.set(hook.id, hooks.push(hook) - 1);
      const made = candidate.input.signingKey === undefined ? { newSigningKey: true as const } : {};
      entries[index] = duplicate
        ? { index, name, outcome: 'kept-both', hook, duplicateOf: duplicate, ...made }
        : { index, name, outcome: 'imported', hook, ...made };
    });
    // Nothing written when every entry was skipped.
    return entries.some((entry) => entry.hook) ? hooks : stored;
  });
  return {
    applied,
    entries,
    imported: entries.flatMap((entry) => (entry.hook ? [entry.hook] : [])),
    skipped: entries.flatMap(({ index, name, outcome, reason }) => (outcome === 'skipped' ? [{ index, name, reason: reason! }] : [])),
  };
}

export class ImportError extends Error {}

/** Hookbench's export (`{hooks: [...]}`) or a bare array (Logto's `GET /hooks`). */
function listOf(content: string): unknown[] {
  if (content.trim() === '') {
    throw new ImportError(
      "The file is empty; import a file from Hookbench's Export hooks (hookbench hooks export), or the list Logto's GET /api/hooks returns.",
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch (error) {
    throw new ImportError(`The file is not JSON: ${(error as Error).message}`);
  }
  const listed = Array.isArray(document) ? document : isRecord(document) ? document.hooks : undefined;
  if (!Array.isArray(listed)) throw new ImportError('The file holds no list of hooks: expected {"hooks": [...]} or a JSON array of hooks.');
  return listed;
}

function readEntry(raw: unknown, index: number): Candidate | { name: string; reason: string } {
  const name = isRecord(raw) && typeof raw.name === 'string' ? raw.name : `hook ${index + 1}`;
  const shape = importedHookSchema.safeParse(raw);
  if (!shape.success) return { name, reason: describeIssue(shape.error) };
  const { id, event, events, config, signingKey, retryBehaviour, enabled } = shape.data;
  // Logto's legacy form: a single `event`, used when `events` is empty.
  const legacy = (events === undefined || (Array.isArray(events) && events.length === 0)) && event !== undefined;
  // Read from the file as written: the checked copy has lost a "__proto__" key, which must be refused, not dropped.
  const written = (raw as { config: { headers?: Record<string, unknown> } }).config.headers ?? {};
  const headers = Object.fromEntries(Object.entries(written).map(([key, value]) => [key, String(value)]));
  const input = hookInputSchema.safeParse({
    name: shape.data.name,
    url: config.url,
    events: legacy ? [event] : events,
    headers: rowsFromHeaders(headers),
    ...(config.retries === undefined || config.retries === null ? {} : { retries: config.retries }),
    ...(signingKey === undefined || signingKey === null ? {} : { signingKey }),
    ...(retryBehaviour === undefined ? {} : { retryBehaviour }),
  });
  if (!input.success) return { name, reason: describeIssue(input.error) };
  // Kept only when it could be Logto's or Hookbench's own (it goes into URLs such as /r/<hook id>); else a new one is made.
  const usableId = hookIdSchema.safeParse(id).success && KEPT_ID.test(id as string) ? (id as string) : null;
  return { index, name, id: usableId, input: input.data, enabled: enabled ?? true };
}

/** The hooks stored before an import, looked up by id and by name and URL (the first of each, as stored). */
class StoredHooks {
  readonly #byId = new Map<string, Hook>();
  readonly #byNameAndUrl = new Map<string, Hook>();

  constructor(stored: readonly Hook[]) {
    for (const hook of stored) {
      if (!this.#byId.has(hook.id)) this.#byId.set(hook.id, hook);
      const key = nameAndUrl(hook.name, hook.config.url);
      if (!this.#byNameAndUrl.has(key)) this.#byNameAndUrl.set(key, hook);
    }
  }

  duplicateOf(candidate: Candidate): Duplicate | undefined {
    const byId = candidate.id === null ? undefined : this.#byId.get(candidate.id);
    if (byId) return { id: byId.id, name: byId.name, by: 'id' };
    const same = this.#byNameAndUrl.get(nameAndUrl(candidate.input.name, candidate.input.url));
    return same && { id: same.id, name: same.name, by: 'name and URL' };
  }
}

/** One key for a name and URL pair; JSON keeps any character either holds from running into the other. */
function nameAndUrl(name: string, url: string): string {
  return JSON.stringify([name, url]);
}

function build(candidate: Candidate, createdAt: number, id?: string): Hook {
  return { ...hookFrom(candidate.input, createdAt, id), enabled: candidate.enabled };
}
