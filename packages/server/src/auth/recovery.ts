/**
 * Password recovery: a login (phone, e-mail or СНИЛС) gets a code — to the e-mail when
 * the login is one, else to the phone; the code gives a single-use permission; the
 * permission sets a new password, which ends every session of the account.
 *
 * Nothing tells whether the login has an account: an unknown one gets a challenge of the
 * same shape that can never be completed, counts against the same sending limit, and the
 * code of a known one is sent after the answer, so that the gateway's delay shows nothing.
 */
import type {
  NewPasswordRequest,
  OtpChallenge,
  OtpChannel,
  RecoveryChallenge,
  RecoveryRequest,
  RecoveryVerified,
  VerifyCodeRequest,
} from '@mfc-cabinet/core/schemas';
import { classifyIdentifier } from '@mfc-cabinet/core/validators';
import { ApiError, assertValid } from '../api-error.js';
import { secondsUntil, type Clock } from '../clock.js';
import type { SecurityRules } from '../config.js';
import type { Account, Accounts } from '../accounts/accounts.js';
import type { Messenger } from '../senders/messenger.js';
import type { AuditLog } from '../security/audit.js';
import { throttleKeysOf, type LoginThrottle } from '../security/lockout.js';
import { sendLimitKey, type CodeChallenges } from '../security/otp.js';
import type { PasswordPolicy } from '../security/password-policy.js';
import type { PasswordResets } from '../security/password-resets.js';
import type { PasswordHasher } from '../security/passwords.js';
import type { Sessions } from '../security/sessions.js';

export interface RecoveryDeps {
  clock: Clock;
  rules: Pick<SecurityRules, 'passwordHistorySize'>;
  accounts: Accounts;
  hasher: PasswordHasher;
  policy: PasswordPolicy;
  challenges: CodeChallenges;
  resets: PasswordResets;
  sessions: Sessions;
  throttle: LoginThrottle;
  messenger: Messenger;
  audit: AuditLog;
}

const scope = { purpose: 'recovery' } as const;

/** The challenge without where the code went: that would tell that the account exists. */
const toRecoveryChallenge = ({ id, codeLength, expiresIn, resendAfter, attemptsLeft }: OtpChallenge): RecoveryChallenge => ({
  id,
  codeLength,
  expiresIn,
  resendAfter,
  attemptsLeft,
});

export class Recovery {
  readonly #deps: RecoveryDeps;

  constructor(deps: RecoveryDeps) {
    this.#deps = deps;
  }

  /**
   * Sends a recovery code for the login, if it has an account.
   *
   * @throws {ApiError} `rate_limited`
   */
  async start({ identifier }: RecoveryRequest, ip: string): Promise<RecoveryChallenge> {
    const readings = classifyIdentifier(identifier);
    const candidates = await this.#deps.accounts.findByLogin(readings);
    // Eleven digits may be one citizen's phone and another's СНИЛС: then nobody is meant.
    const account = candidates.length === 1 ? candidates[0] : undefined;
    const byEmail = readings.some(({ kind }) => kind === 'email');
    const channel: OtpChannel = byEmail || (account && !account.phone) ? 'email' : 'sms';
    const recipient = (channel === 'sms' ? account?.phone : account?.email) ?? null;
    const login = readings.map(({ kind, value }) => `${kind}:${value}`).join('|') || `unrecognised:${identifier.trim().toLowerCase()}`;
    const challenge = await this.#deps.challenges.start(
      {
        purpose: 'recovery',
        accountId: account?.id ?? null,
        channel,
        recipient,
        delivery: recipient === null ? 'none' : 'code',
        limitKey: sendLimitKey('recovery', login),
      },
      ip,
    );
    return toRecoveryChallenge(challenge);
  }

  /**
   * Sends a recovery code for `account` itself, without a login (after «Это был не я»): to
   * its phone, or its e-mail when it has no phone — or when `distrusted` is the contact the
   * reported change set and the account has the other one.
   *
   * @throws {ApiError} `rate_limited`, `conflict` (the account has no contact at all)
   */
  async startFor(account: Account, ip: string, distrusted?: 'phone' | 'email'): Promise<RecoveryChallenge> {
    const preferred: OtpChannel = account.phone && distrusted !== 'phone' ? 'sms' : account.email && distrusted !== 'email' ? 'email' : account.phone ? 'sms' : 'email';
    const recipient = (preferred === 'sms' ? account.phone : account.email) ?? null;
    if (recipient === null) throw new ApiError('conflict', { detail: 'У учётной записи нет телефона и почты: обратитесь в МФЦ с паспортом.' });
    const challenge = await this.#deps.challenges.start(
      {
        purpose: 'recovery',
        accountId: account.id,
        channel: preferred,
        recipient,
        delivery: 'code',
        limitKey: sendLimitKey('recovery', `account:${account.id}`),
      },
      ip,
    );
    return toRecoveryChallenge(challenge);
  }

  /**
   * Sends a new code for a recovery waiting for one.
   *
   * @throws {ApiError} `otp_expired`, `rate_limited`
   */
  async resendCode(challengeId: string, ip: string): Promise<RecoveryChallenge> {
    return toRecoveryChallenge(await this.#deps.challenges.resend(challengeId, ip, scope));
  }

  /**
   * Checks the recovery code; when right, gives the permission to set a new password.
   *
   * @throws {ApiError} `otp_invalid`, `otp_attempts_exceeded`, `otp_expired`
   */
  async verify({ challengeId, code }: VerifyCodeRequest, ip: string): Promise<RecoveryVerified> {
    const { clock, challenges, resets, audit } = this.#deps;
    const { accountId } = await challenges.verify(challengeId, code, ip, scope);
    if (accountId === null) throw new ApiError('otp_expired');
    const { token, expiresAt } = await resets.issue(accountId, 'recovery');
    await audit.record('recovery_code_accepted', { accountId, ip });
    return { resetToken: token, expiresIn: secondsUntil(expiresAt, clock.now()) };
  }

  /**
   * Sets the new password with a permission from {@link verify}: ends every session of the
   * account, clears the lockouts of its logins and tells the citizen.
   *
   * @throws {ApiError} `otp_expired` (the permission is unknown, used or too old),
   *   `validation_failed` (the password breaks a rule; the permission stays)
   */
  async setPassword({ resetToken, password }: NewPasswordRequest, ip: string): Promise<void> {
    const { clock, rules, accounts, hasher, policy, resets, sessions, throttle, messenger, audit } = this.#deps;
    const reset = await resets.find(resetToken, 'recovery');
    const account = await accounts.get(reset.accountId);
    if (!account) throw new ApiError('otp_expired');
    assertValid(await policy.problems(password, [account.phone, account.email, account.snils], account.id));

    await resets.consume(reset);
    await accounts.setPassword(account.id, await hasher.hash(password), clock.now(), rules.passwordHistorySize);
    await sessions.revokeAll(account.id);
    await throttle.clear(throttleKeysOf(account));
    await audit.record('password_reset', { accountId: account.id, ip });
    messenger.tellAccount(account, 'password_changed', ip);
  }
}
