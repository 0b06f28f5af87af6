import { CabinetError, type CabinetErrorCode } from './errors.js';
import { errorMessages } from './messages.js';
import type { Http, RequestOptions } from './http.js';
import {
  ChallengeResponse,
  LoginResponse,
  OtpChallenge,
  PersonalDataConsent,
  RecoveryChallengeResponse,
  RecoveryVerified,
  RegistrationCompleted,
  SessionResponse,
  type LoginRequest,
  type NewPasswordRequest,
  type RecoveryChallenge,
  type RecoveryRequest,
  type RegistrationRequest,
  type ResendCodeRequest,
  type Session,
  type VerifyCodeRequest,
} from './schemas.js';

/** Why the citizen is signed out. */
export type SignedOutReason = 'initial' | 'logout' | 'expired' | 'other-tab';

/**
 * Where the citizen is: `unknown` until the first answer from the server, then
 * `signed-in` with the session or `signed-out` with the reason.
 */
export type AuthState =
  | { status: 'unknown' }
  | { status: 'signed-in'; session: Session }
  | { status: 'signed-out'; reason: SignedOutReason };

export type AuthListener = (state: AuthState) => void;

type TabMessage = { type: 'signed-in' } | { type: 'signed-out' };

/**
 * Sign-in, the one-time code, sign-out, and the current session as a value widgets
 * subscribe to. Sign-in and sign-out in one tab reach every other tab of the same site.
 */
export class AuthClient {
  #state: AuthState = { status: 'unknown' };
  readonly #listeners = new Set<AuthListener>();
  readonly #http: Http;
  readonly #channel: BroadcastChannel | undefined;
  #refreshing: Promise<AuthState> | undefined;

  constructor(http: Http, channelName: string) {
    this.#http = http;
    http.onSessionLost = () => {
      if (this.#state.status === 'signed-in') this.#set({ status: 'signed-out', reason: 'expired' });
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

  /** Asks the server whether this browser has a session. Concurrent calls share one request. */
  refresh(options: RequestOptions = {}): Promise<AuthState> {
    this.#refreshing ??= this.#http
      .get('auth/session', SessionResponse, options)
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
   * {@link verifyCode}.
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
  async verifyCode(request: VerifyCodeRequest, options: RequestOptions = {}): Promise<Session> {
    const response = await this.#http.post('auth/login/code', request, LoginResponse, options);
    if (response.status !== 'authenticated') {
      throw new CabinetError('invalid_response', { message: errorMessages[this.#http.locale].invalid_response });
    }
    await this.#signedIn(response.session, options);
    return response.session;
  }

  /**
   * Sends a new code for the same sign-in attempt. Allowed once the challenge's
   * `resendAvailableAt` has passed.
   *
   * @throws {CabinetError} `rate_limited` (with `retryAfter`), `otp_expired`
   */
  resendCode(request: ResendCodeRequest, options: RequestOptions = {}): Promise<OtpChallenge> {
    return this.#http.post('auth/login/code/resend', request, OtpChallenge, options);
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
    if (this.#state.status === 'signed-in') {
      this.#set({ status: 'signed-out', reason: 'logout' });
      this.#channel?.postMessage({ type: 'signed-out' } satisfies TabMessage);
    }
  }

  /** Ends the session on the server and in every tab. */
  async logout(options: RequestOptions = {}): Promise<void> {
    try {
      await this.#http.postEmpty('auth/logout', undefined, options);
    } catch (error) {
      const ended: CabinetErrorCode[] = ['unauthenticated', 'session_expired'];
      if (!(error instanceof CabinetError && ended.includes(error.code))) throw error;
    }
    this.#set({ status: 'signed-out', reason: 'logout' });
    this.#channel?.postMessage({ type: 'signed-out' } satisfies TabMessage);
  }

  /** Stops listening to other tabs. */
  close(): void {
    this.#channel?.close();
    this.#listeners.clear();
  }

  async #signedIn(session: Session, options: RequestOptions): Promise<void> {
    this.#http.csrfToken = session.csrfToken;
    // The session lives in an HttpOnly cookie; ask once whether the browser kept it, so a
    // page served from another site gets a clear error instead of a sign-in loop.
    const { session: confirmed } = await this.#http.get('auth/session', SessionResponse, options);
    if (!confirmed) {
      this.#http.csrfToken = undefined;
      throw new CabinetError('session_cookie_blocked', {
        message: errorMessages[this.#http.locale].session_cookie_blocked,
      });
    }
    this.#set({ status: 'signed-in', session: confirmed });
    this.#channel?.postMessage({ type: 'signed-in' } satisfies TabMessage);
  }

  #onTabMessage(message: TabMessage): void {
    if (message.type === 'signed-out') {
      this.#set({ status: 'signed-out', reason: 'other-tab' });
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
    for (const listener of this.#listeners) listener(state);
  }
}
