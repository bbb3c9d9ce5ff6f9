import { useEffect, useRef, useState } from 'react';
import type { Hook, TestResult } from '../../shared/domain';
import { LOGTO_TIMEOUT_MS } from '../../shared/logto';
import { call, messageOf } from '../api';
import { formatDuration } from '../format';
import { Dialog } from './Dialog';
import type { HookFormValues } from './HookForm';

type Props = {
  hook: Hook;
  /** What the settings form holds now, when it is open: sent as it is, saved or not. */
  draft?: HookFormValues;
  onClose(): void;
};

/** Sends Logto's test payload for each selected event and shows every result at once. */
export function TestPayloadDialog({ hook, draft, onClose }: Props) {
  const overrides = draft && {
    events: draft.events,
    url: draft.url.trim(),
    headers: draft.headers,
    retries: draft.retries,
    retryBehaviour: draft.retryBehaviour,
  };
  const [results, setResults] = useState<TestResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Sending is an act, not a read: once per opening, even when React runs effects twice in development.
  const sent = useRef(false);
  const input = useRef({ id: hook.id, ...overrides });
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    call('hooks.test', input.current).then(setResults, (failure) => setError(messageOf(failure)));
  }, []);
  const events = overrides?.events ?? hook.events;
  const url = overrides?.url ?? hook.config.url;

  const failed = results?.filter((result) => !result.ok).length ?? 0;
  return (
    <Dialog label="Send test payload" wide onClose={onClose}>
      <h2>Send test payload</h2>
      <p className="muted">
        Logto’s fixed test data for each of the {events.length} selected events, signed with the stored key and retried like real
        deliveries, to <code>{url}</code>.{draft && ' What the form holds now is sent, unsaved edits included.'} Test payloads are not
        recorded in Recent requests.
      </p>
      {!results && !error && <Sending />}
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
      {results && (
        <>
          <p className={failed ? 'warn-text' : 'ok-text'} role="status">
            {failed ? `${failed} of ${results.length} failed` : `All ${results.length} succeeded`}
          </p>
          <table className="table compact">
            <thead>
              <tr>
                <th>Event</th>
                <th>Result</th>
                <th>Time</th>
                <th>Response</th>
              </tr>
            </thead>
            <tbody>
              {results.map((result) => (
                <tr key={result.event}>
                  <td>
                    <code>{result.event}</code>
                  </td>
                  <td>
                    <span className={`tag no-margin ${result.ok ? 'success' : 'danger'}`}>{result.status ?? 'no response'}</span>
                    {result.attemptCount > 1 && <span className="hint"> {result.attemptCount} attempts</span>}
                  </td>
                  <td>{formatDuration(result.durationMs)}</td>
                  <td className="response-cell">
                    {/* The message and the body are two things: each on its own line. */}
                    {result.error && !result.ok ? <p className="warn-text cell-line">{result.error}</p> : null}
                    {result.body ? <code className="cell-line">{result.body.slice(0, 300)}</code> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="form-actions">
        <button type="button" className="button secondary" data-autofocus onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

/**
 * How long the test has been waiting, so a receiver that hangs is told from a slow page: Logto
 * waits 10 s for each attempt's answer. Only the first line is announced; the seconds tick quietly.
 */
function Sending() {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds((count) => count + 1), 1_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <p>
      <span aria-live="polite">Sending…</span>
      {seconds > 0 && (
        <span className="muted">
          {' '}
          {seconds} s. Logto waits up to {LOGTO_TIMEOUT_MS / 1000} s for each attempt’s answer; closing this does not stop it, and its
          result is then not shown.
        </span>
      )}
    </p>
  );
}
