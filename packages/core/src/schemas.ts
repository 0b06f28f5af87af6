/**
 * The HTTP contract of the Cabinet API, once, as zod/mini schemas. The SDK validates every
 * answer with them; the reference server validates every request with them and publishes
 * its OpenAPI document from them.
 */
import * as z from 'zod/mini';
import { errorCodes } from './errors.js';
import { passwordMaxLength } from './passwords.js';

const isoDateTime = z.iso.datetime({ offset: true });

/** Account levels, from the least to the most trusted. */
export const accountLevels = ['simplified', 'standard', 'confirmed'] as const;
export const AccountLevel = z.enum(accountLevels);
export type AccountLevel = z.infer<typeof AccountLevel>;

/** Where a one-time code is sent. */
export const OtpChannel = z.enum(['sms', 'email']);
export type OtpChannel = z.infer<typeof OtpChannel>;

// ---------------------------------------------------------------- errors

export const FieldErrorSchema = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
});

/** RFC 9457 problem details, with the stable `code` of {@link errorCodes}. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.enum(errorCodes),
  detail: z.optional(z.string()),
  errors: z.optional(z.array(FieldErrorSchema)),
  retryAfter: z.optional(z.number()),
  attemptsLeft: z.optional(z.number()),
});
export type Problem = z.infer<typeof Problem>;

// ---------------------------------------------------------------- sign-in

/** Phone, e-mail or СНИЛС, as the citizen typed it. */
const Identifier = z.string().check(z.trim(), z.minLength(1), z.maxLength(254));

export const LoginRequest = z.strictObject({
  identifier: Identifier,
  password: z.string().check(z.minLength(1), z.maxLength(128)),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** A one-time code was sent; the sign-in finishes with it. */
export const OtpChallenge = z.object({
  /** Opaque id of this sign-in attempt; a code is valid only for the attempt it was sent for. */
  id: z.string(),
  channel: OtpChannel,
  /** Masked destination, e.g. `+7 *** ***-45-67`. */
  destination: z.string(),
  codeLength: z.number(),
  /**
   * Seconds until the code expires, and until a new one may be requested. Relative, so
   * that countdowns are right whatever the browser's clock says.
   */
  expiresIn: z.number(),
  resendAfter: z.number(),
  attemptsLeft: z.number(),
});
export type OtpChallenge = z.infer<typeof OtpChallenge>;

export const SessionUser = z.object({
  id: z.string(),
  displayName: z.string(),
  level: AccountLevel,
});
export type SessionUser = z.infer<typeof SessionUser>;

/** A signed-in session, as the page may see it (the session id itself stays in an HttpOnly cookie). */
export const Session = z.object({
  user: SessionUser,
  /** Send in `X-CSRF-Token` with every state-changing request. */
  csrfToken: z.string(),
  createdAt: isoDateTime,
  /** When the session ends unless it is used before. */
  idleExpiresAt: isoDateTime,
  /** When the session ends whatever happens. */
  expiresAt: isoDateTime,
});
export type Session = z.infer<typeof Session>;

export const LoginResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('authenticated'), session: Session }),
  z.object({ status: z.literal('code_required'), challenge: OtpChallenge }),
]);
export type LoginResponse = z.infer<typeof LoginResponse>;

export const VerifyCodeRequest = z.strictObject({
  challengeId: z.string().check(z.minLength(1), z.maxLength(200)),
  code: z.string().check(z.trim(), z.regex(/^\d{6}$/)),
});
export type VerifyCodeRequest = z.infer<typeof VerifyCodeRequest>;

