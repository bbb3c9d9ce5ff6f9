import { z } from 'zod';
import type { ImportReport } from '../../../shared/contract';
import type { Hook } from '../../../shared/domain';
import { hookInputSchema, rowsFromHeaders } from '../../../shared/validation';
import type { HookStore } from './store';

export const HOOKS_EXPORT_FORMAT = 'hookbench-hooks';
export const HOOKS_EXPORT_VERSION = 1;

/** Hook definitions to share or keep: signing keys only when asked for, since the file may travel. */
export function exportHooks(hooks: Hook[], includeSigningKeys: boolean): string {
  return `${JSON.stringify(
    {
      format: HOOKS_EXPORT_FORMAT,
      version: HOOKS_EXPORT_VERSION,
      exportedAt: new Date().toISOString(),
      hooks: hooks.map((hook) => ({
        name: hook.name,
        events: hook.events,
        config: hook.config,
        enabled: hook.enabled,
        ...(includeSigningKeys ? { signingKey: hook.signingKey } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}

const importedHookSchema = z.object({
  name: z.unknown(),
  events: z.unknown(),
  config: z.object(
    { url: z.unknown(), headers: z.record(z.unknown()).optional() },
    { invalid_type_error: 'config must be an object with a url' },
  ),
  enabled: z.boolean({ invalid_type_error: 'enabled must be true or false' }).optional(),
  signingKey: z.string().min(16, 'signingKey is too short to be a signing key').max(256).optional(),
});

/**
 * Adds every valid hook of an export (from Hookbench, or Logto's own hook JSON) as a new hook,
 * and says why each other one was skipped. Nothing already stored is changed.
 */
export function importHooks(store: HookStore, content: string): ImportReport {
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch (error) {
    throw new ImportError(`The file is not JSON: ${(error as Error).message}`);
  }
  const listed = Array.isArray(document) ? document : (document as { hooks?: unknown })?.hooks;
  if (!Array.isArray(listed)) throw new ImportError('The file holds no list of hooks: expected {"hooks": [...]} or a JSON array of hooks.');

  const report: ImportReport = { imported: [], skipped: [] };
  for (const [index, candidate] of listed.entries()) {
    const name = typeof (candidate as { name?: unknown })?.name === 'string' ? (candidate as { name: string }).name : `hook ${index + 1}`;
    const shape = importedHookSchema.safeParse(candidate);
    if (!shape.success) {
      report.skipped.push({ index, name, reason: describe(shape.error) });
      continue;
    }
    const headers = Object.fromEntries(Object.entries(shape.data.config.headers ?? {}).map(([key, value]) => [key, String(value)]));
    const input = hookInputSchema.safeParse({
      name: shape.data.name,
      url: shape.data.config.url,
      events: shape.data.events,
      headers: rowsFromHeaders(headers),
    });
    if (!input.success) {
      report.skipped.push({ index, name, reason: describe(input.error) });
      continue;
    }
    report.imported.push(store.create(input.data, { enabled: shape.data.enabled ?? true, signingKey: shape.data.signingKey }));
  }
  return report;
}

export class ImportError extends Error {}

function describe(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}
