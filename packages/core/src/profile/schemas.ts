/** The citizen's profile and the confirmation of their identity at an МФЦ. */
import * as z from 'zod/mini';
import { AccountLevel, isoDateTime, OtpChannel } from '../primitives.js';
import { RecoveryChallenge } from '../auth/schemas.js';

// ---------------------------------------------------------------- identity confirmation

/**
 * Confirming the identity at an МФЦ: the cabinet shows a short code (and its QR code at
 * `GET profile/identity-confirmation/qr.svg`); an operator scans it and checks the passport;
 * the account becomes «confirmed». Needs a «standard» account.
 */
export const IdentityConfirmation = z.object({
  status: z.enum(['none', 'waiting', 'confirmed', 'expired']),
  /** The code to show, e.g. `K7QF-2MZX`; `null` unless waiting. */
  code: z.nullable(z.string()),
  /** Seconds the code stays valid; `null` unless waiting. */
  expiresIn: z.nullable(z.number()),
});
export type IdentityConfirmation = z.infer<typeof IdentityConfirmation>;

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
  /** The address of registration (прописка); `null` when not given. */
  registrationAddress: z.nullable(z.string()),
  secondFactor: z.nullable(OtpChannel),
  registryCheck: RegistryCheck,
  createdAt: isoDateTime,
});
export type Profile = z.infer<typeof Profile>;

// ---------------------------------------------------------------- change history

/** What a change of the profile changed. */
export const ProfileChangeKind = z.enum(['personal_data', 'phone', 'email', 'password', 'second_factor']);
export type ProfileChangeKind = z.infer<typeof ProfileChangeKind>;

/**
 * One field of a change, its values masked (`+7 9** ***-**-01`, `45** ****78`,
 * `i***@example.ru`); `null` where the field was empty. A password has no values. The
 * field `secondFactor` (kind `second_factor`) holds the channel of the code asked at
 * sign-in, `sms` or `email`, and `null` for none: words for them are the page's, in its
 * language («Код по SMS», «Код на почту», «Без кода»).
 */
export const ProfileFieldChange = z.object({
  field: z.string(),
  before: z.nullable(z.string()),
  after: z.nullable(z.string()),
});
export type ProfileFieldChange = z.infer<typeof ProfileFieldChange>;

/** One change of the profile, as the history shows it. */
export const ProfileChange = z.object({
  id: z.string(),
  at: isoDateTime,
  kind: ProfileChangeKind,
  /** The names of the fields changed, e.g. `lastName`, `passport.number`, `phone`, `password`. */
  fields: z.array(z.string()),
  changes: z.array(ProfileFieldChange),
  /** The browser and system the change was made from, e.g. «Chrome, Windows». */
  device: z.string(),
  /** The address it was made from, masked (`192.168.1.*`). */
  ip: z.string(),
  /** Made from this browser's session. */
  current: z.boolean(),
  /** When the citizen said «Это был не я» about it; `null` otherwise. */
  reportedAt: z.nullable(isoDateTime),
});
export type ProfileChange = z.infer<typeof ProfileChange>;

/** A page of the history, newest first; `nextCursor` asks for the next one (`null`: no more). */
export const ProfileChangePage = z.object({
  changes: z.array(ProfileChange),
  nextCursor: z.nullable(z.string()),
});
export type ProfileChangePage = z.infer<typeof ProfileChangePage>;

// ---------------------------------------------------------------- sign-in history

/**
 * How a sign-in attempt ended: `signed_in` (a session started), `wrong_password`,
 * `wrong_code` (the one-time code of the second factor), `locked` (refused: too many wrong
 * passwords, or the wrong one that locked the account).
 */
export const SignInOutcome = z.enum(['signed_in', 'wrong_password', 'wrong_code', 'locked']);
export type SignInOutcome = z.infer<typeof SignInOutcome>;

/** One attempt to sign in to the account, as the citizen's sign-in history shows it. */
export const SignIn = z.object({
  id: z.string(),
  at: isoDateTime,
  outcome: SignInOutcome,
  /** The browser and system, e.g. «Chrome, Windows» (in the language asked for). */
  device: z.string(),
  /** The address, masked (`192.168.1.*`). */
  ip: z.string(),
  /** The city (or «Локальная сеть») when the server can tell; `null` otherwise. */
  place: z.nullable(z.string()),
  /** The sign-in that started this browser's session. */
  current: z.boolean(),
});
export type SignIn = z.infer<typeof SignIn>;

/** A page of the sign-in history, newest first; `nextCursor` asks for the next one (`null`: no more). */
export const SignInPage = z.object({
  signIns: z.array(SignIn),
  nextCursor: z.nullable(z.string()),
});
export type SignInPage = z.infer<typeof SignInPage>;

/** The password was changed; `endedSessions` other sessions ended with it. */
export const PasswordChanged = z.object({ endedSessions: z.number() });
export type PasswordChanged = z.infer<typeof PasswordChanged>;

/**
 * «Это был не я»: every session of the account ended (this one too), and a recovery code
 * went to the account's contact; finish with `auth.verifyRecoveryCode` and `auth.setNewPassword`.
 * `challenge` is `null` when no code could be sent now (the hourly limit of codes): the
 * sessions ended all the same, and the citizen recovers the password from the sign-in form.
 */
export const NotMeReported = z.object({
  signedOut: z.literal(true),
  challenge: z.nullable(RecoveryChallenge),
});
export type NotMeReported = z.infer<typeof NotMeReported>;
