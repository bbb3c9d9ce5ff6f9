# Receives Logto webhooks with Flask: verifies the `logto-signature-sha-256` header over the raw
# body bytes, in constant time, and answers 401 (never 500) to a missing, short or wrong
# signature. Run: pip install flask && python3 logto_webhook_flask.py
import hashlib
import hmac
import os

from flask import Flask, request

SIGNING_KEY = os.environ.get("LOGTO_SIGNING_KEY", 'YOUR_LOGTO_SIGNING_KEY')
PORT = int(os.environ.get("PORT", "3000"))

app = Flask(__name__)


def verify_logto_signature(raw_body: bytes, header) -> bool:
    """True only when `header` is the HMAC-SHA256 of these exact bytes. Never raises."""
    expected = hmac.new(SIGNING_KEY.encode("utf-8"), raw_body, hashlib.sha256).hexdigest()
    # compare_digest on bytes takes any lengths and any characters; on str it raises for non-ASCII.
    return hmac.compare_digest(expected.encode("ascii"), (header or "").encode("utf-8", "replace"))


@app.post("/webhooks/logto")
def logto_webhook():
    # get_data() is the body exactly as it arrived; request.json would be parsed, not the signed bytes.
    raw_body = request.get_data()
    if not verify_logto_signature(raw_body, request.headers.get("logto-signature-sha-256")):
        return {"error": "invalid signature"}, 401
    payload = request.get_json()
    # Answer at once (Logto waits 10 s at most and retries a 5xx): hand the work to a queue.
    app.logger.info("%s for hook %s", payload["event"], payload["hookId"])
    return {"ok": True}, 200


if __name__ == "__main__":
    app.run(port=PORT)
