/** What files the vault takes: the limits of a documents field, the ceiling, and what a result may be. */
import type { FormDefinition, FormField } from '@mfc-cabinet/core/catalog-schemas';
import type { FieldError } from '@mfc-cabinet/core/errors';
import { defaultMaxSize, fileLimits, type FileKind } from '@mfc-cabinet/core/file-signatures';
import type { FormValues } from '@mfc-cabinet/core/forms';
import { documentFieldErrors as vaultFieldErrors, documentFieldIds } from '@mfc-cabinet/core/document-fields';
import type { Database } from '../db/database.js';

/** No documents field may take files larger than this, whatever its service says: 50 MB. */
export const uploadCeiling = 50 * 1024 * 1024;

/** What an МФЦ issues as a result: PDF, JPG or PNG up to 20 MB. */
export const resultLimits = { accept: ['pdf', 'jpg', 'png'] as FileKind[], maxSize: 20 * 1024 * 1024 };

/** Most documents one field holds (as the shared form validation says). */
export const maxPerField = 20;

/** The limits of a documents field, the defaults filled in and the ceiling applied. */
export interface Limits {
  accept: FileKind[];
  maxSize: number;
}

/** The limits of a documents field (or the defaults), at most {@link uploadCeiling}. */
export function limitsOf(field?: Pick<FormField, 'accept' | 'maxSize'>): Limits {
  const { accept, maxSize } = fileLimits({ accept: field?.accept, maxSize: field?.maxSize ?? defaultMaxSize });
  return { accept: [...accept], maxSize: Math.min(maxSize, uploadCeiling) };
}

/**
 * The errors of the documents fields of `values` that the shared form validation cannot
 * see, against the citizen's vault in the database: see core's `documentFieldErrors` (each
 * id a document of the citizen's own, not deleted, once, fitting the field's limits, at
 * most {@link uploadCeiling}).
 *
 * @param db the database, or the transaction the check is part of
 */
export async function documentFieldErrors(
  db: Database,
  accountId: string,
  form: FormDefinition,
  values: Readonly<FormValues>,
  skip: ReadonlySet<string> = new Set(),
): Promise<FieldError[]> {
  const ids = documentFieldIds(form, values, { skip });
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'name', 'size', 'fileType'])
    .where('accountId', '=', accountId)
    .where('deletedAt', 'is', null)
    .where('id', 'in', ids)
    .execute();
  const documents = new Map(rows.map((row) => [row.id, row]));
  return vaultFieldErrors(form, values, (id) => documents.get(id), { ceiling: uploadCeiling, skip });
}
