import { useId } from 'react';
import { fieldNote } from '../fieldNote';

type Props = {
  text: string;
  problem: string | null;
  canReset: boolean;
  onChange(text: string): void;
  onReset(): void;
  onFormat(): void;
};

/** The payload as editable JSON, with its first mistake named by line and column. */
export function PayloadEditor({ text, problem, canReset, onChange, onReset, onFormat }: Props) {
  const id = useId();
  const note = fieldNote(`${id}-problem`, problem, { live: true });
  return (
    <div className="field">
      <div className="editor-head">
        <label className="label" htmlFor={id}>
          Payload <span className="hint">edit freely; hookId is added for each hook, last, as Logto does</span>
        </label>
        <span className="editor-actions">
          <button type="button" className="button small secondary" disabled={problem !== null} onClick={onFormat}>
            Format
          </button>
          <button type="button" className="button small secondary" disabled={!canReset} onClick={onReset}>
            Reset to sample
          </button>
        </span>
      </div>
      <textarea
        id={id}
        className="payload-editor"
        spellCheck={false}
        rows={16}
        value={text}
        {...note.input}
        onChange={(change) => onChange(change.target.value)}
      />
      {note.note}
    </div>
  );
}
