import { useEffect, useState } from 'react';
import { curlCommand } from '../../shared/curl';
import type { Attempt, Delivery } from '../../shared/domain';
import { call, messageOf, onPush } from '../api';
import { CopyButton } from '../components/CopyButton';
import { HeadersView, JsonView } from '../components/JsonView';
import { OutcomeBadge } from '../components/OutcomeBadge';
import { formatDuration, formatTime } from '../format';
import { useHooks } from '../state/hooks';
import { useNavigation } from '../state/navigation';
import { useNotices } from '../state/notices';

const SIGNATURE = 'logto-signature-sha-256';

export function RequestDetail({ hookId, id }: { hookId: string; id: string }) {
  const go = useNavigation((state) => state.go);
  const hook = useHooks((state) => state.hooks.find((candidate) => candidate.id === hookId));
  const [delivery, setDelivery] = useState<Delivery | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const toast = useNotices((state) => state.toast);

  useEffect(() => {
    setDelivery(null);
    let current = true;
    const load = () =>
      call('logs.get', { id }).then(
        (loaded) => current && setDelivery(loaded),
        (failure) => current && setError(messageOf(failure)),
      );
    // Listen before the first read, so a delivery that finishes in between is read again, not missed.
    const stop = onPush('delivery.updated', (summary) => {
      if (summary.id === id && summary.outcome !== 'in_flight') void load();
    });
    void load();
    return () => {
      current = false;
      stop();
    };
  }, [id]);

  const redeliver = async () => {
    setSending(true);
    try {
      const { delivery: again } = await call('logs.redeliver', { id });
      toast('success', 'Sent again, freshly signed with the current key.');
      go({ name: 'delivery', hookId, id: again.id });
    } catch (failure) {
      toast('error', messageOf(failure));
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="page">
      <header className="page-header">
        <div>
          <button type="button" className="link-button back" onClick={() => go({ name: 'hook', id: hookId, tab: 'requests' })}>
            ← {hook?.name ?? 'Webhook'} · Recent requests
          </button>
          <h1>
            {delivery ? <code className="title-code">{delivery.event}</code> : 'Request'}
            {delivery && <OutcomeBadge outcome={delivery.outcome} />}
          </h1>
          {delivery && (
            <p className="muted">
              {formatTime(delivery.createdAt)} · status {delivery.status ?? 'none'} · {formatDuration(delivery.durationMs)} ·{' '}
              {delivery.attemptCount} {delivery.attemptCount === 1 ? 'attempt' : 'attempts'}
              {delivery.redeliveryOf && (
                <>
                  {' · '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => go({ name: 'delivery', hookId, id: delivery.redeliveryOf! })}
                  >
                    redelivery of an earlier request
                  </button>
                </>
              )}
            </p>
          )}
        </div>
        {delivery && (
          <div className="header-actions">
            <CopyButton text={curlCommand(delivery.request)} label="Copy as cURL" size="normal" />
            <button
              type="button"
              className="button primary"
              disabled={sending || delivery.outcome === 'in_flight'}
              onClick={() => void redeliver()}
            >
              {sending ? 'Sending…' : 'Redeliver'}
            </button>
          </div>
        )}
      </header>
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
      {delivery && (
        <div className="detail-grid">
          <div>
            {delivery.error && (
              <div className="banner error" role="alert">
                {delivery.error}
              </div>
            )}
            <h2>Request</h2>
            <p className="mono url-line">POST {delivery.request.url}</p>
            <HeadersView label="Request headers" headers={delivery.request.headers} />
            <JsonView label="Request body" text={delivery.request.body} note="copy gives the exact signed bytes" />
            <SignatureCheck delivery={delivery} signingKey={hook?.signingKey ?? null} />
          </div>
          <div>
            <h2>Attempts</h2>
            <ol className="timeline">
              {delivery.attempts.length === 0 && <li className="muted">No attempt was made.</li>}
              {delivery.attempts.map((attempt) => (
                <AttemptItem key={attempt.number} attempt={attempt} firstStart={delivery.attempts[0]!.startedAt} />
              ))}
            </ol>
          </div>
        </div>
      )}
    </section>
  );
}

function AttemptItem({ attempt, firstStart }: { attempt: Attempt; firstStart: number }) {
  const ok = attempt.status !== null && attempt.status < 300 && !attempt.error;
  return (
    <li className={`attempt ${ok ? 'ok' : 'bad'}`}>
      <div className="attempt-head">
        <strong>Attempt {attempt.number}</strong>
        <span className="muted">
          +{formatDuration(attempt.startedAt - firstStart)} · took {formatDuration(attempt.durationMs)}
        </span>
        <span className={`tag no-margin ${ok ? 'success' : 'danger'}`}>{attempt.status ?? attempt.error?.kind ?? 'no response'}</span>
      </div>
      {attempt.error && <p className="attempt-error">{attempt.error.message}</p>}
      <HeadersView label={`Response headers (attempt ${attempt.number})`} headers={attempt.headers} />
      <JsonView
        label={`Response body (attempt ${attempt.number})`}
        text={attempt.body}
        note={attempt.bodyTruncated ? 'cut at 64 KiB' : undefined}
      />
    </li>
  );
}

/** Recomputes the signature in the page, as a receiver would, so a mismatch is visible at once. */
function SignatureCheck({ delivery, signingKey }: { delivery: Delivery; signingKey: string | null }) {
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
