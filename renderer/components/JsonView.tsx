import { prettyJson } from '../format';
import { CopyButton } from './CopyButton';
import { JsonHighlight } from './JsonHighlight';

type Props = { label: string; text: string | null; note?: string };

/** A body shown as pretty JSON when it parses (copy gives the raw bytes, as they were sent). */
export function JsonView({ label, text, note }: Props) {
  if (text === null) return null;
  const pretty = prettyJson(text);
  return (
    <div className="code-block">
      <div className="code-head">
        <span>
          {label} {note && <span className="hint">{note}</span>}
        </span>
        <CopyButton text={text} label={`Copy ${label.toLowerCase()}`} shown="Copy" />
      </div>
      {/* A long body scrolls in its own box (reachable with Tab), so the attempts around it stay in view. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled with the keyboard */}
      <section aria-label={label} className="body-scroll" tabIndex={0}>
        <pre>
          {pretty.text === '' ? <span className="muted">(empty)</span> : pretty.isJson ? <JsonHighlight text={pretty.text} /> : pretty.text}
        </pre>
      </section>
    </div>
  );
}

export function HeadersView({ label, headers }: { label: string; headers: Record<string, string> | null }) {
  if (!headers) return null;
  const text = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
  return (
    <div className="code-block">
      <div className="code-head">
        <span>{label}</span>
        <CopyButton text={text} label={`Copy ${label.toLowerCase()}`} shown="Copy" />
      </div>
      <section aria-label={label}>
        <pre>{text}</pre>
      </section>
    </div>
  );
}
