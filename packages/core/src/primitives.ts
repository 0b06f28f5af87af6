/** The small schemas the others are made of. */
import * as z from 'zod/mini';

/**
 * A date and time with its offset, as `Date.prototype.toISOString()` writes it. One anchored
 * pattern rather than zod's general datetime builder, which would double its size in the
 * browser bundle.
 */
export const isoDateTime = z.string().check(
  z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/),
);

/** Account levels, from the least to the most trusted. */
export const accountLevels = ['simplified', 'standard', 'confirmed'] as const;
export const AccountLevel = z.enum(accountLevels);
export type AccountLevel = z.infer<typeof AccountLevel>;

/** Where a one-time code is sent. */
export const OtpChannel = z.enum(['sms', 'email']);
export type OtpChannel = z.infer<typeof OtpChannel>;
