import { useEffect, useState } from 'react';
import type { Hook } from '../../shared/domain';
import { eventGroups, type HookEvent } from '../../shared/events';
import { call, messageOf } from '../api';
import { Dialog } from './Dialog';

type Props = {
  hooks: Hook[];
  initialEvent?: HookEvent;
  onClose(): void;
  onSent(count: number): void;
};

/** Fires an event as Logto would: a realistic sample, editable, delivered to every subscribed hook and logged. */
export function TriggerEventDialog({ hooks, initialEvent = 'PostSignIn', onClose, onSent }: Props) {
  const [event, setEvent] = useState<HookEvent>(initialEvent);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const targets = hooks.filter((hook) => hook.enabled && hook.events.includes(event));

  useEffect(() => {
    setError(null);
    call('events.sample', { event }).then(
      (sample) => setText(JSON.stringify(sample, null, 2)),
      (failure) => setError(messageOf(failure)),
    );
  }, [event]);

  const parsed = parseObject(text);
  const send = async () => {
    if (!parsed.ok) return;
    setSending(true);
    try {
      const { deliveries } = await call('events.trigger', { event, payload: parsed.value });
      onSent(deliveries.length);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog label="Trigger event" wide onClose={onClose}>
      <h2>Trigger event</h2>
      <label className="field">
        <span className="label">Event</span>
        <select data-autofocus value={event} onChange={(change) => setEvent(change.target.value as HookEvent)}>
          {eventGroups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.events.map((option) => (
                <option key={option.name} value={option.name}>
                  {option.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="label">
          Payload <span className="hint">edit freely; hookId is added for each hook, last, as Logto does</span>
        </span>
        <textarea
          className="payload-editor"
          spellCheck={false}
          rows={16}
          value={text}
          aria-invalid={!parsed.ok}
          onChange={(change) => setText(change.target.value)}
        />
        {!parsed.ok && (
          <p className="field-error" role="alert">
            {parsed.error}
          </p>
        )}
      </label>
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
      <p className={targets.length ? 'muted' : 'warn-text'}>
        {targets.length
          ? `Delivers to ${targets.map((hook) => `“${hook.name}”`).join(', ')}.`
          : `No enabled webhook subscribes to ${event}; nothing would be sent.`}
      </p>
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button primary"
          disabled={!parsed.ok || sending || targets.length === 0}
          onClick={() => void send()}
        >
          {sending ? 'Sending…' : `Send to ${targets.length} ${targets.length === 1 ? 'webhook' : 'webhooks'}`}
        </button>
      </div>
    </Dialog>
  );
}

function parseObject(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { ok: false, error: 'The payload must be a JSON object { … }' };
    return { ok: true, value: value as Record<string, unknown> };
  } catch (error) {
    return { ok: false, error: `Not valid JSON: ${(error as Error).message}` };
  }
}
