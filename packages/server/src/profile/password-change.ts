/**
 * Changing the password while signed in: the current one first (as a sign-in checks it,
 * counted towards the lockout), then the new one against the shared rules and the last
 * passwords of the account. The other sessions end when the citizen asks; this one stays.
 * The change goes into the history, and the account's contacts are told.
 */
import type { PasswordChangeRequest, PasswordChanged } from '@mfc-cabinet/core/schemas';
import type { Account, Accounts } from '../accounts/accounts.js';
import { assertValid } from '../api-error.js';
import type { Clock } from '../clock.js';
import type { SecurityRules } from '../config.js';
import type { AuditLog } from '../security/audit.js';
import type { PasswordPolicy } from '../security/password-policy.js';
import type { PasswordHasher } from '../security/passwords.js';
import type { Sessions } from '../security/sessions.js';
import type { Messenger } from '../senders/messenger.js';
import type { ChangeOrigin, ProfileChanges } from './changes.js';
import type { CurrentPassword } from './current-password.js';

export interface PasswordChangeDeps {
  clock: Clock;
  rules: Pick<SecurityRules, 'passwordHistorySize'>;
  accounts: Accounts;
  hasher: PasswordHasher;
  policy: PasswordPolicy;
  currentPassword: CurrentPassword;
  sessions: Sessions;
  changes: ProfileChanges;
  messenger: Messenger;
  audit: AuditLog;
}

export class PasswordChange {
  readonly #deps: PasswordChangeDeps;

  constructor(deps: PasswordChangeDeps) {
    this.#deps = deps;
  }

  /**
   * @throws {ApiError} `invalid_credentials`, `account_locked`, `rate_limited` (the current
   *   password), `validation_failed` on `password` (the rules, `password_reused`)
   */
  async change(account: Account, { currentPassword, password, endOtherSessions }: PasswordChangeRequest, origin: ChangeOrigin): Promise<PasswordChanged> {
    const { clock, rules, accounts, hasher, policy, sessions, changes, messenger, audit } = this.#deps;
    await this.#deps.currentPassword.check(account, currentPassword, origin.ip);
    assertValid(await policy.problems(password, [account.phone, account.email, account.snils], account.id));

    await accounts.setPassword(account.id, await hasher.hash(password), clock.now(), rules.passwordHistorySize);
    const endedSessions = endOtherSessions ? await sessions.revokeAll(account.id, origin.sessionId) : 0;
    await changes.record(account.id, 'password', [{ field: 'password', before: null, after: null }], origin);
    await audit.record('password_changed', { accountId: account.id, ip: origin.ip, details: { endOtherSessions, endedSessions } });
    messenger.tellAccount(account, 'password_changed_in_cabinet', origin.ip);
    return { endedSessions };
  }
}
