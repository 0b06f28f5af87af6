/**
 * Which citizen a request comes from. The session cookie may name nothing usable
 * (`unauthenticated`), a session that timed out (`session_expired`, and the cookie is
 * cleared), or a live session; a state-changing request within it must carry its CSRF token.
 */
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { ApiError } from '../api-error.js';
import type { Account, Accounts } from '../accounts/accounts.js';
import type { SessionRecord, Sessions } from '../security/sessions.js';
import { clearCookie, readCookie, sessionCookie } from './cookies.js';
import { assertCsrfToken } from './csrf.js';

export interface SignedInCitizen {
  session: SessionRecord;
  account: Account;
}

type Lookup = { status: 'none' } | { status: 'expired' } | ({ status: 'active' } & SignedInCitizen);

export class SessionGuard {
  readonly #sessions: Sessions;
  readonly #accounts: Accounts;
  /** What {@link signedIn} found for each request it ran for. */
  readonly #citizens = new WeakMap<FastifyRequest, SignedInCitizen>();

  constructor(sessions: Sessions, accounts: Accounts) {
    this.#sessions = sessions;
    this.#accounts = accounts;
  }

  /** The live session, or `null`; clears a cookie that names no live session. Does not extend the session. */
  async peek(request: FastifyRequest, reply: FastifyReply): Promise<SignedInCitizen | null> {
    const found = await this.#lookup(request, reply);
    return found.status === 'active' ? found : null;
  }

  /**
   * The live session of a request that needs one, extended by this use.
   *
   * @throws {ApiError} `unauthenticated`, `session_expired`, `csrf_failed`
   */
  async require(request: FastifyRequest, reply: FastifyReply): Promise<SignedInCitizen> {
    const found = await this.#lookup(request, reply);
    if (found.status === 'none') throw new ApiError('unauthenticated');
    if (found.status === 'expired') throw new ApiError('session_expired');
    assertCsrfToken(request, found.session.csrfToken);
    return { session: await this.#sessions.touch(found.session), account: found.account };
  }

  /**
   * An `onRequest` hook for a route that needs a session: {@link require} before the body
   * is even read, so that a stranger learns nothing from how it would be validated. The
   * handler gets the citizen from {@link citizenOf}.
   */
  readonly signedIn: onRequestAsyncHookHandler = async (request, reply) => {
    this.#citizens.set(request, await this.require(request, reply));
  };

  /** The citizen the {@link signedIn} hook found for `request`. */
  citizenOf(request: FastifyRequest): SignedInCitizen {
    const citizen = this.#citizens.get(request);
    if (!citizen) throw new Error(`${request.routeOptions.url ?? request.url} needs the signedIn hook`);
    return citizen;
  }

  async #lookup(request: FastifyRequest, reply: FastifyReply): Promise<Lookup> {
    const token = readCookie(request, sessionCookie);
    if (token === undefined) return { status: 'none' };
    const found = await this.#sessions.find(token);
    const account = found.status === 'active' ? await this.#accounts.get(found.session.accountId) : undefined;
    if (found.status === 'active' && account) return { status: 'active', session: found.session, account };
    clearCookie(reply, sessionCookie);
    return found.status === 'expired' ? { status: 'expired' } : { status: 'none' };
  }
}
