import { CabinetError, type CabinetErrorCode } from '../errors.js';
import type { Http, RequestOptions } from '../http.js';
import { stored } from '../storage.js';
import {
  ChallengeResponse,
  LoginResponse,
  OtpChallenge,
  PersonalDataConsent,
  RecoveryChallengeResponse,
  RecoveryVerified,
  RegistrationCompleted,
  RevokedSessions,
  SessionList,
  SessionResponse,
  type LoginRequest,
  type NewPasswordRequest,
  type RecoveryChallenge,
  type RecoveryRequest,
  type RegistrationRequest,
  type ResendCodeRequest,
  type Session,
  type SessionInfo,
  type TemporaryPasswordChangeRequest,
  type VerifyCodeRequest,
} from './schemas.js';

/** Why the citizen is signed out; `not-me`: «Это был не я» ended every session; `account-deleted`: the account is gone. */
export type SignedOutReason = 'initial' | 'logout' | 'expired' | 'other-tab' | 'not-me' | 'account-deleted';
/** The reasons of a sign-out this browser made, here or through another sub-client (profile). */
export type EndedSessionReason = Extract<SignedOutReason, 'logout' | 'not-me' | 'account-deleted'>;

/**
 * Where the citizen is: `unknown` until the first answer from the server, then
 * `signed-in` with the session or `signed-out` with the reason.
 */
export type AuthState =
  | { status: 'unknown' }
  | { status: 'signed-in'; session: Session }
  | { status: 'signed-out'; reason: SignedOutReason };

export type AuthListener = (state: AuthState) => void;

/** Called with the moment (`Date.now()` milliseconds) an idle session ends, or `undefined` when signed out. */
export type IdleListener = (idleDeadline: number | undefined) => void;

/** A sign-in that got past the password (and the code): signed in, or a new password is due first. */
export type SignInResult = Exclude<LoginResponse, { status: 'code_required' }>;

type TabMessage = { type: 'signed-in' } | { type: 'signed-out' } | { type: 'idle'; deadline: number };

/**
 * Sign-in, the one-time code, sign-out, and the current session as a value widgets
 * subscribe to. Sign-in, sign-out and activity in one tab reach every other tab of the
 * same site. An idle session is noticed when it ends, in every tab, without a reload.
 */
export class AuthClient {
  #state: AuthState = { status: 'unknown' };
  readonly #listeners = new Set<AuthListener>();
  readonly #idleListeners = new Set<IdleListener>();
  readonly #http: Http;
  readonly #channel: BroadcastChannel | undefined;
  #refreshing: Promise<AuthState> | undefined;
  #idleDeadline: number | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #logoutKey: string;

