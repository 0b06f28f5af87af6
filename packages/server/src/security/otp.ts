/**
 * One-time codes of sign-in. A challenge is one sign-in attempt waiting for its code: its
 * id (32 random bytes, stored hashed) is all the browser gets, and a code is valid only
 * for the challenge it was sent for, once, within its lifetime and its tries. The
 * challenge outlives its code so that a new code can be sent for it.
 */
import { errorMessages } from '@mfc-cabinet/core/messages';
import type { OtpChallenge, OtpChannel } from '@mfc-cabinet/core/schemas';
import { ApiError } from '../api-error.js';
import { secondsUntil, type Clock } from '../clock.js';
import type { SecurityRules } from '../config.js';
import type { Database, LoginChallengesTable } from '../db/database.js';
import { maskRecipient } from '../accounts/contacts.js';
import type { CodeSender } from '../senders/sender.js';
import { formatWait } from '../texts.js';
import type { AuditLog } from './audit.js';
import { hashToken, newId, randomDigits, randomToken, safeEqual } from './tokens.js';

export const codeLength = 6;
const hour = 3_600_000;

type Rules = Pick<
  SecurityRules,
  'otpTtlMs' | 'otpMaxAttempts' | 'otpResendAfterMs' | 'otpMaxSendsPerHour' | 'loginChallengeTtlMs'
>;

export interface ChallengeDeps {
  db: Database;
  clock: Clock;
  rules: Rules;
  sender: CodeSender;
  audit: AuditLog;
}

const expired = () => new ApiError('otp_expired');

export class LoginChallenges {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #rules: Rules;
  readonly #sender: CodeSender;
  readonly #audit: AuditLog;

  constructor({ db, clock, rules, sender, audit }: ChallengeDeps) {
    this.#db = db;
    this.#clock = clock;
    this.#rules = rules;
    this.#sender = sender;
    this.#audit = audit;
  }

  /** Sends a code to `recipient` and opens a challenge for it. */
  async start(accountId: string, channel: OtpChannel, recipient: string, ip: string): Promise<OtpChallenge> {
    const now = this.#clock.now();
    await this.#db.deleteFrom('loginChallenges').where('expiresAt', '<=', now).execute();
    const id = randomToken();
    const code = await this.#sendCode({ accountId, channel, recipient }, ip);
    const challenge: LoginChallengesTable = {
      idHash: hashToken(id),
      accountId,
      channel,
      recipient,
      expiresAt: now + this.#rules.loginChallengeTtlMs,
      ...this.#freshCode(code, now),
    };
    await this.#db.insertInto('loginChallenges').values(challenge).execute();
    return this.#view(id, challenge, now);
  }

