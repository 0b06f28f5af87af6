import type { ErrorMessages } from './messages.js';

/** English messages of every error code, loaded when a client or widget speaks English. */
export const errorMessagesEn: ErrorMessages = {
  invalid_credentials: 'Wrong login or password.',
  account_locked: 'Sign-in is temporarily locked after failed attempts.',
  otp_invalid: 'Wrong code.',
  otp_expired: 'The code has expired. Request a new one.',
  otp_attempts_exceeded: 'No code attempts left. Start again to get a new code.',
  validation_failed: 'Check the data you entered.',
  malformed_request: 'The request could not be read.',
  payload_too_large: 'The request is too large.',
  unsupported_media_type: 'Unsupported request format.',
  unauthenticated: 'Please sign in.',
  session_expired: 'Your session has ended. Please sign in again.',
  csrf_failed: 'The request was refused for security reasons. Reload the page.',
  forbidden: 'You are not allowed to do this.',
  not_found: 'Not found.',
  conflict: 'The data has changed. Reload and try again.',
  file_too_large: 'The file is too large.',
  file_type_not_allowed: 'Files of this type are not accepted here.',
  upload_expired: 'The upload has expired. Upload the file again.',
  limit_reached: 'A limit of one account is reached. Delete what you no longer need and try again.',
  rate_limited: 'Too many requests. Wait a little and try again.',
  network: 'Cannot reach the server. Check your internet connection.',
  timeout: 'The server did not answer in time. Try again.',
  aborted: 'The request was cancelled.',
  server_unavailable: 'The service is temporarily unavailable. Try again later.',
  invalid_response: 'The server sent an unexpected answer. Try again later.',
  session_cookie_blocked:
    'The browser did not keep the session cookie. The cabinet must be served from the same site as the API.',
  internal: 'Something went wrong. Try again later.',
};
