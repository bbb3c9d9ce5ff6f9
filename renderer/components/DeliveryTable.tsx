import { useEffect, useRef, useState } from 'react';
import type { DeliverySummary } from '../../shared/domain';
import { formatDuration, formatTime } from '../format';
import { OutcomeBadge } from './OutcomeBadge';

export const ROW_HEIGHT = 40;
const OVERSCAN = 10;

type Props = {
  items: DeliverySummary[];
  hasMore: boolean;
  onNeedMore(): void;
  onOpen(delivery: DeliverySummary): void;
};

/**
 * Deliveries as a real table that renders only the rows in view (spacer rows stand for the rest),
 * so 100 000 rows scroll like 100. Each row opens with a click; its time is a button, so the
 * keyboard reaches every row with Tab and opens it with Enter.
 */
export function DeliveryTable({ items, hasMore, onNeedMore, onOpen }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);

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
            <tr key={item.id} className="delivery-row" aria-rowindex={first + offset + 2} onClick={() => onOpen(item)}>
              <td>
                <button
                  type="button"
                  className="row-link"
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(item);
                  }}
                >
                  {formatTime(item.createdAt)}
                </button>
              </td>
              <td>
                <code>{item.event}</code>
              </td>
              <td>
                <OutcomeBadge outcome={item.outcome} />
              </td>
              <td className={item.status !== null && item.status >= 400 ? 'bad' : undefined}>{item.status ?? '—'}</td>
              <td>{formatDuration(item.durationMs)}</td>
              <td>{item.attemptCount}</td>
            </tr>
          ))}
          <Spacer rows={items.length - last} />
        </tbody>
      </table>
    </div>
  );
}

/** Stands for rows out of view, so the scrollbar is as long as the whole list. */
function Spacer({ rows }: { rows: number }) {
  if (rows <= 0) return null;
  return (
    <tr className="spacer">
      <td colSpan={6} aria-hidden="true" style={{ height: rows * ROW_HEIGHT }} />
    </tr>
  );
}
