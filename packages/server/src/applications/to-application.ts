/** Rows of the applications' tables as the API shows them. */
import type { Application, ApplicationSummary, ApplicationTransition, RequestedInfo } from '@mfc-cabinet/core/schemas';
import type { FormValues } from '@mfc-cabinet/core/forms';
import type { ApplicationTransitionsTable, ApplicationsTable } from './tables.js';

/** An application's row with the title of its service. */
export type ApplicationRow = ApplicationsTable & { serviceTitle: string };

const iso = (ms: number): string => new Date(ms).toISOString();

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
    requested: row.requested === null ? null : (JSON.parse(row.requested) as RequestedInfo),
    history: history.map(toTransition),
  };
}
