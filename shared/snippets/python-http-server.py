# Receives Logto webhooks with Python's standard library only: verifies the
# `logto-signature-sha-256` header over the raw body bytes, in constant time, and answers 401
# (never 500) to a missing, short or wrong signature. Run: python3 logto_webhook.py
import hashlib
import hmac
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SIGNING_KEY = os.environ.get("LOGTO_SIGNING_KEY", 'YOUR_LOGTO_SIGNING_KEY')
PORT = int(os.environ.get("PORT", "3000"))


def verify_logto_signature(raw_body: bytes, header) -> bool:
    """True only when `header` is the HMAC-SHA256 of these exact bytes. Never raises."""
    expected = hmac.new(SIGNING_KEY.encode("utf-8"), raw_body, hashlib.sha256).hexdigest()
    # compare_digest on bytes takes any lengths and any characters; on str it raises for non-ASCII.
    return hmac.compare_digest(expected.encode("ascii"), (header or "").encode("utf-8", "replace"))


class LogtoWebhook(BaseHTTPRequestHandler):
    def do_POST(self):
        # Verify the bytes as they arrived: never json.loads() then json.dumps() again.
        raw_body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if not verify_logto_signature(raw_body, self.headers.get("logto-signature-sha-256")):
            self.answer(401, b'{"error":"invalid signature"}')
            return
        # Answer at once (Logto waits 10 s at most and retries a 5xx), then do the work.
        self.answer(200, b'{"ok":true}')
        payload = json.loads(raw_body)
        print(f"{payload['event']} for hook {payload['hookId']}", flush=True)

    def answer(self, status: int, body: bytes):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    print(f"Listening for Logto webhooks on http://localhost:{PORT}", flush=True)
    ThreadingHTTPServer(("", PORT), LogtoWebhook).serve_forever()
