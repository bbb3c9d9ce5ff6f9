import { useState } from 'react';
import type { Hook } from '../../../shared/domain';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatCount } from '../../format';
import { useAction } from '../../lib/useAction';
import { useCall } from '../../lib/useCall';
import { useHooks } from '../../state/hooks';
import { useNavigation } from '../../state/navigation';

/** Deleting a hook, confirmed; says how many deliveries it has and offers to delete them too. From the ⋯ menu and the danger zone. */
export function DeleteHookDialog({ hook, onClose }: { hook: Hook; onClose(): void }) {
  const remove = useHooks((state) => state.remove);
  const go = useNavigation((state) => state.go);
  const { run } = useAction();
  const { data: counted, error } = useCall('logs.count', { hookId: hook.id });
  const [withDeliveries, setWithDeliveries] = useState(false);
  const count = counted?.count ?? 0;
  const deliveries = `${formatCount(count)} ${count === 1 ? 'delivery' : 'deliveries'}`;

  return (
    <ConfirmDialog
      title={`Delete “${hook.name}”?`}
      confirmLabel={withDeliveries && count > 0 ? `Delete webhook and ${deliveries}` : 'Delete webhook'}
      danger
      onCancel={onClose}
      onConfirm={async () => {
        onClose();
        const deleteDeliveries = withDeliveries && count > 0;
        const done = await run(
          () => remove(hook.id, deleteDeliveries),
          deleteDeliveries ? `Deleted “${hook.name}” and its ${deliveries}.` : `Deleted “${hook.name}”.`,
        );
        if (done) {
          // Unsaved edits of a deleted hook have nothing left to be saved to.
          useNavigation.getState().setUnsaved(false);
          go({ name: 'list' });
        }
      }}
    >
      <p>The webhook stops receiving events. Its signing key cannot be recovered.</p>
      {error && <p className="field-error">Could not count its deliveries: {error}</p>}
      {counted && count === 0 && <p className="muted">It has no deliveries in the request log.</p>}
      {counted && count > 0 && (
        <label className="checkbox-line">
          <input type="checkbox" checked={withDeliveries} onChange={(event) => setWithDeliveries(event.target.checked)} /> Also delete its{' '}
          {deliveries} from the request log
        </label>
      )}
    </ConfirmDialog>
  );
}
