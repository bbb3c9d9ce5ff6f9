/**
 * Payloads kept for "Trigger event", per event, and the history of what was triggered, in one
 * small JSON file in the data folder. Written whole to a temp file then renamed, so a crash leaves
 * the old file or the new one, never half of one; owner-only, as payloads may hold personal data.
 * A file that does not parse or validate is set aside (never deleted) and the user is told.
 *
 * Triggers come by the thousand in a load run, so the history is written at most once a second
 * (and on close), re-reading the file first so another process's changes are kept.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { SavedPayload, TriggerRecord } from '../../shared/domain';
import { UserFacingError } from '../../shared/errors';
import { type HookEvent, hookEvents } from '../../shared/events';
import type { Report } from './notices';
import { newId } from './util/ids';
import { moveAside } from './util/moveAside';
import { writePrivately } from './util/privateFile';

export const PAYLOADS_FILE_NAME = 'payloads.json';
const FILE_VERSION = 1;
export const HISTORY_KEPT = 50;

const eventSchema = z.enum(hookEvents as [HookEvent, ...HookEvent[]]);
const payloadSchema = z.record(z.unknown());
const fileSchema = z.object({
  schemaVersion: z.literal(FILE_VERSION),
  saved: z.array(
    z.object({ id: z.string().min(1), event: eventSchema, name: z.string().min(1), payload: payloadSchema, savedAt: z.number() }),
  ),
  history: z.array(
    z.object({
      id: z.string().min(1),
      event: eventSchema,
      payload: payloadSchema.nullable(),
      at: z.number(),
      deliveryCount: z.number().int().nonnegative(),
    }),
  ),
});
type PayloadsFile = { schemaVersion: number; saved: SavedPayload[]; history: TriggerRecord[] };

export class SavedPayloads {
  readonly #path: string;
  readonly #report: Report;
  #file: PayloadsFile | null = null;
  /** Triggers not yet written, newest first. */
  #unwritten: TriggerRecord[] = [];
  #writeSoon: ReturnType<typeof setTimeout> | null = null;

  constructor(dataDir: string, report: Report) {
    this.#path = join(dataDir, PAYLOADS_FILE_NAME);
    this.#report = report;
  }

  list(event?: HookEvent): SavedPayload[] {
    return this.#read()
      .saved.filter((saved) => !event || saved.event === event)
      .sort((a, b) => b.savedAt - a.savedAt);
  }

  save(input: { event: HookEvent; name: string; payload: Record<string, unknown> }): SavedPayload {
    const file = this.#fresh();
    const same = file.saved.find((saved) => saved.event === input.event && saved.name === input.name);
    const saved: SavedPayload = { id: same?.id ?? newId(), ...input, savedAt: Date.now() };
    this.#write({ ...file, saved: [...file.saved.filter((other) => other !== same), saved] });
    return saved;
  }

  remove(id: string): void {
    const file = this.#fresh();
    if (!file.saved.some((saved) => saved.id === id)) throw new UserFacingError('not_found', 'That saved payload no longer exists.');
    this.#write({ ...file, saved: file.saved.filter((saved) => saved.id !== id) });
  }

  history(): TriggerRecord[] {
    return [...this.#unwritten, ...this.#read().history].sort((a, b) => b.at - a.at).slice(0, HISTORY_KEPT);
  }

  record(event: HookEvent, payload: Record<string, unknown> | null, deliveryCount: number): void {
    this.#unwritten = [{ id: newId(), event, payload, at: Date.now(), deliveryCount }, ...this.#unwritten].slice(0, HISTORY_KEPT);
    if (this.#writeSoon) return;
    this.#writeSoon = setTimeout(() => this.flush(), 1_000);
    this.#writeSoon.unref();
  }

  /** Writes the history not written yet; a failure is reported, as no caller is waiting for it. */
  flush(): void {
    if (this.#writeSoon) clearTimeout(this.#writeSoon);
    this.#writeSoon = null;
    if (this.#unwritten.length === 0) return;
    const file = this.#fresh();
    try {
      this.#write({ ...file, history: [...this.#unwritten, ...file.history].slice(0, HISTORY_KEPT) });
      this.#unwritten = [];
    } catch (error) {
      this.#report({
        id: `payloads-history-${Date.now()}`,
        level: 'warning',
        message: `The trigger history was not saved: ${(error as Error).message}`,
      });
    }
  }

  /** The file as it is on disk now, for a change: another process (the CLI, a second window) may have written it. */
  #fresh(): PayloadsFile {
    this.#file = null;
    return this.#read();
  }

  #read(): PayloadsFile {
    if (this.#file) return this.#file;
    this.#file = { schemaVersion: FILE_VERSION, saved: [], history: [] };
    if (!existsSync(this.#path)) return this.#file;
    let problem: string;
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(this.#path, 'utf8')));
      if (parsed.success) {
        this.#file = parsed.data;
        return this.#file;
      }
      const issue = parsed.error.issues[0]!;
      problem = `its ${issue.path.join('.') || 'content'} is not valid (${issue.message})`;
    } catch (error) {
      problem = error instanceof SyntaxError ? 'it is not valid JSON' : `it could not be read (${(error as Error).message})`;
    }
    const aside = moveAside(this.#path, 'corrupt');
    this.#report({
      id: `payloads-corrupt:${aside}`,
      level: 'warning',
      message: `Your saved payloads file could not be used: ${problem}. It was moved to ${aside}; saved payloads start empty.`,
    });
    return this.#file;
  }

  #write(file: PayloadsFile): void {
    try {
      writePrivately(this.#path, `${JSON.stringify(file, null, 2)}\n`);
    } catch (error) {
      throw new UserFacingError('storage', `Could not save to ${this.#path}: ${(error as Error).message}`);
    }
    this.#file = file;
  }
}
