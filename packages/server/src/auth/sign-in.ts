/**
 * Sign-in: the password step (with the lockout and, for accounts with a second factor,
 * the one-time code it sends) and the code step, ending in a new session — or, when the
 * password was a temporary one from an МФЦ operator, in the permission to choose a new one.
 * Each attempt on a known account goes into its sign-in history (`sign-in-history.ts`).
 */
import { errorMessagesRu } from '@mfc-cabinet/core/messages';
import type { LoginRequest, OtpChallenge, VerifyCodeRequest } from '@mfc-cabinet/core/schemas';
import { classifyIdentifier } from '@mfc-cabinet/core/validators';
import { ApiError } from '../api-error.js';
import type { Clock } from '../clock.js';
import type { Account, Accounts } from '../accounts/accounts.js';
import { recipientOf } from '../accounts/contacts.js';
import type { AuditLog } from '../security/audit.js';
import type { TrustedDevices } from '../security/devices.js';
import { accountKey, deviceKey, loginKey, throttleKeysOf, type LoginThrottle, type Reservation } from '../security/lockout.js';
import { sendLimitKey, type CodeChallenges } from '../security/otp.js';
import type { HashTicket } from '../security/hashing-queue.js';
import { admitHash, lockedRefusal } from '../security/password-refusals.js';
import type { PasswordHasher } from '../security/passwords.js';
import type { SessionRecord, Sessions } from '../security/sessions.js';
import type { SignInHistory } from './sign-in-history.js';
import type { PasswordChangeRequired, TemporaryPasswords } from './temporary-passwords.js';

/** What the server knows of the browser asking. */
export interface Browser {
  ip: string;
  /** The device cookie, when the browser has one. */
  deviceToken: string | undefined;
  /** The session cookie, when the browser has one (it is replaced at sign-in). */
  sessionToken: string | undefined;
  /** The `User-Agent` header, when sent. */
  userAgent: string | undefined;
}

/** A finished sign-in: the new session and the tokens for the browser's cookies. */
export interface SignedIn {
  account: Account;
  session: SessionRecord;
  sessionToken: string;
  deviceToken: string;
}

/** How a sign-in whose every factor was right ends. */
export type SignInFinished =
  | { status: 'authenticated'; signedIn: SignedIn }
  | ({ status: 'password_change_required' } & PasswordChangeRequired);

export type PasswordOutcome = { status: 'code_required'; challenge: OtpChallenge } | SignInFinished;

export interface SignInDeps {
  clock: Clock;
  accounts: Accounts;
  hasher: PasswordHasher;
  throttle: LoginThrottle;
  devices: TrustedDevices;
  challenges: CodeChallenges;
  sessions: Sessions;
  temporaryPasswords: TemporaryPasswords;
  audit: AuditLog;
  /** The sign-in history the citizen reads. */
  history: SignInHistory;
}

export class SignIn {
  readonly #deps: SignInDeps;

  constructor(deps: SignInDeps) {
    this.#deps = deps;
  }

