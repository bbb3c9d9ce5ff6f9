export type ApiErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'forbidden' | 'storage' | 'internal';

/** The one error shape every transport answers with. `field` names the form field to show it at. */
export type ApiError = { code: ApiErrorCode; message: string; field?: string };

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside the core for errors the user can act on; transports turn it into an ApiError. */
export class UserFacingError extends Error {
  readonly code: ApiErrorCode;
  readonly field?: string;

  constructor(code: ApiErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'UserFacingError';
    this.code = code;
    this.field = field;
  }

  toApiError(): ApiError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}
