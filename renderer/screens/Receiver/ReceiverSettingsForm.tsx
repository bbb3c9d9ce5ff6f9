import { type FormEvent, useState } from 'react';
import type { ReceiverStatus } from '../../../shared/domain';
import { ApiCallError, call, messageOf } from '../../api';
import { fieldNote } from '../../components/fieldNote';
import { useNotices } from '../../state/notices';

type Errors = { port?: string; forwardUrl?: string; other?: string };

/** The receiver's saved settings: port, capture on/off, forward target. The core validates; its errors show at their field. */
export function ReceiverSettingsForm({ status, onSaved }: { status: ReceiverStatus; onSaved(): void }) {
  const [port, setPort] = useState(String(status.port));
  const [capture, setCapture] = useState(status.capture.enabled);
  const [forwardUrl, setForwardUrl] = useState(status.capture.forwardUrl ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const toast = useNotices((state) => state.toast);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = port.trim() === '' ? Number.NaN : Number(port);
    if (!Number.isFinite(wanted)) {
      setErrors({ port: 'Enter a port number from 1024 to 65535' });
      return;
    }
    setSaving(true);
    try {
      await call('receiver.configure', {
        // An unchanged port is left out: a receiver on a free port (0 saved) keeps the one it has.
        ...(wanted === status.port ? {} : { port: wanted }),
        capture: { enabled: capture, forwardUrl: forwardUrl.trim() === '' ? null : forwardUrl.trim() },
      });
      setErrors({});
      toast('success', 'Receiver settings saved.');
      onSaved();
    } catch (failure) {
      const field = failure instanceof ApiCallError ? failure.field : undefined;
      const message = messageOf(failure);
      setErrors(
        field === 'port' ? { port: message } : field?.startsWith('capture.forwardUrl') ? { forwardUrl: message } : { other: message },
      );
    } finally {
      setSaving(false);
    }
  };

  const portNote = fieldNote('receiver-port-error', errors.port);
  const forwardNote = fieldNote('receiver-forward-error', errors.forwardUrl);
  return (
    <form onSubmit={save} noValidate aria-label="Receiver settings">
      <div className="field">
        <label className="label" htmlFor="receiver-port">
          Port
        </label>
        <input
          id="receiver-port"
          type="number"
          min={1024}
          max={65535}
          className="narrow-input"
          value={port}
          {...portNote.input}
          onChange={(event) => setPort(event.target.value)}
        />
        {portNote.note}
      </div>
      <div className="field">
        <label className="inline-label">
          <input type="checkbox" checked={capture} onChange={(event) => setCapture(event.target.checked)} /> Capture requests sent to{' '}
          <code>/capture</code> (starts the receiver)
        </label>
      </div>
      <div className="field">
        <label className="label" htmlFor="receiver-forward">
          Forward captured requests to <span className="hint">optional: your own receiver, sent the same bytes and headers</span>
        </label>
        <input
          id="receiver-forward"
          type="url"
          placeholder="http://localhost:3000/webhooks/logto"
          value={forwardUrl}
          {...forwardNote.input}
          onChange={(event) => setForwardUrl(event.target.value)}
        />
        {forwardNote.note}
      </div>
      {errors.other && (
        <p className="field-error" role="alert">
          {errors.other}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={saving}>
          Save receiver settings
        </button>
      </div>
    </form>
  );
}
