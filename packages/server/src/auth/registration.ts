/**
 * Registration: the form (phone, optional e-mail, password, consent) sends a code to the
 * phone; the code creates the account (level «simplified»), records the consent and signs
 * the citizen in. A phone that already has an account answers the same, but gets a notice
 * instead of the code, so the registration can never be completed and nobody learns
 * whose phone it is.
 */
import { consentMessagesRu } from '@mfc-cabinet/core/schemas';
import type { FieldError } from '@mfc-cabinet/core/errors';
import type { OtpChallenge, RegistrationRequest, VerifyCodeRequest } from '@mfc-cabinet/core/schemas';
import { normalizePhone } from '@mfc-cabinet/core/validators';
import { ApiError, assertValid } from '../api-error.js';
import type { Clock } from '../clock.js';
import type { Accounts } from '../accounts/accounts.js';
import { normalizeEmail } from '../accounts/contacts.js';
import type { ConsentRecords } from '../consent/consent-records.js';
import { personalDataConsentVersion } from '../consent/personal-data-consent.js';
import type { EmailConfirmation } from '../profile/email-confirmation.js';
import type { AuditLog } from '../security/audit.js';
import { sendLimitKey, type CodeChallenges } from '../security/otp.js';
import type { PasswordPolicy } from '../security/password-policy.js';
import type { PasswordHasher } from '../security/passwords.js';
import { newId } from '../security/tokens.js';
import type { PendingRegistrations } from './pending-registrations.js';
import type { Browser, SignedIn, SignIn } from './sign-in.js';

export interface RegistrationDeps {
  clock: Clock;
  accounts: Accounts;
  hasher: PasswordHasher;
  policy: PasswordPolicy;
  challenges: CodeChallenges;
  pending: PendingRegistrations;
  consents: ConsentRecords;
  emailConfirmation: EmailConfirmation;
  signIn: SignIn;
  audit: AuditLog;
}

/** A finished registration: the new session, and the code sent to the e-mail, when one was given. */
export interface Registered {
  signedIn: SignedIn;
  emailChallenge: OtpChallenge | null;
}

const phoneMessage = 'Введите номер мобильного телефона: +7 и 10 цифр';
const emailMessage = 'Проверьте адрес электронной почты, например ivanov@example.ru';
export class Registration {
  readonly #deps: RegistrationDeps;

  constructor(deps: RegistrationDeps) {
    this.#deps = deps;
  }

  /**
   * Checks the form and sends the phone its code (or, when the phone has an account, a notice).
   *
   * @throws {ApiError} `validation_failed`, `rate_limited`, `server_unavailable`
   */
  async start(request: RegistrationRequest, browser: Browser): Promise<OtpChallenge> {
    const { clock, accounts, hasher, challenges, pending } = this.#deps;
    const { phone, email } = await this.#validate(request);
    const passwordHash = await hasher.hash(request.password);
    const taken = await accounts.isTaken({ kind: 'phone', value: phone });
    const challenge = await challenges.start(
      {
        purpose: 'registration',
        accountId: null,
        channel: 'sms',
        recipient: phone,
        delivery: taken ? 'notice' : 'code',
        limitKey: sendLimitKey('registration', phone),
      },
      browser.ip,
    );
    await pending.add(challenge.id, {
      phone,
      email,
      passwordHash,
      consentVersion: request.consent.version,
      createdAt: clock.now(),
      ip: browser.ip,
      userAgent: browser.userAgent ?? null,
    });
    return challenge;
  }

  /**
   * Sends a new code for a registration waiting for one.
   *
   * @throws {ApiError} `otp_expired`, `rate_limited`, `server_unavailable`
   */
  resendCode(challengeId: string, ip: string): Promise<OtpChallenge> {
    return this.#deps.challenges.resend(challengeId, ip, { purpose: 'registration' });
  }

  /**
   * Finishes the registration with the phone's code: creates the account, records the
   * consent, signs the citizen in and sends the e-mail its code.
   *
   * @throws {ApiError} `otp_invalid`, `otp_attempts_exceeded`, `otp_expired` (also when the
   *   phone got an account meanwhile)
   */
  async complete({ challengeId, code }: VerifyCodeRequest, browser: Browser): Promise<Registered> {
    const { clock, accounts, challenges, pending, consents, emailConfirmation, signIn, audit } = this.#deps;
    const registration = await pending.get(challengeId);
    if (!registration) throw new ApiError('otp_expired');
    await challenges.verify(challengeId, code, browser.ip, { purpose: 'registration' });
    if (await accounts.isTaken({ kind: 'phone', value: registration.phone })) throw new ApiError('otp_expired');

    const id = newId();
    const account = await accounts.create(
      {
        id,
        phone: registration.phone,
        email: null,
        snils: null,
        passwordHash: registration.passwordHash,
        temporaryPasswordExpiresAt: null,
        level: 'simplified',
        role: 'citizen',
        secondFactor: 'sms',
        lastName: null,
        firstName: null,
        middleName: null,
        birthDate: null,
        inn: null,
        passportSeries: null,
        passportNumber: null,
        passportIssuedAt: null,
        passportIssuedBy: null,
        registrationAddress: null,
        pendingSnils: null,
        registryStatus: 'not_submitted',
        registryReason: null,
        registryCheckId: null,
        createdAt: clock.now(),
      },
      // 152-ФЗ: no account without the evidence of its consent.
      (trx) =>
        consents.record(
          {
            accountId: id,
            consentVersion: registration.consentVersion,
            acceptedAt: registration.createdAt,
            method: 'web_form_checkbox',
            ip: registration.ip,
            userAgent: registration.userAgent,
          },
          trx,
        ),
    );
    await audit.record('registered', { accountId: account.id, ip: browser.ip });
    const signedIn = await signIn.startSession(account, browser);
    return { signedIn, emailChallenge: registration.email ? await this.#confirmEmail(signedIn, registration.email, browser.ip) : null };
  }

  /** The e-mail's code; the account exists already, so a failed send leaves the e-mail for later. */
  async #confirmEmail({ account }: SignedIn, email: string, ip: string): Promise<OtpChallenge | null> {
    try {
      return await this.#deps.emailConfirmation.start(account, email, ip);
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'rate_limited' || error.code === 'server_unavailable')) return null;
      throw error;
    }
  }

  /** The normalised contacts, unless some field breaks a rule. */
  async #validate({ phone, email, password, consent }: RegistrationRequest): Promise<{ phone: string; email: string | null }> {
    const errors: FieldError[] = [];
    const normalPhone = normalizePhone(phone);
    if (!normalPhone) errors.push({ field: 'phone', code: 'invalid', message: phoneMessage });
    const normalEmail = email ? normalizeEmail(email) : null;
    if (normalEmail === undefined) errors.push({ field: 'email', code: 'invalid', message: emailMessage });
    errors.push(...(await this.#deps.policy.problems(password, [normalPhone ?? phone, normalEmail ?? email ?? null])));
    if (consent.version !== personalDataConsentVersion) {
      errors.push({ field: 'consent.version', code: 'consent_outdated', message: consentMessagesRu.outdated });
    }
    assertValid(errors);
    return { phone: normalPhone!, email: normalEmail ?? null };
  }
}
