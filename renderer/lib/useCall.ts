import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, Method, Result } from '../../shared/contract';
import { call, messageOf } from '../api';

export type CallState<M extends Method> = {
  data: Result<M> | null;
  error: string | null;
  loading: boolean;
  /** Asks again with the same input, e.g. after a push said the answer changed. */
  reload(): void;
};

/**
 * Reads one contract method for a component. Only the answer to the latest request is kept: a
 * slow answer for an earlier input (another hook, another id) never overwrites a newer one.
 * `input` null means "nothing to ask yet".
 */
export function useCall<M extends Method>(method: M, input: Input<M> | null): CallState<M> {
  const [state, setState] = useState<{ data: Result<M> | null; error: string | null; loading: boolean }>({
    data: null,
    error: null,
    loading: input !== null,
  });
  const latest = useRef(0);
  // The input travels by value (JSON, as over IPC), so callers may build it inline.
  const key = input === null ? null : JSON.stringify(input);

  const ask = useCallback(
    (asked: string | null) => {
      if (asked === null) return;
      const mine = ++latest.current;
      setState((current) => ({ ...current, loading: true }));
      call(method, JSON.parse(asked) as Input<M>).then(
        (data) => mine === latest.current && setState({ data, error: null, loading: false }),
        (failure) => mine === latest.current && setState({ data: null, error: messageOf(failure), loading: false }),
      );
    },
    [method],
  );

  useEffect(() => {
    ask(key);
    // Leaving (or asking anew) makes every answer still on its way stale.
    return () => {
      latest.current++;
    };
  }, [ask, key]);

  const reload = useCallback(() => ask(key), [ask, key]);
  return { ...state, reload };
}
