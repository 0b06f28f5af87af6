/** Rows of the applications' tables as the API shows them. */
import type { Application, ApplicationSummary, ApplicationTransition, RequestedInfo } from '@mfc-cabinet/core/schemas';
import type { FormValues } from '@mfc-cabinet/core/forms';
import type { ApplicationTransitionsTable, ApplicationsTable, StoredRequest } from './tables.js';

/** An application's row with the title of its service. */
export type ApplicationRow = ApplicationsTable & { serviceTitle: string };

const iso = (ms: number): string => new Date(ms).toISOString();

/** The request an application row keeps, as the API shows it: what is requested, nothing more. */
export function requestedOf(stored: string | null): RequestedInfo | null {
  if (stored === null) return null;
  const { documents, fields } = JSON.parse(stored) as StoredRequest;
  return { documents, fields };
}

export function toSummary(row: ApplicationRow): ApplicationSummary {
  return {
    id: row.id,
    serviceId: row.serviceId,
    serviceTitle: row.serviceTitle,
    status: row.status,
    trackingNumber: row.trackingNumber,
    expectedCompletionDate: row.expectedCompletionDate,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    submittedAt: row.submittedAt === null ? null : iso(row.submittedAt),
  };
}

export function toTransition(row: ApplicationTransitionsTable): ApplicationTransition {
  return {
    at: iso(row.at),
    from: row.fromStatus,
    to: row.toStatus,
    actor: row.actor,
    officerName: row.officerName,
    comment: row.comment,
  };
}

/**
 * The application in full.
 *
 * @param documents the ids of the documents its values attach
 * @param history its steps, oldest first
 */
export function toApplication(row: ApplicationRow, documents: string[], history: readonly ApplicationTransitionsTable[]): Application {
  return {
    ...toSummary(row),
    formVersion: row.formVersion,
    values: JSON.parse(row.values) as FormValues,
    documents,
    requested: requestedOf(row.requested),
    history: history.map(toTransition),
  };
}
