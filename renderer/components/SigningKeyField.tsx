import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { SIGNATURE_HEADER } from '../../shared/logto';
import { signingKeySchema } from '../../shared/validation';
import { messageOf } from '../api';
import { useAction } from '../lib/useAction';
import { ConfirmDialog } from './ConfirmDialog';
import { CopyButton } from './CopyButton';
import { fieldNote } from './fieldNote';

type Props = {
  signingKey: string;
  /** Stores `key` exactly as given; the empty string is "no signing key". */
  onSave(key: string): Promise<unknown>;
  onRegenerate(): Promise<unknown>;
};

type Asking = 'regenerate' | 'none' | null;

/**
 * The signing key: hidden until asked for, typed or pasted (used exactly as given, as Logto's Console
 * key would be), generated, or none at all. Each change is confirmed or explicit, because receivers must follow.
 */
export function SigningKeyField({ signingKey, onSave, onRegenerate }: Props) {
  const [revealed, setRevealed] = useState(false);
  const [asking, setAsking] = useState<Asking>(null);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const refuse = (message: string) => {
    setError(message);
    requestAnimationFrame(() => input.current?.focus());
  };

  const { run } = useAction();

  const save = async () => {
    if (draft === '') return refuse('Type or paste a key, or choose “No signing key” instead');
    const checked = signingKeySchema.safeParse(draft);
    if (!checked.success) return refuse(checked.error.issues[0]!.message);
    setSaving(true);
    try {
      await onSave(draft);
      setEditing(false);
      setError(null);
    } catch (failure) {
      refuse(messageOf(failure));
    } finally {
      setSaving(false);
    }
  };

  if (editing) {
    // Saved apart from the settings form it sits in (so not a nested <form>): Enter here saves only the key.
    const onEnter = (event: KeyboardEvent) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      void save();
    };
    const note = fieldNote(`${id}-key-note`, error, {
      hint: 'Used exactly as typed: nothing is trimmed, so it matches the key your receiver (or Logto’s Console) has.',
    });
    return (
      <div className="field">
        <label className="label" htmlFor={`${id}-key`}>
          Key to use
        </label>
        <input
          ref={input}
          id={`${id}-key`}
          className="mono"
          value={draft}
          autoComplete="off"
          spellCheck={false}
          {...note.input}
          onKeyDown={onEnter}
          onChange={(event) => {
            setDraft(event.target.value);
            setError(null);
          }}
        />
        {note.note}
        <div className="key-row">
          <button type="button" className="button small primary" disabled={saving} onClick={() => void save()}>
            {saving ? 'Saving…' : 'Save key'}
          </button>
          <button
            type="button"
            className="button small secondary"
            onClick={() => {
              setEditing(false);
              setError(null);
            }}
          >
            Cancel
          </button>
        </div>
      </div>
    );
  }

  const startEditing = () => {
    setDraft('');
    setError(null);
    setEditing(true);
    requestAnimationFrame(() => input.current?.focus());
  };

  return (
    <div className="field">
      {signingKey === '' ? (
        <p className="key-none" role="status">
          <strong>No signing key.</strong> Logto sends no <code>{SIGNATURE_HEADER}</code> header then, so your receiver has nothing to
          verify.
        </p>
      ) : (
        <div className="key-row">
          <output className="signing-key mono" aria-label="Signing key">
            {revealed ? signingKey : '•'.repeat(signingKey.length)}
          </output>
          <button type="button" className="button small secondary" onClick={() => setRevealed(!revealed)}>
            {revealed ? 'Hide' : 'Reveal'}
          </button>
          <CopyButton text={signingKey} label="Copy key" />
        </div>
      )}
      <div className="key-row">
        <button type="button" className="button small secondary" onClick={startEditing}>
          Paste or type a key
        </button>
        <button type="button" className="button small secondary" onClick={() => setAsking('regenerate')}>
          {signingKey === '' ? 'Generate a key' : 'Regenerate'}
        </button>
        {signingKey !== '' && (
          <button type="button" className="button small secondary" onClick={() => setAsking('none')}>
            No signing key
          </button>
        )}
      </div>
      {signingKey !== '' && (
        <p className="hint">
          Receivers verify <code>{SIGNATURE_HEADER}</code> = HMAC-SHA256 of the raw request body with this key, in hex.
        </p>
      )}
      {asking === 'regenerate' && (
        <ConfirmDialog
          title={signingKey === '' ? 'Generate a signing key?' : 'Regenerate signing key?'}
          confirmLabel={signingKey === '' ? 'Generate' : 'Regenerate'}
          danger={signingKey !== ''}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null);
            void onRegenerate();
          }}
        >
          {signingKey === ''
            ? 'Every request is signed from now on. Give your receiver the new key so it can verify them.'
            : 'The current key stops working at once. Your receiver will reject requests until it uses the new key.'}
        </ConfirmDialog>
      )}
      {asking === 'none' && (
        <ConfirmDialog
          title="Send without a signature?"
          confirmLabel="Use no signing key"
          danger
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null);
            void run(() => onSave(''));
          }}
        >
          The key is deleted and requests carry no <code>{SIGNATURE_HEADER}</code> header, as Logto does for a hook without a key. A
          receiver that verifies signatures will reject them.
        </ConfirmDialog>
      )}
    </div>
  );
}
