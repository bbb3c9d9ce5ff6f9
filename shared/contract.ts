/**
 * The one contract between the renderer and main: every call with its input schema and
 * result type, and every push from main. IPC, the e2e HTTP bridge and direct calls in tests
 * all carry exactly this.
 *
 * Over 300 lines on purpose: it is the one list of what a caller can ask; split, a call would be
 * easy to miss. The schemas it needs alone stay here; the ones forms share are in validation.ts.
 */
import { z } from 'zod';
import { type CheckRun, type CheckRunSummary, DEFAULT_BURST, MAX_BURST, type SignatureDiagnosis, type TriggerRunProgress } from './check';
import {
  type Delivery,
  type DeliverySummary,
  type EventPayload,
  type Health,
  type HealthSummary,
  type Hook,
  type Notice,
  type ReceiverStatus,
  type RemovedHook,
  type RetryBehaviour,
  retryBehaviours,
  type SavedPayload,
  type TestResult,
  type TriggerRecord,
} from './domain';

export type { PushChannel, Pushes } from './channels';

import { exportFormats } from './deliveryFormats';
import {
  MAX_IMPORT_BYTES,
  MAX_PAYLOAD_BYTES,
  REDELIVERY_LIMIT_DEFAULT,
  REDELIVERY_MAX,
  REDELIVERY_RATE_DEFAULT,
  TRIGGER_RUN_MAX_RATE,
  TRIGGER_RUN_MAX_REPEAT,
  utf8Bytes,
} from './limits';
import type { Snippet } from './snippets';
import {
  hookEventSchema,
  hookIdSchema,
  hookInputSchema,
  hookTestSchema,
  hookUpdateSchema,
  hookUrlSchema,
  logsQuerySchema,
  payloadEventProblem,
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
  .max(64, 'That is not a delivery id (ids are at most 64 characters)');
const hookRange = z
  .object({
    hookId: hookIdSchema,
    range: timeRangeSchema,
  })
  .strict();

/** Bulk redelivery: at most `limit` sends in a run (the oldest first), `perSecond` a second. */
const redeliveryRun = hookRange
  .extend({
    limit: z
      .number({ invalid_type_error: 'The limit must be a number' })
      .int('The limit must be a whole number')
      .min(1, 'The limit must be at least 1')
      .max(REDELIVERY_MAX, `The limit must be at most ${REDELIVERY_MAX.toLocaleString('en')}`)
      .default(REDELIVERY_LIMIT_DEFAULT),
    perSecond: z
      .number({ invalid_type_error: 'The pace must be a number of sends a second' })
      .positive('The pace must be more than 0 a second')
      .max(1000, 'The pace must be at most 1,000 a second')
      .default(REDELIVERY_RATE_DEFAULT),
  })
  .strict();

/** App-wide settings; `retryBehaviour` is what hooks without their own follow. */
export type Settings = { retentionDays: number; retryBehaviour: RetryBehaviour };

export type ExportFile = { fileName: string; mimeType: string; content: string; count: number };
/** What to do with an imported hook you already have (same id, or same name and URL). */
export const onDuplicateChoices = ['replace', 'keep-both', 'skip'] as const;
export type OnDuplicate = (typeof onDuplicateChoices)[number];
/**
 * What happened to one entry of an imported file. `duplicate` appears only in a preview: the
 * entry matches a hook you have and no `onDuplicate` was given.
 */
export type ImportEntry = {
  /** 0-based position in the file. */
  index: number;
  name: string;
  outcome: 'imported' | 'replaced' | 'kept-both' | 'skipped' | 'duplicate';
  /** The hook as stored now, when the entry was imported, replaced or kept both (under a new id). */
  hook?: Hook;
  /** The hook you already had that it matched, and how. */
  duplicateOf?: { id: string; name: string; by: 'id' | 'name and URL' };
  /** Why it was skipped. */
  reason?: string;
  /** The file had no signing key for it (an export without keys), so a new one was made: receivers that check the old key refuse it. */
  newSigningKey?: true;
};
/**
 * What an import did, entry by entry. `applied: false` is a preview: the file holds hooks you
 * already have and no `onDuplicate` was given, so nothing was changed; ask, then import again
 * with it. `imported` (hooks now stored from the file) and `skipped` are the entries summed up.
 */
export type ImportReport = {
  applied: boolean;
  entries: ImportEntry[];
  imported: Hook[];
  skipped: Array<{ index: number; name: string; reason: string }>;
};

/** What `hookbench doctor` and an About panel show when something looks wrong. Never a key or a header value. */
export type Diagnostics = {
  versions: { hookbench: string; node: string; electron: string | null; sqlite: string };
  dataDir: { path: string /** Permission bits in octal, e.g. "0700". */; mode: string; writable: boolean };
  hooks: { file: string; count: number };
  log: { file: string; bytes: number; walBytes: number; rows: number };
  retentionDays: number;
  /** Notices posted since this core opened. */
  notices: Notice[];
  /** Files Hookbench renamed aside in the data folder (unreadable, or from a newer version), never deleted. */
  setAside: Array<{ path: string; bytes: number }>;
  /** The built-in receiver's port, when it has written one into the data folder. */
  receiver: { port: number } | null;
};
const receiverScript = z
  .string({ required_error: 'Write the answers, e.g. 200 or 500,500,200', invalid_type_error: 'The script must be text' })
  .max(500, 'Keep the script under 500 characters');
const receiverChange = z
  .object({
    port: z
      .number({ invalid_type_error: 'The port must be a number' })
      .int('The port must be a whole number')
      .min(1024, 'Use a port from 1024 to 65535 (lower ones need administrator rights)')
      .max(65535, 'Use a port from 1024 to 65535')
      .optional(),
    exposeOnNetwork: z.boolean({ invalid_type_error: 'exposeOnNetwork must be true or false' }).optional(),
    capture: z
      .object({
        enabled: z.boolean({ invalid_type_error: 'enabled must be true or false' }).optional(),
        forwardUrl: hookUrlSchema.nullable().optional(),
      })
      .strict()
      .optional(),
    bodyLimitBytes: z
      .number({ invalid_type_error: 'The body limit must be a number of bytes' })
      .int()
      .min(1024, 'Allow bodies of at least 1 KiB')
      .max(16 * 1024 * 1024, 'Allow bodies of at most 16 MiB')
      .optional(),
  })
  .strict();

/** A payload the user edited, for events.trigger and events.triggerRun alike. */
const triggerPayloadSchema = z
  .record(z.unknown(), { invalid_type_error: 'The payload must be a JSON object' })
  .optional()
  .superRefine((payload, ctx) => {
    if (payload === undefined) return;
    if (utf8Bytes(JSON.stringify(payload)) > MAX_PAYLOAD_BYTES) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'Keep the payload under 1 MB' });
    }
  });