  /** Sends a new code for the same challenge: the old code stops working, the tries start over. */
  async resend(id: string, ip: string): Promise<OtpChallenge> {
    const challenge = await this.#live(id);
    const now = this.#clock.now();
    if (now < challenge.resendAvailableAt) {
      const retryAfter = secondsUntil(challenge.resendAvailableAt, now);
      throw new ApiError('rate_limited', {
        retryAfter,
        detail: `Новый код можно запросить через ${formatWait(retryAfter)}.`,
      });
    }
    const code = await this.#sendCode(challenge, ip);
    const renewed = { ...challenge, ...this.#freshCode(code, now) };
    const { numUpdatedRows } = await this.#db
      .updateTable('loginChallenges')
      .set({
        codeHash: renewed.codeHash,
        codeExpiresAt: renewed.codeExpiresAt,
        attemptsLeft: renewed.attemptsLeft,
        resendAvailableAt: renewed.resendAvailableAt,
      })
      .where('idHash', '=', challenge.idHash)
      .executeTakeFirst();
    if (numUpdatedRows === 0n) throw expired();
    return this.#view(id, renewed, now);
  }

  /**
   * Checks `code` against the challenge `id`. Returns the account id and ends the challenge
   * when it is right; a wrong code costs a try, and the last try ends the challenge.
   */
  async verify(id: string, code: string, ip: string): Promise<string> {
    const challenge = await this.#live(id);
    if (this.#clock.now() >= challenge.codeExpiresAt) throw expired();

    if (safeEqual(hashToken(code), challenge.codeHash)) {
      const { numDeletedRows } = await this.#db
        .deleteFrom('loginChallenges')
        .where('idHash', '=', challenge.idHash)
        .where('codeHash', '=', challenge.codeHash)
        .executeTakeFirst();
      if (numDeletedRows === 0n) throw expired();
      return challenge.accountId;
    }

    await this.#audit.record('code_rejected', { accountId: challenge.accountId, ip });
    const tried = await this.#db
      .updateTable('loginChallenges')
      .set((eb) => ({ attemptsLeft: eb('attemptsLeft', '-', 1) }))
      .where('idHash', '=', challenge.idHash)
      .where('attemptsLeft', '>', 0)
      .returning('attemptsLeft')
      .executeTakeFirst();
    if (!tried) throw expired();
    if (tried.attemptsLeft > 0) {
      throw new ApiError('otp_invalid', {
        attemptsLeft: tried.attemptsLeft,
        detail: `${errorMessages.ru.otp_invalid} Осталось попыток: ${tried.attemptsLeft}.`,
      });
    }
    await this.#db.deleteFrom('loginChallenges').where('idHash', '=', challenge.idHash).execute();
    throw new ApiError('otp_attempts_exceeded', { attemptsLeft: 0 });
  }

  /** The challenge `id` names, unless it is unknown, used, dead or past its lifetime. */
  async #live(id: string): Promise<LoginChallengesTable> {
    const challenge = await this.#db
      .selectFrom('loginChallenges')
      .selectAll()
      .where('idHash', '=', hashToken(id))
      .executeTakeFirst();
    if (!challenge || this.#clock.now() >= challenge.expiresAt) throw expired();
    return challenge;
  }

  /** Sends a new code unless the account had its codes for this hour; returns the code. */
  async #sendCode(to: Pick<LoginChallengesTable, 'accountId' | 'channel' | 'recipient'>, ip: string): Promise<string> {
    const now = this.#clock.now();
    await this.#db.deleteFrom('codeSends').where('accountId', '=', to.accountId).where('sentAt', '<=', now - hour).execute();
    const recent = await this.#db
      .selectFrom('codeSends')
      .select('sentAt')
      .where('accountId', '=', to.accountId)
      .orderBy('sentAt', 'asc')
      .execute();
    const overLimit = recent.length - this.#rules.otpMaxSendsPerHour;
    if (overLimit >= 0) {
      const retryAfter = secondsUntil(recent[overLimit]!.sentAt + hour, now);
      throw new ApiError('rate_limited', {
        retryAfter,
        detail: `Слишком много кодов за час. Новый код можно запросить через ${formatWait(retryAfter)}.`,
      });
    }

    const code = randomDigits(codeLength);
    try {
      await this.#sender.send({ channel: to.channel, to: to.recipient, code, purpose: 'login' });
    } catch (error) {
      await this.#audit.record('code_send_failed', { accountId: to.accountId, ip });
      throw new ApiError('server_unavailable', { detail: 'Не удалось отправить код. Попробуйте позже.' }, { cause: error });
    }
    await this.#db.insertInto('codeSends').values({ id: newId(), accountId: to.accountId, sentAt: now }).execute();
    await this.#audit.record('code_sent', { accountId: to.accountId, ip });
    return code;
  }

  #freshCode(code: string, now: number) {
    return {
      codeHash: hashToken(code),
      codeExpiresAt: now + this.#rules.otpTtlMs,
      attemptsLeft: this.#rules.otpMaxAttempts,
      resendAvailableAt: now + this.#rules.otpResendAfterMs,
    };
  }

  /** The challenge as the page sees it; times are relative (seconds), so the browser's clock does not matter. */
  #view(id: string, challenge: LoginChallengesTable, now: number): OtpChallenge {
    return {
      id,
      channel: challenge.channel,
      destination: maskRecipient(challenge.channel, challenge.recipient),
      codeLength,
      expiresIn: secondsUntil(challenge.codeExpiresAt, now),
      resendAfter: secondsUntil(challenge.resendAvailableAt, now),
      attemptsLeft: challenge.attemptsLeft,
    };
  }
}
