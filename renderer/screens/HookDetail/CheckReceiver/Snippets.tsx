import { CopyButton } from '../../../components/CopyButton';
import { useCall } from '../../../lib/useCall';

/** Receivers that verify this hook's signature correctly, its key written in; each runs in the test suite. */
export function Snippets({ hookId }: { hookId: string }) {
  const { data, error } = useCall('snippets.get', { hookId });
  return (
    <section className="card" aria-labelledby="snippets-title">
      <h2 id="snippets-title">Verify the signature in your receiver</h2>
      <p className="muted">
        Each verifies <code>logto-signature-sha-256</code> over the raw body in constant time and answers 401, never 500, to a missing or
        short header. This webhook’s key is written in; <code>LOGTO_SIGNING_KEY</code> overrides it.
      </p>
      {error && <p className="field-error">Could not load the snippets: {error}</p>}
      {data?.map((snippet) => (
        <details key={snippet.id}>
          <summary>
            <strong>{snippet.title}</strong> <span className="muted">{snippet.fileName}</span>
          </summary>
          <div className="code-block">
            <div className="code-head">
              <span>
                Run: <code>{snippet.run}</code>
                {snippet.needs && <span className="muted"> · needs {snippet.needs}</span>}
              </span>
              <CopyButton text={snippet.code} label={`Copy ${snippet.title}`} shown="Copy" />
            </div>
            <pre>{snippet.code}</pre>
          </div>
        </details>
      ))}
    </section>
  );
}
