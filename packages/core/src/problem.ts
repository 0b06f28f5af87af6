/** The shape of every failure the Cabinet API answers: RFC 9457 problem details. */
import * as z from 'zod/mini';
import { errorCodes } from './errors.js';

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
