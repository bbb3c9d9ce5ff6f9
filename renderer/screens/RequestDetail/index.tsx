import { useEffect } from 'react';
import { counted } from '../../../shared/counted';
import { curlCommand } from '../../../shared/curl';
import { call, onPush } from '../../api';
import { CopyButton } from '../../components/CopyButton';
import { HeadersView, JsonView } from '../../components/JsonView';
import { OutcomeBadge } from '../../components/OutcomeBadge';
import { RelativeTime } from '../../components/RelativeTime';
import { formatDuration, retryBehaviourLabel } from '../../format';
import { useAction } from '../../lib/useAction';
import { useCall } from '../../lib/useCall';
import { useHooks } from '../../state/hooks';
import { useNavigation } from '../../state/navigation';
import { AttemptItem } from './AttemptItem';
import { SignatureCheck } from './SignatureCheck';
import { StillSending } from './StillSending';

export function RequestDetail({ hookId, id }: { hookId: string; id: string }) {
  const go = useNavigation((state) => state.go);
  const hook = useHooks((state) => state.hooks.find((candidate) => candidate.id === hookId));
  const { data: loaded, error, reload } = useCall('logs.get', { id });
  // An answer for the previous id is never shown under this one.
  const delivery = loaded?.id === id ? loaded : null;
  const { run, pending: sending } = useAction();

  // A delivery still sending is read again when it finishes.
  useEffect(() => onPush('delivery.updated', (summary) => summary.id === id && summary.outcome !== 'in_flight' && reload()), [id, reload]);

  const redeliver = () =>
    run(async () => {
      const { delivery: again } = await call('logs.redeliver', { id });
      go({ name: 'delivery', hookId, id: again.id });
    }, 'Sent again, freshly signed with the current key.');

  return (
    <section className="page">
      <header className="page-header">
        <div>
          <button type="button" className="link-button back" onClick={() => go({ name: 'hook', id: hookId, tab: 'requests' })}>
            ← {hook?.name ?? 'Removed webhook'} · Recent requests
          </button>
          <h1>
            {delivery ? <code className="title-code">{delivery.event}</code> : 'Request'}
            {delivery && <OutcomeBadge outcome={delivery.outcome} />}
          </h1>
          {delivery && (
            <p className="muted">
              <RelativeTime at={delivery.createdAt} />
              {delivery.outcome === 'in_flight' ? (
                ' · waiting for the receiver'
              ) : (
                <>
                  {' '}
                  · status {delivery.status ?? 'none'} · {formatDuration(delivery.durationMs)} · {counted(delivery.attemptCount, 'attempt')}
                </>
              )}
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
            <span className="id-line">
              <code title="Delivery id, as hookbench redeliver takes it">{delivery.id}</code>
              <CopyButton text={delivery.id} label="Copy id of this delivery" shown="Copy id" />
            </span>
            <CopyButton text={curlCommand(delivery.request)} label="Copy as cURL" size="normal" />
            <button
              type="button"
              className="button primary"
              disabled={sending || delivery.outcome === 'in_flight' || !hook}
              title={hook ? undefined : 'Its webhook was removed: there is nothing to send it to'}
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
            {/* Said once: when the last attempt already carries this message, the timeline shows it there. */}
            {delivery.error && delivery.error !== delivery.attempts.at(-1)?.error?.message && (
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
            {delivery.retryBehaviour && <p className="muted retry-rule">Followed: {retryBehaviourLabel[delivery.retryBehaviour]}</p>}
            <ol className="timeline">
              {delivery.outcome === 'in_flight' && <StillSending since={delivery.createdAt} />}
              {delivery.attempts.length === 0 && delivery.outcome !== 'in_flight' && <li className="muted">No attempt was made.</li>}
              {/* Newest first and open: the attempt that decided the outcome is what one looks for. */}
              {[...delivery.attempts].reverse().map((attempt, index) => (
                <AttemptItem key={attempt.number} attempt={attempt} firstStart={delivery.attempts[0]!.startedAt} open={index === 0} />
              ))}
            </ol>
          </div>
        </div>
      )}
    </section>
  );
}
