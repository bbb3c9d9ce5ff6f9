import { useNow } from '../../lib/useNow';

/**
 * A delivery not finished yet: its attempts are written when it ends, so until then this says that
 * it went out, how long it has been waiting, and when Logto would stop waiting.
 */
export function StillSending({ since }: { since: number }) {
  const now = useNow(1_000);
  const seconds = Math.floor(Math.max(0, now - since) / 1000);
  return (
    <li className="attempt still-sending" aria-live="polite">
      <strong>Sent {seconds < 1 ? 'just now' : `${seconds} s ago`}, waiting for the receiver.</strong>{' '}
      <span className="muted">
        Logto gives up on an attempt with no response headers after 10 s, and does not retry that. Every attempt shows here once the
        delivery has finished.
      </span>
    </li>
  );
}
