/**
 * The codes the server answers problems with, the HTTP status of each, and the `type` URI
 * of a problem (RFC 9457), once: the reference server answers with them, and the fake API
 * of the stories too.
 */
import type { CabinetErrorCode } from './errors.js';

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
  limit_reached: 409,
  rate_limited: 429,
  server_unavailable: 503,
  internal: 500,
};

/** The `type` URI of a problem code; it names the code, nothing is served there. */
export const problemType = (code: ProblemCode): string => `https://mfc-cabinet.dev/problems/${code}`;
