import { useEffect, useState } from 'react';
import { call, onPush } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RelativeTime } from '../../components/RelativeTime';
import { formatBytes } from '../../format';
import { useAction } from '../../lib/useAction';
import { useCall } from '../../lib/useCall';
import { CapturedRequests } from './CapturedRequests';
import { ReceiverSettingsForm } from './ReceiverSettingsForm';

/**
 * The built-in receiver (docs/receiver.md): whether it listens and where, what it captures and
 * forwards, what it answered lately, and the requests a real Logto sent to `/capture`.
 */
export function Receiver() {
  const { data: status, error, reload } = useCall('receiver.status', {});
  const { run, pending } = useAction();
  const [exposing, setExposing] = useState(false);
  // Each request the receiver takes is pushed as a log row: read its activity again then.
  useEffect(() => onPush('delivery.updated', (summary) => summary.kind === 'captured' && reload()), [reload]);

  const change = (work: () => Promise<unknown>, success: string) =>
    run(async () => {
      await work();
      reload();
    }, success);

  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>Built-in receiver</h1>
          <p className="muted">
            Something to send to before you have written a receiver (<code>/r/&lt;hook id&gt;</code>), and an endpoint a real Logto can send
            to (<code>/capture</code>), to see, check and replay what it sends.
          </p>
        </div>
        {status && (
          <div className="header-actions">
            <button type="button" className="button secondary" onClick={reload}>
              Refresh
            </button>
            {status.running ? (
              <button
                type="button"
                className="button secondary"
                disabled={pending}
                onClick={() => void change(() => call('receiver.stop', {}), 'The built-in receiver stopped.')}
              >
                Stop
              </button>
            ) : (
              <button
                type="button"
                className="button primary"
                disabled={pending}
                onClick={() => void change(() => call('receiver.start', {}), 'The built-in receiver is listening.')}
              >
                Start
              </button>
            )}
          </div>
        )}
      </header>
      {error && (
        <div className="banner error" role="alert">
          Could not read the receiver’s state: {error}
        </div>
      )}
      {status && (
        <>
          <section className="card" aria-labelledby="receiver-state-title">
            <h2 id="receiver-state-title">Where it listens</h2>
            <dl className="facts">
              <dt>State</dt>
              <dd>
                <span className={`status-dot ${status.running ? 'on' : 'off'}`} aria-hidden="true" />{' '}
                {status.running ? `Listening on ${status.host}:${status.port}` : 'Not running'}
              </dd>
              <dt>Capture endpoint</dt>
              <dd className="mono">{status.baseUrl}/capture</dd>
              <dt>Interfaces</dt>
              <dd>
                {status.host === '127.0.0.1' ? (
                  <>
                    This machine only (127.0.0.1).{' '}
                    <button type="button" className="link-button" onClick={() => setExposing(true)}>
                      Listen on every network interface…
                    </button>
                  </>
                ) : (
                  <>
                    <strong className="danger-text">
                      Every network interface ({status.host}): anyone who can reach this machine can send to it.
                    </strong>{' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() =>
                        void change(
                          () => call('receiver.configure', { exposeOnNetwork: false }),
                          'The receiver now listens on 127.0.0.1 only.',
                        )
                      }
                    >
                      Back to this machine only
                    </button>
                  </>
                )}
              </dd>
              <dt>Body limit</dt>
              <dd>{formatBytes(status.bodyLimitBytes)} (larger requests get 413)</dd>
            </dl>
            {/* Fresh from what is saved whenever the port changes (a receiver on a free port learns its own when it starts). */}
            <ReceiverSettingsForm key={status.port} status={status} onSaved={reload} />
          </section>
          <section className="card" aria-labelledby="receiver-activity-title">
            <h2 id="receiver-activity-title">Recent activity</h2>
            {status.recent.length === 0 ? (
              <p className="muted">Nothing received since Hookbench started.</p>
            ) : (
              <table className="table compact">
                <thead>
                  <tr>
                    <th>When</th>
                    <th>Request</th>
                    <th>Answer</th>
                    <th>Note</th>
                  </tr>
                </thead>
                <tbody>
                  {status.recent.map((item, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: activity lines have no id; the list is replaced whole, never reordered.
                    <tr key={`${item.at}-${index}`}>
                      <td>
                        <RelativeTime at={item.at} />
                      </td>
                      <td className="mono">
                        {item.method} {item.path}
                      </td>
                      <td>{item.status}</td>
                      <td>{item.note}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <CapturedRequests forwardUrl={status.capture.forwardUrl} />
        </>
      )}
      {exposing && (
        <ConfirmDialog
          title="Listen on every network interface?"
          confirmLabel="Listen on every interface"
          danger
          onCancel={() => setExposing(false)}
          onConfirm={() => {
            setExposing(false);
            void change(() => call('receiver.configure', { exposeOnNetwork: true }), 'The receiver now listens on every interface.');
          }}
        >
          <p>
            Anyone who can reach this machine — on your Wi-Fi, your office network, or the internet if it is reachable — can then post to
            <code> /capture</code> (filling your request log, and through a forward target reaching your own receiver) and read the answers
            scripted for your webhooks at <code>/r/&lt;hook id&gt;</code>.
          </p>
          <p>Keep it on this machine unless Logto runs elsewhere and cannot use a tunnel.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
