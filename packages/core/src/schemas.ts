/**
 * The HTTP contract of the Cabinet API, once, as zod/mini schemas. The SDK validates every
 * answer with them; the reference server validates every request with them and publishes
 * its OpenAPI document from them.
 */
import * as z from 'zod/mini';
import { errorCodes } from './errors.js';

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

// ---------------------------------------------------------------- profile

export const PassportData = z.object({
  series: z.string(),
  number: z.string(),
  issuedAt: z.optional(z.string()),
  issuedBy: z.optional(z.string()),
});

/** The citizen's own data, read-only in this version. */
export const Profile = z.object({
  id: z.string(),
  level: AccountLevel,
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.nullable(z.string()),
  birthDate: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  email: z.nullable(z.string()),
  snils: z.nullable(z.string()),
  inn: z.nullable(z.string()),
  passport: z.nullable(PassportData),
  secondFactor: z.nullable(OtpChannel),
  createdAt: isoDateTime,
});
export type Profile = z.infer<typeof Profile>;
