/**
 * The current password, asked again before a contact or the password changes: a stolen
 * session alone cannot take the account over. It is checked as a sign-in checks it —
 * through the hashing queue, with the try taken from the lockout of the account's logins
 * first — so guessing it here costs the same tries as at the sign-in form.
 */
import type { Account } from '../accounts/accounts.js';
import { ApiError } from '../api-error.js';
import type { Clock } from '../clock.js';
import type { AuditLog } from '../security/audit.js';
import { throttleKeysOf, type LoginThrottle } from '../security/lockout.js';
import { admitHash, lockedRefusal } from '../security/password-refusals.js';
import type { PasswordHasher } from '../security/passwords.js';

export interface CurrentPasswordDeps {
  clock: Clock;
  hasher: PasswordHasher;
  throttle: LoginThrottle;
  audit: AuditLog;
}

/** The field the wrong current password is reported on. */
const field = 'currentPassword';

export class CurrentPassword {
  readonly #deps: CurrentPasswordDeps;

  constructor(deps: CurrentPasswordDeps) {
    this.#deps = deps;
  }

  /**
   * Checks that `password` is the account's password (a temporary one does not count).
   *
   * @throws {ApiError} `invalid_credentials` (with `attemptsLeft`), `account_locked`,
   *   `rate_limited` (no place among the hashes; nothing counted)
   */
  async check(account: Account, password: string, ip: string): Promise<void> {
    const { hasher, throttle, audit } = this.#deps;
    const keys = throttleKeysOf(account);
    // A place among the hashes first: a refused one must not cost a try of the lockout.
    const ticket = admitHash(this.#deps.hasher, ip, false);
    const { reservation, right } = await (async () => {
      const reservation = await throttle.reserve(keys);
      if (!reservation.granted) throw lockedRefusal(reservation.lockedUntil, this.#deps.clock.now());
      const right = account.temporaryPasswordExpiresAt === null && (await hasher.verify(password, account.passwordHash, ticket));
      return { reservation, right };
    })().finally(() => ticket.release());
    if (right) {
      await throttle.clear(keys);
      return;
    }
    await audit.record('login_failed', { accountId: account.id, ip, details: { step: 'current_password' } });
    if (reservation.lockedUntil !== undefined) {
      await audit.record('login_locked', { accountId: account.id, ip });
      throw lockedRefusal(reservation.lockedUntil, this.#deps.clock.now());
    }
    const detail = `Текущий пароль введён неверно. Осталось попыток: ${reservation.attemptsLeft}.`;
    throw new ApiError('invalid_credentials', {
      attemptsLeft: reservation.attemptsLeft,
      detail,
      errors: [{ field, code: 'invalid_credentials', message: 'Текущий пароль введён неверно' }],
    });
  }
}
