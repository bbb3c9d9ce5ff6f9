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

/** Deliveries as a table that renders only the rows in view, so 100 000 rows scroll like 100. */
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
    <div className="delivery-table" role="table" aria-label="Recent requests" aria-rowcount={items.length}>
      <div className="delivery-row head" role="row">
        <span role="columnheader">Time</span>
        <span role="columnheader">Event</span>
        <span role="columnheader">Outcome</span>
        <span role="columnheader">Status</span>
        <span role="columnheader">Duration</span>
        <span role="columnheader">Attempts</span>
      </div>
      <div
        className="delivery-scroll"
        ref={scroller}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        data-testid="delivery-scroll"
      >
        <div style={{ height: items.length * ROW_HEIGHT, position: 'relative' }}>
          {items.slice(first, last).map((item, offset) => (
            <button
              type="button"
              role="row"
              key={item.id}
              className="delivery-row"
              style={{ top: (first + offset) * ROW_HEIGHT }}
              aria-rowindex={first + offset + 2}
              onClick={() => onOpen(item)}
            >
              <span role="cell">{formatTime(item.createdAt)}</span>
              <span role="cell">
                <code>{item.event}</code>
              </span>
              <span role="cell">
                <OutcomeBadge outcome={item.outcome} />
              </span>
              <span role="cell" className={item.status !== null && item.status >= 400 ? 'bad' : undefined}>
                {item.status ?? '—'}
              </span>
              <span role="cell">{formatDuration(item.durationMs)}</span>
              <span role="cell">{item.attemptCount}</span>
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
