import { useCallback, useEffect } from 'react';
import type { HookEvent } from '../../../shared/events';
import { DeliveryTable } from '../../components/DeliveryTable';
import { useNavigation } from '../../state/navigation';
import { useRequests } from '../../state/requests';
import { Filters } from './Filters';
import { HealthCard } from './HealthCard';
import { LogActions } from './LogActions';

/**
 * A hook's rows in the log. A removed hook's kept deliveries show here too: read from all time, as
 * they only grow older, and with nothing to redeliver them to.
 */
export function RecentRequests({ hookId, events, removed = false }: { hookId: string; events: readonly HookEvent[]; removed?: boolean }) {
  const items = useRequests((state) => state.items);
  const nextCursor = useRequests((state) => state.nextCursor);
  const status = useRequests((state) => state.status);
  const error = useRequests((state) => state.error);
  const filters = useRequests((state) => state.filters);
  const show = useRequests((state) => state.show);
  const loadMore = useRequests((state) => state.loadMore);
  const go = useNavigation((state) => state.go);

  const place = useRequests((state) => state.place);
  const leaveAt = useRequests((state) => state.leaveAt);

  // A removed hook's deliveries only grow older: its list starts at all time.
  const startRange = removed ? 'all' : '24h';
  // Back from a request: the list is as it was left (pushes kept it current), so keep it and its place.
  useEffect(() => {
    const { hookId: shownId, place: left } = useRequests.getState();
    if (shownId !== hookId || !left) void show(hookId, removed ? { range: startRange } : undefined);
  }, [hookId, removed, startRange, show]);

  const needMore = useCallback(() => void loadMore(), [loadMore]);
  const filtered =
    filters.kind || filters.outcome || filters.event || filters.status !== undefined || filters.text || filters.range !== startRange;

  return (
    <div className="requests">
      {!removed && <HealthCard hookId={hookId} />}
      <Filters hookId={hookId} events={events} />
      <LogActions hookId={hookId} removed={removed} />
      {status === 'failed' && (
        <div className="banner error" role="alert">
          Could not load requests: {error}
        </div>
      )}
      {items.length === 0 && status === 'ready' ? (
        <div className="empty-state small">
          <h2>
            {filtered
              ? 'No request matches these filters'
              : removed
                ? 'Nothing of it is left in the log'
                : 'No requests in the last 24 hours'}
          </h2>
          <p>
            {filtered
              ? 'Widen the time range or clear a filter.'
              : removed
                ? 'Retention has removed its deliveries.'
                : 'Trigger an event to see each delivery here, with its attempts, request and response. Test payloads are not recorded, as in Logto.'}
          </p>
        </div>
      ) : (
        <DeliveryTable
          // Another search or filter is another list: it starts at its top, not where the last one was scrolled.
          key={JSON.stringify(filters)}
          items={items}
          hasMore={nextCursor !== null}
          onNeedMore={needMore}
          place={place}
          onOpen={(delivery, scrollTop) => {
            leaveAt(scrollTop, delivery.id);
            go({ name: 'delivery', hookId, id: delivery.id });
          }}
        />
      )}
    </div>
  );
}
