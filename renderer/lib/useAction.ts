import { useCallback, useState } from 'react';
import { messageOf } from '../api';
import { useNotices } from '../state/notices';

type Success<T> = string | ((result: T) => string) | null;

/**
 * Runs something the user asked for and says how it went: a success toast when given one, an
 * error toast with the core's message when it failed. Resolves true when it worked, so a caller can
 * go on only then (or put what follows inside `work`). `pending` disables a button while it runs.
 */
export function useAction() {
  const toast = useNotices((state) => state.toast);
  const [running, setRunning] = useState(0);

  const run = useCallback(
    async <T>(work: () => Promise<T>, success: Success<T> = null): Promise<boolean> => {
      setRunning((count) => count + 1);
      try {
        const result = await work();
        if (success) toast('success', typeof success === 'function' ? success(result) : success);
        return true;
      } catch (failure) {
        toast('error', messageOf(failure));
        return false;
      } finally {
        setRunning((count) => count - 1);
      }
    },
    [toast],
  );
  return { run, pending: running > 0 };
}
