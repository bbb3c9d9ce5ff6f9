import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { RetryBehaviour } from '../../shared/domain';
import type { HookEvent } from '../../shared/events';
import { type HeaderRow, hookInputSchema, logtoUrlRefusal } from '../../shared/validation';
import { ApiCallError, messageOf } from '../api';
import { useUnsavedGuard } from '../lib/useUnsavedGuard';
import { usePreferences } from '../state/preferences';
import { EventPicker } from './EventPicker';
import { fieldNote } from './fieldNote';
import { HeadersEditor } from './HeadersEditor';
import { RetryFields } from './RetryFields';

export type HookFormValues = {
  name: string;
  url: string;
  events: HookEvent[];
  headers: HeaderRow[];
  retries: number;
  retryBehaviour: RetryBehaviour | null;
};

type Props = {
  /** The stored values; the form is dirty while it differs from them. */
  initial: HookFormValues;
  submitLabel: string;
  onSubmit(values: HookFormValues): Promise<void>;
  onCancel?(): void;
  /** Cards shown after the form's own (the signing key, the danger zone), above the save bar. */
  after?: ReactNode;
  /** Told what the form holds after every edit while it differs from what is saved; null once it does not. */
  onValues?(values: HookFormValues | null): void;
};

/** Field errors keyed like the contract's `field`: name, url, events, headers.N.name. */
function validate(values: HookFormValues): Record<string, string> {
  const result = hookInputSchema.safeParse(values);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Events are a set: the same events in another order are not an edit. */
const comparable = (values: HookFormValues) => JSON.stringify({ ...values, events: [...values.events].sort() });

export function HookForm({ initial, submitLabel, onSubmit, onCancel, after, onValues }: Props) {
  const [base, setBase] = useState(initial);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  // Read once and dismissed on the list ("Got it, hide these marks"): the form stops saying it too.
  const refusal = usePreferences((state) => state.localNoteDismissed) ? null : logtoUrlRefusal(values.url.trim());
  const dirty = comparable(values) !== comparable(base);
  useUnsavedGuard(dirty && !saving);

  // The stored hook changed (our save, or another window or the CLI): take it when nothing would be
  // lost, otherwise keep the edits and say so.
  const incoming = comparable(initial);
  const seen = useRef(incoming);
  const state = useRef({ dirty, saving });
  state.current = { dirty, saving };
  useEffect(() => {
    if (seen.current === incoming) return;
    seen.current = incoming;
    const next = JSON.parse(incoming) as HookFormValues;
    if (state.current.saving || !state.current.dirty) {
      setBase(next);
      setValues(next);
      setChangedElsewhere(false);
    } else {
      setBase(next);
      setChangedElsewhere(true);
    }
  }, [incoming]);

  const report = useRef(onValues);
  report.current = onValues;
  useEffect(() => report.current?.(dirty ? values : null), [values, dirty]);

  const change = (patch: Partial<HookFormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    const cleared = Object.keys(patch);
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !cleared.some((field) => key.startsWith(field)))));
  };

  /** Back to the saved hook: what was said about the edits goes with them. */
  const revert = () => {
    setValues(base);
    setErrors({});
    setFormError(null);
    setChangedElsewhere(false);
  };

  const showErrors = (found: Record<string, string>) => {
    setErrors(found);
    // After React paints them, the first field in error takes focus, so its message is read out.
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(values);
    setFormError(null);
    if (Object.keys(found).length > 0) return showErrors(found);
    setErrors({});
    setSaving(true);
    try {
      await onSubmit(values);
      setChangedElsewhere(false);
    } catch (error) {
      if (error instanceof ApiCallError && error.field) showErrors({ [error.field]: error.message });
      else setFormError(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  const name = fieldNote(`${id}-name-error`, errors.name);
  const url = fieldNote(`${id}-url-note`, errors.url, { warning: refusal });

  return (
    <form className="hook-form" ref={form} onSubmit={submit} noValidate>
      {formError && (
        <div className="banner error" role="alert">
          {formError}
        </div>
      )}
      {changedElsewhere && (
        <div className="banner warning" role="alert">
          This webhook was changed elsewhere while you edited it. Saving replaces that change with what you see here.{' '}
          <button type="button" className="link-button" onClick={revert}>
            Load the saved version
          </button>
        </div>
      )}
      <section className="card" aria-labelledby={`${id}-general`}>
        <h2 id={`${id}-general`}>General</h2>
        <div className="field">
          <label className="label" htmlFor={`${id}-name`}>
            Name
          </label>
          <input
            id={`${id}-name`}
            name="name"
            value={values.name}
            placeholder="e.g. Sync new users to CRM"
            {...name.input}
            onChange={(event) => change({ name: event.target.value })}
          />
          {name.note}
        </div>
      </section>
      <section className="card" aria-labelledby={`${id}-endpoint`}>
        <h2 id={`${id}-endpoint`}>Endpoint and headers</h2>
        <div className="field">
          <label className="label" htmlFor={`${id}-url`}>
            Endpoint URL
          </label>
          <input
            id={`${id}-url`}
            name="url"
            value={values.url}
            placeholder="http://localhost:3000/webhooks/logto"
            spellCheck={false}
            {...url.input}
            onChange={(event) => change({ url: event.target.value })}
          />
          {url.note}
        </div>
        <HeadersEditor rows={values.headers} onChange={(headers) => change({ headers })} errors={errors} />
      </section>
      <section className="card" aria-label="Events">
        <EventPicker selected={values.events} onChange={(events) => change({ events })} error={errors.events} />
      </section>
      <section className="card" aria-labelledby={`${id}-delivery`}>
        <h2 id={`${id}-delivery`}>Retry on failure</h2>
        <RetryFields idPrefix={id} retries={values.retries} retryBehaviour={values.retryBehaviour} onChange={change} />
      </section>
      {after}
      <div className={`save-bar${dirty ? ' dirty' : ''}`}>
        <span className="save-state" role="status">
          {dirty ? 'Unsaved changes' : ''}
        </span>
        {onCancel && (
          <button type="button" className="button secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
        {!onCancel && dirty && (
          <button type="button" className="button secondary" onClick={revert}>
            Discard
          </button>
        )}
        {/* A new hook's form (it has Cancel) is never greyed out: submitting it empty is how one learns what it needs. */}
        <button type="submit" className="button primary" disabled={saving || (!dirty && !onCancel)}>
          {saving ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
