import type { SafeParseReturnType, ZodError } from 'zod';
import { contract, type Handlers, isMethod, type Method } from '../../shared/contract';
import { type ApiError, type Envelope, UserFacingError } from '../../shared/errors';

/**
 * Validates a raw call against the contract and runs it. Every transport (IPC, the HTTP
 * bridge) goes through here, so no input reaches the service unchecked and no failure
 * escapes as anything but a structured error.
 */
export async function callService(handlers: Handlers, method: unknown, rawInput: unknown): Promise<Envelope<unknown>> {
  if (!isMethod(method)) {
    return failure({ code: 'invalid_input', message: `"${String(method)}" is not a Hookbench call.` });
  }
  let parsed: SafeParseReturnType<unknown, unknown>;
  try {
    parsed = contract[method].input.safeParse(rawInput === undefined ? {} : rawInput);
  } catch (error) {
    // A value nested thousands deep overflows the stack while being checked (issue 11, item 9).
    if (!(error instanceof RangeError)) throw error;
    return failure({
      code: 'invalid_input',
      message: `${method}'s input is nested too deeply to check; flatten it (a few hundred levels at most).`,
    });
  }
  if (!parsed.success) return failure(inputError(method, parsed.error));
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof UserFacingError) return failure(error.toApiError());
    console.error(`[hookbench] ${method} failed`, error);
    const detail = error instanceof Error ? error.message : String(error);
    return failure({ code: 'internal', message: `Hookbench could not complete ${method}: ${detail}` });
  }
}

function failure(error: ApiError): Envelope<never> {
  return { ok: false, error };
}

function inputError(method: Method, error: ZodError): ApiError {
  const issue = error.issues[0]!;
  if (issue.path.length === 0 && issue.code === 'invalid_type') {
    return { code: 'invalid_input', message: `${method} takes an object of named fields, not ${issue.received}.` };
  }
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length ? ` in ${issue.path.join('.')}` : '';
    return { code: 'invalid_input', message: `${method} does not take ${issue.keys.map((key) => `"${key}"`).join(', ')}${where}.` };
  }
  const field = issue.path.join('.');
  return field ? { code: 'invalid_input', message: issue.message, field } : { code: 'invalid_input', message: issue.message };
}
