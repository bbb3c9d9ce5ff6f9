import { counted } from '../../../shared/counted';
import { hookEvents } from '../../../shared/events';
import { CopyButton } from '../../components/CopyButton';
import { RelativeTime } from '../../components/RelativeTime';
import { useCall } from '../../lib/useCall';
import { useNavigation } from '../../state/navigation';
import { RecentRequests } from '../RecentRequests';

/**
 * A hook id that names no hook. When the hook was removed and its deliveries kept, they are still
 * the user's to read and export, so they show here; otherwise there is nothing left to show.
 */
export function RemovedHook({ hookId }: { hookId: string }) {
  const go = useNavigation((state) => state.go);
  const { data: removed, error } = useCall('logs.removedHooks', {});
  const kept = removed?.find((candidate) => candidate.hookId === hookId);
  const back = (
    <button type="button" className="link-button back" onClick={() => go({ name: 'list' })}>
      ← Webhooks
    </button>
  );

  if (error) {
    return (
      <section className="page">
        {back}
        <div className="banner error" role="alert">
          Could not read the request log: {error}
        </div>
      </section>
    );
  }
  if (!removed) return <section className="page" aria-busy="true" />;
  if (!kept) {
    return (
      <section className="page">
        <div className="empty-state">
          <h2>This webhook no longer exists</h2>
          <button type="button" className="button primary" onClick={() => go({ name: 'list' })}>
            Back to webhooks
          </button>
        </div>
      </section>
    );
  }
  return (
    <section className="page">
      <header className="page-header">
        <div>
          {back}
          <h1>Removed webhook</h1>
          <p className="muted">
            Deliveries kept in the request log until retention removes them: {counted(kept.deliveries, 'delivery', 'deliveries')}
            {kept.lastDeliveryAt !== null && (
              <>
                , the newest from <RelativeTime at={kept.lastDeliveryAt} />
              </>
            )}
            . Read and export them here; with no webhook to send to, they cannot be redelivered.
          </p>
        </div>
        <div className="header-actions">
          <span className="id-line">
            <code title="The removed webhook's id, as hookbench logs --hook takes it">{hookId}</code>
            <CopyButton text={hookId} label="Copy id of the removed webhook" shown="Copy id" />
          </span>
        </div>
      </header>
      <RecentRequests hookId={hookId} events={hookEvents} removed />
    </section>
  );
}
