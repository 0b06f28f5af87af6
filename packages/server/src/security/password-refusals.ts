/**
 * What a password check answers when it cannot go on, the same wherever a password is
 * checked (the sign-in form, the current password asked again): no place among the hashes,
 * or the login locked.
 */
import { errorMessagesRu } from '@mfc-cabinet/core/messages';
import { ApiError } from '../api-error.js';
import { secondsUntil } from '../clock.js';
import { formatWait } from '../texts.js';
import { HashingBusy, type HashTicket } from './hashing-queue.js';
import type { PasswordHasher } from './passwords.js';

/**
 * A place among the hashes for the client at `ip` (ahead of the others with `priority`).
 *
 * @throws {ApiError} `rate_limited` with `Retry-After` when there is none; nothing is counted
 */
export function admitHash(hasher: PasswordHasher, ip: string, priority: boolean): HashTicket {
  try {
    return hasher.admit({ client: ip, priority });
  } catch (error) {
    if (!(error instanceof HashingBusy)) throw error;
    const { retryAfter } = error;
    throw new ApiError('rate_limited', {
      retryAfter,
      detail: `${errorMessagesRu.rate_limited} Попробуйте снова через ${formatWait(retryAfter)}.`,
    });
  }
}

/** `account_locked` until `lockedUntil`, with `Retry-After` and the wait in words. */
export function lockedRefusal(lockedUntil: number, now: number): ApiError {
  const retryAfter = secondsUntil(lockedUntil, now);
  return new ApiError('account_locked', {
    retryAfter,
    detail: `${errorMessagesRu.account_locked} Попробуйте снова через ${formatWait(retryAfter)}.`,
  });
}
