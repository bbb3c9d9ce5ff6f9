import { useEffect, useId, useState } from 'react';
import { type CheckProgress, type CheckRun, DEFAULT_BURST, MAX_BURST } from '../../../../shared/check';
import { counted } from '../../../../shared/counted';
import type { Hook } from '../../../../shared/domain';
import type { HookEvent } from '../../../../shared/events';
import { call, messageOf, onPush } from '../../../api';
import { fieldNote } from '../../../components/fieldNote';
import { formatTime } from '../../../format';
import { useCall } from '../../../lib/useCall';
import { useNow } from '../../../lib/useNow';
import { CheckRunView, verdictLabel, verdictTone } from './CheckRunView';
import { SignatureLab } from './SignatureLab';
import { Snippets } from './Snippets';

type Running = { startedAt: number; sent: Set<string>; answered: Set<string>; judged: Array<CheckProgress['judged']> };

/** The receiver lab for one hook (docs/receiver-lab.md): run a check, read past runs, copy a verifier, diagnose a signature. */
export function CheckReceiver({ hook }: { hook: Hook }) {
  const [events, setEvents] = useState<HookEvent[]>(hook.events);
  const [burst, setBurst] = useState(String(DEFAULT_BURST));
  const [running, setRunning] = useState<Running | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<CheckRun | null>(null);
  const runs = useCall('check.runs', { hookId: hook.id });

  const isRunning = running !== null;
  // The run answers only when done; its requests and each judged case are pushed as they go, which is the progress shown.
  useEffect(() => {
    if (!isRunning) return;
    const stopRequests = onPush('delivery.updated', (summary) => {
      if (summary.kind !== 'check' || summary.hookId !== hook.id) return;
      setRunning((current) => {
        if (!current) return current;
        const sent = new Set(current.sent).add(summary.id);
        const answered = summary.outcome === 'in_flight' ? current.answered : new Set(current.answered).add(summary.id);
        return { ...current, sent, answered };
      });
    });
    const stopCases = onPush('check.progress', ({ hookId, judged }) => {
      if (hookId !== hook.id) return;
      setRunning((current) => current && { ...current, judged: [...current.judged, judged] });
    });
    return () => {
      stopRequests();
      stopCases();
    };
  }, [isRunning, hook.id]);

  const burstSize = Number(burst);
  const burstError =
    Number.isInteger(burstSize) && burstSize >= 1 && burstSize <= MAX_BURST ? null : `Burst size is a whole number from 1 to ${MAX_BURST}`;
  const id = useId();
  const burstNote = fieldNote(`${id}-burst-error`, burstError);
  const start = async () => {
    if (burstError || events.length === 0) return;
    setError(null);
    setShown(null);
    setRunning({ startedAt: Date.now(), sent: new Set(), answered: new Set(), judged: [] });
    try {
      setShown(await call('check.run', { hookId: hook.id, events, burst: burstSize }));
      runs.reload();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setRunning(null);
    }
  };
  const open = async (runId: string) => {
    setError(null);
    try {
      setShown(await call('check.get', { runId }));
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  const toggle = (event: HookEvent, on: boolean) =>
    setEvents((current) =>
      on ? hook.events.filter((candidate) => candidate === event || current.includes(candidate)) : current.filter((e) => e !== event),
    );

  return (
    <div className="settings">
      <section className="card" aria-labelledby="check-run-title">
        <h2 id="check-run-title">Check this receiver</h2>
        <p className="muted">
          Sends what Logto sends — and forged requests Logto never would — to <code>{hook.config.url}</code>, then judges each answer. Check
          requests are logged as kind “check”, not as deliveries.
        </p>
        <fieldset className="field">
          <legend className="label">Events to send</legend>
          {hook.events.map((event) => (
            <label key={event} className="checkbox-line">
              <input type="checkbox" checked={events.includes(event)} onChange={(change) => toggle(event, change.target.checked)} /> {event}
            </label>
          ))}
          {events.length === 0 && <p className="field-error">Choose at least one event.</p>}
        </fieldset>
        <div className="field">
          <label className="label" htmlFor={`${id}-burst`}>
            Burst size
          </label>
          <input
            id={`${id}-burst`}
            type="number"
            min={1}
            max={MAX_BURST}
            value={burst}
            onChange={(change) => setBurst(change.target.value)}
            {...burstNote.input}
            className="short-select"
          />
          {burstNote.note}
        </div>
        <div className="form-actions">
          <button
            type="button"
            className="button primary"
            disabled={running !== null || events.length === 0 || burstError !== null}
            onClick={() => void start()}
          >
            {running ? 'Checking…' : 'Run check'}
          </button>
        </div>
        {running && <Progress running={running} />}
        {error && (
          <p className="banner error" role="alert">
            {error}
          </p>
        )}
      </section>
      {shown && <CheckRunView run={shown} />}
      <section className="card" aria-labelledby="past-runs-title">
        <h2 id="past-runs-title">Past runs</h2>
        {runs.error && <p className="field-error">Could not list past runs: {runs.error}</p>}
        {runs.data?.length === 0 && <p className="muted">No check has been run on this webhook yet.</p>}
        {runs.data && runs.data.length > 0 && (
          <ul className="report-list" aria-label="Past runs">
            {runs.data.map((run) => (
              <li key={run.id}>
                <button type="button" className="link-button" aria-current={shown?.id === run.id} onClick={() => void open(run.id)}>
                  {formatTime(run.startedAt)}
                </button>{' '}
                <span className={`tag ${run.passed ? 'success' : 'danger'}`}>{run.passed ? 'Passed' : 'Failed'}</span>{' '}
                <span className="muted">
                  {(['pass', 'fail', 'skip', 'info'] as const)
                    .filter((verdict) => run.counts[verdict] > 0)
                    .map((verdict) => `${run.counts[verdict]} ${verdictLabel[verdict].toLowerCase()}`)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Snippets hookId={hook.id} />
      <SignatureLab hook={hook} />
    </div>
  );
}

function Progress({ running }: { running: Running }) {
  const now = useNow(1000);
  const seconds = Math.max(0, Math.round((now - running.startedAt) / 1000));
  return (
    <div role="status">
      <p className="muted">
        <progress aria-label="Check in progress" /> {counted(running.judged.length, 'case')} judged ·{' '}
        {counted(running.sent.size, 'request')} sent, {running.answered.size} answered · {seconds} s
      </p>
      {running.judged.length > 0 && (
        <ul className="report-list" aria-label="Cases judged so far">
          {running.judged.map((judged) => (
            <li key={judged.id}>
              <span className={`tag ${verdictTone[judged.verdict]}`}>{verdictLabel[judged.verdict]}</span> {judged.title}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
