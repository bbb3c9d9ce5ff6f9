import type { RetryBehaviour } from '../../shared/domain';
import { call } from '../api';
import { retryBehaviourLabel } from '../format';
import { useAction } from '../lib/useAction';
import { useCall } from '../lib/useCall';

/** The app-wide retry behaviour: what every hook set to "App default" follows. */
export function RetryDefaultSetting() {
  const stored = useCall('settings.get', {});
  const { run, pending } = useAction();
  if (!stored.data) return stored.error ? <p className="field-error">{stored.error}</p> : null;

  const choose = (retryBehaviour: RetryBehaviour) =>
    run(async () => {
      await call('settings.update', { retryBehaviour });
      stored.reload();
    }, `Hooks on the app default now follow: ${retryBehaviourLabel[retryBehaviour]}.`);

  return (
    <div className="app-setting">
      <label htmlFor="app-retry-default">Retry behaviour for hooks on the app default</label>
      <select
        id="app-retry-default"
        value={stored.data.retryBehaviour}
        disabled={pending}
        onChange={(event) => void choose(event.target.value as RetryBehaviour)}
      >
        <option value="retry-5xx">{retryBehaviourLabel['retry-5xx']}</option>
        <option value="send-once">{retryBehaviourLabel['send-once']}</option>
      </select>
    </div>
  );
}
