import { payloadEventProblem } from '../../../shared/validation';
import { jsonProblem } from '../../lib/jsonCheck';

export type ParsedPayload = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

/** The editor's text as a payload object for `event`, or what to fix, with where. */
export function parsePayload(text: string, event: string): ParsedPayload {
  if (text.trim() === '') return { ok: false, error: 'The payload is empty: write a JSON object, or press Reset to sample' };
  const problem = jsonProblem(text);
  if (problem) return { ok: false, error: `Not valid JSON at line ${problem.line}, column ${problem.column}: ${problem.message}` };
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'The payload must be a JSON object { … }' };
  const mismatch = payloadEventProblem(event, value as Record<string, unknown>);
  if (mismatch) return { ok: false, error: mismatch };
  return { ok: true, value: value as Record<string, unknown> };
}
