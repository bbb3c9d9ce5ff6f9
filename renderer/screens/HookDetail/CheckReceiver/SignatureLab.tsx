import { useId, useState } from 'react';
import type { SignatureDiagnosis } from '../../../../shared/check';
import type { Hook } from '../../../../shared/domain';
import { call, messageOf } from '../../../api';
import { formatTime } from '../../../format';
import { useCall } from '../../../lib/useCall';

type Source = 'paste' | 'logged';
const VERDICT = { valid: ['success', 'Valid'], invalid: ['danger', 'Invalid'], missing: ['warning', 'Missing'] } as const;

/** Why a signature does not verify: paste what your receiver saw, or pick a logged delivery. */
export function SignatureLab({ hook }: { hook: Hook }) {
  const id = useId();
  const [source, setSource] = useState<Source>('paste');
  const [body, setBody] = useState('');
  const [signature, setSignature] = useState('');
  const [key, setKey] = useState('');
  const [deliveryId, setDeliveryId] = useState('');
  const [result, setResult] = useState<SignatureDiagnosis | null>(null);
  const [error, setError] = useState<string | null>(null);
  const logged = useCall('logs.query', source === 'logged' ? { hookId: hook.id, range: 'all', limit: 50 } : null);
  const chosen = deliveryId || logged.data?.items[0]?.id || '';

  const diagnose = async () => {
    setError(null);
    setResult(null);
    // An empty signature is a case of its own ("missing"); without a body or key there is nothing to check.
    const blank = source === 'paste' ? [body === '' && 'the raw body', key === '' && 'the signing key'].filter(Boolean) : [];
    if (blank.length > 0) return setError(`Paste ${blank.join(' and ')} to check the signature against.`);
    try {
      setResult(await call('signature.diagnose', source === 'logged' ? { deliveryId: chosen } : { body, signature, key }));
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Signature lab</h2>
      <label className="field">
        <span className="label">What to check</span>
        <select value={source} onChange={(change) => setSource(change.target.value as Source)}>
          <option value="paste">A pasted body, signature and key</option>
          <option value="logged">A logged delivery, with this webhook’s current key</option>
        </select>
      </label>
      {source === 'paste' ? (
        <>
          <label className="field">
            <span className="label">Raw body</span>
            <textarea rows={6} className="mono" value={body} onChange={(change) => setBody(change.target.value)} />
          </label>
          <label className="field">
            <span className="label">logto-signature-sha-256 header</span>
            <input className="mono" value={signature} onChange={(change) => setSignature(change.target.value)} />
          </label>
          <label className="field">
            <span className="label">Signing key</span>
            <input className="mono" value={key} onChange={(change) => setKey(change.target.value)} />
            {hook.signingKey && (
              <button type="button" className="link-button" onClick={() => setKey(hook.signingKey)}>
                Use this webhook’s key
              </button>
            )}
          </label>
        </>
      ) : (
        <label className="field">
          <span className="label">Delivery</span>
          <select value={chosen} onChange={(change) => setDeliveryId(change.target.value)}>
            {logged.data?.items.length === 0 && <option value="">No delivery logged yet</option>}
            {logged.data?.items.map((item) => (
              <option key={item.id} value={item.id}>
                {item.event} · {formatTime(item.createdAt)} · {item.status ?? 'no response'}
              </option>
            ))}
          </select>
          {logged.error && <span className="field-error">Could not list deliveries: {logged.error}</span>}
        </label>
      )}
      <div className="form-actions">
        <button type="button" className="button primary" disabled={source === 'logged' && chosen === ''} onClick={() => void diagnose()}>
          Diagnose
        </button>
      </div>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div role="status" aria-label="Diagnosis">
          <p>
            <span className={`tag no-margin ${VERDICT[result.verdict][0]}`}>{VERDICT[result.verdict][1]}</span> {result.message}
          </p>
          {result.mistake && (
            <p className="field-note">
              <strong>Likely mistake:</strong> {result.mistake.message}
            </p>
          )}
          <p className="small-text">
            Expected <code>{result.expected}</code>
            <br />
            Received <code>{result.received ?? '(none)'}</code>
          </p>
        </div>
      )}
    </section>
  );
}
