/**
 * The contract of the operator API (МФЦ staff at the counter), apart from the citizens'
 * schemas so that pages for citizens do not load it.
 */
import * as z from 'zod/mini';
import { AccountLevel, isoDateTime } from '../primitives.js';

/** Finding a citizen who came to the counter, by the passport they show (or СНИЛС / phone). */
export const OperatorLookupRequest = z.strictObject({
  passport: z.optional(z.strictObject({ series: z.string().check(z.maxLength(10)), number: z.string().check(z.maxLength(10)) })),
  snils: z.optional(z.string().check(z.maxLength(20))),
  phone: z.optional(z.string().check(z.maxLength(40))),
});
export type OperatorLookupRequest = z.infer<typeof OperatorLookupRequest>;

export const CitizenSummary = z.object({
  id: z.string(),
  fullName: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  level: AccountLevel,
  passport: z.nullable(z.object({ series: z.string(), number: z.string() })),
});
export type CitizenSummary = z.infer<typeof CitizenSummary>;

export const OperatorLookupResponse = z.object({ citizens: z.array(CitizenSummary) });

/** The operator confirms having seen the citizen's passport before issuing a temporary password. */
export const TemporaryPasswordRequest = z.strictObject({
  passportChecked: z.literal(true),
});

/** Shown once to the operator, who hands it to the citizen. Valid 24 h, used once. */
export const TemporaryPasswordIssued = z.object({
  temporaryPassword: z.string(),
  expiresIn: z.number(),
});
export type TemporaryPasswordIssued = z.infer<typeof TemporaryPasswordIssued>;

/** The code from the citizen's screen and the passport the operator holds. */
export const IdentityConfirmationRequest = z.strictObject({
  code: z.string().check(z.trim(), z.minLength(1), z.maxLength(20)),
  passport: z.strictObject({ series: z.string().check(z.maxLength(10)), number: z.string().check(z.maxLength(10)) }),
});
export type IdentityConfirmationRequest = z.infer<typeof IdentityConfirmationRequest>;

export const IdentityConfirmed = z.object({ citizen: CitizenSummary });

/** One line of the audit log, as the operator API shows it. */
export const AuditEntry = z.object({
  id: z.string(),
  at: isoDateTime,
  event: z.string(),
  accountId: z.nullable(z.string()),
  actorId: z.nullable(z.string()),
  ip: z.nullable(z.string()),
  details: z.nullable(z.record(z.string(), z.unknown())),
});
export const AuditLog = z.object({ entries: z.array(AuditEntry) });

