import { readFileSync } from 'node:fs';
import type { ValidInput } from '../../../shared/contract';
import { counted } from '../../../shared/counted';
import type { Hook } from '../../../shared/domain';
import { UserFacingError } from '../../../shared/errors';
import type { HookEvent } from '../../../shared/events';
import { headersFromRows, type ValidHookInput } from '../../../shared/validation';
import type { Report } from '../notices';
import { tryFileLock, withFileLock } from '../util/fileLock';
import { newId, newSigningKey } from '../util/ids';
import { isRecord } from '../util/isRecord';
import { moveAside } from '../util/moveAside';
import { type DocumentFile, describeIssue, HOOK_FILE_VERSION, type HookFileSource, migrate, storedHookSchema } from './hookFile';
import { type FileSignature, signatureOf, watchFile } from './watch';

type HookUpdate = ValidInput<'hooks.update'>;

/** What reading the file found, before anything is written. */
type Inspection =
  | { kind: 'ok'; hooks: Hook[] }
  | { kind: 'migrate'; hooks: Hook[] }
  /** The file cannot be used as it is: it is set aside under `reason`, and `hooks` (what could be read) kept. */
  | { kind: 'aside'; reason: string; what: string; hooks: Hook[] };

/** A hook made from validated input; `createdAt` is the store's clock. */
export function hookFrom(input: ValidHookInput, createdAt: number, id = newId()): Hook {
  return {
    id,
    name: input.name,
    events: input.events,
    config: { url: input.url, headers: headersFromRows(input.headers), retries: input.retries },
    signingKey: input.signingKey ?? newSigningKey(),
    retryBehaviour: input.retryBehaviour,
    enabled: true,
    createdAt,
  };
}

/** The hook with each given field of a validated change in place of its own; what is not given stays. */
export function withChange(hook: Hook, change: Partial<Omit<HookUpdate, 'id'>>): Hook {
  return {
    ...hook,
    name: change.name ?? hook.name,
    events: change.events ?? hook.events,
    enabled: change.enabled ?? hook.enabled,
    signingKey: change.signingKey ?? hook.signingKey,
    retryBehaviour: change.retryBehaviour === undefined ? hook.retryBehaviour : change.retryBehaviour,
    config: {
      url: change.url ?? hook.config.url,
      headers: change.headers ? headersFromRows(change.headers) : hook.config.headers,
      retries: change.retries ?? hook.config.retries,
    },
  };
}

/**
 * The user's hooks, persisted in one JSON document. Every read checks the file, so the app and
 * the command line can share it; a file that cannot be used is moved aside, never overwritten.
 * Reading, parsing and validating the file cost more than a delivery's signing, so the hooks last
 * read are kept with the file's signature (inode, mtime, size) and used while a stat still finds
 * that signature: any writer's atomic rename gives a new inode, so another process's change is
 * seen on the very next read.
 * Writes go through the source (electron-store or conf); reads parse the file itself, because
 * conf turns an array or `null` into an object and the store must know it was not a hooks file.
 */
export class HookStore {
  readonly #file: DocumentFile;
  readonly #now: () => number;
  readonly #report: Report;
  readonly #lock: string;
  /** The file as this store last wrote or saw it, so a watch tells only of other processes' changes. */
  #known: FileSignature | null = null;
  /** The hooks a clean read found, frozen, and the signature the file had just before that read. */
  #cached: { signature: FileSignature | null; hooks: Hook[] } | null = null;

  readonly path: string;

  constructor(source: HookFileSource, report: Report, now: () => number = Date.now) {
    this.path = source.path;
    this.#lock = `${source.path}.lock`;
    this.#report = report;
    this.#now = now;
    this.#file = this.#open(source);
    this.#read();
    this.#known = signatureOf(this.path);
  }

  list(): Hook[] {
    return this.#read();
  }

  get(id: string): Hook {
    const hook = this.#read().find((candidate) => candidate.id === id);
    if (!hook) throw new UserFacingError('not_found', `No hook has the id "${id}"; it may have been deleted.`);
    return hook;
  }

