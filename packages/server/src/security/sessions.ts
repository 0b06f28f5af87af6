/**
 * Signed-in sessions. The browser holds a random token in an HttpOnly cookie; the table
 * holds its hash, the CSRF token, the two deadlines — idle (moved forward by use) and
 * absolute (fixed at sign-in) — and when and from where the session was last used.
 */
import type { Session } from '@mfc-cabinet/core/schemas';
import { secondsLeft, type Clock } from '../clock.js';
import type { SecurityRules } from '../config.js';
import type { Database } from '../db/database.js';
import type { SessionsTable } from './tables.js';
import { toSessionUser, type Account } from '../accounts/accounts.js';
import { hashToken, newId, randomToken } from './tokens.js';

export type SessionRecord = SessionsTable;

/**
 * What a session cookie names: nothing usable, a session that ended (timed out, signed
 * out, revoked from another device, ended by a new password), or a live one.
 */
export type SessionLookup =
  | { status: 'none' }
  | { status: 'ended'; session: SessionRecord }
  | { status: 'active'; session: SessionRecord };

/** Where a request comes from, as a session keeps it. */
export interface SessionOrigin {
  ip: string;
  userAgent: string | undefined;
}

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
  async create(accountId: string, { ip, userAgent }: SessionOrigin): Promise<{ token: string; session: SessionRecord }> {
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
      lastSeenAt: now,
      ip,
      userAgent: userAgent ?? null,
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
    if (!session) return { status: 'none' };
    return this.#isLive(session) ? { status: 'active', session } : { status: 'ended', session };
  }

  /** Moves the idle deadline forward (never past the absolute one): the session was used, now, from `ip`. */
  async touch(session: SessionRecord, ip: string): Promise<SessionRecord> {
    const now = this.#clock.now();
    const used = { idleExpiresAt: Math.min(now + this.#rules.sessionIdleMs, session.expiresAt), lastSeenAt: now, ip };
    await this.#db.updateTable('sessions').set(used).where('id', '=', session.id).execute();
    return { ...session, ...used };
  }

  /** The live sessions of the account, most recently used first. */
  async listLive(accountId: string): Promise<SessionRecord[]> {
    const now = this.#clock.now();
    return this.#db
      .selectFrom('sessions')
      .selectAll()
      .where('accountId', '=', accountId)
      .where('revokedAt', 'is', null)
      .where('idleExpiresAt', '>', now)
      .where('expiresAt', '>', now)
      .orderBy('lastSeenAt', 'desc')
      .orderBy('createdAt', 'desc')
      // Sessions of the same moment in one order, whichever database.
      .orderBy('id', 'desc')
      .execute();
  }

  /**
   * Ends every live session of the account (after a new password), or every one but
   * `except` (the citizen ends their other devices). Returns how many ended.
   */
  async revokeAll(accountId: string, except?: string): Promise<number> {
    const now = this.#clock.now();
    let query = this.#db
      .updateTable('sessions')
      .set({ revokedAt: now })
      .where('accountId', '=', accountId)
      .where('revokedAt', 'is', null)
      .where('idleExpiresAt', '>', now)
      .where('expiresAt', '>', now);
    if (except !== undefined) query = query.where('id', '!=', except);
    const { numUpdatedRows } = await query.executeTakeFirst();
    return Number(numUpdatedRows);
  }

  /** Ends the live session `sessionId` of the account; false when the account has no such session. */
  async revokeOf(accountId: string, sessionId: string): Promise<boolean> {
    const now = this.#clock.now();
    const { numUpdatedRows } = await this.#db
      .updateTable('sessions')
      .set({ revokedAt: now })
      .where('id', '=', sessionId)
      .where('accountId', '=', accountId)
      .where('revokedAt', 'is', null)
      .where('idleExpiresAt', '>', now)
      .where('expiresAt', '>', now)
      .executeTakeFirst();
    return numUpdatedRows > 0n;
  }

  async revoke(sessionId: string): Promise<void> {
    await this.#db
      .updateTable('sessions')
      .set({ revokedAt: this.#clock.now() })
      .where('id', '=', sessionId)
      .where('revokedAt', 'is', null)
      .execute();
  }

  /** Whole seconds until the session ends unless it is used. */
  idleSecondsLeft(session: SessionRecord): number {
    return secondsLeft(session.idleExpiresAt, this.#clock.now());
  }

  /** The session as the page may see it, with the times left counted from now. */
  toJson(session: SessionRecord, account: Account): Session {
    const iso = (ms: number) => new Date(ms).toISOString();
    return {
      user: toSessionUser(account),
      csrfToken: session.csrfToken,
      createdAt: iso(session.createdAt),
      idleExpiresAt: iso(session.idleExpiresAt),
      expiresAt: iso(session.expiresAt),
      idleExpiresIn: this.idleSecondsLeft(session),
      expiresIn: secondsLeft(session.expiresAt, this.#clock.now()),
      idleTimeout: Math.floor(this.#rules.sessionIdleMs / 1000),
    };
  }

  #isLive(session: SessionRecord): boolean {
    const now = this.#clock.now();
    return session.revokedAt === null && now < session.idleExpiresAt && now < session.expiresAt;
  }
}
