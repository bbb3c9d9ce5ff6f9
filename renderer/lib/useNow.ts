import { useSyncExternalStore } from 'react';
import { sharedClock } from './clock';

/** The current time, renewed every `ms`, so "2 min ago" keeps telling the truth. */
export function useNow(ms = 30_000): number {
  const clock = sharedClock(ms);
  return useSyncExternalStore(clock.subscribe, clock.read);
}
