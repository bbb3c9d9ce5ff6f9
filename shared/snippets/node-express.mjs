// Receives Logto webhooks with Express 5: verifies the `logto-signature-sha-256` header over the
// raw body bytes, in constant time, and answers 401 (never 500) to a missing, short or wrong
// signature. Run: npm install express && node logto-webhook-express.mjs
import { createHmac, timingSafeEqual } from 'node:crypto';
import express from 'express';

const SIGNING_KEY = process.env.LOGTO_SIGNING_KEY ?? 'YOUR_LOGTO_SIGNING_KEY';
const PORT = Number(process.env.PORT ?? 3000);

/** True only when `header` is the HMAC-SHA256 of these exact bytes. Never throws. */
function verifyLogtoSignature(rawBody, header) {
  const expected = Buffer.from(createHmac('sha256', SIGNING_KEY).update(rawBody).digest('hex'));
  const received = Buffer.from(typeof header === 'string' ? header : '');
  // timingSafeEqual throws when the lengths differ, so compare the (public) lengths first.
  return received.length === expected.length && timingSafeEqual(received, expected);
}

const app = express();

// express.raw, on this route only: the body stays the bytes Logto signed. Behind express.json()
// it would be parsed and serialised again, and the signature would no longer match. The limit is
// raised from 100 kB: Logto's largest payloads (organization membership changes) are bigger.
app.post('/webhooks/logto', express.raw({ type: 'application/json', limit: '1mb' }), (request, response) => {
  const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  if (!verifyLogtoSignature(rawBody, request.get('logto-signature-sha-256'))) {
    response.status(401).json({ error: 'invalid signature' });
    return;
  }
  // Answer at once (Logto waits 10 s at most and retries a 5xx), then do the work.
  response.json({ ok: true });
  const payload = JSON.parse(rawBody.toString('utf8'));
  console.log(`${payload.event} for hook ${payload.hookId}`);
});

app.listen(PORT, () => console.log(`Listening for Logto webhooks on http://localhost:${PORT}/webhooks/logto`));
