/**
 * The one contract between the renderer and main: every call with its input schema and
 * result type, and every push from main. IPC, the e2e HTTP bridge and direct calls in tests
 * all carry exactly this.
 */
import { z } from 'zod';
import type {
  Delivery,
  DeliverySummary,
  EventPayload,
  Health,
  HealthSummary,
  Hook,
  Notice,
  SavedPayload,
  TestResult,
  TriggerRecord,
} from './domain';

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

/** A payload kept for reuse: a JSON object under the trigger's size cap, with a name to find it by. */
const savePayloadSchema = z
  .object({
    event: hookEventSchema,
    name: z
      .string({ required_error: 'Give the payload a name', invalid_type_error: 'The name must be text' })
      .trim()
      .min(1, 'Give the payload a name')
      .max(80, 'Keep the name under 80 characters'),
    payload: z
      .record(z.unknown(), { invalid_type_error: 'The payload must be a JSON object' })
      .refine((payload) => utf8Bytes(JSON.stringify(payload)) <= MAX_PAYLOAD_BYTES, 'Keep the payload under 1 MB'),
  })
  .strict();
const savedPayloadId = z.string({ required_error: 'A saved payload id is required' }).min(1, 'A saved payload id is required').max(64);

export const contract = {
  'hooks.list': method(nothing).returns<Hook[]>(),
  'hooks.create': method(hookInputSchema).returns<Hook>(),
  'hooks.update': method(hookUpdateSchema).returns<Hook>(),
  'hooks.remove': method(byHookId).returns<{ removed: true }>(),
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
  'logs.query': method(logsQuerySchema).returns<{ items: DeliverySummary[]; nextCursor: string | null }>(),
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
  'health.list': method(nothing).returns<HealthSummary[]>(),
  'health.get': method(z.object({ hookId: hookIdSchema }).strict()).returns<Health>(),
  'settings.get': method(nothing).returns<{ retentionDays: number }>(),
  'settings.update': method(z.object({ retentionDays: retentionDaysSchema }).strict()).returns<{ retentionDays: number }>(),
  'app.notices': method(nothing).returns<Notice[]>(),
  /** Saved payloads, newest first; of one event when given. */
  'payloads.list': method(z.object({ event: hookEventSchema.optional() }).strict()).returns<SavedPayload[]>(),
  /** Saving under a name the event already has replaces that payload. */
  'payloads.save': method(savePayloadSchema).returns<SavedPayload>(),
  'payloads.remove': method(z.object({ id: savedPayloadId }).strict()).returns<{ removed: true }>(),
  /** What was triggered, newest first (the last 50). */
  'events.history': method(nothing).returns<TriggerRecord[]>(),
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
