/**
 * What Logto fixes on the wire, each read from Logto's source (paths in logto-io/logto):
 * see docs/logto.md for the story behind each value.
 */

/** `packages/core/src/libraries/hook/utils.ts`: the header that carries the HMAC-SHA256 hex. */
export const SIGNATURE_HEADER = 'logto-signature-sha-256';
/** The same file: the user-agent every webhook request starts with. */
export const LOGTO_USER_AGENT = 'Logto (https://logto.io/)';
/** ky's `timeout` in the same file: it covers the request until the response headers arrive. */
export const LOGTO_TIMEOUT_MS = 10_000;
/** `config.retries ?? 3` in the same file: retries after the first attempt. */
export const LOGTO_DEFAULT_RETRIES = 3;
/** `packages/core/src/libraries/hook/index.ts`: p-map's concurrency for one triggered event. */
export const LOGTO_FAN_OUT_CONCURRENCY = 10;
/** `generateStandardSecret` in `packages/shared/src/utils/id.ts`: 32 of [0-9a-zA-Z]. */
export const SIGNING_KEY_LENGTH = 32;
/**
 * Node 22's fetch (undici 6 `lib/web/fetch/index.js`, `httpNetworkOrCacheFetch`): the
 * accept-encoding it appends per scheme. Node 24's fetch and npm's undici 8 add `zstd` over https.
 */
export const NODE22_ACCEPT_ENCODING = { http: 'gzip, deflate', https: 'br, gzip, deflate' } as const;
/** The same file, `httpRedirectFetch`: redirects fetch follows before failing. */
export const FETCH_REDIRECT_LIMIT = 20;
/** undici's `bodyTimeout`, the only limit on Logto's body read: idle time between chunks, not a total. */
export const UNDICI_BODY_IDLE_MS = 300_000;
/** ky's default backoff (`source/utils/normalize.ts`): 0.3 s × 2^(retry − 1), so 300, 600, 1200 ms. */
export const KY_BACKOFF_BASE_MS = 300;
