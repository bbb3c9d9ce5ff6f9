import { type FormEvent, useState } from 'react';
import type { Delivery } from '../../../shared/domain';
import { ApiCallError, call, messageOf } from '../../api';
import { fieldNote } from '../../components/fieldNote';
import { HeadersView, JsonView } from '../../components/JsonView';
import { formatTime } from '../../format';
import { useAction } from '../../lib/useAction';
import { useCall } from '../../lib/useCall';
import { useHooks } from '../../state/hooks';
import { useNotices } from '../../state/notices';
import { AttemptItem } from '../RequestDetail/AttemptItem';

/** The body a trigger would send again: Logto's body without the `hookId` Hookbench adds per hook. */
function triggerPayload(delivery: Delivery): Record<string, unknown> | null {
  try {
    const { hookId: _added, ...payload } = JSON.parse(delivery.request.body) as Record<string, unknown>;
    return payload;
  } catch {
    return null;
  }
}

/** One captured request as it arrived, with Replay (same bytes, same signature) and "Save as trigger payload". */
export function CapturedDetail({ id, forwardUrl, onReplayed }: { id: string; forwardUrl: string | null; onReplayed(): void }) {
  const { data, error } = useCall('logs.get', { id });
  const delivery = data?.id === id ? data : null;
  const hook = useHooks((state) => state.hooks.find((candidate) => candidate.id === delivery?.hookId));
  const [target, setTarget] = useState('');
  const [targetError, setTargetError] = useState<string | null>(null);
  const { run, pending } = useAction();
  const toast = useNotices((state) => state.toast);

  if (error)
    return (
      <p className="field-error" role="alert">
        {error}
      </p>
    );
  if (!delivery) return <p className="muted">Loading the request…</p>;
  const payload = triggerPayload(delivery);

  const replay = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const { delivery: sent } = await call('logs.replay', { id, ...(target.trim() === '' ? {} : { url: target.trim() }) });
      setTargetError(null);
      onReplayed();
      toast('success', `Replayed with the same bytes and signature: the target answered ${sent.status ?? 'nothing'}.`);
    } catch (failure) {
      if (failure instanceof ApiCallError && failure.field === 'url') setTargetError(failure.message);
      else toast('error', messageOf(failure));
    }
  };
  const save = () =>
    run(
      () =>
        call('payloads.save', {
          event: delivery.event,
          name: `Captured ${delivery.event} ${formatTime(delivery.createdAt)}`.slice(0, 80),
          payload: payload!,
        }),
      (saved) => `Saved as “${saved.name}”: Trigger event offers it for ${saved.event}.`,
    );

  const replayNote = fieldNote('replay-error', targetError);
  return (
    <section className="captured-detail" aria-label="Captured request">
      <h3>
        <code>{delivery.event}</code> · received {formatTime(delivery.createdAt)}
      </h3>
      <p className={delivery.hookId ? 'muted' : 'danger-text'}>
        {delivery.hookId
          ? `Signature verified with the key of “${hook?.name ?? delivery.hookId}”.`
          : (delivery.error ?? 'No webhook’s key verified its signature.')}
      </p>
      <form className="inline-form" onSubmit={replay} noValidate>
        <input
          aria-label="Replay to (optional)"
          placeholder={forwardUrl ?? hook?.config.url ?? 'http://localhost:3000/webhooks/logto'}
          value={target}
          {...replayNote.input}
          onChange={(event) => {
            setTarget(event.target.value);
            setTargetError(null);
          }}
        />
        <button type="submit" className="button primary" disabled={pending}>
          Replay
        </button>
        <button type="button" className="button secondary" disabled={pending || payload === null} onClick={() => void save()}>
          Save as trigger payload
        </button>
        {replayNote.note}
      </form>
      <p className="hint">
        Replay sends the captured bytes and signature unchanged (Redeliver signs afresh); empty: to the forward target or the matched
        webhook.
      </p>
      <HeadersView label="Request headers" headers={delivery.request.headers} />
      <JsonView label="Request body" text={delivery.request.body} note="as received" />
      {delivery.attempts.length > 0 && (
        <>
          <h3>Forwarded</h3>
          <ol className="timeline">
            {delivery.attempts.map((attempt) => (
              <AttemptItem key={attempt.number} attempt={attempt} firstStart={delivery.attempts[0]!.startedAt} open />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
