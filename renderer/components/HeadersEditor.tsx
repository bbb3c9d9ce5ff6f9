import { useId, useRef } from 'react';
import { type HeaderRow, joinedHeaderRows } from '../../shared/validation';
import { fieldNote } from './fieldNote';

type Props = {
  rows: HeaderRow[];
  onChange(rows: HeaderRow[]): void;
  /** Errors keyed as the contract names them: `headers.2.name`. */
  errors: Record<string, string>;
};

/** Custom headers as editable rows, each error shown at its row. */
export function HeadersEditor({ rows, onChange, errors }: Props) {
  // A stable key per row, so removing row 2 does not hand row 3's focus and text to another row.
  const id = useId();
  const keys = useRef<number[]>([]);
  const made = useRef(0);
  while (keys.current.length < rows.length) keys.current.push(made.current++);
  keys.current.length = rows.length;
  const joined = joinedHeaderRows(rows);
  const edit = (index: number, change: Partial<HeaderRow>) => onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));

  return (
    <fieldset className="headers-editor">
      <legend>
        Custom headers <span className="hint">sent with every request; user-agent may be replaced, the signature may not</span>
      </legend>
      {rows.length === 0 && <p className="muted">No custom headers.</p>}
      {rows.map((row, index) => {
        const name = fieldNote(`${id}-${index}-name`, errors[`headers.${index}.name`], { warning: joined.get(index) });
        const value = fieldNote(`${id}-${index}-value`, errors[`headers.${index}.value`]);
        return (
          <div className="header-row" key={keys.current[index]}>
            <div className="header-cell">
              <input
                aria-label={`Header ${index + 1} name`}
                placeholder="x-api-key"
                value={row.name}
                {...name.input}
                onChange={(event) => edit(index, { name: event.target.value })}
              />
              {name.note}
            </div>
            <div className="header-cell">
              <input
                aria-label={`Header ${index + 1} value`}
                placeholder="value"
                value={row.value}
                {...value.input}
                onChange={(event) => edit(index, { value: event.target.value })}
              />
              {value.note}
            </div>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove header ${index + 1}`}
              onClick={() => {
                keys.current.splice(index, 1);
                onChange(rows.filter((_, at) => at !== index));
              }}
            >
              ×
            </button>
          </div>
        );
      })}
      <button type="button" className="link-button" onClick={() => onChange([...rows, { name: '', value: '' }])}>
        + Add header
      </button>
    </fieldset>
  );
}
