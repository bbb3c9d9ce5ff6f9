import type { ReactNode } from 'react';

type Said = {
  /** Shown when there is no error: how to fill the field in. */
  hint?: ReactNode;
  /** Shown when there is no error, in place of the hint: the value is allowed but will not work as hoped. */
  warning?: ReactNode;
  /** Read out as it changes, for an error that follows typing. */
  live?: boolean;
};

/**
 * What a form field says under its input: its error when it has one, else its warning or hint. The
 * input is marked invalid and described by that one note, so a screen reader reads the error with
 * the field, as the eye does. Spread `input` on the input and put `note` after it.
 */
export function fieldNote(
  id: string,
  error: string | null | undefined,
  { hint, warning, live = false }: Said = {},
): { input: { 'aria-invalid'?: true; 'aria-describedby'?: string }; note: ReactNode } {
  if (error) {
    return {
      input: { 'aria-invalid': true, 'aria-describedby': id },
      note: (
        <p className="field-error" id={id} aria-live={live ? 'polite' : undefined}>
          {error}
        </p>
      ),
    };
  }
  const said = warning ?? hint;
  if (said === undefined || said === null) return { input: {}, note: null };
  return {
    input: { 'aria-describedby': id },
    note: (
      <p className={warning ? 'field-note' : 'hint'} id={id}>
        {said}
      </p>
    ),
  };
}
