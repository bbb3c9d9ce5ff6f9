/**
 * The one contract between the renderer and main: every call with its input schema and
 * result type, and every push from main. IPC, the e2e HTTP bridge and direct calls in tests
 * all carry exactly this.
 */
import { z } from 'zod';
import type { Hook, Notice } from './domain';
export type { Pushes, PushChannel } from './channels';
import { hookIdSchema, hookInputSchema, hookUpdateSchema } from './validation';

function method<Input extends z.ZodTypeAny>(input: Input) {
  return { returns: <Result>() => ({ input, result: undefined as unknown as Result }) };
}

const nothing = z.object({}).strict();
const byHookId = z.object({ id: hookIdSchema }).strict();

export const contract = {
  'hooks.list': method(nothing).returns<Hook[]>(),
  'hooks.create': method(hookInputSchema).returns<Hook>(),
  'hooks.update': method(hookUpdateSchema).returns<Hook>(),
  'hooks.remove': method(byHookId).returns<{ removed: true }>(),
  'hooks.regenerateKey': method(byHookId).returns<Hook>(),
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
