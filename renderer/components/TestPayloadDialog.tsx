import type { Hook } from '../../shared/domain';
import { formatDuration } from '../format';
import { useCall } from '../lib/useCall';
import { Dialog } from './Dialog';

/** Sends Logto's test payload for each selected event and shows every result at once. */
export function TestPayloadDialog({ hook, onClose }: { hook: Hook; onClose(): void }) {
  const { data: results, error } = useCall('hooks.test', { id: hook.id });

  const failed = results?.filter((result) => !result.ok).length ?? 0;
  return (
    <Dialog label="Send test payload" wide onClose={onClose}>
      <h2>Send test payload</h2>
      <p className="muted">
        Logto’s fixed test data for each of the {hook.events.length} selected events, signed and retried like real deliveries, to{' '}
        <code>{hook.config.url}</code>. Test payloads are not recorded in Recent requests.
      </p>
      {!results && !error && <p aria-live="polite">Sending…</p>}
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
