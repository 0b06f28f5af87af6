/** The tables of the applications feature: applications, their lifecycle and the tracking numbers. */
import type { ApplicationStatus, RequestedInfo, TransitionActor } from '@mfc-cabinet/core/schemas';

/**
 * What an application that needs information keeps of the request: what was requested,
 * and the ids of the documents its values attached when the request was made, so that an
 * answer counts only documents attached after it. (Requests stored before the ids were
 * kept have none: then the documents that entered the vault after the request count.)
 */
export interface StoredRequest extends RequestedInfo {
  attachedBefore?: string[];
}

/** An application of a citizen for a service; the values and what is requested are JSON. */
export interface ApplicationsTable {
  /** Sortable: a later application has a greater id. */
  id: string;
  accountId: string;
  serviceId: string;
  status: ApplicationStatus;
  formVersion: number;
  /** JSON: `Record<string, string | boolean | string[]>`. */
  values: string;
  /** JSON: {@link StoredRequest}, while the status is `needs_info`. */
  requested: string | null;
  trackingNumber: string | null;
  /** `YYYY-MM-DD`. */
  expectedCompletionDate: string | null;
  /** The idempotency key the application was submitted with. */
  submitKey: string | null;
  createdAt: number;
  updatedAt: number;
  submittedAt: number | null;
}

/** One step of an application's lifecycle. */
export interface ApplicationTransitionsTable {
  /** Sortable: a later step has a greater id. */
  id: string;
  applicationId: string;
  at: number;
  fromStatus: ApplicationStatus;
  toStatus: ApplicationStatus;
  actor: TransitionActor;
  officerId: string | null;
  officerName: string | null;
  comment: string | null;
  /** JSON: `RequestedInfo`, for a step to `needs_info`. */
  requested: string | null;
}

/** The last tracking number given in a year. */
export interface TrackingCountersTable {
  year: number;
  last: number;
}

export interface ApplicationTables {
  applications: ApplicationsTable;
  applicationTransitions: ApplicationTransitionsTable;
  trackingCounters: TrackingCountersTable;
}
