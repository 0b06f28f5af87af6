/**
 * Browsers known to an account. A successful sign-in leaves a long-lived random token in
 * the browser (the device cookie); the table binds its hash to each account signed in
 * from that browser. Such a browser gets its own lockout counter for those accounts.
 */
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { hashToken, randomToken } from './tokens.js';

export class TrustedDevices {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #ttlMs: number;

  constructor(db: Database, clock: Clock, ttlMs: number) {
    this.#db = db;
    this.#clock = clock;
    this.#ttlMs = ttlMs;
  }

  /** The hash of `token` when it is a live device token of one of `accountIds`, else `undefined`. */
  async recognise(token: string | undefined, accountIds: readonly string[]): Promise<{ tokenHash: string; accountId: string } | undefined> {
    if (!token || accountIds.length === 0) return undefined;
    return this.#db
      .selectFrom('trustedDevices')
      .select(['tokenHash', 'accountId'])
      .where('tokenHash', '=', hashToken(token))
      .where('accountId', 'in', accountIds)
      .where('expiresAt', '>', this.#clock.now())
      .executeTakeFirst();
  }

  /**
   * Binds the browser to `accountId` after a sign-in. The browser's current token is kept
   * when the server issued it (so one browser may know several accounts); otherwise a new
   * one is made. Returns the token for the cookie.
   */
  async remember(token: string | undefined, accountId: string): Promise<string> {
    const now = this.#clock.now();
    await this.#db.deleteFrom('trustedDevices').where('expiresAt', '<=', now).execute();
    const known =
      token !== undefined &&
      (await this.#db
        .selectFrom('trustedDevices')
        .select('tokenHash')
        .where('tokenHash', '=', hashToken(token))
        .where('expiresAt', '>', now)
        .executeTakeFirst()) !== undefined;
    const kept = known ? token : randomToken();
    const row = { tokenHash: hashToken(kept), accountId, expiresAt: now + this.#ttlMs };
    await this.#db
      .insertInto('trustedDevices')
      .values(row)
      .onConflict((conflict) => conflict.columns(['tokenHash', 'accountId']).doUpdateSet({ expiresAt: row.expiresAt }))
      .execute();
    return kept;
  }
}
