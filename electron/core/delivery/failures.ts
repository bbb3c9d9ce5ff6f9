import type { AttemptErrorKind } from '../../../shared/domain';
import { LOGTO_TIMEOUT_MS } from '../../../shared/logto';

/** An attempt's failure in the user's terms: what kind, and what to check. */
export type Failure = { kind: AttemptErrorKind; message: string };

/** Why the attempt's timers or the app stopped it, when one of them did. */
export type StopReason = 'headers' | 'body-total' | 'cancelled' | null;

export function failureOf(
  error: unknown,
  stop: StopReason,
  limits: { headersMs: number; bodyIdleMs: number; bodyTotalMs: number },
): Failure {
  if (stop === 'cancelled') return { kind: 'cancelled', message: 'Cancelled because Hookbench was closing.' };
  if (stop === 'headers') {
    return {
      kind: 'timeout',
      message: `No response headers within ${limits.headersMs / 1000} s; Logto gives up after ${LOGTO_TIMEOUT_MS / 1000} s and does not retry.`,
    };
  }
  if (stop === 'body-total') {
    return {
      kind: 'timeout',
      message: `The response body was still arriving ${limits.bodyTotalMs / 1000} s after its headers; Hookbench stops reading there (Logto has no total limit, only 300 s of silence).`,
    };
  }
  if (causeCode(error) === 'UND_ERR_BODY_TIMEOUT') {
    return {
      kind: 'timeout',
      message: `The response body stalled: no data for ${limits.bodyIdleMs / 1000} s. Logto's runtime (undici's bodyTimeout) gives up the same way.`,
    };
  }
  const kind = errorKind(error);
  return { kind, message: describe(kind, error) };
}

export class WireError extends Error {}

function errorKind(error: unknown): AttemptErrorKind {
  const code = causeCode(error);
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') return 'reset';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return 'dns';
  if (
    code &&
    (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || code.includes('CERT') || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE')
  ) {
    return 'tls';
  }
  return 'network';
}

function causeCode(error: unknown): string | undefined {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function describe(kind: AttemptErrorKind, error: unknown): string {
  const detail = innermostMessage(error);
  if (error instanceof WireError) return error.message;
  switch (kind) {
    case 'refused':
      return `Connection refused: nothing is listening at this address. Is your receiver running? (${detail})`;
    case 'reset':
      return `The receiver closed the connection before answering completely (${detail}).`;
    case 'dns':
      return `The host name could not be resolved (${detail}).`;
    case 'tls':
      return `The TLS handshake failed: ${detail}. Logto rejects invalid or self-signed certificates too.`;
    default:
      return `The request failed: ${detail}`;
  }
}

function innermostMessage(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  for (let current: unknown = (error as { cause?: unknown })?.cause; current; current = (current as { cause?: unknown }).cause) {
    if (current instanceof Error && current.message) message = current.message;
  }
  return message;
}
