import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZodError, z } from 'zod';
import { describeIssue } from '../hooks/hookFile';
import type { Report } from '../notices';
import { moveAside } from '../util/moveAside';
import { writePrivately } from '../util/privateFile';

export const RECEIVER_FILE = 'receiver.json';
export const DEFAULT_RECEIVER_PORT = 4747;
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** What the user chose for the built-in receiver; kept beside the hooks, readable by the user only. */
export const receiverSettingsSchema = z.object({
  /** 0 asks for any free port at start (scripts and tests); the status then shows the one chosen. */
  port: z.number().int().min(0).max(65535).default(DEFAULT_RECEIVER_PORT),
  /** Listen on every interface instead of loopback only: the user said yes after being told what it exposes. */
  exposeOnNetwork: z.boolean().default(false),
  capture: z.object({ enabled: z.boolean().default(false), forwardUrl: z.string().nullable().default(null) }).default({}),
  bodyLimitBytes: z
    .number()
    .int()
    .min(1024)
    .max(16 * 1024 * 1024)
    .default(DEFAULT_BODY_LIMIT),
  /** Scripted answers by hook id (see script.ts). */
  scripts: z.record(z.string()).default({}),
});
export type ReceiverSettings = z.output<typeof receiverSettingsSchema>;

/** Reads the settings; a file that cannot be read is set aside (never deleted) and defaults are used. */
export function readReceiverSettings(dataDir: string, report: Report): ReceiverSettings {
  const path = join(dataDir, RECEIVER_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return receiverSettingsSchema.parse({});
  }
  try {
    return receiverSettingsSchema.parse(JSON.parse(text));
  } catch (error) {
    const keptAt = moveAside(path, 'invalid');
    report({
      id: `receiver-settings-${Date.now()}`,
      level: 'warning',
      message: `The built-in receiver's settings could not be read (${error instanceof ZodError ? describeIssue(error) : (error as Error).message}); they are kept at ${keptAt} and the defaults are used.`,
    });
    return receiverSettingsSchema.parse({});
  }
}

export function writeReceiverSettings(dataDir: string, settings: ReceiverSettings): void {
  writePrivately(join(dataDir, RECEIVER_FILE), `${JSON.stringify(settings, null, 2)}\n`);
}
