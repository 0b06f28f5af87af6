/**
 * The bodies of application requests. The server validates them; the SDK only needs their
 * types, so they live apart from the answers' schemas and stay out of browser bundles.
 */
import * as z from 'zod/mini';
import { ApplicationStatus } from './schemas.js';

const Id = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));

/** A new draft of an application for a service. */
export const CreateApplicationRequest = z.strictObject({ serviceId: Id });
export type CreateApplicationRequest = z.infer<typeof CreateApplicationRequest>;

/** The values of a draft, by field id, as they are now (replacing those saved before). */
export const SaveDraftRequest = z.strictObject({
  values: z.record(
    z.string().check(z.minLength(1), z.maxLength(100)),
    z.union([z.string().check(z.maxLength(5000)), z.boolean(), z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50))]),
  ),
});
export type SaveDraftRequest = z.infer<typeof SaveDraftRequest>;

/** An operator moves an application; `needs_info` must say what is requested. */
export const ApplicationTransitionRequest = z.strictObject({
  to: ApplicationStatus,
  comment: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  requested: z.optional(
    z.strictObject({
      documents: z.array(Id).check(z.maxLength(50)),
      fields: z.array(Id).check(z.maxLength(100)),
    }),
  ),
});
export type ApplicationTransitionRequest = z.infer<typeof ApplicationTransitionRequest>;

/**
 * The citizen's answer to a request for information: values of the requested fields only
 * (an object of any keys rather than `z.record`, the same bounds as a draft's values).
 */
export const AnswerRequest = z.strictObject({
  values: z.catchall(
    z.object({}),
    z.union([z.string().check(z.maxLength(5000)), z.boolean(), z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50))]),
  ),
});
export type AnswerRequest = z.infer<typeof AnswerRequest>;