  constructor(http: Http, channelName: string) {
    this.#http = http;
    this.#logoutKey = `${channelName}:logout`;
    http.onSessionLost = () => {
      if (this.#state.status === 'signed-in') this.#set({ status: 'signed-out', reason: 'expired' });
    };
    http.onSessionIdle = (seconds) => {
      if (this.#state.status !== 'signed-in') return;
      this.#setIdleDeadline(Date.now() + seconds * 1000);
      this.#channel?.postMessage({ type: 'idle', deadline: this.#idleDeadline! } satisfies TabMessage);
    };
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(channelName);
      this.#channel.onmessage = (event: MessageEvent<TabMessage>) => this.#onTabMessage(event.data);
    }
  }

  /** The current state; `unknown` until {@link refresh} or a sign-in answers. */
  get state(): AuthState {
    return this.#state;
  }

  /** The current session, or `null` when not signed in (or not known yet). */
  get session(): Session | null {
    return this.#state.status === 'signed-in' ? this.#state.session : null;
  }

  /** When the session ends unless it is used (`Date.now()` milliseconds); `undefined` when signed out. */
  get idleDeadline(): number | undefined {
    return this.#idleDeadline;
  }

  /**
   * Calls `listener` now with the current state and again on every change, in this tab and
   * from others. Returns the function that stops it.
   *
   * @example
   * ```ts
   * const stop = client.auth.subscribe((state) => render(state));
   * ```
   */
  subscribe(listener: AuthListener): () => void {
    this.#listeners.add(listener);
    listener(this.#state);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Calls `listener` now and whenever the moment the idle session ends moves — after any
   * request in any tab. A widget shows its «still there?» warning from it.
   */
  subscribeIdle(listener: IdleListener): () => void {
    this.#idleListeners.add(listener);
    listener(this.#idleDeadline);
    return () => this.#idleListeners.delete(listener);
  }

  /** Asks the server whether this browser has a session. Concurrent calls share one request. */
  refresh(options: RequestOptions = {}): Promise<AuthState> {
    this.#refreshing ??= this.#finishLogout(options)
      .then(() => this.#http.get('auth/session', SessionResponse, options))
      .then(({ session }) => {
        this.#set(session ? { status: 'signed-in', session } : { status: 'signed-out', reason: this.#signedOutReason() });
        return this.#state;
      })
      .finally(() => (this.#refreshing = undefined));
    return this.#refreshing;
  }

  /**
   * Checks the login (phone, e-mail or СНИЛС) and password. Most accounts then need a
   * one-time code: the answer is `code_required` with the challenge to pass to
   * {@link verifyCode}. A temporary password from an МФЦ operator answers
   * `password_change_required`: finish with {@link changeTemporaryPassword}.
   *
   * @throws {CabinetError} `invalid_credentials`, `account_locked` (with `retryAfter`),
   *   `validation_failed`, `rate_limited`, `network`, …
   */
  async login(request: LoginRequest, options: RequestOptions = {}): Promise<LoginResponse> {
    const response = await this.#http.post('auth/login', request, LoginResponse, options);
    if (response.status === 'authenticated') await this.#signedIn(response.session, options);
    return response;
  }

  /**
   * Finishes the sign-in with the one-time code sent for `challengeId`.
   *
   * @throws {CabinetError} `otp_invalid` (with `attemptsLeft`), `otp_expired`,
   *   `otp_attempts_exceeded`, `session_cookie_blocked` when the browser did not keep the
   *   session cookie (the API is not on the same site as the page).
   */
  async verifyCode(request: VerifyCodeRequest, options: RequestOptions = {}): Promise<SignInResult> {
    const response = await this.#http.post('auth/login/code', request, LoginResponse, options);
    if (response.status === 'code_required') {
      throw new CabinetError('invalid_response', { message: this.#http.message('invalid_response') });
    }
    if (response.status === 'authenticated') await this.#signedIn(response.session, options);
    return response;
  }

  /**
   * Sends a new code for the same sign-in attempt. Allowed once the challenge's
   * `resendAfter` seconds have passed.
   *
   * @throws {CabinetError} `rate_limited` (with `retryAfter`), `otp_expired`
   */
  resendCode(request: ResendCodeRequest, options: RequestOptions = {}): Promise<OtpChallenge> {
    return this.#http.post('auth/login/code/resend', request, OtpChallenge, options);
  }

  /**
   * Finishes a sign-in with a temporary password: the citizen's own new password.
   *
   * @throws {CabinetError} `validation_failed` (password rules, `password_reused`), `otp_expired`
   */
  async changeTemporaryPassword(request: TemporaryPasswordChangeRequest, options: RequestOptions = {}): Promise<Session> {
    const response = await this.#http.post('auth/password/temporary', request, LoginResponse, options);
    if (response.status !== 'authenticated') {
      throw new CabinetError('invalid_response', { message: this.#http.message('invalid_response') });
    }
    await this.#signedIn(response.session, options);
    return response.session;
  }

  /** Keeps an idle session alive: the «stay signed in» button. */
  async extendSession(options: RequestOptions = {}): Promise<Session> {
    const { session } = await this.#http.post('auth/session/extend', {}, SessionResponse, options);
    if (!session) {
      this.#set({ status: 'signed-out', reason: 'expired' });
      throw new CabinetError('session_expired', { message: this.#http.message('session_expired') });
    }
    this.#set({ status: 'signed-in', session });
    return session;
  }

  /** The browsers where the citizen is signed in, this one first. */
  async sessions(options: RequestOptions = {}): Promise<SessionInfo[]> {
    return (await this.#http.get('auth/sessions', SessionList, options)).sessions;
  }

  /** Ends one of the sessions {@link sessions} listed; ending this browser's own is signing out. */
  async revokeSession(session: Pick<SessionInfo, 'id' | 'current'>, options: RequestOptions = {}): Promise<void> {
    await this.#http.delete(`auth/sessions/${encodeURIComponent(session.id)}`, options);
    if (session.current) this.sessionEnded('logout');
  }

  /** Ends every session but this browser's. Returns how many ended. */
  async revokeOtherSessions(options: RequestOptions = {}): Promise<number> {
    return (await this.#http.post('auth/sessions/revoke-others', {}, RevokedSessions, options)).revoked;
  }

  // ---------------------------------------------------------------- registration

  /** The current text of the consent to the processing of personal data, which registration must name. */
  personalDataConsent(options: RequestOptions = {}): Promise<PersonalDataConsent> {
    return this.#http.get('consents/personal-data', PersonalDataConsent, options);
  }

  /**
   * Starts a registration: the phone gets a one-time code. The answer is the same when the
   * phone is already registered (its owner gets a notice instead of a code).
   *
   * @throws {CabinetError} `validation_failed` with `fieldErrors` on `phone`, `email`,
   *   `password` (codes `password_length`, `password_uppercase`, …, `password_common`),
   *   `consent.version`, `consent.accepted`; `rate_limited`
   */
  async register(request: RegistrationRequest, options: RequestOptions = {}): Promise<OtpChallenge> {
    return (await this.#http.post('auth/registration', request, ChallengeResponse, options)).challenge;
  }

  /**
   * Finishes the registration with the phone's code: the account exists and the citizen is
   * signed in. When an e-mail was given, `emailChallenge` is the code sent to it (see
   * `profile.confirmEmail`).
   *
   * @throws {CabinetError} `otp_invalid`, `otp_expired`, `otp_attempts_exceeded`, `session_cookie_blocked`
   */
  async verifyRegistrationCode(request: VerifyCodeRequest, options: RequestOptions = {}): Promise<RegistrationCompleted> {
    const completed = await this.#http.post('auth/registration/code', request, RegistrationCompleted, options);
    await this.#signedIn(completed.session, options);
    return completed;
  }

  /** Sends a new registration code. @throws {CabinetError} `rate_limited`, `otp_expired` */
  async resendRegistrationCode(request: ResendCodeRequest, options: RequestOptions = {}): Promise<OtpChallenge> {
    return (await this.#http.post('auth/registration/code/resend', request, ChallengeResponse, options)).challenge;
  }

  // ---------------------------------------------------------------- recovery

  /**
   * Starts a password recovery by phone, e-mail or СНИЛС. The answer is the same whether or
   * not an account has that login; the code goes to the account's phone (its e-mail when
   * the login is an e-mail).
   */
  async startRecovery(request: RecoveryRequest, options: RequestOptions = {}): Promise<RecoveryChallenge> {
    return (await this.#http.post('auth/recovery', request, RecoveryChallengeResponse, options)).challenge;
  }

  /** Sends a new recovery code. @throws {CabinetError} `rate_limited`, `otp_expired` */
  async resendRecoveryCode(request: ResendCodeRequest, options: RequestOptions = {}): Promise<RecoveryChallenge> {
    return (await this.#http.post('auth/recovery/code/resend', request, RecoveryChallengeResponse, options)).challenge;
  }

  /**
   * Checks the recovery code; the answer allows one new password within `expiresIn` seconds.
   *
   * @throws {CabinetError} `otp_invalid`, `otp_expired`, `otp_attempts_exceeded`
   */
  verifyRecoveryCode(request: VerifyCodeRequest, options: RequestOptions = {}): Promise<RecoveryVerified> {
    return this.#http.post('auth/recovery/code', request, RecoveryVerified, options);
  }

  /**
   * Sets the new password. Every session of the account ends, here and on other devices;
   * sign in with the new password afterwards.
   *
   * @throws {CabinetError} `validation_failed` (password rules, `password_reused`), `otp_expired`
   */
  async setNewPassword(request: NewPasswordRequest, options: RequestOptions = {}): Promise<void> {
    await this.#http.postEmpty('auth/recovery/password', request, options);
    if (this.#state.status === 'signed-in') this.sessionEnded('logout');
  }

  /**
   * Ends the session on the server and in every tab, and deletes the citizen's cached data.
   * Offline too: the page is signed out at once and the server is told before this browser
   * asks it for a session again.
   */
  async logout(options: RequestOptions = {}): Promise<void> {
    const token = this.#http.csrfToken;
    try {
      await this.#http.postEmpty('auth/logout', undefined, options);
    } catch (error) {
      const code = error instanceof CabinetError ? error.code : 'network';
      if (code === 'network' || code === 'timeout' || code === 'server_unavailable') this.#pendingLogout = token ?? null;
      else if (code !== 'unauthenticated' && code !== 'session_expired') throw error;
    }
    this.sessionEnded('logout');
  }

  /**
   * @internal Signed out here, and every other tab told: after a logout, or when the server
   * ended the session for another sub-client (`profile.reportNotMe`).
   */
  sessionEnded(reason: EndedSessionReason): void {
    this.#set({ status: 'signed-out', reason });
    this.#channel?.postMessage({ type: 'signed-out' } satisfies TabMessage);
  }

  /** Stops listening to other tabs and timers. */
  close(): void {
    this.#channel?.close();
    this.#listeners.clear();
    this.#idleListeners.clear();
    clearTimeout(this.#idleTimer);
  }

  async #signedIn(session: Session, options: RequestOptions): Promise<void> {
    this.#http.csrfToken = session.csrfToken;
    // The session lives in an HttpOnly cookie; ask once whether the browser kept it, so a
    // page served from another site gets a clear error instead of a sign-in loop.
    const { session: confirmed } = await this.#http.get('auth/session', SessionResponse, options);
    if (!confirmed) {
      this.#http.csrfToken = undefined;
      throw new CabinetError('session_cookie_blocked', {
        message: this.#http.message('session_cookie_blocked'),
      });
    }
    // A logout still to be told concerned the session this sign-in replaced.
    this.#pendingLogout = null;
    this.#set({ status: 'signed-in', session: confirmed });
    this.#channel?.postMessage({ type: 'signed-in' } satisfies TabMessage);
  }

  /** A logout made offline, told to the server before this browser asks it for a session again. */
  async #finishLogout(options: RequestOptions): Promise<void> {
    const token = this.#pendingLogout;
    if (token === null) return;
    try {
      await this.#http.postEmpty('auth/logout', undefined, { ...options, headers: { 'x-csrf-token': token } });
    } catch (error) {
      const ended: CabinetErrorCode[] = ['unauthenticated', 'session_expired', 'csrf_failed'];
      if (!(error instanceof CabinetError && ended.includes(error.code))) throw error;
    }
    this.#pendingLogout = null;
  }

  /** The CSRF token of a session logged out offline. Without storage, the server session ends by its idle timeout. */
  get #pendingLogout(): string | null {
    return stored.get(this.#logoutKey);
  }

  set #pendingLogout(token: string | null) {
    stored.set(this.#logoutKey, token);
  }

  #onTabMessage(message: TabMessage): void {
    if (message.type === 'signed-out') {
      this.#set({ status: 'signed-out', reason: 'other-tab' });
    } else if (message.type === 'idle') {
      if (this.#state.status === 'signed-in') this.#setIdleDeadline(message.deadline);
    } else {
      void this.refresh().catch(() => undefined);
    }
  }

  #signedOutReason(): SignedOutReason {
    return this.#state.status === 'signed-in' ? 'expired' : this.#state.status === 'signed-out' ? this.#state.reason : 'initial';
  }

  #set(state: AuthState): void {
    this.#state = state;
    this.#http.csrfToken = state.status === 'signed-in' ? state.session.csrfToken : undefined;
    this.#setIdleDeadline(state.status === 'signed-in' ? Date.now() + state.session.idleExpiresIn * 1000 : undefined);
    for (const listener of this.#listeners) listener(state);
  }

  /** Moves the idle deadline; when it passes, the server is asked whether the session really ended. */
  #setIdleDeadline(deadline: number | undefined): void {
    this.#idleDeadline = deadline;
    clearTimeout(this.#idleTimer);
    if (deadline !== undefined) {
      this.#idleTimer = setTimeout(() => void this.refresh().catch(() => undefined), Math.max(0, deadline - Date.now()) + 1000);
    }
    for (const listener of this.#idleListeners) listener(deadline);
  }
}