export const ResendCodeRequest = z.strictObject({
  challengeId: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type ResendCodeRequest = z.infer<typeof ResendCodeRequest>;

export const SessionResponse = z.object({ session: z.nullable(Session) });
export type SessionResponse = z.infer<typeof SessionResponse>;

// ---------------------------------------------------------------- registration

/** The consent to the processing of personal data (152-ФЗ) a citizen must give to register. */
export const PersonalDataConsent = z.object({
  /** Version of the text; registration must name the current one. */
  version: z.string(),
  title: z.string(),
  /** Plain text, paragraphs separated by blank lines. */
  text: z.string(),
});
export type PersonalDataConsent = z.infer<typeof PersonalDataConsent>;

const Password = z.string().check(z.minLength(1), z.maxLength(passwordMaxLength));

/**
 * Step 1 of registration: contacts, password and consent. The phone gets a one-time code.
 * The answer is the same whether or not the phone or e-mail is already in use: then that
 * contact gets a notice instead, and the code never arrives.
 */
export const RegistrationRequest = z.strictObject({
  phone: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  /** Optional; confirmed by its own code after the phone. */
  email: z.optional(z.string().check(z.trim(), z.maxLength(254))),
  password: Password,
  consent: z.strictObject({
    version: z.string().check(z.minLength(1), z.maxLength(40)),
    accepted: z.literal(true),
  }),
});
export type RegistrationRequest = z.infer<typeof RegistrationRequest>;

export const ChallengeResponse = z.object({ challenge: OtpChallenge });
export type ChallengeResponse = z.infer<typeof ChallengeResponse>;

/**
 * Step 2: the phone's code. The account is created (level «simplified») and signed in; when
 * an e-mail was given, `emailChallenge` is the code sent to it, to finish with
 * `POST profile/email/code`.
 */
export const RegistrationCompleted = z.object({
  status: z.literal('authenticated'),
  session: Session,
  emailChallenge: z.nullable(OtpChallenge),
});
export type RegistrationCompleted = z.infer<typeof RegistrationCompleted>;

/** Name, birth date and documents, entered after registration or later in the profile. */
export const PersonalDataRequest = z.strictObject({
  lastName: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  firstName: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  middleName: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  /** `YYYY-MM-DD`. */
  birthDate: z.string().check(z.trim(), z.maxLength(10)),
  passport: z.strictObject({
    series: z.string().check(z.trim(), z.maxLength(10)),
    number: z.string().check(z.trim(), z.maxLength(10)),
    issuedAt: z.string().check(z.trim(), z.maxLength(10)),
    issuedBy: z.optional(z.string().check(z.trim(), z.maxLength(300))),
  }),
  snils: z.string().check(z.trim(), z.maxLength(20)),
  inn: z.optional(z.string().check(z.trim(), z.maxLength(20))),
});
export type PersonalDataRequest = z.infer<typeof PersonalDataRequest>;

// ---------------------------------------------------------------- recovery

/** Step 1 of recovery: the login. The same answer whether or not an account has it. */
export const RecoveryRequest = z.strictObject({
  identifier: Identifier,
});
export type RecoveryRequest = z.infer<typeof RecoveryRequest>;

/**
 * A recovery code was sent, if the account exists, to its phone (or e-mail, when recovery
 * started from the e-mail). The destination is not told: that would reveal the account.
 */
export const RecoveryChallenge = z.object({
  id: z.string(),
  codeLength: z.number(),
  expiresIn: z.number(),
  resendAfter: z.number(),
  attemptsLeft: z.number(),
});
export type RecoveryChallenge = z.infer<typeof RecoveryChallenge>;

export const RecoveryChallengeResponse = z.object({ challenge: RecoveryChallenge });

/** Step 2 answer: a one-time permission to set a new password. */
export const RecoveryVerified = z.object({
  resetToken: z.string(),
  expiresIn: z.number(),
});
export type RecoveryVerified = z.infer<typeof RecoveryVerified>;

/** Step 3: the new password. Every session of the account ends. */
export const NewPasswordRequest = z.strictObject({
  resetToken: z.string().check(z.minLength(1), z.maxLength(200)),
  password: Password,
});
export type NewPasswordRequest = z.infer<typeof NewPasswordRequest>;

// ---------------------------------------------------------------- profile

export const PassportData = z.object({
  series: z.string(),
  number: z.string(),
  issuedAt: z.optional(z.string()),
  issuedBy: z.optional(z.string()),
});

/**
 * The check of passport and СНИЛС against the state registries that raises the account to
 * «standard»: `not_submitted` until the data is entered, then `pending`, then `verified`
 * or `rejected` (with a reason a citizen understands).
 */
export const RegistryCheck = z.object({
  status: z.enum(['not_submitted', 'pending', 'verified', 'rejected']),
  reason: z.nullable(z.string()),
});
export type RegistryCheck = z.infer<typeof RegistryCheck>;

/** The citizen's own data. */
export const Profile = z.object({
  id: z.string(),
  level: AccountLevel,
  /** `null` until the citizen enters personal data after registration. */
  lastName: z.nullable(z.string()),
  firstName: z.nullable(z.string()),
  middleName: z.nullable(z.string()),
  birthDate: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  email: z.nullable(z.string()),
  snils: z.nullable(z.string()),
  inn: z.nullable(z.string()),
  passport: z.nullable(PassportData),
  secondFactor: z.nullable(OtpChannel),
  registryCheck: RegistryCheck,
  createdAt: isoDateTime,
});
export type Profile = z.infer<typeof Profile>;
