import { useEffect, useState } from 'react';
import { type DeliveryKind, deliveryKinds, deliveryOutcomes } from '../../../shared/domain';
import { type HookEvent, isHookEvent } from '../../../shared/events';
import { type TimeRange, timeRanges } from '../../../shared/time';
import { statusClasses } from '../../../shared/validation';
import { outcomeLabel } from '../../format';
import { useDebounced } from '../../lib/useDebounced';
import { type RequestFilters, useRequests } from '../../state/requests';

/** Deliveries come first: health counts them alone, and check or captured traffic would drown them. */
export const KIND_LABEL: Record<DeliveryKind, string> = { delivery: 'Deliveries', check: 'Receiver checks', captured: 'Captured requests' };
export const RANGE_LABEL: Record<TimeRange, string> = { '1h': 'Last hour', '24h': 'Last 24 hours', '7d': 'Last 7 days', all: 'All time' };
const SEARCH_DEBOUNCE_MS = 250;

/** Time range, outcome, event, status and a body search; each change asks the log again. */
export function Filters({ hookId, events }: { hookId: string; events: readonly HookEvent[] }) {
  const filters = useRequests((state) => state.filters);
  const show = useRequests((state) => state.show);
  const [text, setText] = useState(filters.text ?? '');
  const settledText = useDebounced(text, SEARCH_DEBOUNCE_MS);

  const setFilters = (patch: Partial<RequestFilters>) => void show(hookId, clean({ ...useRequests.getState().filters, ...patch }));

  useEffect(() => {
    const { filters: current, hookId: shownId } = useRequests.getState();
    if (shownId === hookId && (current.text ?? '') !== settledText)
      void show(hookId, clean({ ...current, text: settledText || undefined }));
  }, [settledText, hookId, show]);

  return (
    <search className="filters">
      <select aria-label="Time range" value={filters.range} onChange={(event) => setFilters({ range: event.target.value as TimeRange })}>
        {timeRanges.map((range) => (
          <option key={range} value={range}>
            {RANGE_LABEL[range]}
          </option>
        ))}
      </select>
      <select
        aria-label="Outcome"
        value={filters.outcome ?? ''}
        onChange={(event) => setFilters({ outcome: (event.target.value || undefined) as RequestFilters['outcome'] })}
      >
        <option value="">Any outcome</option>
        {deliveryOutcomes.map((outcome) => (
          <option key={outcome} value={outcome}>
            {outcomeLabel[outcome]}
          </option>
        ))}
      </select>
      <select
        aria-label="Event"
        value={filters.event ?? ''}
        onChange={(change) => setFilters({ event: isHookEvent(change.target.value) ? change.target.value : undefined })}
      >
        <option value="">Any event</option>
        {events.map((event) => (
          <option key={event} value={event}>
            {event}
          </option>
        ))}
      </select>
      <select
        aria-label="Status"
        value={filters.status === undefined ? '' : String(filters.status)}
        onChange={(event) => setFilters({ status: (event.target.value || undefined) as RequestFilters['status'] })}
      >
        <option value="">Any status</option>
        {statusClasses.map((statusClass) => (
          <option key={statusClass} value={statusClass}>
            {statusClass === 'none' ? 'No response' : statusClass}
          </option>
        ))}
      </select>
      <input
        type="search"
        aria-label="Search request and response bodies"
        placeholder="Search bodies, e.g. an email or id"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </search>
  );
}

/** Which kind of rows the list shows; it sits with the row count, apart from the filters that narrow a kind down. */
export function KindFilter({ hookId }: { hookId: string }) {
  const kind = useRequests((state) => state.filters.kind);
  const show = useRequests((state) => state.show);
  return (
    <label className="inline-label">
      Kind
      <select
        value={kind ?? 'delivery'}
        onChange={(event) =>
          void show(
            hookId,
            clean({
              ...useRequests.getState().filters,
              kind: event.target.value === 'delivery' ? undefined : (event.target.value as DeliveryKind),
            }),
          )
        }
      >
        {deliveryKinds.map((option) => (
          <option key={option} value={option}>
            {KIND_LABEL[option]}
          </option>
        ))}
      </select>
    </label>
  );
}

function clean(filters: RequestFilters): RequestFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as RequestFilters;
}
