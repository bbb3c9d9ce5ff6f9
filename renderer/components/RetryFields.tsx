import type { RetryBehaviour } from '../../shared/domain';
import { RETRIES_MAX } from '../../shared/validation';
import { retryBehaviourLabel } from '../format';
import { useCall } from '../lib/useCall';

type Props = {
  idPrefix: string;
  retries: number;
  retryBehaviour: RetryBehaviour | null;
  onChange(patch: { retries?: number; retryBehaviour?: RetryBehaviour | null }): void;
};

const APP_DEFAULT = 'app-default';
const RETRY_COUNTS = Array.from({ length: RETRIES_MAX + 1 }, (_, count) => count);

/** How a failed attempt is treated: Logto changed this (PR #9410), so the hook says which Logto it behaves like. */
export function RetryFields({ idPrefix, retries, retryBehaviour, onChange }: Props) {
  const settings = useCall('settings.get', {});
  const appDefault = settings.data?.retryBehaviour;
  return (
    <>
      <div className="field">
        <label className="label" htmlFor={`${idPrefix}-retry-behaviour`}>
          Retry behaviour
        </label>
        <select
          id={`${idPrefix}-retry-behaviour`}
          value={retryBehaviour ?? APP_DEFAULT}
          aria-describedby={`${idPrefix}-retry-behaviour-hint`}
          onChange={(event) =>
            onChange({ retryBehaviour: event.target.value === APP_DEFAULT ? null : (event.target.value as RetryBehaviour) })
          }
        >
          <option value={APP_DEFAULT}>App default{appDefault ? ` — now ${retryBehaviourLabel[appDefault]}` : ''}</option>
          <option value="retry-5xx">{retryBehaviourLabel['retry-5xx']}</option>
          <option value="send-once">{retryBehaviourLabel['send-once']}</option>
        </select>
        <p className="hint" id={`${idPrefix}-retry-behaviour-hint`}>
          Match the Logto you will deploy to: its docs promise retries of a 5xx answer, but its code retries only since pull request #9410
          (August 2026); a Logto built before that sends every event once.
        </p>
      </div>
      <div className="field">
        <label className="label" htmlFor={`${idPrefix}-retries`}>
          Retries
        </label>
        <select
          id={`${idPrefix}-retries`}
          className="short-select"
          value={retries}
          aria-describedby={`${idPrefix}-retries-hint`}
          onChange={(event) => onChange({ retries: Number(event.target.value) })}
        >
          {RETRY_COUNTS.map((count) => (
            <option key={count} value={count}>
              {count}
            </option>
          ))}
        </select>
        <p className="hint" id={`${idPrefix}-retries-hint`}>
          Logto’s <code>config.retries</code>, 0–{RETRIES_MAX}: attempts after the first, when the behaviour retries. Sends once never
          retries.
        </p>
      </div>
    </>
  );
}