  /**
   * Checks the login and password. Unknown logins and wrong passwords answer alike, take
   * as long, and count towards the same lockout. The try is taken from the lockout before
   * the password is checked (so guesses sent at once are counted like guesses sent one by
   * one); when none is left the password is not checked at all, right or wrong. The tries
   * are counted per login as typed and per account (shared by its phone, e-mail and
   * СНИЛС), or, from a browser known to the account, for that browser alone.
   * A temporary password that was used or expired is a wrong password.
   *
   * Before anything is counted the attempt takes a place among the password hashes, per
   * client address, with a known browser going first (see `security/hashing-queue.ts`);
   * when there is none it is refused with `rate_limited`, uncounted.
   *
   * @throws {ApiError} `invalid_credentials`, `account_locked`, `rate_limited`, and from
   *   the code step `rate_limited`, `server_unavailable`
   */
  async withPassword({ identifier, password }: LoginRequest, browser: Browser): Promise<PasswordOutcome> {
    const { accounts, devices, throttle, audit } = this.#deps;
    const readings = classifyIdentifier(identifier);
    const candidates = await accounts.findByLogin(readings);
    const loginKeys =
      readings.length > 0
        ? readings.map(({ kind, value }) => loginKey(kind, value))
        : [loginKey('unrecognised', identifier.trim().toLowerCase())];
    const device = await devices.recognise(
      browser.deviceToken,
      candidates.map(({ id }) => id),
    );
    const keys = device
      ? [deviceKey(device.tokenHash, device.accountId)]
      : [...loginKeys, ...candidates.map(({ id }) => accountKey(id))];
    const auditContext = { accountId: candidates.length === 1 ? candidates[0]!.id : null, ip: browser.ip };

    // A place among the hashes first: a refused one must not cost a try of the lockout.
    const ticket = admitHash(this.#deps.hasher, browser.ip, device !== undefined);
    const known = auditContext.accountId;
    const { reservation, account } = await this.#reserveAndMatch(keys, candidates, password, ticket)
      .catch(async (error: unknown) => {
        // No try was left: refused by the lockout, the password unchecked.
        if (known !== null && error instanceof ApiError && error.code === 'account_locked') await this.#deps.history.record(known, 'locked', browser);
        throw error;
      })
      .finally(() => ticket.release());
    if (!account) {
      await audit.record('login_failed', auditContext);
      if (reservation.lockedUntil !== undefined) {
        await audit.record('login_locked', auditContext);
        if (known !== null) await this.#deps.history.record(known, 'locked', browser);
        throw lockedRefusal(reservation.lockedUntil, this.#deps.clock.now());
      }
      if (known !== null) await this.#deps.history.record(known, 'wrong_password', browser);
      throw new ApiError('invalid_credentials', {
        attemptsLeft: reservation.attemptsLeft,
        detail: `${errorMessagesRu.invalid_credentials} Осталось попыток: ${reservation.attemptsLeft}.`,
      });
    }

    await throttle.clear([...loginKeys, ...keys, ...throttleKeysOf(account)]);
    if (account.secondFactor === null) return this.#finish(account, browser);
    const recipient = recipientOf(account, account.secondFactor);
    if (!recipient) throw new Error(`account ${account.id} has no contact for its second factor`);
    const challenge = await this.#deps.challenges.start(
      {
        purpose: 'login',
        accountId: account.id,
        channel: account.secondFactor,
        recipient,
        delivery: 'code',
        limitKey: sendLimitKey('account', account.id),
      },
      browser.ip,
    );
    return { status: 'code_required', challenge };
  }

  /**
   * Finishes a sign-in with its one-time code.
   *
   * @throws {ApiError} `otp_invalid`, `otp_attempts_exceeded`, `otp_expired`, and
   *   `invalid_credentials` when the temporary password signed in with expired meanwhile
   */
  async withCode({ challengeId, code }: VerifyCodeRequest, browser: Browser): Promise<SignInFinished> {
    const { challenges, history } = this.#deps;
    const owner = await challenges.ownerOf(challengeId, { purpose: 'login' });
    const { accountId } = await challenges.verify(challengeId, code, browser.ip, { purpose: 'login' }).catch(async (error: unknown) => {
      const wrong = error instanceof ApiError && (error.code === 'otp_invalid' || error.code === 'otp_attempts_exceeded');
      if (wrong && owner !== null) await history.record(owner, 'wrong_code', browser);
      throw error;
    });
    const account = accountId === null ? undefined : await this.#deps.accounts.get(accountId);
    if (!account) throw new ApiError('otp_expired');
    return this.#finish(account, browser);
  }

  /**
   * Sends a new code for a sign-in waiting for one.
   *
   * @throws {ApiError} `otp_expired`, `rate_limited`, `server_unavailable`
   */
  resendCode(challengeId: string, ip: string): Promise<OtpChallenge> {
    return this.#deps.challenges.resend(challengeId, ip, { purpose: 'login' });
  }

  /**
   * Takes a try from the lockout of `keys` and, when there was one, checks the password.
   *
   * @throws {ApiError} `account_locked` when a key had no try left (the password is not checked)
   */
  async #reserveAndMatch(
    keys: readonly string[],
    candidates: readonly Account[],
    password: string,
    ticket: HashTicket,
  ): Promise<{ reservation: Extract<Reservation, { granted: true }>; account: Account | undefined }> {
    const reservation = await this.#deps.throttle.reserve(keys);
    if (!reservation.granted) throw lockedRefusal(reservation.lockedUntil, this.#deps.clock.now());
    return { reservation, account: await this.#matchPassword(candidates, password, ticket) };
  }

  /**
   * The candidate whose password this is, unless it is a temporary password used or
   * expired; with no candidate, a decoy check of the same cost.
   */
  async #matchPassword(candidates: readonly Account[], password: string, ticket: HashTicket): Promise<Account | undefined> {
    const { hasher, clock } = this.#deps;
    if (candidates.length === 0) {
      await hasher.verifyDecoy(password, ticket);
      return undefined;
    }
    for (const candidate of candidates) {
      if (!(await hasher.verify(password, candidate.passwordHash, ticket))) continue;
      const { temporaryPasswordExpiresAt: temporaryUntil } = candidate;
      return temporaryUntil === null || clock.now() < temporaryUntil ? candidate : undefined;
    }
    return undefined;
  }

  /** Every factor was right: a session, or for a temporary password the permission to choose a new one. */
  async #finish(account: Account, browser: Browser): Promise<SignInFinished> {
    if (account.temporaryPasswordExpiresAt === null) return { status: 'authenticated', signedIn: await this.startSession(account, browser) };
    return { status: 'password_change_required', ...(await this.#deps.temporaryPasswords.useUp(account, browser.ip)) };
  }

  /**
   * Signs the citizen in: starts a session (replacing the browser's previous one) and
   * remembers the browser. Also the last step of registration.
   */
  async startSession(account: Account, browser: Browser): Promise<SignedIn> {
    const { sessions, devices, audit, history } = this.#deps;
    const previous = await sessions.find(browser.sessionToken);
    if (previous.status !== 'none') await sessions.revoke(previous.session.id);
    const { token: sessionToken, session } = await sessions.create(account.id, browser);
    const deviceToken = await devices.remember(browser.deviceToken, account.id);
    await audit.record('login_succeeded', { accountId: account.id, ip: browser.ip });
    await history.record(account.id, 'signed_in', browser, session.id);
    return { account, session, sessionToken, deviceToken };
  }
}
