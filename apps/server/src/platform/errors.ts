/**
 * The one error base class. A module throws `new AppError(kind, code, message)` with a code from its
 * own closed set (`<module>.errors.ts`); `kind` alone decides the HTTP status, in one place below.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable';

export const STATUS_OF: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
};

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly extra: {
      readonly path?: string;
      readonly details?: unknown;
      readonly retryAfterSeconds?: number;
    } = {},
  ) {
    super(message);
  }

  get status(): number {
    return STATUS_OF[this.kind];
  }
}
