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
      <section aria-label={label}>
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
