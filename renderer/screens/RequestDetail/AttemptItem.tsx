import type { Attempt } from '../../../shared/domain';
import { HeadersView, JsonView } from '../../components/JsonView';
import { formatDuration } from '../../format';

export function AttemptItem({ attempt, firstStart }: { attempt: Attempt; firstStart: number }) {
  const ok = attempt.status !== null && attempt.status < 300 && !attempt.error;
  return (
    <li className={`attempt ${ok ? 'ok' : 'bad'}`}>
      <div className="attempt-head">
        <strong>Attempt {attempt.number}</strong>
        <span className="muted">
          +{formatDuration(attempt.startedAt - firstStart)} · took {formatDuration(attempt.durationMs)}
        </span>
        <span className={`tag no-margin ${ok ? 'success' : 'danger'}`}>{attempt.status ?? attempt.error?.kind ?? 'no response'}</span>
      </div>
      {attempt.error && <p className="attempt-error">{attempt.error.message}</p>}
      <HeadersView label={`Response headers (attempt ${attempt.number})`} headers={attempt.headers} />
      <JsonView
        label={`Response body (attempt ${attempt.number})`}
        text={attempt.body}
        note={attempt.bodyTruncated ? 'cut at 64 KiB' : undefined}
      />
    </li>
  );
}
