/**
 * Every failure of the SDK is a {@link CabinetError} with one of these stable codes.
 * The server sends the same codes in the `code` member of its `application/problem+json`
 * answers; the SDK adds the transport ones (`network`, `timeout`, `aborted`,
 * `invalid_response`, `session_cookie_blocked`).
 */
export const errorCodes = [
  'invalid_credentials',
  'account_locked',
  'otp_invalid',
  'otp_expired',
  'otp_attempts_exceeded',
  'validation_failed',
  'malformed_request',
  'payload_too_large',
  'unsupported_media_type',
  'unauthenticated',
  'session_expired',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'file_too_large',
  'file_type_not_allowed',
  'upload_expired',
  'limit_reached',
  'rate_limited',
  'network',
  'timeout',
  'aborted',
  'server_unavailable',
  'invalid_response',
  'session_cookie_blocked',
  'internal',
] as const;

/** A stable, machine-readable reason for a failure. */
export type CabinetErrorCode = (typeof errorCodes)[number];

/** One problem with one input field. `field` is a dotted path such as `passport.series`. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** What a {@link CabinetError} carries besides its code. */
export interface CabinetErrorInit {
  status?: number;
  message?: string;
  fieldErrors?: FieldError[];
  /** Seconds until the action may be tried again (lockout, rate limit, resend). */
  retryAfter?: number;
  /** One-time code tries left for the current challenge. */
  attemptsLeft?: number;
  cause?: unknown;
}

/**
 * The one error type of the SDK.
 *
 * @example
 * ```ts
 * try {
 *   await client.auth.login({ identifier, password });
 * } catch (error) {
 *   if (isCabinetError(error) && error.code === 'account_locked') {
 *     showLockout(error.retryAfter);
 *   }
 * }
 * ```
 */
export class CabinetError extends Error {
  override readonly name = 'CabinetError';
  readonly code: CabinetErrorCode;
  /** HTTP status of the answer, or 0 when no answer arrived. */
  readonly status: number;
  readonly fieldErrors: FieldError[];
  readonly retryAfter: number | undefined;
  readonly attemptsLeft: number | undefined;

  constructor(code: CabinetErrorCode, init: CabinetErrorInit = {}) {
    super(init.message ?? code, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    this.status = init.status ?? 0;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfter = init.retryAfter;
    this.attemptsLeft = init.attemptsLeft;
  }

  toJSON() {
    return {
      name: this.name,
      code: this.code,
      status: this.status,
      message: this.message,
      fieldErrors: this.fieldErrors,
      retryAfter: this.retryAfter,
      attemptsLeft: this.attemptsLeft,
    };
  }
}

const knownCodes: ReadonlySet<string> = new Set(errorCodes);

/**
 * True for a {@link CabinetError}, also one that crossed a realm (iframe, structured
 * clone) where `instanceof` fails.
 */
export function isCabinetError(value: unknown): value is CabinetError {
  if (value instanceof CabinetError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { name?: unknown; code?: unknown };
  return candidate.name === 'CabinetError' && typeof candidate.code === 'string' && knownCodes.has(candidate.code);
}
