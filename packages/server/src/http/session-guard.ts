/**
 * Which account a request comes from. The session cookie may name nothing usable
 * (`unauthenticated`), a session that ended — timed out, signed out, revoked from another
 * device or by a new password, all alike `session_expired` («Сеанс завершён»), and the
 * cookie is cleared — or a live session; a state-changing request within it must carry its
 * CSRF token. A request counts as use, and moves the idle deadline, unless the page made it
 * on its own (`Cabinet-Background: 1`, or a route that only watches). Every answer to a request that used a live session tells in the
 * `Cabinet-Session-Idle-Expires-In` header how many seconds it has left without use.
 */
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { backgroundHeader, sessionIdleHeader, type Role } from '@mfc-cabinet/core/schemas';
import { ApiError } from '../api-error.js';
import type { Account, Accounts } from '../accounts/accounts.js';
import type { SessionRecord, Sessions } from '../security/sessions.js';
import { clearCookie, readCookie, sessionCookie } from './cookies.js';
import { assertCsrfToken } from './csrf.js';

export interface SignedInCitizen {
  session: SessionRecord;
  account: Account;
  /** The session's secret as this browser sent it, for what only this browser may read back. */
  token: string;
}

/** What a route asks of the session. */
export interface SessionRequirement {
  /**
   * Whether this request counts as use and moves the idle deadline (true by default).
   * Requests a page makes on its own, such as polling, do not; nor does any request that
   * says it was made in the background (the `Cabinet-Background` header).
   */
  extend?: boolean;
  /** The role the account must have; any when absent. */
  role?: Role;
}

/** Why an account of another role is refused, when the code's general message is not enough. */
const roleRefusals: Partial<Record<Role, string>> = {
  citizen: 'Это действие доступно только заявителю. Сотрудник МФЦ работает с заявлениями через рабочее место оператора',
};

type Lookup = { status: 'none' } | { status: 'ended' } | ({ status: 'active' } & SignedInCitizen);

export class SessionGuard {
  readonly #sessions: Sessions;
  readonly #accounts: Accounts;
  /** What a hook found for each request it ran for. */
  readonly #citizens = new WeakMap<FastifyRequest, SignedInCitizen>();

  constructor(sessions: Sessions, accounts: Accounts) {
    this.#sessions = sessions;
    this.#accounts = accounts;
  }

  /** The live session, or `null`; clears a cookie that names no live session. Does not extend the session. */
  async peek(request: FastifyRequest, reply: FastifyReply): Promise<SignedInCitizen | null> {
    const found = await this.#lookup(request, reply);
    if (found.status !== 'active') return null;
    this.#tellIdle(reply, found.session);
    return found;
  }

  /**
   * The live session of a request that needs one, extended by this use unless said otherwise.
   *
   * @throws {ApiError} `unauthenticated`, `session_expired`, `csrf_failed`, `forbidden`
   *   (the account lacks the role)
   */
  async require(request: FastifyRequest, reply: FastifyReply, { extend = true, role }: SessionRequirement = {}): Promise<SignedInCitizen> {
    const found = await this.#lookup(request, reply);
    if (found.status === 'none') throw new ApiError('unauthenticated');
    if (found.status === 'ended') throw new ApiError('session_expired');
    const { account, token } = found;
    this.#tellIdle(reply, found.session);
    assertCsrfToken(request, found.session.csrfToken);
    if (role !== undefined && account.role !== role) {
      const detail = roleRefusals[role];
      throw new ApiError('forbidden', detail === undefined ? {} : { detail });
    }
    if (!extend || request.headers[backgroundHeader] !== undefined) return { session: found.session, account, token };
    const session = await this.#sessions.touch(found.session, request.ip);
    this.#tellIdle(reply, session);
    return { session, account, token };
  }

  /**
   * An `onRequest` hook for routes that need a session: {@link require} before the body is
   * even read, so that a stranger learns nothing from how it would be validated. The
   * handler gets the citizen from {@link citizenOf}.
   */
  hook(requirement: SessionRequirement = {}): onRequestAsyncHookHandler {
    return async (request, reply) => {
      this.#citizens.set(request, await this.require(request, reply, requirement));
    };
  }

  /** Any live session; its use extends it. */
  readonly signedIn = this.hook();

  /** A live session that this request does not extend (a page polling on its own). */
  readonly watching = this.hook({ extend: false });

  /** A live session of an МФЦ operator. */
  readonly operator = this.hook({ role: 'operator' });

  /**
   * A live session of a citizen: the routes of the citizen's own applications, documents
   * and uploads, which an operator's account must not use (it acts through the operator API).
   */
  readonly citizen = this.hook({ role: 'citizen' });

  /** The citizen a hook found for `request`. */
  citizenOf(request: FastifyRequest): SignedInCitizen {
    const citizen = this.#citizens.get(request);
    if (!citizen) throw new Error(`${request.routeOptions.url ?? request.url} needs a session hook`);
    return citizen;
  }

  /** The session of this browser ended with this request: its cookie goes, and so does the idle header. */
  forget(reply: FastifyReply): void {
    clearCookie(reply, sessionCookie);
    reply.removeHeader(sessionIdleHeader);
  }

  #tellIdle(reply: FastifyReply, session: SessionRecord): void {
    reply.header(sessionIdleHeader, String(this.#sessions.idleSecondsLeft(session)));
  }

  async #lookup(request: FastifyRequest, reply: FastifyReply): Promise<Lookup> {
    const token = readCookie(request, sessionCookie);
    if (token === undefined) return { status: 'none' };
    const found = await this.#sessions.find(token);
    const account = found.status === 'active' ? await this.#accounts.get(found.session.accountId) : undefined;
    if (found.status === 'active' && account) return { status: 'active', session: found.session, account, token };
    clearCookie(reply, sessionCookie);
    return found.status === 'ended' ? { status: 'ended' } : { status: 'none' };
  }
}
