import { useEffect, useId, useState } from 'react';
import type { Pushes } from '../../../shared/channels';
import { counted } from '../../../shared/counted';
import { REDELIVERY_LIMIT_DEFAULT, REDELIVERY_MAX, REDELIVERY_RATE_DEFAULT } from '../../../shared/limits';
import type { TimeRange } from '../../../shared/time';
import { call, messageOf, onPush } from '../../api';
import { Dialog } from '../../components/Dialog';
import { fieldNote } from '../../components/fieldNote';
import { formatCount } from '../../format';

type Progress = Pushes['redelivery.progress'];
type Props = { hookId: string; range: TimeRange; rangeLabel: string; onClose(): void };

/**
 * Redelivering what failed, interrupted or was cancelled: how many there are, a cap and a pace
 * chosen first (a receiver just back up should not get thousands at once), then the run's progress
 * as it is pushed, with Cancel.
 */
export function RedeliverDialog({ hookId, range, rangeLabel, onClose }: Props) {
  const [count, setCount] = useState<number | null>(null);
  const [limit, setLimit] = useState(String(REDELIVERY_LIMIT_DEFAULT));
  const [pace, setPace] = useState(String(REDELIVERY_RATE_DEFAULT));
  const [error, setError] = useState<string | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  // Pushes can overtake the answer that names the run, so every run's latest is kept until it is known.
  const [latest, setLatest] = useState<Record<string, Progress>>({});
  const progress = runId ? latest[runId] : undefined;

  useEffect(() => {
    call('logs.unsuccessfulCount', { hookId, range }).then(
      (answer) => setCount(answer.count),
      (failure) => setError(messageOf(failure)),
    );
    return onPush('redelivery.progress', (pushed) => setLatest((all) => ({ ...all, [pushed.runId]: pushed })));
  }, [hookId, range]);

  const cap = Number(limit);
  const perSecond = Number(pace);
  const capError =
    Number.isInteger(cap) && cap >= 1 && cap <= REDELIVERY_MAX
      ? null
      : `Send at most a whole number from 1 to ${formatCount(REDELIVERY_MAX)}`;
  const paceError = perSecond > 0 && perSecond <= 1000 ? null : 'The pace is more than 0 and at most 1000 a second';
  const id = useId();
  const capNote = fieldNote(`${id}-cap-error`, capError);
  const paceNote = fieldNote(`${id}-pace-error`, paceError);
  const planned = count === null ? 0 : Math.min(count, capError ? count : cap);

  const start = async () => {
    setError(null);
    try {
      setRunId((await call('logs.redeliverUnsuccessful', { hookId, range, limit: cap, perSecond })).runId);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  const cancel = async () => {
    if (!runId) return;
    try {
      await call('logs.cancelRedelivery', { runId });
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  const running = runId !== null && !progress?.done;
  return (
    <Dialog label="Redeliver unsuccessful requests?" onClose={() => (running ? undefined : onClose())}>
      <h2>Redeliver unsuccessful requests?</h2>
      <div className="dialog-body">
        {count === null && !error && <p className="muted">Counting…</p>}
        {count === 0 && <p>Nothing to send again: no request from the {rangeLabel} failed, or each that did has been redelivered since.</p>}
        {count !== null && count > 0 && runId === null && (
          <>
            <p>
              {counted(count, 'request')} from the {rangeLabel}{' '}
              {count === 1 ? 'failed, was interrupted or was cancelled' : 'failed, were interrupted or were cancelled'} and{' '}
              {count === 1 ? 'has' : 'have'} not been redelivered since. Each is sent again with the same body, signed with the current key,
              as a new entry — the oldest first.
            </p>
            <div className="field">
              <label className="label" htmlFor={`${id}-cap`}>
                Send at most
              </label>
              <input
                id={`${id}-cap`}
                type="number"
                min={1}
                max={REDELIVERY_MAX}
                value={limit}
                onChange={(change) => setLimit(change.target.value)}
                {...capNote.input}
              />
              {capNote.note}
            </div>
            <div className="field">
              <label className="label" htmlFor={`${id}-pace`}>
                Requests per second
              </label>
              <input
                id={`${id}-pace`}
                type="number"
                min={0.1}
                max={1000}
                step="any"
                value={pace}
                onChange={(change) => setPace(change.target.value)}
                {...paceNote.input}
              />
              {paceNote.note}
            </div>
          </>
        )}
        {runId !== null && (
          <div role="status">
            <progress aria-label="Redelivery progress" value={progress?.sent ?? 0} max={progress?.total ?? planned} />
            <p>
              {progress?.cancelled
                ? `Cancelled: ${formatCount(progress.sent)} of ${formatCount(progress.total)} sent.`
                : progress?.done
                  ? `Done: ${formatCount(progress.sent)} of ${formatCount(progress.total)} sent again.`
                  : `Sent ${formatCount(progress?.sent ?? 0)} of ${formatCount(progress?.total ?? planned)}…`}
            </p>
          </div>
        )}
        {error && (
          <p className="banner error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="form-actions">
        {running ? (
          <button type="button" className="button danger" onClick={() => void cancel()}>
            Cancel redelivery
          </button>
        ) : (
          <button type="button" className="button secondary" data-autofocus onClick={onClose}>
            {runId === null ? 'Cancel' : 'Close'}
          </button>
        )}
        {runId === null && count !== null && count > 0 && (
          <button type="button" className="button primary" disabled={capError !== null || paceError !== null} onClick={() => void start()}>
            Send {formatCount(planned)} again
          </button>
        )}
      </div>
    </Dialog>
  );
}
