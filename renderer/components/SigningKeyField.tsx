import { useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';
import { CopyButton } from './CopyButton';

type Props = { signingKey: string; onRegenerate(): Promise<unknown> };

/** The signing key, hidden until asked for; regenerating it is confirmed because receivers must follow. */
export function SigningKeyField({ signingKey, onRegenerate }: Props) {
  const [revealed, setRevealed] = useState(false);
  const [confirming, setConfirming] = useState(false);

  return (
    <div className="field">
      <div className="key-row">
        <output className="signing-key mono" aria-label="Signing key">
          {revealed ? signingKey : '•'.repeat(signingKey.length)}
        </output>
        <button type="button" className="button small secondary" onClick={() => setRevealed(!revealed)}>
          {revealed ? 'Hide' : 'Reveal'}
        </button>
        <CopyButton text={signingKey} label="Copy key" />
        <button type="button" className="button small secondary" onClick={() => setConfirming(true)}>
          Regenerate
        </button>
      </div>
      <p className="hint">
        Receivers verify <code>logto-signature-sha-256</code> = HMAC-SHA256 of the raw request body with this key, in hex.
      </p>
      {confirming && (
        <ConfirmDialog
          title="Regenerate signing key?"
          confirmLabel="Regenerate"
          danger
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void onRegenerate();
          }}
        >
          The current key stops working at once. Your receiver will reject requests until it uses the new key.
        </ConfirmDialog>
      )}
    </div>
  );
}
