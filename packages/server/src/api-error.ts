/**
 * An expected failure with one of the stable codes of the HTTP contract. Anything may
 * throw it; the error handler answers it as `application/problem+json`.
 */
import { problemStatus, type ProblemCode } from '@mfc-cabinet/core/schemas';
import type { FieldError } from '@mfc-cabinet/core/errors';

/** A code the server answers with, and the HTTP status of each: core's, which the stories' fake API answers with too. */
export { problemStatus, type ProblemCode } from '@mfc-cabinet/core/schemas';

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
