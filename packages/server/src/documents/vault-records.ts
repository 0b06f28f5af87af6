/**
 * The vault's rules over rows: what it reads of an application, when the citizen may still
 * change its documents, and a row as the API shows it.
 */
import type { ApplicationStatus, RequestedInfo, VaultDocument } from '@mfc-cabinet/core/schemas';
import type { FormValues } from '@mfc-cabinet/core/forms';
import { ApiError } from '../api-error.js';
import type { DocumentsTable } from './tables.js';

/** What the vault reads of an application. */
export interface ApplicationRef {
  id: string;
  accountId: string;
  serviceId: string;
  status: ApplicationStatus;
  values: string;
  requested: string | null;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Throws unless the citizen may change the documents of the application: a draft, or one
 * that needs information and asked for documents of `kind` or for the field.
 */
export function assertChangeable(application: ApplicationRef, kind: string, fieldId: string): void {
  if (application.status === 'draft') return;
  if (application.status === 'needs_info') {
    const requested = application.requested === null ? null : (JSON.parse(application.requested) as RequestedInfo);
    if (requested && (requested.documents.includes(kind) || requested.fields.includes(fieldId))) return;
    throw new ApiError('conflict', { detail: 'Этот документ по заявлению не запрашивали' });
  }
  throw new ApiError('conflict', { detail: 'Заявление уже подано: документы в нём больше не меняются' });
}

/** The values without the document `id` in any documents field. */
export function without(values: FormValues, id: string): FormValues {
  return Object.fromEntries(Object.entries(values).map(([field, value]) => [field, Array.isArray(value) ? value.filter((item) => item !== id) : value]));
}

/** A row of the vault as the API shows it, with the applications it is attached to. */
export function toDocument(row: DocumentsTable, attachedTo: string[]): VaultDocument {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    size: row.size,
    fileType: row.fileType,
    createdAt: iso(row.createdAt),
    applicationId: row.applicationId,
    issuedBy: row.issuedBy,
    attachedTo,
  };
}
