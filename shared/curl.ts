import type { SentRequest } from './domain';

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
  parts.push(`--data-raw ${shellQuote(request.body)}`);
  return parts.join(' \\\n  ');
}
