import { type FormEvent, useId, useRef, useState } from 'react';
import type { Hook, ReceiverStatus } from '../../shared/domain';
import { ApiCallError, call, messageOf } from '../api';
import { useAction } from '../lib/useAction';
import { useCall } from '../lib/useCall';
import { useNotices } from '../state/notices';

/** What each preset shows a developer (docs/receiver.md lists the grammar). */
const presets: Array<{ script: string; shows: string }> = [
  { script: '200', shows: 'always succeeds' },
  { script: '500,500,200', shows: 'fails twice, then succeeds: Logto’s retries' },
  { script: 'sleep 11s', shows: 'answers after Logto’s 10 s timeout' },
  { script: '410', shows: 'a 4xx: not retried' },
  { script: 'fail 30% seed 7', shows: 'a repeatable 30 % of requests fail' },
];

/** True when the hook's URL is the built-in receiver's scripted endpoint for this very hook. */
export function pointsAtReceiver(hook: Hook, receiver: Pick<ReceiverStatus, 'port'>): boolean {
  try {
    const url = new URL(hook.config.url);
    return (
      ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) &&
      Number(url.port || 80) === receiver.port &&
      url.pathname === `/r/${hook.id}`
    );
  } catch {
    return false;
  }
}

/**
 * For a hook pointing at the built-in receiver (`/r/<its id>`): how the receiver answers it, with
 * presets and an editor, and a way to send it an event. Nothing for any other hook. Keyed by the
 * hook's URL where it is used: a hook newly pointed at the receiver may have started it, so its
 * port is read again.
 */
export function ReceiverScript({ hook }: { hook: Hook }) {
  const { data: status, reload } = useCall('receiver.status', {});
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const toast = useNotices((state) => state.toast);
  const { run, pending } = useAction();

  if (!status || !pointsAtReceiver(hook, status)) return null;
  const current = status.scripts[hook.id] ?? '200';
  const shown = draft ?? current;

  const save = async (script: string) => {
    try {
      const saved = await call('receiver.setScript', { hookId: hook.id, script });
      setDraft(null);
      setError(null);
      reload();
      toast('success', `The built-in receiver now answers ${saved.scripts[hook.id]}.`);
    } catch (failure) {
      setError(failure instanceof ApiCallError && failure.field === 'script' ? failure.message : messageOf(failure));
      setDraft(script);
      input.current?.focus();
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(shown);
  };
  const send = () =>
    run(
      () => call('events.trigger', { event: hook.events[0] ?? 'PostSignIn', hookIds: [hook.id] }),
      'Sent. Recent requests shows the delivery and each attempt the receiver answered.',
    );

  return (
    <section className="card" aria-labelledby="receiver-script-title">
      <h2 id="receiver-script-title">Built-in receiver’s answers</h2>
      <p className="muted">
        This webhook points at Hookbench’s own receiver, which answers each request (each attempt, retries included) with the next step
        below; the last step repeats. What the receiver got shows on the delivery it answered.
      </p>
      <fieldset className="receiver-script-presets">
        <legend className="sr-only">Presets</legend>
        {presets.map((preset) => (
          <button
            key={preset.script}
            type="button"
            className="button small secondary"
            title={preset.shows}
            aria-pressed={current === preset.script}
            onClick={() => void save(preset.script)}
          >
            {preset.script}
          </button>
        ))}
      </fieldset>
      <form className="field" onSubmit={submit} noValidate>
        <label className="label" htmlFor={`${errorId}-input`}>
          Script
        </label>
        <div className="inline-form">
          <input
            id={`${errorId}-input`}
            ref={input}
            className="mono"
            value={shown}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => {
              setDraft(event.target.value);
              setError(null);
            }}
          />
          <button type="submit" className="button secondary" disabled={draft === null || draft === current}>
            Save script
          </button>
          <button type="button" className="button primary" disabled={pending} onClick={() => void send()}>
            Send {hook.events[0] ?? 'PostSignIn'} now
          </button>
          {error && (
            <p className="field-error" id={errorId} role="alert">
              {error}
            </p>
          )}
        </div>
        <span className="hint">e.g. 200 · 500,500,200 · sleep 11s · sleep 2s 503 · 410 · fail 30% seed 7</span>
      </form>
    </section>
  );
}
