import { counted } from '../../../shared/counted';
import { RelativeTime } from '../../components/RelativeTime';
import { useCall } from '../../lib/useCall';
import { useNavigation } from '../../state/navigation';

/** Webhooks removed with their deliveries kept: listed so those deliveries can still be opened. */
export function RemovedHooks() {
  const go = useNavigation((state) => state.go);
  const { data: removed } = useCall('logs.removedHooks', {});
  if (!removed || removed.length === 0) return null;
  return (
    <section className="removed-hooks" aria-labelledby="removed-hooks-title">
      <h2 id="removed-hooks-title">Removed webhooks</h2>
      <p className="muted">Their deliveries stay in the request log until retention removes them.</p>
      <ul>
        {removed.map(({ hookId, deliveries, lastDeliveryAt }) => (
          <li key={hookId}>
            <button type="button" className="link-button" onClick={() => go({ name: 'hook', id: hookId, tab: 'requests' })}>
              <code>{hookId}</code>
            </button>{' '}
            <span className="muted">
              {counted(deliveries, 'delivery', 'deliveries')}
              {lastDeliveryAt !== null && (
                <>
                  , newest <RelativeTime at={lastDeliveryAt} />
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
