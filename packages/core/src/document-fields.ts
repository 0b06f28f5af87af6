/**
 * What the documents fields of an application may hold, beyond the shape the form
 * validation checks: ids of documents in the citizen's own vault, each once, each fitting
 * the field's limits. The server checks it against its database when a draft is saved and
 * submitted; the stories' fake API against its vault; both with this code.
 */
import type { FormDefinition } from './catalog-schemas.js';
import type { FieldError } from './errors.js';
import { checkKind, defaultMaxSize, fileLimits, type FileKind } from './file-signatures.js';
import { formFields, type FormValues } from './forms.js';

/** What the check needs to know of a document of the vault. */
export interface VaultEntry {
  name: string;
  size: number;
  fileType: FileKind;
}

export interface DocumentFieldOptions {
  /** No field takes files larger than this, whatever its form says (the server's ceiling). */
  ceiling?: number;
  /** Fields left out (those with an error of the form validation already). */
  skip?: ReadonlySet<string>;
}

/** The documents fields of `form` that `values` fills with lists of ids, except those of `skip`. */
function documentFields(form: FormDefinition, values: Readonly<FormValues>, skip: ReadonlySet<string>) {
  return formFields(form).filter((field) => {
    const value = values[field.id];
    return field.type === 'documents' && !skip.has(field.id) && Array.isArray(value) && value.every((id) => typeof id === 'string');
  });
}

/** The ids the documents fields of `values` name, each once: what to look up in the vault. */
export function documentFieldIds(form: FormDefinition, values: Readonly<FormValues>, { skip = new Set() }: DocumentFieldOptions = {}): string[] {
  return [...new Set(documentFields(form, values, skip).flatMap((field) => values[field.id] as string[]))];
}

/**
 * The errors of the documents fields of `values`: each id must name a document of the
 * citizen's vault (`vault` answers `undefined` for one that is not there: deleted, another
 * citizen's, made up), only once in its field, and fit the field's file types and largest
 * size. At most one error per field, in the form's order; values that are not lists of ids
 * are left to the form validation.
 */
export function documentFieldErrors(
  form: FormDefinition,
  values: Readonly<FormValues>,
  vault: (id: string) => VaultEntry | undefined,
  { ceiling = Number.POSITIVE_INFINITY, skip = new Set() }: DocumentFieldOptions = {},
): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of documentFields(form, values, skip)) {
    const list = values[field.id] as string[];
    const error = (code: string, message: string) => errors.push({ field: field.id, code, message });
    if (new Set(list).size !== list.length) {
      error('invalid', 'Один и тот же документ приложен дважды');
      continue;
    }
    const documents = list.map(vault);
    if (documents.some((document) => !document)) {
      error('unknown_document', 'Такого документа нет среди ваших документов: приложите его заново');
      continue;
    }
    const { accept, maxSize } = fileLimits({ accept: field.accept, maxSize: field.maxSize ?? defaultMaxSize });
    const limits = { accept: [...accept], maxSize: Math.min(maxSize, ceiling) };
    for (const document of documents as VaultEntry[]) {
      const check = checkKind(document.fileType, document.size, limits);
      if (!check.ok) {
        error(check.code, `«${document.name}»: ${check.message}`);
        break;
      }
    }
  }
  return errors;
}
