import type { AttemptErrorKind, DeliveryOutcome, RetryBehaviour } from '../shared/domain';

// Formatters are made once: toLocaleString with options builds a new one on every call, which a
// table scrolling past hundreds of rows a second feels.
const dateTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric' });
const count = new Intl.NumberFormat();

export const formatTime = (epochMs: number) => dateTime.format(epochMs);

export const formatDuration = (ms: number | null) => (ms === null ? '—' : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

export const formatRate = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(rate === 1 || rate === 0 ? 0 : 1)}%`);

export const outcomeLabel: Record<DeliveryOutcome, string> = {
  in_flight: 'Sending',
  success: 'Success',
  failed: 'Failed',
  interrupted: 'Interrupted',
  cancelled: 'Cancelled',
};

export const outcomeTone: Record<DeliveryOutcome, string> = {
  in_flight: 'muted',
  success: 'success',
  failed: 'danger',
  interrupted: 'warning',
  cancelled: 'warning',
};

/** Pretty JSON when the text is JSON, otherwise the text as it is. */
export function prettyJson(text: string): { text: string; isJson: boolean } {
  try {
    return { text: JSON.stringify(JSON.parse(text), null, 2), isJson: true };
  } catch {
    return { text, isJson: false };
  }
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });

/** "just now", "5 min ago", "3 hr ago", "2 days ago"; past a week, the date. */
export function formatRelative(epochMs: number, now: number): string {
  const seconds = Math.round((now - epochMs) / 1000);
  if (seconds < 10) return 'just now';
  if (seconds < 60) return relative.format(-seconds, 'second');
  if (seconds < 3600) return relative.format(-Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return relative.format(-Math.floor(seconds / 3600), 'hour');
  if (seconds < 7 * 86_400) return relative.format(-Math.floor(seconds / 86_400), 'day');
  return dateOnly.format(epochMs);
}

/** A count as people read it: 14,286. */
export const formatCount = (value: number) => count.format(value);

/** Why no response came, in words, for each kind of failure the engine tells apart. */
export const failureKindLabel: Record<AttemptErrorKind, string> = {
  timeout: 'Timed out',
  refused: 'Connection refused',
  reset: 'Connection reset',
  tls: 'TLS error',
  dns: 'DNS lookup failed',
  network: 'Network error',
  cancelled: 'Cancelled',
};

/** The two retry behaviours, named by what they are and when Logto had each. */
export const retryBehaviourLabel: Record<RetryBehaviour, string> = {
  'retry-5xx': 'Retries 5xx (Logto docs; Logto with PR #9410, August 2026 on)',
  'send-once': 'Sends once (Logto before that fix)',
};

/** Sizes as a person reads them: 512 B, 48.0 KB, 3.2 MB (1 KB = 1024 B). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
