import type { Hook } from '../../../shared/domain';
import { logtoUrlRefusal } from '../../../shared/validation';
import { usePreferences } from '../../state/preferences';

/** Once, small: why some endpoints are marked local. Dismissed for good, the marks go too, and the form's warning. */
export function LocalNote({ hooks }: { hooks: Hook[] }) {
  const dismissed = usePreferences((state) => state.localNoteDismissed);
  const dismiss = usePreferences((state) => state.dismissLocalNote);
  if (dismissed || !hooks.some((hook) => logtoUrlRefusal(hook.config.url))) return null;
  return (
    <p className="local-note">
      <span className="tag muted no-margin">local</span> marks an endpoint a real Logto tenant could not reach (it needs public HTTPS). Fine
      for building your receiver here.{' '}
      <button type="button" className="link-button" onClick={dismiss}>
        Got it, hide these marks
      </button>
    </p>
  );
}
