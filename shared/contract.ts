/**
 * The one contract between the renderer and main: every call with its input schema and
 * result type, and every push from main. IPC, the e2e HTTP bridge and direct calls in tests
 * all carry exactly this.
 */
import { z } from 'zod';
import type { Delivery, DeliverySummary, EventPayload, Health, HealthSummary, Hook, Notice, TestResult } from './domain';

export type { PushChannel, Pushes } from './channels';

import { exportFormats } from './deliveryFormats';
import { MAX_PAYLOAD_BYTES, utf8Bytes } from './limits';
import {
  hookEventSchema,
  hookIdSchema,
  hookInputSchema,
  hookUpdateSchema,
  logsQuerySchema,
  retentionDaysSchema,
  timeRangeSchema,
} from './validation';

function method<Input extends z.ZodTypeAny>(input: Input) {
  return { returns: <Result>() => ({ input, result: undefined as unknown as Result }) };
}

const nothing = z.object({}).strict();
const byHookId = z.object({ id: hookIdSchema }).strict();

const deliveryId = z
  .string({ required_error: 'A delivery id is required', invalid_type_error: 'The delivery id must be text' })
  .min(1, 'A delivery id is required')
  .max(64);
const hookRange = z
  .object({
    hookId: hookIdSchema,
    range: timeRangeSchema,
  })
  .strict();

export type ExportFile = { fileName: string; mimeType: string; content: string; count: number };
/** What an import did: each hook added, and each one skipped with the reason. */
export type ImportReport = { imported: Hook[]; skipped: Array<{ index: number; name: string; reason: string }> };

const triggerSchema = z
  .object({
    event: hookEventSchema,
    payload: z
      .record(z.unknown(), { invalid_type_error: 'The payload must be a JSON object' })
      .optional()
      .superRefine((payload, ctx) => {
        if (payload === undefined) return;
        if (utf8Bytes(JSON.stringify(payload)) > MAX_PAYLOAD_BYTES) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'Keep the payload under 1 MB' });
        }
      }),
    hookIds: z.array(hookIdSchema).max(500).optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const named = input.payload?.event;
    if (named !== undefined && named !== input.event) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['payload'],
        message: `The payload says "event": ${JSON.stringify(named)} but you are triggering ${input.event}; make them match`,
      });
    }
  });

export const contract = {
  'hooks.list': method(nothing).returns<Hook[]>(),
  'hooks.create': method(hookInputSchema).returns<Hook>(),
  'hooks.update': method(hookUpdateSchema).returns<Hook>(),
  'hooks.remove': method(
    z
      .object({
        id: hookIdSchema,
        /** Also delete the hook's deliveries from the log (ask first: `logs.count` says how many). */
        deleteDeliveries: z.boolean({ invalid_type_error: 'deleteDeliveries must be true or false' }).optional(),
      })
      .strict(),
  ).returns<{ removed: true; deletedDeliveries?: number }>(),
  'hooks.regenerateKey': method(byHookId).returns<Hook>(),
  'hooks.export': method(
    z.object({ includeSigningKeys: z.boolean({ invalid_type_error: 'includeSigningKeys must be true or false' }).default(false) }).strict(),
  ).returns<ExportFile>(),
  'hooks.import': method(
    z
      .object({
        content: z
          .string({ required_error: 'Choose a file to import', invalid_type_error: 'The file content must be text' })
          .max(5 * 1024 * 1024, 'That file is over 5 MB; a hooks export is a few kB'),
      })
      .strict(),
  ).returns<ImportReport>(),
  'hooks.test': method(byHookId).returns<TestResult[]>(),
  'events.sample': method(z.object({ event: hookEventSchema }).strict()).returns<EventPayload>(),
  'events.trigger': method(triggerSchema).returns<{ deliveries: DeliverySummary[] }>(),
  /** `searchMode` comes with a text search: 'index' (FTS5) or 'scan' (only each hook's latest rows were read). */
  'logs.query': method(logsQuerySchema).returns<{ items: DeliverySummary[]; nextCursor: string | null; searchMode?: 'index' | 'scan' }>(),
  /** How many deliveries a hook has in the log, e.g. to ask before deleting them with the hook. */
  'logs.count': method(z.object({ hookId: hookIdSchema }).strict()).returns<{ count: number }>(),
  /** Whole deliveries a page at a time, for exports of any size (the command line streams these). */
  'logs.details': method(logsQuerySchema).returns<{ items: Delivery[]; nextCursor: string | null }>(),
  'logs.get': method(z.object({ id: deliveryId }).strict()).returns<Delivery>(),
  'logs.redeliver': method(z.object({ id: deliveryId }).strict()).returns<{ delivery: DeliverySummary }>(),
  'logs.unsuccessfulCount': method(hookRange).returns<{ count: number }>(),
  'logs.redeliverUnsuccessful': method(hookRange).returns<{ count: number }>(),
  'logs.export': method(
    logsQuerySchema.omit({ cursor: true, limit: true }).extend({
      format: z.enum(exportFormats, { errorMap: () => ({ message: 'Export as jsonl or har' }) }),
    }),
  ).returns<ExportFile>(),
  /** With each hook's latest delivery time, for a last-delivery column. */
  'health.list': method(nothing).returns<Array<HealthSummary & { lastDeliveryAt: number | null }>>(),
  'health.get': method(z.object({ hookId: hookIdSchema }).strict()).returns<Health>(),
  'settings.get': method(nothing).returns<{ retentionDays: number }>(),
  'settings.update': method(z.object({ retentionDays: retentionDaysSchema }).strict()).returns<{ retentionDays: number }>(),
  'app.notices': method(nothing).returns<Notice[]>(),
};

export type Contract = typeof contract;
export type Method = keyof Contract;
export const methods = Object.keys(contract) as Method[];

/** What a caller passes (before defaults and trimming). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What the service receives (validated, trimmed, defaults filled). */
export type ValidInput<M extends Method> = z.output<Contract[M]['input']>;
export type Result<M extends Method> = Contract[M]['result'];

/** The service side of the contract: one handler per method. */
export type Handlers = { [M in Method]: (input: ValidInput<M>) => Promise<Result<M>> };

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
