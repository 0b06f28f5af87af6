/**
 * One-time codes, for every purpose (sign-in, registration, e-mail confirmation,
 * recovery). A challenge is one attempt waiting for its code: its id (32 random bytes,
 * stored hashed) is all the browser gets, and a code is valid only for the challenge it was
 * sent for, once, within its lifetime and its tries. The challenge outlives its code so
 * that a new code can be sent for it.
 *
 * A challenge may also deliver a notice instead of its code, or nothing at all, when the
 * contact belongs to somebody else or the login to nobody: it answers exactly like the
 * others but can never be completed, since its stored code is a secret nobody was sent.
 */
import { authPolicy } from '@mfc-cabinet/core/schemas';
import { errorMessagesRu } from '@mfc-cabinet/core/messages';
import type { OtpChallenge, OtpChannel } from '@mfc-cabinet/core/schemas';
import { ApiError } from '../api-error.js';
import { secondsUntil, type Clock } from '../clock.js';
import type { SecurityRules } from '../config.js';
import type { Database } from '../db/database.js';
import type { ChallengeDelivery, CodeChallengesTable } from './tables.js';
import { maskRecipient } from '../accounts/contacts.js';
import type { Messenger } from '../senders/messenger.js';
import type { CodePurpose, NoticePurpose, OutgoingMessage } from '../senders/sender.js';
import { formatWait } from '../texts.js';
import type { AuditLog } from './audit.js';
import { hashToken, newId, randomDigits, randomToken, safeEqual } from './tokens.js';

export const codeLength = authPolicy.codeLength;
const hour = 3_600_000;

type Rules = Pick<
  SecurityRules,
  'otpTtlMs' | 'otpMaxAttempts' | 'otpResendAfterMs' | 'otpMaxSendsPerHour' | 'loginChallengeTtlMs'
>;

/** How challenges of each purpose differ. */
const purposes: Record<CodePurpose, { notice?: NoticePurpose; inBackground?: boolean; startOver: string }> = {
  login: { startOver: 'Начните вход заново.' },
  registration: { notice: 'registration_notice', startOver: 'Начните регистрацию заново.' },
  email_confirmation: { notice: 'email_in_use_notice', startOver: 'Запросите подтверждение почты заново.' },
  // Nothing is sent for an unknown login: the gateway's delay must not tell the two apart.
  recovery: { inBackground: true, startOver: 'Начните восстановление пароля заново.' },
  // A contact another account has gets a notice instead, as with e-mail confirmation.
  contact_change: { notice: 'contact_in_use_notice', startOver: 'Запросите смену контакта заново.' },
};

/** The key of an hourly sending limit: `sendLimitKey('account', id)`, `sendLimitKey('registration', phone)`. */
export const sendLimitKey = (scope: string, value: string): string => `${scope}:${value}`;

/** What a challenge is opened for. */
export interface ChallengeStart {
  purpose: CodePurpose;
  /** The account concerned, when there is one. */
  accountId: string | null;
  channel: OtpChannel;
  /** Where messages go; `null` only with delivery `none`. */
  recipient: string | null;
  delivery: ChallengeDelivery;
  /** The hourly limit the sends count against, from {@link sendLimitKey}. */
  limitKey: string;
}

/** Which challenges a code or a resend may name: of this purpose and, when given, of this account. */
export interface ChallengeScope {
  purpose: CodePurpose;
  accountId?: string;
}

export type Challenge = CodeChallengesTable;

/** What a send needs to know of its challenge (the limit key already hashed). */
type SendTarget = Pick<Challenge, 'idHash' | 'purpose' | 'accountId' | 'channel' | 'recipient' | 'delivery' | 'limitKey'>;

export interface ChallengeDeps {
  db: Database;
  clock: Clock;
  rules: Rules;
  messenger: Messenger;
  audit: AuditLog;
}

const expired = () => new ApiError('otp_expired');

export class CodeChallenges {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #rules: Rules;
  readonly #messenger: Messenger;
  readonly #audit: AuditLog;

  constructor({ db, clock, rules, messenger, audit }: ChallengeDeps) {
    this.#db = db;
    this.#clock = clock;
    this.#rules = rules;
    this.#messenger = messenger;
    this.#audit = audit;
  }

  /**
   * Sends a code (or what `delivery` says) and opens a challenge for it.
   *
   * @throws {ApiError} `rate_limited`, `server_unavailable`
   */
  async start(spec: ChallengeStart, ip: string): Promise<OtpChallenge> {
    const now = this.#clock.now();
    await this.#db.deleteFrom('codeChallenges').where('expiresAt', '<=', now).execute();
    const id = randomToken();
    const stored = { ...spec, limitKey: hashToken(spec.limitKey), idHash: hashToken(id) };
    const code = await this.#send(stored, ip);
    const challenge: Challenge = {
      ...stored,
      expiresAt: now + this.#rules.loginChallengeTtlMs,
      ...this.#freshCode(code, now),
    };
    await this.#db.insertInto('codeChallenges').values(challenge).execute();
    return this.#view(id, challenge, now);
  }

