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
