import { useState } from 'react';
import { counted } from '../../../shared/counted';
import type { Hook } from '../../../shared/domain';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useAction } from '../../lib/useAction';
import { useCall } from '../../lib/useCall';
import { useHooks } from '../../state/hooks';
import { useNavigation } from '../../state/navigation';

/** Deleting a hook, confirmed; says how many logged requests it has and offers to delete them too. From the ⋯ menu and the danger zone. */
export function DeleteHookDialog({ hook, onClose }: { hook: Hook; onClose(): void }) {
  const remove = useHooks((state) => state.remove);
  const go = useNavigation((state) => state.go);
  const { run } = useAction();
  const { data: logged, error } = useCall('logs.count', { hookId: hook.id });
  const [withDeliveries, setWithDeliveries] = useState(false);
  const count = logged?.count ?? 0;
  // Deliveries, receiver checks and captures signed with its key: all of them go with it.
  const rows = counted(count, 'logged request');

  return (
    <ConfirmDialog
      title={`Delete “${hook.name}”?`}
      confirmLabel={withDeliveries && count > 0 ? `Delete webhook and ${rows}` : 'Delete webhook'}
      danger
      onCancel={onClose}
      onConfirm={async () => {
        onClose();
        const deleteDeliveries = withDeliveries && count > 0;
        const done = await run(
          () => remove(hook.id, deleteDeliveries),
          deleteDeliveries ? `Deleted “${hook.name}” and its ${rows}.` : `Deleted “${hook.name}”.`,
        );
        if (done) {
          // Unsaved edits of a deleted hook have nothing left to be saved to.
          useNavigation.getState().setUnsaved(false);
          go({ name: 'list' });
        }
      }}
    >
      <p>The webhook stops receiving events. Its signing key cannot be recovered.</p>
      {error && <p className="field-error">Could not count what it has in the request log: {error}</p>}
      {logged && count === 0 && <p className="muted">It has nothing in the request log.</p>}
      {logged && count > 0 && (
        <label className="checkbox-line">
          <input type="checkbox" checked={withDeliveries} onChange={(event) => setWithDeliveries(event.target.checked)} /> Also delete its{' '}
          {rows} from the request log
        </label>
      )}
    </ConfirmDialog>
  );
}
