import type { Attempt } from '../../../shared/domain';
import { HeadersView, JsonView } from '../../components/JsonView';
import { failureKindLabel, formatDuration } from '../../format';

type Props = { attempt: Attempt; firstStart: number; open: boolean };

/** One attempt on the timeline: its outcome in the summary, its response folded inside. */
export function AttemptItem({ attempt, firstStart, open }: Props) {
  const ok = attempt.status !== null && attempt.status < 300 && !attempt.error;
  const result = attempt.status ?? (attempt.error ? failureKindLabel[attempt.error.kind] : 'No response');
  return (
    <li className={`attempt ${ok ? 'ok' : 'bad'}`}>
      <details open={open}>
        <summary className="attempt-head">
          <strong>Attempt {attempt.number}</strong>
          <span className={`tag no-margin ${ok ? 'success' : 'danger'}`}>{result}</span>
          <span className="muted">
            +{formatDuration(attempt.startedAt - firstStart)} · took {formatDuration(attempt.durationMs)}
          </span>
        </summary>
        {attempt.error && <p className="attempt-error">{attempt.error.message}</p>}
        {attempt.retry && (
          // Recorded as "retried: 503 is 5xx", "not retried: 429 is not 5xx": already a sentence of its own.
          <p className="attempt-retry">{attempt.retry.charAt(0).toUpperCase() + attempt.retry.slice(1)}</p>
        )}
        {attempt.note && <p className="attempt-note">{attempt.note}</p>}
        <HeadersView label={`Response headers (attempt ${attempt.number})`} headers={attempt.headers} />
        <JsonView
          label={`Response body (attempt ${attempt.number})`}
          text={attempt.body}
          note={attempt.bodyTruncated ? 'cut at 64 KiB' : undefined}
        />
      </details>
    </li>
  );
}
