import type { SentRequest } from './domain';
import { utf8Bytes } from './limits';

/** Quotes a value for POSIX shells: single quotes, with each ' written as '\'' . */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * The request as a curl command that sends the same method, URL, headers and body bytes, so the
 * signature still verifies. content-length is left to curl, which computes the same value. When
 * the request asked for compressed answers (fetch always does), `--compressed` makes curl undo
 * them as fetch does, keeping the accept-encoding value given with -H.
 */
export function curlCommand(request: SentRequest): string {
  const parts = [`curl -X ${request.method} ${shellQuote(request.url)}`];
  for (const [name, value] of Object.entries(request.headers)) {
    // curl reads "name:" with nothing after it as "remove this header"; "name;" sends it empty.
    if (name !== 'content-length') parts.push(`-H ${shellQuote(value.trim() === '' ? `${name};` : `${name}: ${value}`)}`);
  }
  if (Object.keys(request.headers).some((name) => name.toLowerCase() === 'accept-encoding')) parts.push('--compressed');
  // One argument of a command can hold at most 128 KiB on Linux; a larger body goes through the
  // shell's own printf (a builtin: no such limit) into curl's standard input, byte for byte.
  if (utf8Bytes(request.body) <= ARGUMENT_BYTES) {
    parts.push(`--data-raw ${shellQuote(request.body)}`);
    return parts.join(' \\\n  ');
  }
  parts.push('--data-binary @-');
  return `printf '%s' ${shellQuote(request.body)} | ${parts.join(' \\\n  ')}`;
}

const ARGUMENT_BYTES = 100_000;