  /** Enabled hooks that subscribe to the event: the hooks an event fans out to. */
  subscribedTo(event: HookEvent): Hook[] {
    return this.#read().filter((hook) => hook.enabled && hook.events.includes(event));
  }

  async create(input: ValidHookInput): Promise<Hook> {
    const hook = hookFrom(input, this.#now());
    await this.change((hooks) => [...hooks, hook]);
    return hook;
  }

  update(change: HookUpdate): Promise<Hook> {
    return this.#changeOne(change.id, (hook) => withChange(hook, change));
  }

  regenerateKey(id: string): Promise<Hook> {
    return this.#changeOne(id, (hook) => ({ ...hook, signingKey: newSigningKey() }));
  }

  async remove(id: string): Promise<void> {
    await this.change((hooks) => {
      if (!hooks.some((hook) => hook.id === id)) {
        throw new UserFacingError('not_found', `No hook has the id "${id}"; it may have been deleted already.`);
      }
      return hooks.filter((hook) => hook.id !== id);
    });
  }

  /**
   * Read, change, write, with no other process (the app, the command line) writing in between.
   * An edit that returns the very list it was given writes nothing.
   */
  async change(edit: (hooks: Hook[]) => Hook[]): Promise<void> {
    await withFileLock(this.#lock, () => {
      const before = this.#settle(this.#inspect());
      const after = edit(before);
      if (after !== before) this.#write(after);
    });
  }

  /**
   * Calls `onChange` when another process (the command line, a second app) changed the file:
   * a folder watch, debounced, with a cheap stat every second for file systems that do not report.
   */
  watch(onChange: (hooks: Hook[]) => void): () => void {
    return watchFile(this.path, (seen) => {
      if (sameSignature(seen, this.#known)) return;
      this.#known = seen;
      onChange(this.#read());
    });
  }

  #changeOne(id: string, edit: (hook: Hook) => Hook): Promise<Hook> {
    let changed: Hook | undefined;
    return this.change((hooks) => {
      const index = hooks.findIndex((hook) => hook.id === id);
      if (index < 0) throw new UserFacingError('not_found', `No hook has the id "${id}"; it may have been deleted.`);
      changed = edit(hooks[index]!);
      return hooks.with(index, changed);
    }).then(() => changed!);
  }

  #open(source: HookFileSource): DocumentFile {
    try {
      return source.open();
    } catch (error) {
      if (!isParseError(error)) throw new UserFacingError('storage', `Could not open ${this.path}: ${messageOf(error)}`);
      this.#noteSetAside('corrupt', 'is not valid JSON', moveAside(this.path, 'corrupt'));
      return source.open();
    }
  }

  /** The hooks, repairing the file first when it needs it and no other process is writing. */
  #read(): Hook[] {
    // Taken before reading: a change landing in between makes the next read look again, never hides it.
    const signature = signatureOf(this.path);
    if (this.#cached && sameSignature(signature, this.#cached.signature)) return this.#cached.hooks;
    const found = this.#inspect();
    if (found.kind === 'ok') {
      this.#cached = { signature, hooks: deepFreeze(found.hooks) };
      return found.hooks;
    }
    // Under the lock, look again: another process may have repaired it meanwhile.
    return tryFileLock(this.#lock, () => this.#settle(this.#inspect())) ?? found.hooks;
  }

  /** Writes what an inspection found needs writing; the caller holds the lock. */
  #settle(found: Inspection): Hook[] {
    if (found.kind === 'migrate') this.#write(found.hooks);
    if (found.kind === 'aside') {
      this.#noteSetAside(found.reason, found.what, moveAside(this.path, found.reason));
      this.#write(found.hooks);
    }
    return found.hooks;
  }

  #inspect(): Inspection {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'ok', hooks: [] };
      throw new UserFacingError('storage', `Could not read ${this.path}: ${messageOf(error)}`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { kind: 'aside', reason: 'corrupt', what: 'is not valid JSON', hooks: [] };
    }
    if (Array.isArray(raw)) {
      return {
        kind: 'aside',
        reason: 'unrecognised',
        what: `holds a JSON array of ${counted(raw.length, 'hook')} (the shape Logto's GET /hooks returns), not Hookbench's hooks file. To use them, import that file: Import hooks in the app, or \`hookbench hooks import <file>\``,
        hooks: [],
      };
    }
    if (!isRecord(raw) || !('schemaVersion' in raw || 'hooks' in raw)) {
      return {
        kind: 'aside',
        reason: 'unrecognised',
        what: `is not a Hookbench hooks file (expected {"schemaVersion": ${HOOK_FILE_VERSION}, "hooks": [...]}, found ${shapeOf(raw)})`,
        hooks: [],
      };
    }
    const migration = migrate(raw);
    // Not ours to move or change: the newer app or command line sharing this folder still uses it.
    if (migration.kind === 'newer') {
      throw new UserFacingError(
        'storage',
        `${this.path} was written by a newer Hookbench (schema ${migration.version}). Update this Hookbench to use those hooks; nothing was changed.`,
      );
    }
    if (migration.kind === 'unknown') {
      const what = `has schemaVersion ${JSON.stringify(migration.version)}, which no Hookbench writes (expected a whole number, ${HOOK_FILE_VERSION} today)`;
      return { kind: 'aside', reason: 'unrecognised', what, hooks: [] };
    }
    const listed = migration.document.hooks;
    if (!Array.isArray(listed)) return { kind: 'aside', reason: 'invalid', what: 'has no list of hooks', hooks: [] };

    // By id, in file order: two hooks under one id could not be told apart (removing one would remove both).
    const byId = new Map<string, Hook>();
    const unreadable: string[] = [];
    for (const candidate of listed) {
      const parsed = storedHookSchema.safeParse(candidate);
      const first = parsed.success ? byId.get(parsed.data.id) : undefined;
      if (!parsed.success) unreadable.push(`${nameOf(candidate)} (${describeIssue(parsed.error)})`);
      else if (first) unreadable.push(`${nameOf(candidate)} (its id ${first.id} is also "${first.name}"'s)`);
      else byId.set(parsed.data.id, parsed.data as Hook);
    }
    const hooks = [...byId.values()];
    if (unreadable.length > 0) {
      const what = `had ${counted(unreadable.length, 'hook')} that could not be used: ${unreadable.join('; ')}. ${hooks.length === 1 ? 'The 1 valid one was' : `The ${hooks.length} valid ones were`} kept`;
      return { kind: 'aside', reason: 'invalid', what, hooks };
    }
    return { kind: migration.migrated ? 'migrate' : 'ok', hooks };
  }

