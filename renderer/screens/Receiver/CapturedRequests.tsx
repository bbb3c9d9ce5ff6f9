import { useEffect, useRef, useState } from 'react';
import { call, onPush } from '../../api';
import { OutcomeBadge } from '../../components/OutcomeBadge';
import { RelativeTime } from '../../components/RelativeTime';
import { ResentTag } from '../../components/ResentTag';
import { useAction } from '../../lib/useAction';
import { useCall } from '../../lib/useCall';
import { useHooks } from '../../state/hooks';
import { CapturedDetail } from './CapturedDetail';
import { type CapturePage, withNewest, withOlder } from './capturePages';

const PAGE = 100;

/** "none": captured requests whose signature no hook's key verified (`hookId: null` in the log). */
type Matched = 'none' | string;

/** What a real Logto sent to `/capture`, per hook whose key verified it, with one request open below. */
export function CapturedRequests({ forwardUrl }: { forwardUrl: string | null }) {
  const hooks = useHooks((state) => state.hooks);
  const [matched, setMatched] = useState<Matched>('none');
  const [openId, setOpenId] = useState<string | null>(null);
  const hookId = matched === 'none' ? null : matched;
  const query = { kind: 'captured', hookId, range: 'all', limit: PAGE } as const;
  const { data, error, reload } = useCall('logs.query', query);
  useEffect(() => onPush('delivery.updated', (summary) => summary.kind === 'captured' && reload()), [reload]);
  // The newest page comes again on every capture; older pages the user opened stay below it.
  const [shown, setShown] = useState<CapturePage | null>(null);
  useEffect(() => {
    if (data) setShown((current) => withNewest(current, { items: data.items, cursor: data.nextCursor }));
  }, [data]);
  // An older page asked for one hook's captures must not land under another's.
  const showing = useRef(matched);
  showing.current = matched;
  const older = useAction();
  const showOlder = (cursor: string) =>
    older.run(async () => {
      const asked = matched;
      const page = await call('logs.query', { ...query, cursor });
      if (asked === showing.current) setShown((current) => current && withOlder(current, { items: page.items, cursor: page.nextCursor }));
    });
  const items = shown?.items ?? [];

  return (
    <section className="card" aria-labelledby="captured-title">
      <h2 id="captured-title">Captured requests</h2>
      <label className="inline-label">
        Signature verified by{' '}
        <select
          value={matched}
          onChange={(event) => {
            setMatched(event.target.value);
            setShown(null);
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
      {shown && items.length === 0 && (
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
                  <ResentTag item={item} />
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
      {items.length > 0 && (
        <p className="hint">
          Outcome: Failed when no webhook’s key verified the signature, or the forward target did not answer 2xx. A replay is sent again
          from here and logged as its own row.
        </p>
      )}
      {shown?.cursor && (
        <p className="list-end">
          <button type="button" className="button secondary" disabled={older.pending} onClick={() => void showOlder(shown.cursor!)}>
            {older.pending ? 'Loading…' : `Show ${PAGE} older`}
          </button>
          <span className="muted">{items.length.toLocaleString('en')} shown, newest first</span>
        </p>
      )}
      {openId && <CapturedDetail id={openId} forwardUrl={forwardUrl} onReplayed={reload} />}
    </section>
  );
}
