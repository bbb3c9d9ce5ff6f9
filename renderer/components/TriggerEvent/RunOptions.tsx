import { useId } from 'react';
import { fieldNote } from '../fieldNote';
import type { CheckedRun, RunDraft } from './runDraft';

type Props = {
  open: boolean;
  draft: RunDraft;
  checked: CheckedRun;
  /** While a run goes, its options stay as they were started. */
  locked: boolean;
  onOpen(open: boolean): void;
  onChange(draft: RunDraft): void;
};

/** "Repeat / load": closed, the dialog sends once; open, it sends a run with these options. */
export function RunOptions({ open, draft, checked, locked, onOpen, onChange }: Props) {
  const id = useId();
  const set = (change: Partial<RunDraft>) => onChange({ ...draft, ...change });
  const repeat = fieldNote(`${id}-repeat-note`, checked.repeatError, { hint: 'times the event is sent to each webhook' });
  const rate = fieldNote(`${id}-rate-note`, checked.rateError, { hint: 'empty sends everything at once' });
  return (
    <details
      className="run-options"
      open={open}
      onToggle={(toggle) => {
        const { open: opened } = toggle.currentTarget;
        onOpen(opened);
        // Opened below a long payload: bring the fields into view.
        if (opened) toggle.currentTarget.scrollIntoView({ block: 'nearest' });
      }}
    >
      <summary>
        Repeat / load <span className="hint">send it many times: paced, duplicated or shuffled</span>
      </summary>
      <fieldset className="run-fields" disabled={locked}>
        <div className="field">
          <label className="label" htmlFor={`${id}-repeat`}>
            Repeat
          </label>
          <input
            id={`${id}-repeat`}
            inputMode="numeric"
            value={draft.repeat}
            {...repeat.input}
            onChange={(change) => set({ repeat: change.target.value })}
          />
          {repeat.note}
        </div>
        <div className="field">
          <label className="label" htmlFor={`${id}-rate`}>
            Deliveries per second
          </label>
          <input
            id={`${id}-rate`}
            inputMode="decimal"
            placeholder="all at once"
            value={draft.rate}
            {...rate.input}
            onChange={(change) => set({ rate: change.target.value })}
          />
          {rate.note}
        </div>
        <label className="checkbox-line">
          <input type="checkbox" checked={draft.duplicate} onChange={(change) => set({ duplicate: change.target.checked })} />
          <span>
            Send each twice (duplicate) <span className="hint">same body and signature, as a retried delivery</span>
          </span>
        </label>
        <label className="checkbox-line">
          <input type="checkbox" checked={draft.shuffle} onChange={(change) => set({ shuffle: change.target.checked })} />
          <span>
            Shuffle order <span className="hint">the sends go out in a random order</span>
          </span>
        </label>
      </fieldset>
    </details>
  );
}
