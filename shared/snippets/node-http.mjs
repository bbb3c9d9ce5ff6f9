// Receives Logto webhooks with Node's own `http` module (no dependencies): verifies the
// `logto-signature-sha-256` header over the raw body bytes, in constant time, and answers 401
// (never 500) to a missing, short or wrong signature. Run: node logto-webhook.mjs
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const SIGNING_KEY = process.env.LOGTO_SIGNING_KEY ?? 'YOUR_LOGTO_SIGNING_KEY';
const PORT = Number(process.env.PORT ?? 3000);

/** True only when `header` is the HMAC-SHA256 of these exact bytes. Never throws. */
function verifyLogtoSignature(rawBody, header) {
  const expected = Buffer.from(createHmac('sha256', SIGNING_KEY).update(rawBody).digest('hex'));
  const received = Buffer.from(typeof header === 'string' ? header : '');
  // timingSafeEqual throws when the lengths differ, so compare the (public) lengths first.
  return received.length === expected.length && timingSafeEqual(received, expected);
}

createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    // Verify the bytes as they arrived: never a body parsed and serialised again.
    const rawBody = Buffer.concat(chunks);
    if (!verifyLogtoSignature(rawBody, request.headers['logto-signature-sha-256'])) {
      response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid signature"}');
      return;
    }
    // Answer at once (Logto waits 10 s at most and retries a 5xx), then do the work.
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    const payload = JSON.parse(rawBody.toString('utf8'));
    console.log(`${payload.event} for hook ${payload.hookId}`);
  });
}).listen(PORT, () => console.log(`Listening for Logto webhooks on http://localhost:${PORT}`));
