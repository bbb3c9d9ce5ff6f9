/** The typed client of the contract. It knows only `window.hookbench`, whichever transport is behind it. */
import type { HookbenchBridge, PushChannel, Pushes } from '../shared/channels';
import type { Input, Method, Result } from '../shared/contract';
import type { ApiError, Envelope } from '../shared/errors';

declare global {
  interface Window {
    hookbench?: HookbenchBridge;
  }
}

export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly field?: string;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.field = error.field;
  }
}

function bridge(): HookbenchBridge {
  if (!window.hookbench) {
    throw new ApiCallError({ code: 'internal', message: 'Hookbench’s connection to its core is missing. Restart the app.' });
  }
  return window.hookbench;
}

export async function call<M extends Method>(method: M, input: Input<M>): Promise<Result<M>> {
  let envelope: Envelope<unknown>;
  try {
    envelope = await bridge().invoke(method, input);
  } catch (error) {
    if (error instanceof ApiCallError) throw error;
    throw new ApiCallError({ code: 'internal', message: `Could not reach Hookbench’s core: ${(error as Error).message}` });
  }
  if (!envelope.ok) throw new ApiCallError(envelope.error);
  return envelope.value as Result<M>;
}

export function onPush<C extends PushChannel>(channel: C, listener: (payload: Pushes[C]) => void): () => void {
  if (!window.hookbench) return () => {};
  return window.hookbench.on(channel, (payload) => listener(payload as Pushes[C]));
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
