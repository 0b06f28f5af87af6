/**
 * Changing the phone or the e-mail. The new contact gets a one-time code (the rules of
 * every code: its lifetime, its tries, the resend wait and the hourly limit); the account
 * keeps its current contact until the code comes back, then the new one replaces it and
 * the old one is told. The current password is asked first (see `current-password.ts`).
 *
 * A contact another account has answers exactly alike, but its owner gets a notice instead
 * of the code, so the change can never be confirmed and nobody learns whose it is.
 */
import type { OtpChallenge, OtpChannel, VerifyCodeRequest } from '@mfc-cabinet/core/schemas';
import { normalizePhone } from '@mfc-cabinet/core/validators';
import type { Account, Accounts } from '../accounts/accounts.js';
import { normalizeEmail } from '../accounts/contacts.js';
import { ApiError } from '../api-error.js';
import type { AuditLog } from '../security/audit.js';
import { sendLimitKey, type ChallengeScope, type CodeChallenges } from '../security/otp.js';
import type { Messenger } from '../senders/messenger.js';
import type { NoticePurpose } from '../senders/sender.js';
import type { ChangeOrigin, ProfileChanges } from './changes.js';
import type { CurrentPassword } from './current-password.js';

/** A contact the citizen may change. */
export type ContactKind = 'phone' | 'email';

const channels: Record<ContactKind, OtpChannel> = { phone: 'sms', email: 'email' };
const kindOf = (channel: OtpChannel): ContactKind => (channel === 'sms' ? 'phone' : 'email');

const messages: Record<ContactKind, { invalid: string; unchanged: string }> = {
  phone: { invalid: 'Введите номер мобильного телефона: +7 и 10 цифр', unchanged: 'Это ваш текущий номер телефона' },
  email: { invalid: 'Проверьте адрес электронной почты, например ivanov@example.ru', unchanged: 'Это ваш текущий адрес почты' },
};

const notices: Record<ContactKind, NoticePurpose> = { phone: 'phone_changed', email: 'email_changed' };

export interface ContactChangeDeps {
  accounts: Accounts;
  challenges: CodeChallenges;
  currentPassword: CurrentPassword;
  changes: ProfileChanges;
  messenger: Messenger;
  audit: AuditLog;
}

export class ContactChanges {
  readonly #deps: ContactChangeDeps;

  constructor(deps: ContactChangeDeps) {
    this.#deps = deps;
  }

  /**
   * Checks the current password and sends a code to the new contact (a notice instead when
   * another account has it).
   *
   * @throws {ApiError} `validation_failed` (the contact is malformed or the current one),
   *   `invalid_credentials`, `account_locked`, `rate_limited`, `server_unavailable`
   */
  async start(account: Account, kind: ContactKind, raw: string, currentPassword: string, ip: string): Promise<OtpChallenge> {
    const { accounts, challenges, audit } = this.#deps;
    const value = kind === 'phone' ? normalizePhone(raw) : normalizeEmail(raw);
    if (value === undefined) throw fieldProblem(kind, 'invalid', messages[kind].invalid);
    if (value === account[kind]) throw fieldProblem(kind, 'unchanged', messages[kind].unchanged);
    await this.#deps.currentPassword.check(account, currentPassword, ip);

    const taken = await accounts.isTaken({ kind, value }, account.id);
    const challenge = await challenges.start(
      {
        purpose: 'contact_change',
        accountId: account.id,
        channel: channels[kind],
        recipient: value,
        delivery: taken ? 'notice' : 'code',
        limitKey: sendLimitKey('contact', `${kind}:${value}`),
      },
      ip,
    );
    await audit.record('contact_change_requested', { accountId: account.id, ip, details: { kind } });
    return challenge;
  }

  /**
   * Sends a new code for the account's change `challengeId`.
   *
   * @throws {ApiError} `otp_expired`, `rate_limited`, `server_unavailable`
   */
  resend(account: Account, challengeId: string, ip: string): Promise<OtpChallenge> {
    return this.#deps.challenges.resend(challengeId, ip, scopeOf(account));
  }

  /**
   * Checks the code; when right, the new contact replaces the old one, the change is
   * recorded and the old contact told. Returns the account as it is now.
   *
   * @throws {ApiError} `otp_invalid`, `otp_attempts_exceeded`, `otp_expired` (also when the
   *   contact became another account's meanwhile)
   */
  async confirm(account: Account, { challengeId, code }: VerifyCodeRequest, origin: ChangeOrigin): Promise<Account> {
    const { accounts, challenges, changes, messenger, audit } = this.#deps;
    const { ip } = origin;
    const { recipient, channel } = await challenges.verify(challengeId, code, ip, scopeOf(account));
    const kind = kindOf(channel);
    if (recipient === null || (await accounts.isTaken({ kind, value: recipient }, account.id))) throw new ApiError('otp_expired');
    const current = await accounts.get(account.id);
    if (!current) throw new ApiError('otp_expired');
    const before = current[kind];
    let updated: Account | undefined;
    try {
      updated = await accounts.update(account.id, { [kind]: recipient });
    } catch (error) {
      // The contact became another account's login meanwhile (it is unique).
      throw new ApiError('otp_expired', {}, { cause: error });
    }
    if (!updated) throw new ApiError('otp_expired');
    await changes.record(account.id, kind, [{ field: kind, before, after: recipient }], origin);
    await audit.record('contact_changed', { accountId: account.id, ip, details: { kind } });
    // The old contact is told; an account that had none is told at its other contact.
    const other = kind === 'phone' ? current.email : current.phone;
    const to = before ?? other;
    const toChannel = before !== null ? channels[kind] : channels[kind === 'phone' ? 'email' : 'phone'];
    if (to !== null) messenger.sendLater({ channel: toChannel, to, code: null, purpose: notices[kind] }, { accountId: account.id, ip });
    return updated;
  }
}

const scopeOf = (account: Account): ChallengeScope => ({ purpose: 'contact_change', accountId: account.id });

const fieldProblem = (field: ContactKind, code: string, message: string) =>
  new ApiError('validation_failed', { errors: [{ field, code, message }] });
