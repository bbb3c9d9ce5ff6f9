import { counted } from '../../../shared/counted';
import type { HealthSummary, Hook } from '../../../shared/domain';
import { logtoUrlRefusal } from '../../../shared/validation';
import { RelativeTime } from '../../components/RelativeTime';
import { formatCount, formatRate } from '../../format';
import { usePreferences } from '../../state/preferences';

export function HookRow({ hook, health, onOpen }: { hook: Hook; health?: HealthSummary; onOpen(): void }) {
  const rate = health?.successRate ?? null;
  const tone = rate === null ? 'none' : rate >= 0.95 ? 'good' : rate >= 0.8 ? 'fair' : 'poor';
  const marksLocal = !usePreferences((state) => state.localNoteDismissed);
  const refusal = marksLocal ? logtoUrlRefusal(hook.config.url) : null;
  return (
    <tr className="clickable" onClick={onOpen}>
      <td>
        <button type="button" className="row-link" title={hook.name} onClick={onOpen}>
          {hook.name}
        </button>
      </td>
      <td className="url-cell">
        <code title={hook.config.url}>{hook.config.url}</code>
        {refusal && (
          <span className="tag muted" title={refusal}>
            local
          </span>
        )}
      </td>
      <td className="nowrap">{counted(hook.events.length, 'event')}</td>
      <td className="nowrap">{formatCount(health?.total ?? 0)}</td>
      <td className="nowrap">
        <span className={`health-dot ${tone}`} aria-hidden="true" /> {formatRate(rate)}
      </td>
      <td className="nowrap">
        {health?.lastDeliveryAt ? <RelativeTime at={health.lastDeliveryAt} /> : <span className="muted">Never</span>}
      </td>
      <td className="nowrap">
        <span className={`status-dot ${hook.enabled ? 'on' : 'off'}`} /> {hook.enabled ? 'Enabled' : 'Disabled'}
      </td>
    </tr>
  );
}