function payloadNamesTheEvent(input: { event: string; payload?: Record<string, unknown> }, ctx: z.RefinementCtx) {
  const problem = payloadEventProblem(input.event, input.payload);
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['payload'], message: problem });
}

const triggerSchema = z
  .object({
    event: hookEventSchema,
    payload: triggerPayloadSchema,
    hookIds: z.array(hookIdSchema).max(500).optional(),
  })
  .strict()
  .superRefine(payloadNamesTheEvent);

const checkRunSchema = z
  .object({
    hookId: hookIdSchema,
    events: z.array(hookEventSchema).max(100).optional(),
    burst: z
      .number({ invalid_type_error: 'The burst size must be a number' })
      .int('The burst size must be a whole number')
      .min(1, 'The burst size must be at least 1')
      .max(MAX_BURST, `The burst size must be at most ${MAX_BURST.toLocaleString('en')}`)
      .default(DEFAULT_BURST),
  })
  .strict();

const diagnoseSchema = z
  .object({
    deliveryId: deliveryId.optional(),
    body: z.string({ invalid_type_error: 'The body must be text' }).max(MAX_PAYLOAD_BYTES, 'Keep the body under 1 MB').optional(),
    signature: z.string({ invalid_type_error: 'The signature must be text' }).max(1_000, 'That is far longer than a signature').optional(),
    key: z.string({ invalid_type_error: 'The key must be text' }).max(256, 'That is far longer than a signing key').optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const pasted = (['body', 'signature', 'key'] as const).filter((field) => input[field] !== undefined);
    if (input.deliveryId !== undefined) {
      if (pasted.length > 0)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [pasted[0]!],
          message: 'Pick a logged delivery or paste a body, signature and key, not both',
        });
      return;
    }
    for (const field of ['body', 'signature', 'key'] as const) {
      if (input[field] === undefined)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: `Paste the ${field}, or pick a logged delivery` });
    }
  });

