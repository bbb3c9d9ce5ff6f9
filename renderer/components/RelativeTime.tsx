import { formatRelative, formatTime } from '../format';

/** "3 min ago", with the exact time on hover and for assistive technology. */
export function RelativeTime({ at, now = Date.now() }: { at: number; now?: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={formatTime(at)}>
      {formatRelative(at, now)}
    </time>
  );
}
