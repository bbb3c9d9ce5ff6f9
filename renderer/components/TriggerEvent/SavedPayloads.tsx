import { type FormEvent, useState } from 'react';
import type { HookEvent } from '../../../shared/events';
import { call } from '../../api';
import { useAction } from '../../lib/useAction';
import { useCall } from '../../lib/useCall';

type Props = { event: HookEvent; payload: Record<string, unknown> | null; onUse(payload: Record<string, unknown>): void };

/** Payloads kept for this event: use one, save the current one under a name, remove one. */
export function SavedPayloads({ event, payload, onUse }: Props) {
  const saved = useCall('payloads.list', { event });
  const [name, setName] = useState('');
  const { run, pending } = useAction();

  const save = async (submit: FormEvent) => {
    submit.preventDefault();
    if (!payload || name.trim() === '') return;
    if (await run(() => call('payloads.save', { event, name, payload }), `Saved “${name.trim()}” for ${event}.`)) {
      setName('');
      saved.reload();
    }
  };
  const remove = async (id: string) => {
    if (await run(() => call('payloads.remove', { id }))) saved.reload();
  };

  return (
    <section aria-labelledby="saved-payloads-title">
      <h3 id="saved-payloads-title">Saved for {event}</h3>
      {saved.data?.length === 0 && <p className="muted small-text">None yet. Save the payload below to reuse it.</p>}
      <ul className="side-list">
        {saved.data?.map((item) => (
          <li key={item.id} className="side-item">
            <button type="button" className="link-button" onClick={() => onUse(item.payload)}>
              {item.name}
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove saved payload ${item.name}`}
              onClick={() => void remove(item.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="save-payload" onSubmit={save}>
        <input
          aria-label="Name for this payload"
          placeholder="e.g. new user with email"
          value={name}
          onChange={(change) => setName(change.target.value)}
        />
        <button type="submit" className="button small secondary" disabled={!payload || name.trim() === '' || pending}>
          Save
        </button>
      </form>
    </section>
  );
}