const triggerRunSchema = z
  .object({
    event: hookEventSchema,
    hookIds: z.array(hookIdSchema).max(500).optional(),
    repeat: z
      .number({ invalid_type_error: 'Repeat takes a number of times' })
      .int('Repeat takes a whole number of times')
      .min(1, 'Repeat at least once')
      .max(TRIGGER_RUN_MAX_REPEAT, `Repeat at most ${TRIGGER_RUN_MAX_REPEAT.toLocaleString('en')} times`),
    ratePerSecond: z
      .number({ invalid_type_error: 'The rate must be a number' })
      .positive('The rate must be above 0 per second')
      .max(TRIGGER_RUN_MAX_RATE, 'The rate must be at most 10 000 per second')
      .optional(),
    duplicate: z.boolean({ invalid_type_error: 'duplicate must be true or false' }).default(false),
    shuffle: z.boolean({ invalid_type_error: 'shuffle must be true or false' }).default(false),
    /** Sent by every repeat as events.trigger sends it; the event's sample (fresh ids each time) when left out. */
    payload: triggerPayloadSchema,
  })
  .strict()
  .superRefine(payloadNamesTheEvent);
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
const savedPayloadId = z
  .string({ required_error: 'A saved payload id is required' })
  .min(1, 'A saved payload id is required')
  .max(64, 'That is not a saved payload id');

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
          .max(
            MAX_IMPORT_BYTES,
            `That file is over ${MAX_IMPORT_BYTES / (1024 * 1024)} MB, far more than a hooks export; choose the exported file`,
          ),
        onDuplicate: z
          .enum(onDuplicateChoices, { errorMap: () => ({ message: 'onDuplicate must be replace, keep-both or skip' }) })
          .optional(),
      })
      .strict(),
  ).returns<ImportReport>(),
  /** Tests the stored hook with what the form holds now (`hookTestSchema`'s overrides), signed with the stored key. */
  'hooks.test': method(hookTestSchema).returns<TestResult[]>(),
  'events.sample': method(z.object({ event: hookEventSchema }).strict()).returns<EventPayload>(),
  'events.trigger': method(triggerSchema).returns<{ deliveries: DeliverySummary[] }>(),
  /** `searchMode` comes with a text search: 'index' (FTS5) or 'scan' (only each hook's latest rows were read). */
  /** A page of a hook's rows, newest first; the first page (no cursor) also says how many rows match in all. */
  'logs.query': method(logsQuerySchema).returns<{
    items: DeliverySummary[];
    nextCursor: string | null;
    searchMode?: 'index' | 'scan';
    total?: number;
  }>(),
  /** How many deliveries a hook has in the log, e.g. to ask before deleting them with the hook. */
  'logs.count': method(z.object({ hookId: hookIdSchema }).strict()).returns<{ count: number }>(),
  /** Hooks that are gone but whose deliveries the log still holds, newest first: their rows are read by `hookId` as any hook's. */
  'logs.removedHooks': method(nothing).returns<RemovedHook[]>(),
  /** Whole deliveries a page at a time, for exports of any size (the command line streams these). */
  'logs.details': method(logsQuerySchema).returns<{ items: Delivery[]; nextCursor: string | null }>(),
  'logs.get': method(z.object({ id: deliveryId }).strict()).returns<Delivery>(),
  'logs.redeliver': method(z.object({ id: deliveryId }).strict()).returns<{ delivery: DeliverySummary }>(),
  'logs.unsuccessfulCount': method(hookRange).returns<{ count: number }>(),
  /** Starts a capped, paced run (answered at once, `count` its sends); progress comes as `redelivery.progress`. */
  'logs.redeliverUnsuccessful': method(redeliveryRun).returns<{ count: number; runId: string }>(),
  'logs.cancelRedelivery': method(
    z.object({ runId: z.string({ required_error: 'Say which run to cancel (runId)' }).max(64, 'That is not a run id') }).strict(),
  ).returns<{
    cancelled: boolean;
  }>(),
  'logs.export': method(
    logsQuerySchema.omit({ cursor: true, limit: true }).extend({
      format: z.enum(exportFormats, { errorMap: () => ({ message: 'Export as jsonl or har' }) }),
    }),
  ).returns<ExportFile>(),
  /** With each hook's latest delivery time, for a last-delivery column. */
  'health.list': method(nothing).returns<HealthSummary[]>(),
  'health.get': method(z.object({ hookId: hookIdSchema }).strict()).returns<Health>(),
  'settings.get': method(nothing).returns<Settings>(),
  'settings.update': method(
    z
      .object({
        retentionDays: retentionDaysSchema.optional(),
        retryBehaviour: z
          .enum(retryBehaviours, {
            errorMap: () => ({ message: 'Choose retry-5xx (Logto docs, PR #9410 on) or send-once (Logto before it)' }),
          })
          .optional(),
      })
      .strict(),
  ).returns<Settings>(),
  'app.notices': method(nothing).returns<Notice[]>(),
  'app.diagnostics': method(nothing).returns<Diagnostics>(),
  'receiver.status': method(nothing).returns<ReceiverStatus>(),
  'receiver.configure': method(receiverChange).returns<ReceiverStatus>(),
  'receiver.start': method(nothing).returns<ReceiverStatus>(),
  'receiver.stop': method(nothing).returns<ReceiverStatus>(),
  'receiver.setScript': method(z.object({ hookId: hookIdSchema, script: receiverScript }).strict()).returns<ReceiverStatus>(),
  /** One click for a new user: a hook pointing at the built-in receiver, with a script that shows retries and a timeout. */
  'receiver.tryIt': method(nothing).returns<Hook>(),
  /** Sends a captured request again with its bytes and signature unchanged (redeliver signs afresh). */
  'logs.replay': method(z.object({ id: deliveryId, url: hookUrlSchema.optional() }).strict()).returns<{ delivery: DeliverySummary }>(),
  /** Receiver lab (docs/receiver-lab.md): check a hook's receiver the way Logto will treat it. */
  'check.run': method(checkRunSchema).returns<CheckRun>(),
  'check.runs': method(z.object({ hookId: hookIdSchema }).strict()).returns<CheckRunSummary[]>(),
  'check.get': method(
    z
      .object({
        runId: z
          .string({ required_error: 'A check run id is required', invalid_type_error: 'The run id must be text' })
          .min(1, 'A check run id is required')
          .max(64, 'That is not a check run id'),
      })
      .strict(),
  ).returns<CheckRun>(),
  /** Receivers that verify the signature correctly, with the hook's key written in (shared/snippets). */
  /** The signature lab: the verdict, and the likely mistake when it fails. */
  'signature.diagnose': method(diagnoseSchema).returns<SignatureDiagnosis>(),
  /** Chaos and load sends: the event `repeat` times, paced, duplicated or shuffled; progress is pushed as `triggerRun.progress`. */
  'events.triggerRun': method(triggerRunSchema).returns<TriggerRunProgress>(),
  /** Stops a paced run from starting further sends; those started finish and are logged. Answers whether it was still running. */
  'events.stopRun': method(
    z.object({ runId: z.string({ required_error: 'Say which run to stop (runId)' }).max(64, 'That is not a run id') }).strict(),
  ).returns<{
    stopped: boolean;
  }>(),
  'snippets.get': method(z.object({ hookId: hookIdSchema }).strict()).returns<Snippet[]>(),
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
