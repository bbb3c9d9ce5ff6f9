import { createHmac } from 'node:crypto';

/** Logto's signature: HMAC-SHA256 keyed with the signing key over the exact body bytes, lowercase hex. */
export function sign(signingKey: string, body: string | Uint8Array): string {
  return createHmac('sha256', signingKey).update(body).digest('hex');
}
