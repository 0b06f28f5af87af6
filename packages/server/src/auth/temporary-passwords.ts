/**
 * Temporary passwords. An МФЦ operator who checked the citizen's passport issues one: it
 * replaces the account's password, works for 24 hours (TEMPORARY_PASSWORD_TTL_SECONDS) and
 * once, and ends every session of the account. Signing in with it (after the second
 * factor, if the account has one) gives no session but a single-use permission to choose
 * a new password, which then signs the citizen in. A used or expired temporary password is
 * just a wrong password.
 */
import type { TemporaryPasswordChangeRequest, TemporaryPasswordIssued } from '@mfc-cabinet/core/schemas';
import { ApiError, assertValid } from '../api-error.js';
import { secondsUntil, type Clock } from '../clock.js';
import type { SecurityRules } from '../config.js';
import type { Account, Accounts } from '../accounts/accounts.js';
import type { Messenger } from '../senders/messenger.js';
import type { AuditLog } from '../security/audit.js';
import { throttleKeysOf, type LoginThrottle } from '../security/lockout.js';
import type { PasswordPolicy } from '../security/password-policy.js';
import type { PasswordResets } from '../security/password-resets.js';
import type { PasswordHasher } from '../security/passwords.js';
import { readablePassword } from '../security/readable-password.js';
import type { Sessions } from '../security/sessions.js';

export interface TemporaryPasswordDeps {
  clock: Clock;
  rules: Pick<SecurityRules, 'passwordHistorySize' | 'temporaryPasswordTtlMs'>;
  accounts: Accounts;
  hasher: PasswordHasher;
  policy: PasswordPolicy;
  resets: PasswordResets;
  sessions: Sessions;
  throttle: LoginThrottle;
  messenger: Messenger;
  audit: AuditLog;
}

/** The permission to choose a new password, as the sign-in answers it. */
export interface PasswordChangeRequired {
  changeToken: string;
  /** Seconds the permission lasts. */
  expiresIn: number;
}

const logins = (account: Account) => [account.phone, account.email, account.snils];

export class TemporaryPasswords {
  readonly #deps: TemporaryPasswordDeps;

  constructor(deps: TemporaryPasswordDeps) {
    this.#deps = deps;
  }

  /**
   * Issues a temporary password for the citizen `citizenId`: ends their sessions and
   * lockouts, and tells them (without the password). Returns the password, shown once.
   *
   * @throws {ApiError} `not_found` when no citizen has this id (operators are not citizens)
   */
  async issue(operator: Account, citizenId: string, ip: string): Promise<TemporaryPasswordIssued> {
    const { clock, rules, accounts, hasher, policy, sessions, throttle, messenger, audit } = this.#deps;
    const citizen = await accounts.get(citizenId);
    if (!citizen || citizen.role !== 'citizen') throw new ApiError('not_found', { detail: 'Гражданин не найден.' });
    const password = readablePassword((candidate) => policy.meetsRules(candidate, logins(citizen)));
    const now = clock.now();
    const expiresAt = now + rules.temporaryPasswordTtlMs;
    await accounts.setPassword(citizen.id, await hasher.hash(password), now, rules.passwordHistorySize, expiresAt);
    const sessionsEnded = await sessions.revokeAll(citizen.id);
    await throttle.clear(throttleKeysOf(citizen));
    await audit.record('temporary_password_issued', {
      accountId: citizen.id,
      actorId: operator.id,
      ip,
      details: { expiresAt: new Date(expiresAt).toISOString(), sessionsEnded },
    });
    messenger.tellAccount(citizen, 'temporary_password_issued', ip);
    return { temporaryPassword: password, expiresIn: secondsUntil(expiresAt, now) };
  }

  /**
   * Uses up the live temporary password the citizen has just signed in with, and gives the
   * permission to choose a new one.
   *
   * @throws {ApiError} `invalid_credentials` when it was used up or expired meanwhile
   */
  async useUp(account: Account, ip: string): Promise<PasswordChangeRequired> {
    const { clock, accounts, resets, audit } = this.#deps;
    const now = clock.now();
    if (!(await accounts.useUpTemporaryPassword(account.id, now))) throw new ApiError('invalid_credentials');
    const { token, expiresAt } = await resets.issue(account.id, 'temporary_password');
    await audit.record('temporary_password_used', { accountId: account.id, ip });
    return { changeToken: token, expiresIn: secondsUntil(expiresAt, now) };
  }

  /**
   * Sets the citizen's own password with the permission from {@link useUp}; it must meet
   * the rules and differ from the recent passwords, the temporary one included. Returns the
   * account, ready to be signed in.
   *
   * @throws {ApiError} `otp_expired` (the permission is unknown, used or too old),
   *   `validation_failed` (the password breaks a rule; the permission stays)
   */
  async replace({ changeToken, password }: TemporaryPasswordChangeRequest, ip: string): Promise<Account> {
    const { clock, rules, accounts, hasher, policy, resets, messenger, audit } = this.#deps;
    const reset = await resets.find(changeToken, 'temporary_password');
    const account = await accounts.get(reset.accountId);
    if (!account) throw new ApiError('otp_expired');
    assertValid(await policy.problems(password, logins(account), account.id));

    await resets.consume(reset);
    await accounts.setPassword(account.id, await hasher.hash(password), clock.now(), rules.passwordHistorySize);
    await audit.record('temporary_password_replaced', { accountId: account.id, ip });
    messenger.tellAccount(account, 'password_changed', ip);
    return { ...account, temporaryPasswordExpiresAt: null };
  }
}
