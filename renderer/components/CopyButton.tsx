import { useState } from 'react';

type Props = {
  text: string;
  label?: string;
  size?: 'small' | 'normal' /** Shorter words on the button than its accessible label. */;
  shown?: string;
};

export function CopyButton({ text, label = 'Copy', size = 'small', shown = label }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 1500);
  };
  const visible = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : shown;
  return (
    <button
      type="button"
      className={`button secondary${size === 'small' ? ' small' : ''}`}
      onClick={(event) => {
        // A copy button inside a clickable row copies; it does not also open the row.
        event.stopPropagation();
        void copy();
      }}
      // The accessible name always holds the words on the button, as speech-input users say them.
      aria-label={state === 'idle' ? label : `${visible} (${label})`}
    >
      {visible}
    </button>
  );
}
