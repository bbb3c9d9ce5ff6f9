import { useEffect, useState } from 'react';
import { onPush } from '../../api';
import { OutcomeBadge } from '../../components/OutcomeBadge';
import { RelativeTime } from '../../components/RelativeTime';
import { useCall } from '../../lib/useCall';
import { useHooks } from '../../state/hooks';
import { CapturedDetail } from './CapturedDetail';

/** "none": captured requests whose signature no hook's key verified (`hookId: null` in the log). */
type Matched = 'none' | string;

/** What a real Logto sent to `/capture`, per hook whose key verified it, with one request open below. */
export function CapturedRequests({ forwardUrl }: { forwardUrl: string | null }) {
  const hooks = useHooks((state) => state.hooks);
  const [matched, setMatched] = useState<Matched>('none');
  const [openId, setOpenId] = useState<string | null>(null);
  const hookId = matched === 'none' ? null : matched;
  const { data, error, reload } = useCall('logs.query', { kind: 'captured', hookId, range: 'all', limit: 100 });
  useEffect(() => onPush('delivery.updated', (summary) => summary.kind === 'captured' && reload()), [reload]);
  const items = data?.items ?? [];

  return (
    <section className="card" aria-labelledby="captured-title">
      <h2 id="captured-title">Captured requests</h2>
      <label className="inline-label">
        Signature verified by{' '}
        <select
          value={matched}
          onChange={(event) => {
            setMatched(event.target.value);
            setOpenId(null);
          }}
        >
          <option value="none">no webhook’s key (unverified or invalid)</option>
          {hooks.map((hook) => (
            <option key={hook.id} value={hook.id}>
              {hook.name}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {data && items.length === 0 && (
        <p className="muted">
          {hookId === null ? 'No unverified request captured.' : 'No captured request was signed with this webhook’s key.'} Point Logto at
          the capture endpoint above, with capture on.
        </p>
      )}
      {items.length > 0 && (
        <table className="table compact">
          <thead>
            <tr>
              <th>Event</th>
              <th>Received</th>
              <th>Outcome</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} aria-selected={item.id === openId}>
                <td>
                  <button
                    type="button"
                    className="row-link"
                    aria-expanded={item.id === openId}
                    onClick={() => setOpenId(item.id === openId ? null : item.id)}
                  >
                    {item.event}
                  </button>
                </td>
                <td>
                  <RelativeTime at={item.createdAt} />
                </td>
                <td>
                  <OutcomeBadge outcome={item.outcome} />
                </td>
                <td>{item.status ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {openId && <CapturedDetail id={openId} forwardUrl={forwardUrl} onReplayed={reload} />}
    </section>
  );
}
