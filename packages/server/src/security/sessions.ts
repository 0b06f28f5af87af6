/**
 * Signed-in sessions. The browser holds a random token in an HttpOnly cookie; the table
 * holds its hash, the CSRF token and the two deadlines: idle (moved forward by use) and
 * absolute (fixed at sign-in).
 */
import type { Session } from '@mfc-cabinet/core/schemas';
import type { Clock } from '../clock.js';
import type { SecurityRules } from '../config.js';
import type { Database, SessionsTable } from '../db/database.js';
import { toSessionUser, type Account } from '../accounts/accounts.js';
import { hashToken, newId, randomToken } from './tokens.js';

export type SessionRecord = SessionsTable;

/** What a session cookie names: nothing usable, a session that timed out, or a live one. */
export type SessionLookup =
  | { status: 'none' }
  | { status: 'expired'; session: SessionRecord }
  | { status: 'active'; session: SessionRecord };

type Rules = Pick<SecurityRules, 'sessionIdleMs' | 'sessionAbsoluteMs'>;

export class Sessions {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #rules: Rules;

  constructor(db: Database, clock: Clock, rules: Rules) {
    this.#db = db;
    this.#clock = clock;
    this.#rules = rules;
  }

  /** Starts a session for `accountId`; returns the token for the cookie and the record. */
  async create(accountId: string): Promise<{ token: string; session: SessionRecord }> {
    const now = this.#clock.now();
    await this.#db.deleteFrom('sessions').where('expiresAt', '<=', now).execute();
    const token = randomToken();
    const session: SessionRecord = {
      id: newId(),
      tokenHash: hashToken(token),
      accountId,
      csrfToken: randomToken(),
      createdAt: now,
      idleExpiresAt: now + this.#rules.sessionIdleMs,
      expiresAt: now + this.#rules.sessionAbsoluteMs,
      revokedAt: null,
    };
    await this.#db.insertInto('sessions').values(session).execute();
    return { token, session };
  }

  /** Looks up the session a cookie names, without extending it. */
  async find(token: string | undefined): Promise<SessionLookup> {
    if (!token) return { status: 'none' };
    const session = await this.#db
      .selectFrom('sessions')
      .selectAll()
      .where('tokenHash', '=', hashToken(token))
      .executeTakeFirst();
    if (!session || session.revokedAt !== null) return { status: 'none' };
    const now = this.#clock.now();
    if (now >= session.idleExpiresAt || now >= session.expiresAt) return { status: 'expired', session };
    return { status: 'active', session };
  }

  /** Moves the idle deadline forward (never past the absolute one): the session was used. */
  async touch(session: SessionRecord): Promise<SessionRecord> {
    const idleExpiresAt = Math.min(this.#clock.now() + this.#rules.sessionIdleMs, session.expiresAt);
    await this.#db.updateTable('sessions').set({ idleExpiresAt }).where('id', '=', session.id).execute();
    return { ...session, idleExpiresAt };
  }

  /** Ends every session of the account (after its password was reset). */
  async revokeAll(accountId: string): Promise<void> {
    await this.#db
      .updateTable('sessions')
      .set({ revokedAt: this.#clock.now() })
      .where('accountId', '=', accountId)
      .where('revokedAt', 'is', null)
      .execute();
  }

  async revoke(sessionId: string): Promise<void> {
    await this.#db
      .updateTable('sessions')
      .set({ revokedAt: this.#clock.now() })
      .where('id', '=', sessionId)
      .where('revokedAt', 'is', null)
      .execute();
  }
}

/** The session as the page may see it. */
export function toSessionJson(session: SessionRecord, account: Account): Session {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    user: toSessionUser(account),
    csrfToken: session.csrfToken,
    createdAt: iso(session.createdAt),
    idleExpiresAt: iso(session.idleExpiresAt),
    expiresAt: iso(session.expiresAt),
  };
}
