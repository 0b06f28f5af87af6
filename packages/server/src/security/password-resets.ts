/**
 * Permissions to set a new password, issued when a recovery code was right or after a
 * sign-in with a temporary password. The browser holds a random token; the table holds its
 * hash, the account, what it was issued for and the deadline. A token works once, only for
 * its purpose, and setting the password ends every other token of the account.
 */
import { ApiError } from '../api-error.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { PasswordResetPurpose, PasswordResetsTable } from './tables.js';
import { hashToken, randomToken } from './tokens.js';

export class PasswordResets {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #ttlMs: number;

  constructor(db: Database, clock: Clock, ttlMs: number) {
    this.#db = db;
    this.#clock = clock;
    this.#ttlMs = ttlMs;
  }

  /** A new token for `accountId`, and when it stops working. */
  async issue(accountId: string, purpose: PasswordResetPurpose): Promise<{ token: string; expiresAt: number }> {
    const now = this.#clock.now();
    await this.#db.deleteFrom('passwordResets').where('expiresAt', '<=', now).execute();
    const token = randomToken();
    const expiresAt = now + this.#ttlMs;
    await this.#db.insertInto('passwordResets').values({ tokenHash: hashToken(token), accountId, purpose, expiresAt }).execute();
    return { token, expiresAt };
  }

  /**
   * The live permission `token` names, issued for `purpose`.
   *
   * @throws {ApiError} `otp_expired` when it is unknown, used, past its deadline or for another purpose
   */
  async find(token: string, purpose: PasswordResetPurpose): Promise<PasswordResetsTable> {
    const reset = await this.#db
      .selectFrom('passwordResets')
      .selectAll()
      .where('tokenHash', '=', hashToken(token))
      .where('purpose', '=', purpose)
      .executeTakeFirst();
    if (!reset || this.#clock.now() >= reset.expiresAt) throw new ApiError('otp_expired');
    return reset;
  }

  /**
   * Uses up `reset` and every other token of its account.
   *
   * @throws {ApiError} `otp_expired` when another request used it first
   */
  async consume(reset: PasswordResetsTable): Promise<void> {
    const { numDeletedRows } = await this.#db
      .deleteFrom('passwordResets')
      .where('tokenHash', '=', reset.tokenHash)
      .where('expiresAt', '>', this.#clock.now())
      .executeTakeFirst();
    if (numDeletedRows === 0n) throw new ApiError('otp_expired');
    await this.#db.deleteFrom('passwordResets').where('accountId', '=', reset.accountId).execute();
  }
}
