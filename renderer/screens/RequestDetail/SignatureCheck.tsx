import { useEffect, useState } from 'react';
import type { Delivery } from '../../../shared/domain';
import { SIGNATURE_HEADER } from '../../../shared/logto';

const SIGNATURE = SIGNATURE_HEADER;

/** Recomputes the signature in the page, as a receiver would, so a mismatch is visible at once. */
export function SignatureCheck({ delivery, signingKey }: { delivery: Delivery; signingKey: string | null }) {
  const sent = delivery.request.headers[SIGNATURE] ?? null;
  const [expected, setExpected] = useState<string | null>(null);
  useEffect(() => {
    if (!signingKey) return;
    void hmacHex(signingKey, delivery.request.body).then(setExpected);
  }, [signingKey, delivery.request.body]);

  return (
    <div className="signature">
      <h2>Signature</h2>
      <p>
        <code>{SIGNATURE}</code>: <code className="break">{sent ?? '(not sent)'}</code>
      </p>
      {expected && (
        <>
          <p className={expected === sent ? 'ok-text' : 'warn-text'}>
            {expected === sent
              ? '✓ Matches HMAC-SHA256 of the raw body with the hook’s current signing key.'
              : '✗ Does not match the hook’s current key: the key was regenerated after this request was sent.'}
          </p>
          <p className="hint">
            Expected with the current key: <code className="break">{expected}</code> · signed bytes: the request body above,{' '}
            {new TextEncoder().encode(delivery.request.body).length} bytes, exactly as sent (Copy request body gives them).
          </p>
        </>
      )}
      <p className="hint">Verify over the raw body bytes, before any JSON parsing — re-serialised JSON will not match:</p>
      <pre className="snippet">{`const expected = crypto.createHmac('sha256', SIGNING_KEY)
  .update(rawBody) // Buffer of the request body as received
  .digest('hex');
const valid = crypto.timingSafeEqual(
  Buffer.from(expected), Buffer.from(req.headers['${SIGNATURE}']));`}</pre>
    </div>
  );
}

async function hmacHex(key: string, body: string): Promise<string> {
  const encoder = new TextEncoder();
  const cryptoKey = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(body));
  return [...new Uint8Array(signature)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
