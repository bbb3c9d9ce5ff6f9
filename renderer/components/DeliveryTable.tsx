import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { DeliverySummary } from '../../shared/domain';
import { formatCount, formatDuration } from '../format';
import { CopyButton } from './CopyButton';
import { OutcomeBadge } from './OutcomeBadge';
import { RelativeTime } from './RelativeTime';
import { ResentTag } from './ResentTag';

export const ROW_HEIGHT = 40;
const OVERSCAN = 10;

type Props = {
  items: DeliverySummary[];
  hasMore: boolean;
  onNeedMore(): void;
  /** Where the list was when the user last left it: scrolled there again, that row marked and focused. */
  place: { scrollTop: number; selectedId: string } | null;
  onOpen(delivery: DeliverySummary, scrollTop: number): void;
};

/**
 * Deliveries as a real table that renders only the rows in view (spacer rows stand for the rest),
 * so 100 000 rows scroll like 100. Each row opens with a click; its time is a button, so the
 * keyboard reaches every row with Tab and opens it with Enter.
 */
export function DeliveryTable({ items, hasMore, onNeedMore, place, onOpen }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(place?.scrollTop ?? 0);
  // One function for the table's life, so rows that stay in view are not drawn again as it scrolls.
  const latestOnOpen = useRef(onOpen);
  latestOnOpen.current = onOpen;
  const open = useCallback((item: DeliverySummary) => latestOnOpen.current(item, scroller.current?.scrollTop ?? 0), []);

  // Only on arrival: afterwards the user's own scrolling rules.
  const arrival = useRef(place);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !arrival.current) return;
    element.scrollTop = arrival.current.scrollTop;
    element.querySelector<HTMLElement>(`[data-id="${CSS.escape(arrival.current.selectedId)}"] .row-link`)?.focus({ preventScroll: true });
  }, []);
  const [viewport, setViewport] = useState(600);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A list that shrank under the scroll position (rows that stopped matching) shows its end, not a blank, until the browser's scroll event catches up.
  const top = Math.min(scrollTop, Math.max(0, items.length * ROW_HEIGHT - viewport));
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((top + viewport) / ROW_HEIGHT) + OVERSCAN);

  useEffect(() => {
    if (hasMore && last >= items.length - OVERSCAN * 2) onNeedMore();
  }, [hasMore, last, items.length, onNeedMore]);

  return (
    <div
      className="delivery-scroll"
      ref={scroller}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      data-testid="delivery-scroll"
    >
      <table className="delivery-table" aria-label="Recent requests" aria-rowcount={items.length + 1}>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">ID</th>
            <th scope="col">Event</th>
            <th scope="col">Outcome</th>
            <th scope="col">Status</th>
            <th scope="col">Duration</th>
            <th scope="col">Attempts</th>
          </tr>
        </thead>
        <tbody>
          <Spacer rows={first} />
          {items.slice(first, last).map((item, offset) => (
            <DeliveryRow key={item.id} item={item} index={first + offset} selected={item.id === place?.selectedId} onOpen={open} />
          ))}
          <Spacer rows={items.length - last} />
        </tbody>
      </table>
    </div>
  );
}

type RowProps = { item: DeliverySummary; index: number; selected: boolean; onOpen(item: DeliverySummary): void };

const DeliveryRow = memo(function DeliveryRow({ item, index, selected, onOpen }: RowProps) {
  return (
    <tr
      data-id={item.id}
      className={`delivery-row${selected ? ' selected' : ''}`}
      aria-current={selected ? 'true' : undefined}
      aria-rowindex={index + 2}
      onClick={() => onOpen(item)}
    >
      <td>
        <button
          type="button"
          className="row-link"
          onClick={(event) => {
            event.stopPropagation();
            onOpen(item);
          }}
        >
          <RelativeTime at={item.createdAt} />
        </button>
      </td>
      <td>
        <span className="id-cell">
          {/* The end: ids begin with their time, so a burst shares its first characters. */}
          <code title={item.id}>…{item.id.slice(-8)}</code>
          <CopyButton text={item.id} label={`Copy delivery id ${item.id}`} shown="Copy" />
        </span>
      </td>
      <td>
        <code>{item.event}</code>
        <ResentTag item={item} />
      </td>
      <td>
        <OutcomeBadge outcome={item.outcome} />
      </td>
      <td className={item.status !== null && item.status >= 400 ? 'bad' : undefined}>
        {item.status ?? (item.outcome === 'in_flight' ? '—' : 'none')}
      </td>
      <td>{formatDuration(item.durationMs)}</td>
      <td>{formatCount(item.attemptCount)}</td>
    </tr>
  );
});

/** Stands for rows out of view, so the scrollbar is as long as the whole list. */
function Spacer({ rows }: { rows: number }) {
  if (rows <= 0) return null;
  return (
    <tr className="spacer">
      <td colSpan={7} aria-hidden="true" style={{ height: rows * ROW_HEIGHT }} />
    </tr>
  );
}