  #noteSetAside(reason: string, what: string, keptAt: string): void {
    this.#report({
      id: `hooks-${reason}-${this.#now()}`,
      level: 'warning',
      // Importing, not moving it back: a move would overwrite the hooks added since.
      message: `Your hooks file ${what}. The original is kept at ${keptAt}; to get its hooks back, fix it there and import it (Import hooks in the app, or hookbench hooks import <file>), beside any hooks added since.`,
    });
  }

  #write(hooks: Hook[]): void {
    try {
      this.#file.store = { schemaVersion: HOOK_FILE_VERSION, hooks };
    } catch (error) {
      throw new UserFacingError('storage', `Could not save your hooks to ${this.path}: ${messageOf(error)}. Nothing was changed.`);
    }
    this.#known = signatureOf(this.path);
  }
}

/** Hooks handed out from the cache are shared by every caller: none may change them in place. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function nameOf(candidate: unknown): string {
  return isRecord(candidate) && typeof candidate.name === 'string' ? `"${candidate.name}"` : 'one without a name';
}

function shapeOf(value: unknown): string {
  if (value === null) return 'null';
  if (isRecord(value)) {
    const keys = Object.keys(value);
    return keys.length ? `an object with ${keys.map((key) => `"${key}"`).join(', ')}` : 'an empty object';
  }
  return `a ${typeof value}`;
}

function sameSignature(a: FileSignature | null, b: FileSignature | null): boolean {
  return a?.ino === b?.ino && a?.mtimeMs === b?.mtimeMs && a?.size === b?.size;
}

function isParseError(error: unknown): boolean {
  return error instanceof Error && error.name === 'SyntaxError';
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
