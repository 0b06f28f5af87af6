/**
 * What the values of an application must be beyond the shared form validation: documents
 * fields that hold the citizen's own vault documents, and an answer to a request for
 * information that brings what was requested, documents attached after the request.
 */
import type { FormDefinition } from '@mfc-cabinet/core/catalog-schemas';
import type { FieldError } from '@mfc-cabinet/core/errors';
import { documentIds, formFields, validateValues, type FormValues } from '@mfc-cabinet/core/forms';
import { assertValid } from '../api-error.js';
import type { Database } from '../db/database.js';
import { documentFieldErrors } from '../documents/limits.js';
import type { StoredRequest } from './tables.js';
import type { ApplicationRow } from './to-application.js';

/** `errors` in the order of the form's fields (those of no field last), each field's own kept in order. */
export function inFormOrder(form: FormDefinition, errors: readonly FieldError[]): FieldError[] {
  const order = new Map(formFields(form).map((field, index) => [field.id, index]));
  const at = (error: FieldError) => order.get(error.field) ?? order.size;
  return [...errors].sort((a, b) => at(a) - at(b));
}

/**
 * The errors of `values` against the form and, for its documents fields, the citizen's
 * vault (see {@link documentFieldErrors}), in the form's order.
 *
 * @param db the database, or the transaction the check is part of
 * @param partial a draft being saved: only what is filled in is checked
 */
export async function valuesErrors(db: Database, accountId: string, form: FormDefinition, values: FormValues, partial: boolean): Promise<FieldError[]> {
  const errors = validateValues(form, values, { partial });
  const documents = await documentFieldErrors(db, accountId, form, values, new Set(errors.map(({ field }) => field)));
  return inFormOrder(form, [...errors, ...documents]);
}

/**
 * Checks the citizen's answer to the request the application (in `needs_info`) keeps:
 * values of the requested fields only, each filled in anew and right by the form; for
 * every requested kind of document, and every requested documents field, a document
 * attached since the request (documents come through the vault, never in the answer).
 * Returns the values with the answer merged in.
 *
 * @throws {ApiError} `validation_failed`, an error per field naming what is wrong or missing
 */
export async function checkAnswer(db: Database, row: ApplicationRow, form: FormDefinition, values: FormValues): Promise<FormValues> {
  const requested: StoredRequest = row.requested ? (JSON.parse(row.requested) as StoredRequest) : { documents: [], fields: [] };
  const fields = formFields(form);
  const byId = new Map(fields.map((field) => [field.id, field]));
  const errors: FieldError[] = [];
  for (const fieldId of Object.keys(values)) {
    if (!requested.fields.includes(fieldId)) errors.push({ field: fieldId, code: 'not_requested', message: 'Эти сведения по заявлению не запрашивали' });
    else if (byId.get(fieldId)?.type === 'documents') {
      errors.push({ field: fieldId, code: 'invalid', message: 'Документы прикладываются загрузкой, а не в ответе' });
    }
  }
  assertValid(errors);
  const merged: FormValues = { ...(JSON.parse(row.values) as FormValues), ...values };
  for (const error of validateValues(form, merged)) if (requested.fields.includes(error.field)) errors.push(error);
  // What each documents field holds that it did not when the request was made.
  const before = requested.attachedBefore ? new Set(requested.attachedBefore) : await attachedBeforeUnrecorded(db, row, form, merged);
  const documentsFields = fields.filter((field) => field.type === 'documents');
  const added = new Map(
    documentsFields.map((field) => {
      const value = merged[field.id];
      return [field.id, Array.isArray(value) ? value.filter((documentId) => !before.has(documentId)) : []];
    }),
  );
  for (const fieldId of requested.fields) {
    const field = byId.get(fieldId);
    if (!field || errors.some((error) => error.field === fieldId)) continue;
    if (field.type === 'documents') {
      if ((added.get(fieldId) ?? []).length === 0) errors.push({ field: fieldId, code: 'required', message: `Приложите новые документы: ${field.label}` });
      continue;
    }
    // A requested field is answered anew: the value it had does not count.
    const value = values[fieldId];
    if (value === undefined || value === '' || value === false) errors.push({ field: fieldId, code: 'required', message: `Заполните: ${field.label}` });
  }
  const addedIds = [...new Set([...added.values()].flat())];
  const kinds = new Set(
    addedIds.length === 0
      ? []
      : (await db.selectFrom('documents').select('kind').where('accountId', '=', row.accountId).where('id', 'in', addedIds).execute()).map(({ kind }) => kind),
  );
  for (const kind of requested.documents) {
    if (kinds.has(kind)) continue;
    const host = documentsFields.find((field) => field.documentKinds?.includes(kind)) ?? documentsFields[0];
    errors.push({ field: host?.id ?? 'documents', code: 'required', message: `Приложите документ «${kind}»: его запросили по заявлению` });
  }
  assertValid(inFormOrder(form, errors));
  return merged;
}

/**
 * For a request stored before it kept the ids of the documents attached then: the
 * documents of `values` except those that entered the vault after the request was made.
 */
async function attachedBeforeUnrecorded(db: Database, row: ApplicationRow, form: FormDefinition, values: FormValues): Promise<Set<string>> {
  const ids = documentIds(form, values);
  const request = await db
    .selectFrom('applicationTransitions')
    .select('at')
    .where('applicationId', '=', row.id)
    .where('toStatus', '=', 'needs_info')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!request || ids.length === 0) return new Set(ids);
  const later = await db.selectFrom('documents').select('id').where('accountId', '=', row.accountId).where('id', 'in', ids).where('createdAt', '>', request.at).execute();
  const added = new Set(later.map(({ id }) => id));
  return new Set(ids.filter((id) => !added.has(id)));
}
