import type { Health } from '../../shared/domain';
import { formatRate } from '../format';

/** Requests per hour over the last 24 h, successes and failures stacked. */
export function HealthChart({ health }: { health: Health }) {
  const most = Math.max(1, ...health.hourly.map((hour) => hour.succeeded + hour.failed));
  const width = 24 * 22;
  const height = 90;
  return (
    <figure className="health-chart" aria-label="Requests per hour, last 24 hours">
      <div className="health-figures">
        <div>
          <strong>{health.total}</strong>
          <span className="muted">requests (24 h)</span>
        </div>
        <div>
          <strong>{formatRate(health.successRate)}</strong>
          <span className="muted">success rate</span>
        </div>
        <div className="legend">
          <span className="swatch ok" /> success <span className="swatch bad" /> failure
        </div>
      </div>
      <svg viewBox={`0 0 ${width} ${height + 16}`} role="img" preserveAspectRatio="none">
        {health.hourly.map((hour, index) => {
          const okHeight = (hour.succeeded / most) * height;
          const badHeight = (hour.failed / most) * height;
          const x = index * 22 + 3;
          const label = `${new Date(hour.hourStart).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}: ${hour.succeeded} succeeded, ${hour.failed} failed`;
          return (
            <g key={hour.hourStart}>
              <title>{label}</title>
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
