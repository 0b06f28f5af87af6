/**
 * Turning the second factor of the sign-in on or off while signed in: the code goes by SMS
 * to the phone or by e-mail to the (confirmed) e-mail, or there is none. The current
 * password is asked first (see `current-password.ts`), so a stolen session alone cannot
 * weaken the sign-in. The change goes into the history, and the account's contacts are told.
 */
import type { OtpChannel, SecondFactorRequest } from '@mfc-cabinet/core/schemas';
import type { Account, Accounts } from '../accounts/accounts.js';
import { recipientOf } from '../accounts/contacts.js';
import { ApiError } from '../api-error.js';
import type { AuditLog } from '../security/audit.js';
import type { Messenger } from '../senders/messenger.js';
import type { ChangeOrigin, ProfileChanges } from './changes.js';
import type { CurrentPassword } from './current-password.js';

export interface SecondFactorDeps {
  accounts: Accounts;
  currentPassword: CurrentPassword;
  changes: ProfileChanges;
  messenger: Messenger;
  audit: AuditLog;
}

/**
 * Why a channel cannot carry the codes of an account. The account holds an e-mail only
 * once its code came back (registration and a change keep it aside until then), so an
 * e-mail it has is a confirmed one.
 */
const missingContact: Record<OtpChannel, string> = {
  sms: 'Чтобы получать код по SMS, добавьте в профиль номер телефона',
  email: 'Чтобы получать код на почту, добавьте и подтвердите в профиле адрес электронной почты',
};

export class SecondFactor {
  readonly #deps: SecondFactorDeps;

  constructor(deps: SecondFactorDeps) {
    this.#deps = deps;
  }

  /**
   * Sets the channel of the account's sign-in code (`null`: none) once `currentPassword`
   * is right; returns the account as it is now. The same channel again changes nothing
   * (no history entry, no notice).
   *
   * @throws {ApiError} `validation_failed` on `channel` (no contact for it), then from the
   *   current password `invalid_credentials` (with `attemptsLeft`), `account_locked`, `rate_limited`
   */
  async set(account: Account, { channel, currentPassword }: SecondFactorRequest, origin: ChangeOrigin): Promise<Account> {
    const { accounts, changes, messenger, audit } = this.#deps;
    if (channel !== null && recipientOf(account, channel) === undefined) {
      throw new ApiError('validation_failed', { errors: [{ field: 'channel', code: 'contact_missing', message: missingContact[channel] }] });
    }
    await this.#deps.currentPassword.check(account, currentPassword, origin.ip);
    const before = account.secondFactor;
    if (before === channel) return account;
    const updated = await accounts.update(account.id, { secondFactor: channel });
    if (!updated) throw new ApiError('unauthenticated');
    await changes.record(account.id, 'second_factor', [{ field: 'secondFactor', before, after: channel }], origin);
    await audit.record('second_factor_changed', { accountId: account.id, ip: origin.ip, details: { before, after: channel } });
    messenger.tellAccount(updated, channel === null ? 'second_factor_off' : 'second_factor_on', origin.ip);
    return updated;
  }
}
