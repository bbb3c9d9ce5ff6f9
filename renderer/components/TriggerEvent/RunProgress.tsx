import { useEffect, useId, useRef } from 'react';
import type { TriggerRunProgress } from '../../../shared/check';
import { counted } from '../../../shared/counted';
import type { Hook } from '../../../shared/domain';
import { formatCount, formatDuration, formatRate } from '../../format';
import { latencyLine, runVerdict } from './runSummary';

type Props = {
  progress: TriggerRunProgress | null;
  /** What the run was asked: its deliveries and their pace (undefined: all at once). */
  planned: number;
  askedRate: number | undefined;
  /** The webhooks it sends to, each a way to its Recent requests once it is done. */
  hooks: Hook[];
  onOpenRequests(hookId: string): void;
};

/**
 * A run's figures as they come. Only the start and the verdict are announced (a polite live
 * region), never each push; the figures stay once the run is done.
 */
export function RunProgress({ progress, planned, askedRate, hooks, onOpenRequests }: Props) {
  const id = useId();
  const box = useRef<HTMLElement>(null);
  const done = progress?.done === true;
  // A run starts below a long payload: its figures come into view, and again with its verdict.
  useEffect(() => {
    box.current?.scrollIntoView({ block: done ? 'end' : 'nearest' });
  }, [done]);
  const total = progress?.planned ?? planned;
  const finished = progress?.finished ?? 0;
  const verdict = progress?.done ? runVerdict(progress) : null;
  return (
    <section ref={box} className="run-progress" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="sr-only">
        Run progress
      </h3>
      <div className="run-bar">
        <progress aria-label="Deliveries finished" value={finished} max={total} />
        <span>
          <strong>{formatCount(finished)}</strong> of {formatCount(total)} finished
        </span>
      </div>
      <dl className="facts run-figures">
        <dt>Failed</dt>
        <dd>
          {formatCount(progress?.failed ?? 0)} · error rate {formatRate(progress?.errorRate ?? 0)}
        </dd>
        <dt>Rate</dt>
        <dd>
          {formatCount(progress?.achievedRate ?? 0)}/s achieved ·{' '}
          {askedRate === undefined ? 'all at once asked' : `${formatCount(askedRate)}/s asked`}
        </dd>
        <dt>Latency</dt>
        <dd>{latencyLine(progress?.latency ?? { p50: 0, p95: 0, p99: 0, max: 0 })}</dd>
        <dt>Elapsed</dt>
        <dd>{formatDuration(progress?.elapsedMs ?? 0)}</dd>
      </dl>
      <p className="run-verdict" role="status" aria-live="polite">
        {verdict ? (
          <>
            <span className={`tag no-margin ${verdict.tone}`}>{verdict.word}</span> {verdict.sentence}
          </>
        ) : (
          `Sending ${counted(total, 'delivery', 'deliveries')}… Closing this dialog leaves the run going; every delivery is logged.`
        )}
      </p>
      {done && (
        <p className="run-links">
          Each delivery is in the Recent requests of{' '}
          {hooks.map((hook, index) => (
            <span key={hook.id}>
              {index > 0 && ', '}
              <button type="button" className="link-button" onClick={() => onOpenRequests(hook.id)}>
                “{hook.name}”
              </button>
            </span>
          ))}
          .
        </p>
      )}
    </section>
  );
}
