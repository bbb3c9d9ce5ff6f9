import { useEffect, useState } from 'react';

/** The current time, renewed every `ms`, so "2 min ago" keeps telling the truth. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