  /**
   * Sends a new code for the same challenge: the old code stops working, the tries start over.
   *
   * @throws {ApiError} `otp_expired`, `rate_limited`, `server_unavailable`
   */
  async resend(id: string, ip: string, scope: ChallengeScope): Promise<OtpChallenge> {
    const challenge = await this.#live(id, scope);
    const now = this.#clock.now();
    if (now < challenge.resendAvailableAt) {
      const retryAfter = secondsUntil(challenge.resendAvailableAt, now);
      throw new ApiError('rate_limited', {
        retryAfter,
        detail: `Новый код можно запросить через ${formatWait(retryAfter)}.`,
      });
    }
    const code = await this.#send(challenge, ip);
    const renewed = { ...challenge, ...this.#freshCode(code, now) };
    const { numUpdatedRows } = await this.#db
      .updateTable('codeChallenges')
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

  /** The account the live challenge `id` of `scope` is for (`null` for none, or no such challenge). */
  async ownerOf(id: string, scope: ChallengeScope): Promise<string | null> {
    return (await this.#live(id, scope).catch(() => undefined))?.accountId ?? null;
  }

  /**
   * Checks `code` against the challenge `id`. Returns the challenge and ends it when the
   * code is right; a wrong code costs a try, and the last try ends the challenge.
   *
   * @throws {ApiError} `otp_invalid`, `otp_attempts_exceeded`, `otp_expired`
   */
  async verify(id: string, code: string, ip: string, scope: ChallengeScope): Promise<Challenge> {
    const challenge = await this.#live(id, scope);
    if (this.#clock.now() >= challenge.codeExpiresAt) throw expired();

    if (safeEqual(hashToken(code), challenge.codeHash)) {
      const { numDeletedRows } = await this.#db
        .deleteFrom('codeChallenges')
        .where('idHash', '=', challenge.idHash)
        .where('codeHash', '=', challenge.codeHash)
        .executeTakeFirst();
      if (numDeletedRows === 0n) throw expired();
      await this.#forgetUsedSend(challenge.idHash);
      return challenge;
    }

    await this.#audit.record('code_rejected', { accountId: challenge.accountId, ip });
    const tried = await this.#db
      .updateTable('codeChallenges')
      .set((eb) => ({ attemptsLeft: eb('attemptsLeft', '-', 1) }))
      .where('idHash', '=', challenge.idHash)
      .where('attemptsLeft', '>', 0)
      .returning('attemptsLeft')
      .executeTakeFirst();
    if (!tried) throw expired();
    if (tried.attemptsLeft > 0) {
      throw new ApiError('otp_invalid', {
        attemptsLeft: tried.attemptsLeft,
        detail: `${errorMessagesRu.otp_invalid} Осталось попыток: ${tried.attemptsLeft}.`,
      });
    }
    await this.#db.deleteFrom('codeChallenges').where('idHash', '=', challenge.idHash).execute();
    throw new ApiError('otp_attempts_exceeded', {
      attemptsLeft: 0,
      detail: `Попытки ввода кода закончились. ${purposes[challenge.purpose].startOver}`,
    });
  }

  /** The challenge `id` names within `scope`, unless it is unknown, used, dead or past its lifetime. */
  async #live(id: string, { purpose, accountId }: ChallengeScope): Promise<Challenge> {
    let query = this.#db
      .selectFrom('codeChallenges')
      .selectAll()
      .where('idHash', '=', hashToken(id))
      .where('purpose', '=', purpose);
    if (accountId !== undefined) query = query.where('accountId', '=', accountId);
    const challenge = await query.executeTakeFirst();
    if (!challenge || this.#clock.now() >= challenge.expiresAt) throw expired();
    return challenge;
  }

  /**
   * Delivers what the challenge delivers, unless its key had its sends for this hour.
   * Returns the code the challenge now waits for: the one sent, or a secret nobody gets.
   */
  async #send(challenge: SendTarget, ip: string): Promise<string> {
    await this.#checkLimit(challenge.limitKey);
    const { purpose, delivery, recipient, channel, accountId } = challenge;
    const code = delivery === 'code' ? randomDigits(codeLength) : randomToken();
    const notice = purposes[purpose].notice;
    const message: OutgoingMessage | undefined =
      recipient === null || delivery === 'none'
        ? undefined
        : delivery === 'code'
          ? { channel, to: recipient, code, purpose }
          : notice && { channel, to: recipient, code: null, purpose: notice };
    const context = { accountId, ip };
    if (message && purposes[purpose].inBackground) this.#messenger.sendLater(message, context);
    else if (message) await this.#messenger.send(message, context);
    await this.#db
      .insertInto('codeSends')
      .values({ id: newId(), limitKey: challenge.limitKey, sentAt: this.#clock.now(), challengeIdHash: challenge.idHash })
      .execute();
    return code;
  }

  /**
   * The code of the challenge `idHash` was used: its send stops counting against the hourly
   * limit, so a citizen who signs in often is never locked out by it. The challenge's earlier
   * codes, which were not used, still count: codes sent to a phone nobody answers stay bounded.
   */
  async #forgetUsedSend(idHash: string): Promise<void> {
    const latest = this.#db
      .selectFrom('codeSends')
      .select('id')
      .where('challengeIdHash', '=', idHash)
      .orderBy('sentAt', 'desc')
      .orderBy('id', 'desc')
      .limit(1);
    await this.#db.deleteFrom('codeSends').where('id', 'in', latest).execute();
  }

  /** Throws `rate_limited` when `limitKey` (hashed) had its sends of unused codes within the last hour. */
  async #checkLimit(limitKey: string): Promise<void> {
    const now = this.#clock.now();
    await this.#db.deleteFrom('codeSends').where('sentAt', '<=', now - hour).execute();
    const recent = await this.#db
      .selectFrom('codeSends')
      .select('sentAt')
      .where('limitKey', '=', limitKey)
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
  #view(id: string, challenge: Challenge, now: number): OtpChallenge {
    return {
      id,
      channel: challenge.channel,
      destination: challenge.recipient === null ? '' : maskRecipient(challenge.channel, challenge.recipient),
      codeLength,
      expiresIn: secondsUntil(challenge.codeExpiresAt, now),
      resendAfter: secondsUntil(challenge.resendAvailableAt, now),
      attemptsLeft: challenge.attemptsLeft,
    };
  }
}
