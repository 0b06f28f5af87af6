/**
 * Confirming an e-mail address with a one-time code sent to it; the address becomes the
 * account's once the code comes back. An address another account has gets a notice
 * instead of the code, so the answer is the same and the address stays with its owner.
 */
import type { OtpChallenge, VerifyCodeRequest } from '@mfc-cabinet/core/schemas';
import { ApiError } from '../api-error.js';
import type { Account, Accounts } from '../accounts/accounts.js';
import type { AuditLog } from '../security/audit.js';
import { sendLimitKey, type ChallengeScope, type CodeChallenges } from '../security/otp.js';

export interface EmailConfirmationDeps {
  accounts: Accounts;
  challenges: CodeChallenges;
  audit: AuditLog;
}

export class EmailConfirmation {
  readonly #deps: EmailConfirmationDeps;

  constructor(deps: EmailConfirmationDeps) {
    this.#deps = deps;
  }

  /**
   * Sends a code to `email` (normalised) to make it the account's.
   *
   * @throws {ApiError} `rate_limited`, `server_unavailable`
   */
  async start(account: Account, email: string, ip: string): Promise<OtpChallenge> {
    const taken = await this.#deps.accounts.isTaken({ kind: 'email', value: email }, account.id);
    return this.#deps.challenges.start(
      {
        purpose: 'email_confirmation',
        accountId: account.id,
        channel: 'email',
        recipient: email,
        delivery: taken ? 'notice' : 'code',
        limitKey: sendLimitKey('email', email),
      },
      ip,
    );
  }

  /**
   * Sends a new code for the account's confirmation `challengeId`.
   *
   * @throws {ApiError} `otp_expired`, `rate_limited`, `server_unavailable`
   */
  resend(account: Account, challengeId: string, ip: string): Promise<OtpChallenge> {
    return this.#deps.challenges.resend(challengeId, ip, scopeOf(account));
  }

  /**
   * Checks the code; when right, the address becomes the account's. Returns the account.
   *
   * @throws {ApiError} `otp_invalid`, `otp_attempts_exceeded`, `otp_expired` (also when the
   *   address was taken meanwhile)
   */
  async confirm(account: Account, { challengeId, code }: VerifyCodeRequest, ip: string): Promise<Account> {
    const { accounts, challenges, audit } = this.#deps;
    const { recipient } = await challenges.verify(challengeId, code, ip, scopeOf(account));
    if (recipient === null || (await accounts.isTaken({ kind: 'email', value: recipient }, account.id))) {
      throw new ApiError('otp_expired');
    }
    const updated = await accounts.update(account.id, { email: recipient });
    if (!updated) throw new ApiError('otp_expired');
    await audit.record('email_confirmed', { accountId: account.id, ip });
    return updated;
  }
}

const scopeOf = (account: Account): ChallengeScope => ({ purpose: 'email_confirmation', accountId: account.id });
