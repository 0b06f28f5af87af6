/**
 * The bodies of the profile's requests: changing a contact, changing the password. The
 * server validates them; the SDK only needs their types, so they stay out of browser bundles.
 */
import * as z from 'zod/mini';
import { passwordMaxLength } from '../passwords.js';
import { OtpChannel } from '../primitives.js';

/** The password the citizen signs in with, asked again before a contact or the password changes. */
const CurrentPassword = z.string().check(z.minLength(1), z.maxLength(128));

/** A new phone: the code goes to it; the current phone stays until the code comes back. */
export const PhoneChangeRequest = z.strictObject({
  phone: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  currentPassword: CurrentPassword,
});
export type PhoneChangeRequest = z.infer<typeof PhoneChangeRequest>;

/** A new e-mail: the code goes to it; the current e-mail stays until the code comes back. */
export const EmailChangeRequest = z.strictObject({
  email: z.string().check(z.trim(), z.minLength(1), z.maxLength(254)),
  currentPassword: CurrentPassword,
});
export type EmailChangeRequest = z.infer<typeof EmailChangeRequest>;

/** A new password while signed in. */
export const PasswordChangeRequest = z.strictObject({
  currentPassword: CurrentPassword,
  password: z.string().check(z.minLength(1), z.maxLength(passwordMaxLength)),
  /** End every other session of the account (this one stays). */
  endOtherSessions: z.boolean(),
});
export type PasswordChangeRequest = z.infer<typeof PasswordChangeRequest>;

/** Closing the account for good: the current password asked again. */
export const AccountClosureRequest = z.strictObject({ currentPassword: CurrentPassword });
export type AccountClosureRequest = z.infer<typeof AccountClosureRequest>;

/**
 * Turning the second factor on (`sms`: a code to the phone, `email`: to the confirmed
 * e-mail) or off (`null`) at sign-in: the current password asked again.
 */
export const SecondFactorRequest = z.strictObject({
  channel: z.nullable(OtpChannel),
  currentPassword: CurrentPassword,
});
export type SecondFactorRequest = z.infer<typeof SecondFactorRequest>;
