import { useEffect, useState } from 'react';
import { counted } from '../../../shared/counted';
import type { Hook, TriggerRecord } from '../../../shared/domain';
import { eventGroups, type HookEvent } from '../../../shared/events';
import { call, messageOf } from '../../api';
import { useDrafts } from '../../state/drafts';
import { useNavigation } from '../../state/navigation';
import { Dialog } from '../Dialog';
import { PayloadEditor } from './PayloadEditor';
import { parsePayload } from './parsePayload';
import { RunOptions } from './RunOptions';
import { RunProgress } from './RunProgress';
import { checkRun, defaultRunDraft, runButtonLabel } from './runDraft';
import { SavedPayloads } from './SavedPayloads';
import { TriggerHistory } from './TriggerHistory';
import { useTriggerRun } from './useTriggerRun';

type Props = {
  hooks: Hook[];
  initialEvent?: HookEvent;
  /** The webhook whose page opened the dialog: it may be sent to alone. */
  from?: Hook;
  onClose(): void;
  onSent(count: number): void;
};

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * Fires an event as Logto would: a realistic sample, editable, delivered to every subscribed hook
 * and logged. Each event keeps its own draft while the app is open, so closing the dialog loses no
 * edit (state/drafts.ts); payloads can be saved per
 * event, and what was triggered before can be loaded again. With "Repeat / load" open, the same
 * payload goes as a chaos/load run (events.triggerRun) whose figures show as it goes.
 */
export function TriggerEventDialog({ hooks, initialEvent = 'PostSignIn', from, onClose, onSent }: Props) {
  const [event, setEvent] = useState<HookEvent>(initialEvent);
  const [samples, setSamples] = useState<Partial<Record<HookEvent, string>>>({});
  const drafts = useDrafts((state) => state.payloadByEvent);
  const holdPayload = useDrafts((state) => state.holdPayload);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [onlyFrom, setOnlyFrom] = useState(false);
  const subscribed = hooks.filter((hook) => hook.enabled && hook.events.includes(event));
  // Logto delivers to every subscribed webhook; sending to one alone is Hookbench's own choice.
  const alone = from !== undefined && onlyFrom ? from : null;
  const targets = alone ? subscribed.filter((hook) => hook.id === alone.id) : subscribed;
  const hookIds = alone ? [alone.id] : undefined;
  const sample = samples[event];
  const text = drafts[event] ?? sample ?? '';
  const setText = (next: string) => holdPayload(event, next);
  const [runOpen, setRunOpen] = useState(false);
  const [runDraft, setRunDraft] = useState(defaultRunDraft);
  const checkedRun = checkRun(runDraft);
  const run = useTriggerRun();
  // What the run on screen was asked, kept as it started while the fields change for the next one.
  const [started, setStarted] = useState<{ planned: number; rate: number | undefined; hooks: Hook[] } | null>(null);

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

  const parsed = parsePayload(text, event);
  const send = async () => {
    if (!parsed.ok) return;
    setSending(true);
    setError(null);
    try {
      const { deliveries } = await call('events.trigger', { event, payload: parsed.value, hookIds });
      onSent(deliveries.length);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setSending(false);
    }
  };
  const sendRun = () => {
    const { repeat, rate } = checkedRun;
    if (!parsed.ok || repeat === null || checkedRun.rateError) return;
    setStarted({ planned: repeat * (runDraft.duplicate ? 2 : 1) * targets.length, rate, hooks: targets });
    void run.start({
      event,
      hookIds,
      payload: parsed.value,
      repeat,
      ratePerSecond: rate,
      duplicate: runDraft.duplicate,
      shuffle: runDraft.shuffle,
    });
  };
  const openRequests = (hookId: string) => {
    useNavigation.getState().go({ name: 'hook', id: hookId, tab: 'requests' });
    onClose();
  };
  const runInvalid = runOpen && (checkedRun.repeatError !== null || checkedRun.rateError !== null);
  const load = (record: Pick<TriggerRecord, 'event' | 'payload'>) => {
    setEvent(record.event);
    if (record.payload) holdPayload(record.event, pretty(record.payload));
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
            onReset={() => useDrafts.getState().dropPayload(event)}
            onFormat={() => parsed.ok && setText(pretty(parsed.value))}
          />
          <RunOptions
            open={runOpen}
            draft={runDraft}
            checked={checkedRun}
            locked={run.running}
            onOpen={setRunOpen}
            onChange={setRunDraft}
          />
          {started && (
            <RunProgress
              progress={run.progress}
              planned={started.planned}
              askedRate={started.rate}
              hooks={started.hooks}
              onOpenRequests={openRequests}
            />
          )}
        </div>
        <aside className="trigger-side" aria-label="Saved and recent payloads">
          <SavedPayloads event={event} payload={parsed.ok ? parsed.value : null} onUse={(payload) => load({ event, payload })} />
          <TriggerHistory onUse={load} />
        </aside>
      </div>
      {(error ?? run.error) && (
        <div className="banner error" role="alert">
          {error ?? run.error}
        </div>
      )}
      {from && hooks.length > 1 && (
        <label className="checkbox-line">
          <input type="checkbox" checked={onlyFrom} disabled={run.running} onChange={(change) => setOnlyFrom(change.target.checked)} />
          <span>
            Only “{from.name}” <span className="hint">Logto sends each event to every webhook subscribed to it</span>
          </span>
        </label>
      )}
      <p className={targets.length ? 'muted' : 'warn-text'}>
        {targets.length
          ? `Delivers to ${targets.map((hook) => `“${hook.name}”`).join(', ')}.`
          : alone
            ? `“${alone.name}” ${alone.enabled ? `does not subscribe to ${event}` : 'is disabled'}; nothing would be sent.`
            : `No enabled webhook subscribes to ${event}; nothing would be sent.`}
      </p>
      <div className="form-actions dialog-footer">
        <button type="button" className="button secondary" onClick={onClose}>
          {started ? 'Close' : 'Cancel'}
        </button>
        {run.running ? (
          <button type="button" className="button danger" disabled={!run.progress} onClick={() => void run.stop()}>
            Stop run
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            disabled={!parsed.ok || sending || targets.length === 0 || runInvalid}
            onClick={() => (runOpen ? sendRun() : void send())}
          >
            {runOpen
              ? runButtonLabel(runDraft, checkedRun, targets.length)
              : sending
                ? 'Sending…'
                : `Send to ${counted(targets.length, 'webhook')}`}
          </button>
        )}
      </div>
    </Dialog>
  );
}
