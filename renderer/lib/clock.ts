/**
 * One timer per period, however many components show the time: a long table mounts and unmounts
 * rows as it scrolls, and a timer per row would be set and cleared for each. The timer runs only
 * while someone listens.
 */
export type Clock = { subscribe(listener: () => void): () => void; read(): number };
const clocks = new Map<number, Clock>();

export function sharedClock(ms: number): Clock {
  let clock = clocks.get(ms);
  if (clock) return clock;
  const listeners = new Set<() => void>();
  let now = Date.now();
  let timer: ReturnType<typeof setInterval> | undefined;
  clock = {
    read: () => now,
    subscribe(listener) {
      if (listeners.size === 0) {
        // A clock nobody watched for a while has an old time: renew it before anyone reads it.
        now = Date.now();
        timer = setInterval(() => {
          now = Date.now();
          for (const notify of listeners) notify();
        }, ms);
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) clearInterval(timer);
      };
    },
  };
  clocks.set(ms, clock);
  return clock;
}
