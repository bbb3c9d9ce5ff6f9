import { type FormEvent, useState } from 'react';
import type { HookEvent } from '../../shared/events';
import { type HeaderRow, hookInputSchema, logtoUrlRefusal } from '../../shared/validation';
import { ApiCallError, messageOf } from '../api';
import { EventPicker } from './EventPicker';
import { HeadersEditor } from './HeadersEditor';

export type HookFormValues = { name: string; url: string; events: HookEvent[]; headers: HeaderRow[] };

type Props = {
  initial: HookFormValues;
  submitLabel: string;
  onSubmit(values: HookFormValues): Promise<void>;
  onCancel?(): void;
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

export function HookForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const refusal = logtoUrlRefusal(values.url.trim());

  const change = (patch: Partial<HookFormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    const cleared = Object.keys(patch);
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !cleared.some((field) => key.startsWith(field)))));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(values);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      await onSubmit(values);
    } catch (error) {
      if (error instanceof ApiCallError && error.field) setErrors({ [error.field]: error.message });
      else setFormError(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="hook-form" onSubmit={submit} noValidate>
      {formError && (
        <div className="banner error" role="alert">
          {formError}
        </div>
      )}
      <label className="field">
        <span className="label">Name</span>
        <input
          name="name"
          value={values.name}
          placeholder="e.g. Sync new users to CRM"
          aria-invalid={errors.name ? true : undefined}
          onChange={(event) => change({ name: event.target.value })}
        />
        {errors.name && (
          <p className="field-error" role="alert">
            {errors.name}
          </p>
        )}
      </label>
      <label className="field">
        <span className="label">Endpoint URL</span>
        <input
          name="url"
          value={values.url}
          placeholder="http://localhost:3000/webhooks/logto"
          spellCheck={false}
          aria-invalid={errors.url ? true : undefined}
          onChange={(event) => change({ url: event.target.value })}
        />
        {errors.url && (
          <p className="field-error" role="alert">
            {errors.url}
          </p>
        )}
        {!errors.url && refusal && <p className="field-note">{refusal}</p>}
      </label>
      <EventPicker selected={values.events} onChange={(events) => change({ events })} error={errors.events} />
      <HeadersEditor rows={values.headers} onChange={(headers) => change({ headers })} errors={errors} />
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="button secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button primary" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
