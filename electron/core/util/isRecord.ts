/** A JSON object (not an array, not null): what a file or column read back must be before its fields are looked at. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
