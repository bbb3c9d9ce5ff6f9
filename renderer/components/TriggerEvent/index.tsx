import { useEffect, useState } from 'react';
import type { Hook, TriggerRecord } from '../../../shared/domain';
import { eventGroups, type HookEvent } from '../../../shared/events';
import { call, messageOf } from '../../api';
import { Dialog } from '../Dialog';
import { PayloadEditor } from './PayloadEditor';
import { parsePayload } from './parsePayload';
import { SavedPayloads } from './SavedPayloads';
import { TriggerHistory } from './TriggerHistory';

type Props = {
  hooks: Hook[];
  initialEvent?: HookEvent;
  onClose(): void;
  onSent(count: number): void;
};

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * Fires an event as Logto would: a realistic sample, editable, delivered to every subscribed hook
 * and logged. Each event keeps its own draft while the dialog is open; payloads can be saved per
 * event, and what was triggered before can be loaded again.
 */
export function TriggerEventDialog({ hooks, initialEvent = 'PostSignIn', onClose, onSent }: Props) {
  const [event, setEvent] = useState<HookEvent>(initialEvent);
  const [samples, setSamples] = useState<Partial<Record<HookEvent, string>>>({});
  const [drafts, setDrafts] = useState<Partial<Record<HookEvent, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const targets = hooks.filter((hook) => hook.enabled && hook.events.includes(event));
  const sample = samples[event];
  const text = drafts[event] ?? sample ?? '';
  const setText = (next: string) => setDrafts((current) => ({ ...current, [event]: next }));

  useEffect(() => {
    if (sample !== undefined) return;
    let current = true;
    call('events.sample', { event }).then(
      (loaded) => current && setSamples((known) => ({ ...known, [event]: pretty(loaded) })),
      (failure) => current && setError(messageOf(failure)),
    );
    return () => {
      current = false;
    };
  }, [event, sample]);

  const parsed = parsePayload(text);
  const send = async () => {
    if (!parsed.ok) return;
    setSending(true);
    setError(null);
    try {
      const { deliveries } = await call('events.trigger', { event, payload: parsed.value });
      onSent(deliveries.length);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setSending(false);
    }
  };
  const load = (record: Pick<TriggerRecord, 'event' | 'payload'>) => {
    setEvent(record.event);
    if (record.payload) setDrafts((current) => ({ ...current, [record.event]: pretty(record.payload) }));
  };

  return (
    <Dialog label="Trigger event" wide onClose={onClose}>
      <h2>Trigger event</h2>
      <div className="trigger-layout">
        <div>
          <label className="field">
            <span className="label">Event</span>
            <select data-autofocus value={event} onChange={(change) => setEvent(change.target.value as HookEvent)}>
              {eventGroups.map((group) => (
                <optgroup key={group.label} label={group.label}>
                  {group.events.map((option) => (
                    <option key={option.name} value={option.name}>
                      {option.name}
                      {drafts[option.name] !== undefined && drafts[option.name] !== samples[option.name] ? ' (edited)' : ''}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <PayloadEditor
            text={text}
            problem={parsed.ok ? null : parsed.error}
            canReset={sample !== undefined && text !== sample}
            onChange={setText}
            onReset={() => setDrafts(({ [event]: _dropped, ...others }) => others)}
            onFormat={() => parsed.ok && setText(pretty(parsed.value))}
          />
        </div>
        <aside className="trigger-side" aria-label="Saved and recent payloads">
          <SavedPayloads event={event} payload={parsed.ok ? parsed.value : null} onUse={(payload) => load({ event, payload })} />
          <TriggerHistory onUse={load} />
        </aside>
      </div>
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
