import type { Hook, SentRequest } from '../../../shared/domain';
import { sign } from './sign';

export const LOGTO_USER_AGENT = 'Logto (https://logto.io/)';
export const SIGNATURE_HEADER = 'logto-signature-sha-256';

/**
 * Headers fetch adds by itself. Logto sends through fetch, and so does Hookbench, so a receiver
 * sees these too; they are listed here only so the log shows the request as it arrived.
 */
const FETCH_DEFAULT_HEADERS: Record<string, string> = {
  accept: '*/*',
  'accept-language': '*',
  'sec-fetch-mode': 'cors',
  'accept-encoding': 'gzip, deflate',
};

export type PreparedRequest = SentRequest & {
  /** Only what Hookbench sets, lowercase, in merge order; fetch adds its defaults and content-length. */
  ownHeaders: Record<string, string>;
};

/**
 * The request Logto sends with this body (JSON.stringify of the payload, or the exact bytes of an
 * earlier request when redelivering): headers merged as user-agent < custom headers < signature,
 * content-type added unless a custom header set it. The signature is over these very bytes.
 */
export function prepareRequest(hook: Hook, body: string): PreparedRequest {
  const ownHeaders: Record<string, string> = { 'user-agent': LOGTO_USER_AGENT };
  for (const [name, value] of Object.entries(hook.config.headers)) ownHeaders[name.toLowerCase()] = value;
  ownHeaders[SIGNATURE_HEADER] = sign(hook.signingKey, body);
  ownHeaders['content-type'] ??= 'application/json';

  const headers = { ...FETCH_DEFAULT_HEADERS, ...ownHeaders, 'content-length': String(Buffer.byteLength(body)) };
  return { method: 'POST', url: hook.config.url, headers, body, ownHeaders };
}
