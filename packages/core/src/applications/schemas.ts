/**
 * The contract of applications (заявления): a draft made from a service's form, submitted
 * once, then moved by МФЦ operators through its lifecycle, every step kept in its history.
 */
import * as z from 'zod/mini';
import { isoDateTime } from '../primitives.js';

/** The header that makes a submission happen once, however often it is sent: a UUID the browser makes per application. */
export const idempotencyKeyHeader = 'idempotency-key';

/** Where an application is in its lifecycle. */
export const applicationStatuses = [
  'draft',
  'submitted',
  'in_review',
  'needs_info',
  'approved',
  'ready_for_issue',
  'completed',
  'rejected',
  'withdrawn',
] as const;
export const ApplicationStatus = z.enum(applicationStatuses);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** Who moved an application: the citizen, an МФЦ operator, or the system. */
export const TransitionActor = z.enum(['citizen', 'operator', 'system']);
export type TransitionActor = z.infer<typeof TransitionActor>;

/** A value of a form field: text, a checkbox, or the ids of documents. */
export const FieldValue = z.union([z.string(), z.boolean(), z.array(z.string())]);
export type FieldValue = z.infer<typeof FieldValue>;

/** What an operator asks the citizen for when the application needs more: ids of documents and of form fields. */
export const RequestedInfo = z.object({
  documents: z.array(z.string()),
  fields: z.array(z.string()),
});
export type RequestedInfo = z.infer<typeof RequestedInfo>;

/** One step of an application's history. */
export const ApplicationTransition = z.object({
  at: isoDateTime,
  from: ApplicationStatus,
  to: ApplicationStatus,
  actor: TransitionActor,
  /** The operator who moved it; `null` when the citizen or the system did. */
  officerName: z.nullable(z.string()),
  comment: z.nullable(z.string()),
});
export type ApplicationTransition = z.infer<typeof ApplicationTransition>;

/** An application in lists. */
export const ApplicationSummary = z.object({
  id: z.string(),
  serviceId: z.string(),
  serviceTitle: z.string(),
  status: ApplicationStatus,
  /** Given on submission, e.g. `MFC-2026-000123`; `null` for a draft. */
  trackingNumber: z.nullable(z.string()),
  /** `YYYY-MM-DD`: the service's term in working days from the submission; `null` for a draft. */
  expectedCompletionDate: z.nullable(z.string()),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  submittedAt: z.nullable(isoDateTime),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

/** An application in full: its values, documents, what is requested, and its history (oldest first). */
export const Application = z.object({
  ...ApplicationSummary.shape,
  /** The version of the service's form the values were entered in. */
  formVersion: z.number(),
  /** The values by field id. (An object of any keys rather than `z.record`, whose code would weigh on every page's first load.) */
  values: z.catchall(z.object({}), FieldValue),
  /** Ids of the documents attached, from the `documents` fields. */
  documents: z.array(z.string()),
  /** What the operator asked for while the status is `needs_info`; `null` otherwise. */
  requested: z.nullable(RequestedInfo),
  history: z.array(ApplicationTransition),
});
export type Application = z.infer<typeof Application>;

/** A page of applications, most recently changed first; `nextCursor` fetches the next one. */
export const ApplicationPage = z.object({
  items: z.array(ApplicationSummary),
  nextCursor: z.nullable(z.string()),
  total: z.number(),
});
export type ApplicationPage = z.infer<typeof ApplicationPage>;
