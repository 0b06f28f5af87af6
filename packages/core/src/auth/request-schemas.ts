/**
 * The bodies of requests. The server validates them; the SDK only needs their types, so
 * they live apart from the answers' schemas and stay out of browser bundles.
 */
import * as z from 'zod/mini';
import { passwordMaxLength } from '../passwords.js';

/** Phone, e-mail or СНИЛС, as the citizen typed it. */
const Identifier = z.string().check(z.trim(), z.minLength(1), z.maxLength(254));

const Password = z.string().check(z.minLength(1), z.maxLength(passwordMaxLength));

export const LoginRequest = z.strictObject({
  identifier: Identifier,
  password: z.string().check(z.minLength(1), z.maxLength(128)),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const VerifyCodeRequest = z.strictObject({
  challengeId: z.string().check(z.minLength(1), z.maxLength(200)),
  code: z.string().check(z.trim(), z.regex(/^\d{6}$/)),
});
export type VerifyCodeRequest = z.infer<typeof VerifyCodeRequest>;

export const ResendCodeRequest = z.strictObject({
  challengeId: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type ResendCodeRequest = z.infer<typeof ResendCodeRequest>;

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
  /** The address of registration (прописка), as in the passport; empty or absent: none given. */
  registrationAddress: z.optional(z.string().check(z.trim(), z.maxLength(500))),
});
export type PersonalDataRequest = z.infer<typeof PersonalDataRequest>;

/** Step 1 of recovery: the login. The same answer whether or not an account has it. */
export const RecoveryRequest = z.strictObject({
  identifier: Identifier,
});
export type RecoveryRequest = z.infer<typeof RecoveryRequest>;

/** Step 3: the new password. Every session of the account ends. */
export const NewPasswordRequest = z.strictObject({
  resetToken: z.string().check(z.minLength(1), z.maxLength(200)),
  password: Password,
});
export type NewPasswordRequest = z.infer<typeof NewPasswordRequest>;

/** Finishes a sign-in with a temporary password: the citizen's own new password. */
export const TemporaryPasswordChangeRequest = z.strictObject({
  changeToken: z.string().check(z.minLength(1), z.maxLength(200)),
  password: Password,
});
export type TemporaryPasswordChangeRequest = z.infer<typeof TemporaryPasswordChangeRequest>;
