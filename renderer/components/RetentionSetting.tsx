import { type FormEvent, useRef, useState } from 'react';
import { counted } from '../../shared/counted';
import { retentionDaysSchema } from '../../shared/validation';
import { call, messageOf } from '../api';
import { useCall } from '../lib/useCall';
import { useNotices } from '../state/notices';
import { fieldNote } from './fieldNote';

/** How long the request log keeps deliveries; older ones are removed at start and hourly. */
export function RetentionSetting() {
  const stored = useCall('settings.get', {});
  const [saved, setSaved] = useState<number | null>(null);
  const days = saved ?? stored.data?.retentionDays ?? null;
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const toast = useNotices((state) => state.toast);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = retentionDaysSchema.safeParse(draft.trim() === '' ? Number.NaN : Number(draft));
    if (!parsed.success) {
      setError(Number.isNaN(Number(draft)) || draft.trim() === '' ? 'Enter a number of days' : parsed.error.issues[0]!.message);
      input.current?.focus();
      return;
    }
    try {
      const { retentionDays } = await call('settings.update', { retentionDays: parsed.data });
      setSaved(retentionDays);
      setEditing(false);
      setError(null);
      toast('success', `Requests are now kept for ${counted(retentionDays, 'day')}.`);
    } catch (failure) {
      setError(messageOf(failure));
      input.current?.focus();
    }
  };

  if (days === null) return stored.error ? <p className="field-error">{stored.error}</p> : null;
  const note = fieldNote('retention-error', error);
  return (
    <div className="retention">
      {!editing ? (
        <p className="muted">
          The request log keeps deliveries for {counted(days, 'day')}, on this machine only.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setDraft(String(days));
              setEditing(true);
            }}
          >
            Change
          </button>
        </p>
      ) : (
        <form className="retention-form" onSubmit={save} noValidate>
          <label>
            Keep requests for{' '}
            <input
              ref={input}
              type="number"
              min={1}
              max={3650}
              value={draft}
              aria-label="Days to keep requests"
              {...note.input}
              onChange={(event) => setDraft(event.target.value)}
            />{' '}
            days
          </label>
          <button type="submit" className="button small primary">
            Save
          </button>
          <button
            type="button"
            className="button small secondary"
            onClick={() => {
              setEditing(false);
              setError(null);
            }}
          >
            Cancel
          </button>
          {note.note}
        </form>
      )}
    </div>
  );
}
