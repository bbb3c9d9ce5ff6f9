import type { CheckCase, CheckEvidence, CheckRun, CheckVerdict } from '../../../../shared/check';
import { HeadersView, JsonView } from '../../../components/JsonView';
import { formatDuration, formatTime } from '../../../format';
import { useNavigation } from '../../../state/navigation';

export const verdictLabel: Record<CheckVerdict, string> = { pass: 'Pass', fail: 'Fail', skip: 'Skipped', info: 'Info' };
export const verdictTone: Record<CheckVerdict, string> = { pass: 'success', fail: 'danger', skip: 'muted', info: 'warning' };
/** The timeline dot beside a case: red only for a failure. */
const verdictDot: Record<CheckVerdict, string> = { pass: 'ok', fail: 'bad', skip: 'skipped', info: 'notice' };

/** One finished run: its verdict, then every case with why, and the requests it was judged on folded inside. */
export function CheckRunView({ run }: { run: CheckRun }) {
  const failed = run.cases.filter((item) => item.verdict === 'fail').length;
  return (
    <section className="card" aria-labelledby={`run-${run.id}`}>
      <h2 id={`run-${run.id}`}>
        Run of {formatTime(run.startedAt)}{' '}
        <span className={`tag ${run.passed ? 'success' : 'danger'}`}>{run.passed ? 'Passed' : `${failed} failed`}</span>
      </h2>
      <p className="muted">
        <code>{run.url}</code> · {run.events.join(', ')} · burst of {run.burst} · took {formatDuration(run.finishedAt - run.startedAt)}
      </p>
      {run.warnings.map((warning) => (
        <p key={warning} className="field-note">
          {warning}
        </p>
      ))}
      <ul className="timeline" aria-label="Cases">
        {run.cases.map((item) => (
          <CaseItem key={item.id} item={item} hookId={run.hookId} />
        ))}
      </ul>
    </section>
  );
}

function CaseItem({ item, hookId }: { item: CheckCase; hookId: string }) {
  return (
    <li className={`attempt ${verdictDot[item.verdict]}`}>
      {/* A failure, or a finding that is not a pass (an inconclusive refusal, the raw-bytes probe), opens with its reason. */}
      <details open={item.verdict === 'fail' || item.verdict === 'info'}>
        <summary className="attempt-head">
          <span className={`tag no-margin ${verdictTone[item.verdict]}`}>{verdictLabel[item.verdict]}</span>
          <strong>{item.title}</strong>
          <code className="muted">{item.id}</code>
          <span className="muted">{formatDuration(item.durationMs)}</span>
        </summary>
        <p>{item.message}</p>
        {item.warnings.map((warning) => (
          <p key={warning} className="attempt-note">
            {warning}
          </p>
        ))}
        {item.latency && (
          <p className="muted">
            Latency p50 {formatDuration(item.latency.p50)} · p95 {formatDuration(item.latency.p95)} · p99 {formatDuration(item.latency.p99)}{' '}
            · max {formatDuration(item.latency.max)}
          </p>
        )}
        {item.evidence.length > 0 && (
          <ul className="report-list" aria-label={`Requests sent for ${item.id}`}>
            {item.evidence.map((evidence) => (
              <EvidenceItem key={evidence.deliveryId} evidence={evidence} hookId={hookId} />
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}

function EvidenceItem({ evidence, hookId }: { evidence: CheckEvidence; hookId: string }) {
  const go = useNavigation((state) => state.go);
  const answer = evidence.status ?? evidence.error ?? 'No response';
  return (
    <li>
      <details>
        <summary>
          {evidence.label}: {evidence.event} → <strong>{answer}</strong> in {formatDuration(evidence.durationMs)}
        </summary>
        <p className="muted">
          POST <code>{evidence.request.url}</code> · {evidence.request.bodyBytes.toLocaleString()} bytes{' '}
          <button type="button" className="link-button" onClick={() => go({ name: 'delivery', hookId, id: evidence.deliveryId })}>
            Open in request log
          </button>
        </p>
        <HeadersView label="Request headers" headers={evidence.request.headers} />
        <JsonView label="Request body (start)" text={evidence.request.bodyPreview} />
        {evidence.error && <p className="attempt-error">{evidence.error}</p>}
        <JsonView label={`Response body (${evidence.status ?? 'no status'})`} text={evidence.responseBody} />
      </details>
    </li>
  );
}
