import { useId } from 'react';
import type { HealthSummary, HourlyCount } from '../../shared/domain';
import { formatRate } from '../format';

const hourLabel = (hourStart: number) => new Date(hourStart).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** Requests per hour over the last 24 h, successes and failures stacked, with the figures in words. */
export function HealthChart({ summary, hourly }: { summary: HealthSummary; hourly: HourlyCount[] }) {
  const titleId = useId();
  const most = Math.max(1, ...hourly.map((hour) => hour.succeeded + hour.failed));
  const busiest = hourly.reduce<HourlyCount | null>(
    (top, hour) => (hour.succeeded + hour.failed > (top ? top.succeeded + top.failed : 0) ? hour : top),
    null,
  );
  const width = 24 * 22;
  const height = 90;
  const failed = summary.total - summary.succeeded;
  const description = `Requests per hour, last 24 hours: ${summary.succeeded} succeeded, ${failed} failed${
    busiest ? `; busiest hour ${hourLabel(busiest.hourStart)} with ${busiest.succeeded + busiest.failed}` : ''
  }.`;
  return (
    <figure className="health-chart" aria-label="Health, last 24 hours">
      <div className="health-figures">
        <div>
          <strong data-testid="health-total">{summary.total.toLocaleString()}</strong>
          <span className="muted">{summary.total === 1 ? 'request' : 'requests'} (24 h)</span>
        </div>
        <div>
          <strong data-testid="health-rate">{formatRate(summary.successRate)}</strong>
          <span className="muted">success rate</span>
        </div>
        <div className="legend">
          <span className="swatch ok" /> success <span className="swatch bad" /> failure
        </div>
      </div>
      <svg viewBox={`0 0 ${width} ${height + 16}`} role="img" aria-labelledby={titleId} preserveAspectRatio="none">
        <title id={titleId}>{description}</title>
        {hourly.map((hour, index) => {
          const okHeight = (hour.succeeded / most) * height;
          const badHeight = (hour.failed / most) * height;
          const x = index * 22 + 3;
          return (
            <g key={hour.hourStart}>
              <title>{`${hourLabel(hour.hourStart)}: ${hour.succeeded} succeeded, ${hour.failed} failed`}</title>
              <rect x={x} y={0} width={16} height={height} className="bar-bg" />
              <rect x={x} y={height - okHeight} width={16} height={okHeight} className="bar-ok" />
              <rect x={x} y={height - okHeight - badHeight} width={16} height={badHeight} className="bar-bad" />
              {index % 6 === 0 && (
                <text x={x} y={height + 13} className="axis">
                  {new Date(hour.hourStart).getHours().toString().padStart(2, '0')}:00
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
