/** What files the vault takes: the limits of a documents field, the ceiling, and what a result may be. */
import type { FormDefinition, FormField } from '@mfc-cabinet/core/catalog-schemas';
import type { FieldError } from '@mfc-cabinet/core/errors';
import { checkKind, defaultMaxSize, fileLimits, type FileKind } from '@mfc-cabinet/core/file-signatures';
import { formFields, type FormValues } from '@mfc-cabinet/core/forms';
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
 * see: each id must name a document in the citizen's own vault (not one deleted from it,
 * not another citizen's, not a made-up id), only once in the field, and the document must
 * fit the field's limits (its file types and largest size), as attaching it checks. At
 * most one error per field, in the form's order; the fields of `skip` (those with an error
 * already) and values that are not lists of ids are left to the shared validation.
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
  const fields = formFields(form).filter((field) => {
    const value = values[field.id];
    return field.type === 'documents' && !skip.has(field.id) && Array.isArray(value) && value.every((id) => typeof id === 'string');
  });
  const ids = [...new Set(fields.flatMap((field) => values[field.id] as string[]))];
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'name', 'size', 'fileType'])
    .where('accountId', '=', accountId)
    .where('deletedAt', 'is', null)
    .where('id', 'in', ids)
    .execute();
  const documents = new Map(rows.map((row) => [row.id, row]));
  const errors: FieldError[] = [];
  for (const field of fields) {
    const list = values[field.id] as string[];
    const error = (code: string, message: string) => errors.push({ field: field.id, code, message });
    if (new Set(list).size !== list.length) {
      error('invalid', 'Один и тот же документ приложен дважды');
      continue;
    }
    if (list.some((id) => !documents.has(id))) {
      error('unknown_document', 'Такого документа нет среди ваших документов: приложите его заново');
      continue;
    }
    const limits = limitsOf(field);
    for (const id of list) {
      const document = documents.get(id)!;
      const check = checkKind(document.fileType, document.size, limits);
      if (!check.ok) {
        error(check.code, `«${document.name}»: ${check.message}`);
        break;
      }
    }
  }
  return errors;
}
