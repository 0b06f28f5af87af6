/**
 * Lockout after wrong passwords. Failures are counted per throttle key: a normalised
 * login (which exists whether or not an account does, so known and unknown logins answer
 * alike), the account the login belongs to (so its phone, e-mail and СНИЛС share one
 * budget), or a browser known to the account (so a stranger cannot lock its owner out).
 * `threshold` failures in a row lock the key for `base`, each later lockout for twice the
 * previous one, up to `max`. A correct password clears the key.
 *
 * An attempt is counted before its password is checked, not after: {@link LoginThrottle.reserve}
 * takes one try from every key in one conditional SQL statement, and the password is
 * checked only when every key had one left. So however many guesses arrive at once (or at
 * several server processes sharing the database), at most `threshold` of them per round are
 * checked. The try that uses up a key's budget starts its lockout at once; the guesses
 * refused while it lasts change nothing, so one burst costs one round, not a doubling per
 * guess. A right password clears the keys, lockout included.
 */
import type { ExpressionBuilder } from 'kysely';
import type { Clock } from '../clock.js';
import type { SecurityRules } from '../config.js';
import type { Database, DatabaseSchema } from '../db/database.js';
import { hashToken } from './tokens.js';

/**
 * What {@link LoginThrottle.reserve} answers. `granted`: the password may be checked; when
 * `lockedUntil` is set this was the last try, and if the password is wrong the keys stay
 * locked until then. Otherwise a key is locked until `lockedUntil` and the password must
 * not be checked.
 */
export type Reservation =
  | { granted: true; attemptsLeft: number; lockedUntil: number | undefined }
  | { granted: false; lockedUntil: number };

type Rules = Pick<SecurityRules, 'lockoutThreshold' | 'lockoutBaseMs' | 'lockoutMaxMs'>;

/** A throttle key for a normalised login, e.g. `phone:+79000000001`. */
export const loginKey = (kind: string, value: string): string => `login:${kind}:${value}`;

/** The throttle key of an account, shared by all its logins. */
export const accountKey = (accountId: string): string => `account:${accountId}`;

/** The throttle keys of the account: each of its logins, and the account itself. */
export function throttleKeysOf(account: { id: string; phone: string | null; email: string | null; snils: string | null }): string[] {
  const logins: Array<[string, string | null]> = [
    ['phone', account.phone],
    ['email', account.email],
    ['snils', account.snils],
  ];
  return [...logins.flatMap(([kind, value]) => (value === null ? [] : [loginKey(kind, value)])), accountKey(account.id)];
}

/** A throttle key for one browser signing in to one account. */
export const deviceKey = (deviceTokenHash: string, accountId: string): string => `device:${deviceTokenHash}:${accountId}`;

type Throttles = ExpressionBuilder<DatabaseSchema, 'loginThrottles'>;

export class LoginThrottle {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #rules: Rules;

  constructor(db: Database, clock: Clock, rules: Rules) {
    this.#db = db;
    this.#clock = clock;
    this.#rules = rules;
  }

  /**
   * Takes one try from each of `keys`, before the password is checked. One statement,
   * `INSERT … ON CONFLICT (key) DO UPDATE … WHERE not locked … RETURNING`: each key's
   * row is counted (and, at the threshold, locked) atomically, and a locked key is left
   * as it is and not returned. When any key is locked the attempt is refused; the keys that
   * did have a try left keep it counted (the counters only ever err on the strict side).
   */
  async reserve(keys: readonly string[]): Promise<Reservation> {
    const now = this.#clock.now();
    const threshold = this.#rules.lockoutThreshold;
    // Sorted, so that concurrent statements lock the rows of shared keys in one order (PostgreSQL).
    const hashed = [...new Set(keys.map(hashToken))].sort();
    const fresh =
      threshold <= 1
        ? { failures: 0, lockouts: 1, lockedUntil: now + this.#lockout(0) }
        : { failures: 1, lockouts: 0, lockedUntil: null };
    const reserved = await this.#db
      .insertInto('loginThrottles')
      .values(hashed.map((key) => ({ key, ...fresh })))
      .onConflict((conflict) =>
        conflict
          .column('key')
          .doUpdateSet((eb) => {
            const failures = eb.ref('loginThrottles.failures');
            const lockouts = eb.ref('loginThrottles.lockouts');
            const lastTry = eb(failures, '>=', threshold - 1);
            return {
              failures: eb.case().when(lastTry).then(0).else(eb(failures, '+', 1)).end(),
              lockouts: eb.case().when(lastTry).then(eb(lockouts, '+', 1)).else(lockouts).end(),
              lockedUntil: eb.case().when(lastTry).then(this.#lockedUntilAfter(eb, now)).else(eb.ref('loginThrottles.lockedUntil')).end(),
            };
          })
          .where((eb) => eb.or([eb('loginThrottles.lockedUntil', 'is', null), eb('loginThrottles.lockedUntil', '<=', now)])),
      )
      .returning(['key', 'failures', 'lockedUntil'])
      .execute();

    if (reserved.length < hashed.length) {
      const taken = new Set(reserved.map(({ key }) => key));
      const locked = await this.#db
        .selectFrom('loginThrottles')
        .select('lockedUntil')
        .where('key', 'in', hashed.filter((key) => !taken.has(key)))
        .execute();
      return { granted: false, lockedUntil: Math.max(now, ...locked.map((row) => Number(row.lockedUntil ?? 0))) };
    }
    const lockedUntil = Math.max(0, ...reserved.map((row) => Number(row.lockedUntil ?? 0)));
    const failures = Math.max(0, ...reserved.map((row) => row.failures));
    if (lockedUntil > now) return { granted: true, attemptsLeft: 0, lockedUntil };
    return { granted: true, attemptsLeft: threshold - failures, lockedUntil: undefined };
  }

  /** Forgets the failures and past lockouts of `keys` (after a correct password). */
  async clear(keys: readonly string[]): Promise<void> {
    await this.#db.deleteFrom('loginThrottles').where('key', 'in', [...new Set(keys)].map(hashToken)).execute();
  }

  /** The length of a lockout after `lockouts` earlier ones. */
  #lockout(lockouts: number): number {
    const { lockoutBaseMs, lockoutMaxMs } = this.#rules;
    return Math.min(lockoutBaseMs * 2 ** Math.min(lockouts, 30), lockoutMaxMs);
  }

  /**
   * `now` plus the lockout the row's `lockouts` calls for, as a `CASE` over the doublings
   * before the longest lockout (portable SQL: no power function needed). The times are cast
   * to `bigint`: PostgreSQL types a `CASE` of parameters alone as text otherwise.
   */
  #lockedUntilAfter(eb: Throttles, now: number) {
    const lockouts = eb.ref('loginThrottles.lockouts');
    const at = (ms: number) => eb.cast<number>(eb.val(ms), 'bigint');
    let doublings = 0;
    while (doublings < 30 && this.#lockout(doublings) < this.#rules.lockoutMaxMs) doublings++;
    if (doublings === 0) return at(now + this.#rules.lockoutMaxMs);
    let byCount = eb.case().when(lockouts, '=', 0).then(at(now + this.#lockout(0)));
    for (let n = 1; n < doublings; n++) byCount = byCount.when(lockouts, '=', n).then(at(now + this.#lockout(n)));
    return byCount.else(at(now + this.#rules.lockoutMaxMs)).end();
  }
}
