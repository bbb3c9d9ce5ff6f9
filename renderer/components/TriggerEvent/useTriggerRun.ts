import { useEffect, useRef, useState } from 'react';
import type { TriggerRunProgress } from '../../../shared/check';
import type { Input } from '../../../shared/contract';
import { call, messageOf, onPush } from '../../api';
import { useNotices } from '../../state/notices';
import { runVerdict } from './runSummary';

export type TriggerRunState = {
  /** The latest figures of the run this dialog started; null before its first push. */
  progress: TriggerRunProgress | null;
  running: boolean;
  error: string | null;
  start(input: Input<'events.triggerRun'>): Promise<void>;
  stop(): Promise<void>;
};

/**
 * One chaos/load run started from the dialog, followed through `triggerRun.progress`. The run
 * names itself in a push before its first send (started 0): the first such push after this dialog
 * asked is its run, and only that run's pushes are shown; the call's answer is the final figures.
 * Closing the dialog leaves the run going in the core; its end is then told in a toast.
 */
export function useTriggerRun(): TriggerRunState {
  const [progress, setProgress] = useState<TriggerRunProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = useRef<{ runId: string | null } | null>(null);
  const open = useRef(true);

  useEffect(() => {
    open.current = true;
    const stopListening = onPush('triggerRun.progress', (pushed) => {
      const run = mine.current;
      if (!run) return;
      if (run.runId === null && pushed.started === 0 && !pushed.done) run.runId = pushed.runId;
      if (pushed.runId !== run.runId) return;
      // Pushes and the answer travel apart: figures never go back once the run is done.
      setProgress((current) => (current?.done ? current : pushed));
    });
    return () => {
      open.current = false;
      stopListening();
    };
  }, []);

  const start = async (input: Input<'events.triggerRun'>) => {
    const run = { runId: null as string | null };
    mine.current = run;
    setProgress(null);
    setError(null);
    setRunning(true);
    try {
      const last = await call('events.triggerRun', input);
      run.runId = last.runId;
      setProgress(last);
      if (!open.current) {
        const { word, sentence } = runVerdict(last);
        useNotices.getState().toast(last.failed > 0 ? 'error' : 'success', `Trigger run ${word.toLowerCase()}: ${sentence}`);
      }
    } catch (failure) {
      setError(messageOf(failure));
      if (!open.current) useNotices.getState().toast('error', `The run did not finish: ${messageOf(failure)}`);
    } finally {
      setRunning(false);
    }
  };

  const stop = async () => {
    const runId = mine.current?.runId;
    if (!runId) return;
    try {
      await call('events.stopRun', { runId });
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return { progress, running, error, start, stop };
}
