import type { TriggerRecord } from '../../../shared/domain';
import { useCall } from '../../lib/useCall';
import { RelativeTime } from '../RelativeTime';

/** What was triggered before, newest first; loading one puts its event and payload in the editor, ready to send again. */
export function TriggerHistory({ onUse }: { onUse(record: TriggerRecord): void }) {
  const history = useCall('events.history', {});
  const records = history.data?.slice(0, 10) ?? [];
  return (
    <section aria-labelledby="trigger-history-title">
      <h3 id="trigger-history-title">Recently triggered</h3>
      {history.data?.length === 0 && <p className="muted small-text">Nothing triggered yet.</p>}
      <ul className="side-list">
        {records.map((record) => (
          <li key={record.id} className="side-item">
            <button
              type="button"
              className="link-button"
              aria-label={`Load ${record.event} triggered ${new Date(record.at).toLocaleString()}`}
              onClick={() => onUse(record)}
            >
              <code>{record.event}</code>
            </button>
            <span className="muted small-text">
              {record.payload ? 'edited' : 'sample'} · <RelativeTime at={record.at} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
