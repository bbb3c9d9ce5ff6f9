import { useNavigation } from '../state/navigation';
import { ConfirmDialog } from './ConfirmDialog';

/** Asks before leaving a form with unsaved edits; staying is the default (Enter keeps the edits). */
export function LeaveGuard() {
  const leaving = useNavigation((state) => state.leavingTo !== null);
  const answerLeave = useNavigation((state) => state.answerLeave);
  if (!leaving) return null;
  return (
    <ConfirmDialog
      title="Discard unsaved changes?"
      confirmLabel="Discard changes"
      cancelLabel="Keep editing"
      danger
      onCancel={() => answerLeave(false)}
      onConfirm={() => answerLeave(true)}
    >
      Your edits to this webhook have not been saved. Leaving now loses them.
    </ConfirmDialog>
  );
}
