/**
 * An expected failure with one of the stable codes of the HTTP contract. Anything may
 * throw it; the error handler answers it as `application/problem+json`.
 */
import type { CabinetErrorCode, FieldError } from '@mfc-cabinet/core/errors';

/** The codes only the SDK produces (no server answer carries them). */
type ClientOnlyCode = 'network' | 'timeout' | 'aborted' | 'invalid_response' | 'session_cookie_blocked';

/** A code the server answers with. */
export type ProblemCode = Exclude<CabinetErrorCode, ClientOnlyCode>;

/** The HTTP status that goes with each code. */
export const problemStatus: Record<ProblemCode, number> = {
  invalid_credentials: 401,
  account_locked: 423,
  otp_invalid: 400,
  otp_expired: 400,
  otp_attempts_exceeded: 400,
  validation_failed: 400,
  malformed_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  session_expired: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  file_too_large: 413,
  file_type_not_allowed: 415,
  upload_expired: 410,
  rate_limited: 429,
  server_unavailable: 503,
  internal: 500,
};

export interface ApiErrorInit {
  /** What happened this time, in Russian, for the citizen; the code's general message when absent. */
  detail?: string;
  errors?: FieldError[];
  /** Seconds until the action may be tried again; also sent as `Retry-After`. */
  retryAfter?: number;
  attemptsLeft?: number;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ProblemCode;
  readonly init: ApiErrorInit;

  constructor(code: ProblemCode, init: ApiErrorInit = {}, options?: ErrorOptions) {
    super(init.detail ?? code, options);
    this.code = code;
    this.init = init;
  }

  get status(): number {
    return problemStatus[this.code];
  }
}

/**
 * Throws `validation_failed` with `errors`, one per field and rule, unless there are none.
 *
 * @throws {ApiError} `validation_failed`
 */
export function assertValid(errors: readonly FieldError[]): void {
  if (errors.length > 0) throw new ApiError('validation_failed', { errors: [...errors] });
}
