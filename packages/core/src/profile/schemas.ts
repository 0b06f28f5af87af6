/** The citizen's profile and the confirmation of their identity at an МФЦ. */
import * as z from 'zod/mini';
import { AccountLevel, isoDateTime, OtpChannel } from '../primitives.js';

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
  secondFactor: z.nullable(OtpChannel),
  registryCheck: RegistryCheck,
  createdAt: isoDateTime,
});
export type Profile = z.infer<typeof Profile>;
