import type { ValidInput } from '../../../shared/contract';
import type { Hook } from '../../../shared/domain';
import { UserFacingError } from '../../../shared/errors';
import type { HookEvent } from '../../../shared/events';
import { headersFromRows, type ValidHookInput } from '../../../shared/validation';
import type { Report } from '../notices';
import { withFileLock } from '../util/fileLock';
import { newId, newSigningKey } from '../util/ids';
import { moveAside } from '../util/moveAside';
import { type DocumentFile, HOOK_FILE_VERSION, type HookFileSource, isRecord, migrate, storedHookSchema } from './hookFile';

type HookUpdate = ValidInput<'hooks.update'>;

/**
 * The user's hooks, persisted in one JSON document. Every read goes to the file, so the app and
 * the command line can share it; a file that cannot be read is moved aside, never deleted.
 */
export class HookStore {
  readonly #file: DocumentFile;
  readonly #now: () => number;
  readonly #report: Report;

  readonly path: string;

  constructor(source: HookFileSource, report: Report, now: () => number = Date.now) {
    this.path = source.path;
    this.#report = report;
    this.#now = now;
    this.#file = this.#open(source);
    this.#read();
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

  /** A new hook; `kept` carries what an import brings along (its enabled state and key). */
  create(input: ValidHookInput, kept: { enabled?: boolean; signingKey?: string } = {}): Hook {
    const hook: Hook = {
      id: newId(),
      name: input.name,
      events: input.events,
      config: { url: input.url, headers: headersFromRows(input.headers), retries: 3 },
      signingKey: kept.signingKey ?? newSigningKey(),
      enabled: kept.enabled ?? true,
      createdAt: this.#now(),
      retryBehaviour: null,
    };
    this.#mutate((hooks) => [...hooks, hook]);
    return hook;
  }

  update(change: HookUpdate): Hook {
    return this.#change(change.id, (hook) => ({
      ...hook,
      name: change.name ?? hook.name,
      events: change.events ?? hook.events,
      enabled: change.enabled ?? hook.enabled,
      config: {
        url: change.url ?? hook.config.url,
        headers: change.headers ? headersFromRows(change.headers) : hook.config.headers,
        retries: hook.config.retries,
      },
    }));
  }

  regenerateKey(id: string): Hook {
    return this.#change(id, (hook) => ({ ...hook, signingKey: newSigningKey() }));
  }

  remove(id: string): void {
    this.#mutate((hooks) => {
      if (!hooks.some((hook) => hook.id === id)) {
        throw new UserFacingError('not_found', `No hook has the id "${id}"; it may have been deleted already.`);
      }
      return hooks.filter((hook) => hook.id !== id);
    });
  }

  #change(id: string, edit: (hook: Hook) => Hook): Hook {
    let changed: Hook | undefined;
    this.#mutate((hooks) => {
      const index = hooks.findIndex((hook) => hook.id === id);
      if (index < 0) throw new UserFacingError('not_found', `No hook has the id "${id}"; it may have been deleted.`);
      changed = edit(hooks[index]!);
      return hooks.with(index, changed);
    });
    return changed!;
  }

  /** Read, change, write, with no other process (the app, the command line) writing in between. */
  #mutate(edit: (hooks: Hook[]) => Hook[]): void {
    withFileLock(`${this.path}.lock`, () => this.#write(edit(this.#read())));
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

  #read(): Hook[] {
    let raw: Record<string, unknown>;
    try {
      raw = this.#file.store;
    } catch (error) {
      if (isParseError(error)) return this.#setAside('corrupt', 'is not valid JSON', []);
      throw new UserFacingError('storage', `Could not read ${this.path}: ${messageOf(error)}`);
    }
    const migration = migrate(raw);
    if (migration.kind === 'newer') {
      return this.#setAside(
        'newer',
        `was written by a newer Hookbench (schema ${migration.version}); update Hookbench to use those hooks`,
        [],
      );
    }
    const listed = migration.document.hooks;
    if (!Array.isArray(listed)) return this.#setAside('invalid', 'has no list of hooks', []);

    const hooks: Hook[] = [];
    const unreadable: string[] = [];
    for (const candidate of listed) {
      const parsed = storedHookSchema.safeParse(candidate);
      if (parsed.success) hooks.push(parsed.data as Hook);
      else unreadable.push(isRecord(candidate) && typeof candidate.name === 'string' ? `"${candidate.name}"` : 'one without a name');
    }
    if (unreadable.length > 0) {
      return this.#setAside(
        'invalid',
        `had ${unreadable.length} hook(s) that could not be read (${unreadable.join(', ')}); the ${hooks.length} valid one(s) were kept`,
        hooks,
      );
    }
    if (migration.migrated) this.#write(hooks);
    return hooks;
  }

  /** Keeps the unusable file under another name, starts again from what could be saved, and tells the user. */
  #setAside(reason: string, what: string, kept: Hook[]): Hook[] {
    this.#noteSetAside(reason, what, moveAside(this.path, reason));
    this.#write(kept);
    return kept;
  }

  #noteSetAside(reason: string, what: string, keptAt: string): void {
    this.#report({
      id: `hooks-${reason}-${this.#now()}`,
      level: 'warning',
      message: `Your hooks file ${what}. The original is kept at ${keptAt}; fix it there and move it back to ${this.path} to restore it.`,
    });
  }

  #write(hooks: Hook[]): void {
    try {
      this.#file.store = { schemaVersion: HOOK_FILE_VERSION, hooks };
    } catch (error) {
      throw new UserFacingError('storage', `Could not save your hooks to ${this.path}: ${messageOf(error)}. Nothing was changed.`);
    }
  }
}

function isParseError(error: unknown): boolean {
  return error instanceof Error && error.name === 'SyntaxError';
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
