/**
 * Lockout after wrong passwords. Failures are counted per throttle key: a normalised
 * login (which exists whether or not an account does, so known and unknown logins answer
 * alike) or a browser known to the account (so a stranger cannot lock its owner out).
 * `threshold` failures in a row lock the key for `base`, each later lockout for twice the
 * previous one, up to `max`. A correct password clears the key.
 */
import type { Clock } from '../clock.js';
import type { SecurityRules } from '../config.js';
import type { Database } from '../db/database.js';
import type { LoginThrottlesTable } from './tables.js';
import { hashToken } from './tokens.js';

export type ThrottleState =
  | { locked: false; attemptsLeft: number }
  | { locked: true; lockedUntil: number };

type Rules = Pick<SecurityRules, 'lockoutThreshold' | 'lockoutBaseMs' | 'lockoutMaxMs'>;

/** A throttle key for a normalised login, e.g. `phone:+79000000001`. */
export const loginKey = (kind: string, value: string): string => `login:${kind}:${value}`;

/** The throttle keys of every login of the account. */
export function loginKeysOf(account: { phone: string | null; email: string | null; snils: string | null }): string[] {
  const logins: Array<[string, string | null]> = [
    ['phone', account.phone],
    ['email', account.email],
    ['snils', account.snils],
  ];
  return logins.flatMap(([kind, value]) => (value === null ? [] : [loginKey(kind, value)]));
}

/** A throttle key for one browser signing in to one account. */
export const deviceKey = (deviceTokenHash: string, accountId: string): string => `device:${deviceTokenHash}:${accountId}`;

export class LoginThrottle {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #rules: Rules;

  constructor(db: Database, clock: Clock, rules: Rules) {
    this.#db = db;
    this.#clock = clock;
    this.#rules = rules;
  }

  /** The state of the strictest of `keys`: locked when any is, else the fewest attempts left. */
  async state(keys: readonly string[]): Promise<ThrottleState> {
    const rows = await this.#db
      .selectFrom('loginThrottles')
      .selectAll()
      .where('key', 'in', keys.map(hashToken))
      .execute();
    return this.#strictest(rows);
  }

  /** Counts a wrong password against every key; returns the state after it. */
  async recordFailure(keys: readonly string[]): Promise<ThrottleState> {
    const now = this.#clock.now();
    const rows = await this.#db.transaction().execute(async (trx) => {
      const updated: LoginThrottlesTable[] = [];
      for (const key of keys.map(hashToken)) {
        const row = await trx.selectFrom('loginThrottles').selectAll().where('key', '=', key).executeTakeFirst();
        const next = this.#afterFailure(row ?? { key, failures: 0, lockouts: 0, lockedUntil: null }, now);
        await trx
          .insertInto('loginThrottles')
          .values(next)
          .onConflict((conflict) =>
            conflict.column('key').doUpdateSet({
              failures: next.failures,
              lockouts: next.lockouts,
              lockedUntil: next.lockedUntil,
            }),
          )
          .execute();
        updated.push(next);
      }
      return updated;
    });
    return this.#strictest(rows);
  }

  /** Forgets the failures and past lockouts of `keys` (after a correct password). */
  async clear(keys: readonly string[]): Promise<void> {
    await this.#db.deleteFrom('loginThrottles').where('key', 'in', keys.map(hashToken)).execute();
  }

  #afterFailure(row: LoginThrottlesTable, now: number): LoginThrottlesTable {
    const failures = row.failures + 1;
    if (failures < this.#rules.lockoutThreshold) return { ...row, failures };
    const { lockoutBaseMs, lockoutMaxMs } = this.#rules;
    const duration = Math.min(lockoutBaseMs * 2 ** Math.min(row.lockouts, 30), lockoutMaxMs);
    return { key: row.key, failures: 0, lockouts: row.lockouts + 1, lockedUntil: now + duration };
  }

  #strictest(rows: readonly LoginThrottlesTable[]): ThrottleState {
    const now = this.#clock.now();
    const lockedUntil = Math.max(0, ...rows.map((row) => row.lockedUntil ?? 0));
    if (lockedUntil > now) return { locked: true, lockedUntil };
    const failures = Math.max(0, ...rows.map((row) => row.failures));
    return { locked: false, attemptsLeft: this.#rules.lockoutThreshold - failures };
  }
}
