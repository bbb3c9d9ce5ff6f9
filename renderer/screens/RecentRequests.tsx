import { useCallback, useEffect, useState } from 'react';
import type { Health, Hook } from '../../shared/domain';
import { deliveryOutcomes } from '../../shared/domain';
import { isHookEvent } from '../../shared/events';
import { type TimeRange, timeRanges } from '../../shared/time';
import { statusClasses } from '../../shared/validation';
import { call, messageOf } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DeliveryTable } from '../components/DeliveryTable';
import { HealthChart } from '../components/HealthChart';
import { saveFile } from '../download';
import { outcomeLabel } from '../format';
import { useNavigation } from '../state/navigation';
import { useNotices } from '../state/notices';
import { type RequestFilters, useRequests } from '../state/requests';

const RANGE_LABEL: Record<TimeRange, string> = { '1h': 'Last hour', '24h': 'Last 24 hours', '7d': 'Last 7 days', all: 'All time' };

export function RecentRequests({ hook }: { hook: Hook }) {
  const { items, nextCursor, status, error, filters, show, loadMore } = useRequests();
  const go = useNavigation((state) => state.go);
  const [health, setHealth] = useState<Health | null>(null);
  const [text, setText] = useState(filters.text ?? '');
  const [redeliverCount, setRedeliverCount] = useState<number | null>(null);
  const toast = useNotices((state) => state.toast);

  const exportAs = async (format: 'jsonl' | 'har') => {
    try {
      const file = await call('logs.export', { hookId: hook.id, ...filters, format });
      saveFile(file);
      toast('success', `Exported ${file.count} ${file.count === 1 ? 'delivery' : 'deliveries'} as ${file.fileName}.`);
    } catch (failure) {
      toast('error', messageOf(failure));
    }
  };
  const askRedeliver = async () => {
    try {
      setRedeliverCount((await call('logs.unsuccessfulCount', { hookId: hook.id, range: filters.range })).count);
    } catch (failure) {
      toast('error', messageOf(failure));
    }
  };
  const redeliverUnsuccessful = async () => {
    setRedeliverCount(null);
    try {
      const { count } = await call('logs.redeliverUnsuccessful', { hookId: hook.id, range: filters.range });
      toast('success', `Sending ${count} ${count === 1 ? 'request' : 'requests'} again.`);
    } catch (failure) {
      toast('error', messageOf(failure));
    }
  };

  useEffect(() => {
    void show(hook.id);
  }, [hook.id, show]);

  const newest = items[0];
  useEffect(() => {
    call('health.get', { hookId: hook.id }).then(setHealth, () => setHealth(null));
  }, [hook.id, newest?.id, newest?.outcome]);

  const setFilters = (patch: Partial<RequestFilters>) => void show(hook.id, clean({ ...filters, ...patch }));
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((filters.text ?? '') !== text) setFilters({ text: text || undefined });
    }, 250);
    return () => clearTimeout(timer);
  });
  const needMore = useCallback(() => void loadMore(), [loadMore]);
  const filtered = filters.outcome || filters.event || filters.status !== undefined || filters.text || filters.range !== '24h';

  return (
    <div className="requests">
      {health && <HealthChart health={health} />}
      <div className="filters" role="search">
        <label>
          <span className="sr-only">Time range</span>
          <select
            aria-label="Time range"
            value={filters.range}
            onChange={(event) => setFilters({ range: event.target.value as TimeRange })}
          >
            {timeRanges.map((range) => (
              <option key={range} value={range}>
                {RANGE_LABEL[range]}
              </option>
            ))}
          </select>
        </label>
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
          {hook.events.map((event) => (
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
      </div>
      <div className="toolbar">
        <span className="muted">{items.length > 0 ? `${items.length}${nextCursor ? '+' : ''} shown` : ''}</span>
        <button type="button" className="button small secondary" onClick={() => void askRedeliver()}>
          Redeliver unsuccessful…
        </button>
        <button type="button" className="button small secondary" onClick={() => void exportAs('jsonl')}>
          Export JSON Lines
        </button>
        <button type="button" className="button small secondary" onClick={() => void exportAs('har')}>
          Export HAR
        </button>
      </div>
      {redeliverCount !== null && (
        <ConfirmDialog
          title="Redeliver unsuccessful requests?"
          confirmLabel={redeliverCount === 0 ? 'Nothing to send' : `Send ${redeliverCount} again`}
          onCancel={() => setRedeliverCount(null)}
          onConfirm={() => (redeliverCount === 0 ? setRedeliverCount(null) : void redeliverUnsuccessful())}
        >
          {redeliverCount === 0
            ? `No request failed, was interrupted or was cancelled in the ${RANGE_LABEL[filters.range].toLowerCase()}.`
            : `${redeliverCount} ${redeliverCount === 1 ? 'request' : 'requests'} from the ${RANGE_LABEL[filters.range].toLowerCase()} failed, were interrupted or were cancelled. Each is sent again with the same body, signed with the current key, as a new entry.`}
        </ConfirmDialog>
      )}
      {status === 'failed' && (
        <div className="banner error" role="alert">
          Could not load requests: {error}
        </div>
      )}
      {items.length === 0 && status === 'ready' ? (
        <div className="empty-state small">
          <h2>{filtered ? 'No request matches these filters' : 'No requests in the last 24 hours'}</h2>
          <p>
            {filtered
              ? 'Widen the time range or clear a filter.'
              : 'Trigger an event to see each delivery here, with its attempts, request and response. Test payloads are not recorded, as in Logto.'}
          </p>
        </div>
      ) : (
        <DeliveryTable
          items={items}
          hasMore={nextCursor !== null}
          onNeedMore={needMore}
          onOpen={(delivery) => go({ name: 'delivery', hookId: hook.id, id: delivery.id })}
        />
      )}
    </div>
  );
}

function clean(filters: RequestFilters): RequestFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as RequestFilters;
}
