/**
 * The headers Logto's webhook request carries, hop by hop, exactly as Node 22's global fetch puts
 * them on the wire. Hookbench does not send with fetch (Electron 45 embeds Node 24, and npm's
 * undici 8 differs too), so the list is built here and handed to undici's dispatcher as is.
 * Facts and source paths: docs/wire.md.
 */
import type { Hook, SentRequest } from '../../../shared/domain';
import { LOGTO_USER_AGENT, NODE22_ACCEPT_ENCODING, SIGNATURE_HEADER } from '../../../shared/logto';
import { sign } from './sign';

/** Header names and values in wire order; names lowercase, as Headers and ky leave them. */
export type HeaderList = Array<[name: string, value: string]>;

/** What one delivery sends: the body, and the header list that persists across redirect hops. */
export type PreparedRequest = SentRequest & {
  /** ky's merged headers plus fetch's `accept` and `accept-language`: what a redirect hop starts from. */
  base: HeaderList;
  /** Why this request can never leave, as fetch would refuse it; each attempt fails with this. */
  unsendable?: string;
};

/**
 * ky 1.2.3 (`source/utils/merge.ts`, `source/core/Ky.ts`): `new Headers({ 'user-agent': …,
 * ...config.headers, signature })` is iterated (lowercase names, sorted, same names joined by ", ")
 * into a new Headers, then `content-type` is set unless present. Global `Headers` is the WHATWG
 * class in every Node we run on, so it gives exactly the merge Logto's does.
 */
export function logtoHeaders(custom: Record<string, string>, signature: string | null): HeaderList {
  const written: Record<string, string> = { 'user-agent': LOGTO_USER_AGENT, ...custom };
  // Logto's `conditional(signingKey && …)`: an empty key sends no signature header at all.
  if (signature !== null) written[SIGNATURE_HEADER] = signature;
  const list: HeaderList = [...new Headers(written)];
  if (!has(list, 'content-type')) list.push(['content-type', 'application/json']);
  return list;
}

/**
 * undici 6 `lib/web/fetch/index.js` `fetching` (steps 12–13): `accept` and `accept-language` are
 * appended once to the request itself, so they stay in place on every redirect hop.
 */
export function withFetchDefaults(list: HeaderList): HeaderList {
  const out = [...list];
  if (!has(out, 'accept')) out.push(['accept', '*/*']);
  if (!has(out, 'accept-language')) out.push(['accept-language', '*']);
  return out;
}

/**
 * `httpNetworkOrCacheFetch` works on a clone of the request per hop: `sec-fetch-mode` set to
 * `cors`, `accept-encoding` appended for the hop's scheme unless present, any `host` dropped
 * (the connection writes its own). undici writes `host` and `connection` before these and
 * `content-length` after them.
 */
export function hopHeaders(base: HeaderList, url: URL): HeaderList {
  const out = base.filter(([name]) => name !== 'host');
  const mode = out.findIndex(([name]) => name === 'sec-fetch-mode');
  if (mode >= 0) out[mode] = ['sec-fetch-mode', 'cors'];
  else out.push(['sec-fetch-mode', 'cors']);
  if (!has(out, 'accept-encoding')) out.push(['accept-encoding', NODE22_ACCEPT_ENCODING[url.protocol === 'https:' ? 'https' : 'http']]);
  return out;
}

/**
 * The whole header block as a receiver reads it, in order: what the log, HAR and cURL show.
 * undici writes `connection` itself, second (`close` when the request asked for it, else
 * `keep-alive`), and `content-length` last, whatever the list held (`lib/core/request.js`).
 */
export function wireHeaders(url: URL, hop: HeaderList, bodyBytes: number | null): Record<string, string> {
  const headers: Record<string, string> = { host: url.host, connection: 'keep-alive' };
  for (const [name, value] of hop) {
    if (name === 'connection') headers.connection = value.trim().toLowerCase() === 'close' ? 'close' : 'keep-alive';
    else if (name !== 'content-length') headers[name] = value;
  }
  if (bodyBytes !== null) headers['content-length'] = String(bodyBytes);
  return headers;
}

/**
 * The request Logto sends with this body (JSON.stringify of the payload, or the exact bytes of an
 * earlier request when redelivering), signed over these very bytes when the hook has a key.
 * A receiver check forges the signature on purpose: a given value is sent as is, null sends none.
 */
export function prepareRequest(hook: Hook, body: string, forgedSignature?: string | null): PreparedRequest {
  const signature = forgedSignature !== undefined ? forgedSignature : hook.signingKey === '' ? null : sign(hook.signingKey, body);
  let url = hook.config.url;
  let base: HeaderList;
  try {
    base = withFetchDefaults(logtoHeaders(hook.config.headers, signature));
  } catch (error) {
    // Headers holds byte strings: a value with a character past U+00FF makes ky's `new Headers` throw.
    const unsendable = `A custom header value has a character fetch cannot send (only Latin-1 is allowed), so Logto's request would fail too: ${(error as Error).message}. Edit the hook's headers.`;
    return { method: 'POST', url, headers: { ...hook.config.headers }, body, base: [], unsendable };
  }
  let headers: Record<string, string>;
  try {
    const parsed = new URL(url);
    // The URL as requested (a space in the path goes out as %20): what the log, HAR and cURL show.
    url = parsed.href;
    headers = wireHeaders(parsed, hopHeaders(base, parsed), Buffer.byteLength(body));
  } catch {
    // A URL that does not parse never reaches the wire; the attempt says why.
    headers = Object.fromEntries(base);
  }
  return { method: 'POST', url, headers, body, base };
}

function has(list: HeaderList, name: string): boolean {
  return list.some(([candidate]) => candidate === name);
}
