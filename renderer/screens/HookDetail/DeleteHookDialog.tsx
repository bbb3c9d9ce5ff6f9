import type { Hook } from '../../../shared/domain';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useAction } from '../../lib/useAction';
import { useHooks } from '../../state/hooks';
import { useNavigation } from '../../state/navigation';

/** Deleting a hook, confirmed; from the ⋯ menu and from the danger zone. */
export function DeleteHookDialog({ hook, onClose }: { hook: Hook; onClose(): void }) {
  const remove = useHooks((state) => state.remove);
  const go = useNavigation((state) => state.go);
  const { run } = useAction();
  return (
    <ConfirmDialog
      title={`Delete “${hook.name}”?`}
      confirmLabel="Delete webhook"
      danger
      onCancel={onClose}
      onConfirm={async () => {
        onClose();
        if (await run(() => remove(hook.id), `Deleted “${hook.name}”.`)) {
          // Unsaved edits of a deleted hook have nothing left to be saved to.
          useNavigation.getState().setUnsaved(false);
          go({ name: 'list' });
        }
      }}
    >
      The webhook stops receiving events. Its signing key cannot be recovered.
    </ConfirmDialog>
  );
}
