import { formatRelative, formatTime } from '../format';
import { useNow } from '../lib/useNow';

/** "3 min ago", with the exact time on hover and in `dateTime`. */
export function RelativeTime({ at }: { at: number }) {
  const now = useNow();
  return (
    <time dateTime={new Date(at).toISOString()} title={formatTime(at)}>
      {formatRelative(at, now)}
    </time>
  );
}
