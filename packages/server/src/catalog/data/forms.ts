/**
 * Builders of the parts of form definitions, so that every service asks for the applicant,
 * the documents and the way to get the result in the same words and with the same autofill.
 */
import type { FormDefinition, FormField, FormStep } from '@mfc-cabinet/core/catalog-schemas';
import { describeKinds, fileLimits, formatSize, type FileLimits } from '@mfc-cabinet/core/file-signatures';

/** What a field may set besides its kind, id and label; fields are required unless `optional`. */
export interface FieldOptions {
  hint?: string;
  optional?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
}

function field(type: FormField['type'], id: string, label: string, { optional = false, ...rest }: FieldOptions = {}): FormField {
  return { id, type, label, required: !optional, ...rest };
}

export const text = (id: string, label: string, options?: FieldOptions): FormField => field('text', id, label, { maxLength: 200, ...options });

export const textarea = (id: string, label: string, options?: FieldOptions): FormField =>
  field('textarea', id, label, { maxLength: 2000, ...options });

export const number = (id: string, label: string, options: FieldOptions & { min: number; max: number }): FormField =>
  field('number', id, label, options);

export const date = (id: string, label: string, options?: FieldOptions): FormField => field('date', id, label, options);

export const address = (id: string, label: string, options?: FieldOptions): FormField => field('address', id, label, options);

export const checkbox = (id: string, label: string, options?: FieldOptions): FormField => field('checkbox', id, label, options);

export const phone = (id: string, label: string, options?: FieldOptions): FormField => field('phone', id, label, options);

/** A choice of `options`, each `[value, label]`. */
export function select(id: string, label: string, options: ReadonlyArray<readonly [string, string]>, fieldOptions?: FieldOptions): FormField {
  return { ...field('select', id, label, fieldOptions), options: options.map(([value, optionLabel]) => ({ value, label: optionLabel })) };
}

/** What a documents field accepts beyond the default PDF, JPG or PNG up to 5 MB. */
export type DocumentLimits = FileLimits;

/**
 * Scans of `kinds` of documents, e.g. «Свидетельство о рождении ребёнка»; `accept` and
 * `maxSize` only where the service takes more than PDF, JPG or PNG up to 5 MB.
 */
export function documents(kinds: readonly string[], options: FieldOptions & DocumentLimits & { id?: string; label?: string } = {}): FormField {
  const { id = 'documents', label = 'Сканы или фотографии документов', accept, maxSize, ...rest } = options;
  const limits = fileLimits({ accept, maxSize });
  return {
    ...field('documents', id, label, { hint: `${describeKinds(limits.accept)}, до ${formatSize(limits.maxSize)} каждый`, ...rest }),
    documentKinds: [...kinds],
    ...(accept ? { accept: [...accept] } : {}),
    ...(maxSize === undefined ? {} : { maxSize }),
  };
}

/** The applicant's passport, СНИЛС and ИНН, filled in from the profile. */
export const passport = (): FormField => ({ ...field('passport', 'passport', 'Паспорт гражданина РФ'), autofill: 'passport' });
export const snils = (options?: FieldOptions): FormField => ({ ...field('snils', 'snils', 'СНИЛС', options), autofill: 'snils' });
export const inn = (options?: FieldOptions): FormField => ({ ...field('inn', 'inn', 'ИНН', options), autofill: 'inn' });
/** The citizen's address of registration, filled in from the profile. */
export const registrationAddress = (label = 'Адрес регистрации'): FormField => ({ ...address('registrationAddress', label), autofill: 'registrationAddress' });

/** The applicant's name, birth date and contacts, filled in from the profile. */
function applicantFields(): FormField[] {
  return [
    { ...text('lastName', 'Фамилия', { maxLength: 100 }), autofill: 'lastName' },
    { ...text('firstName', 'Имя', { maxLength: 100 }), autofill: 'firstName' },
    { ...text('middleName', 'Отчество', { maxLength: 100, optional: true, hint: 'Если есть' }), autofill: 'middleName' },
    { ...date('birthDate', 'Дата рождения'), autofill: 'birthDate' },
    { ...phone('phone', 'Мобильный телефон'), autofill: 'phone' },
    { ...field('email', 'email', 'Электронная почта', { optional: true }), autofill: 'email' },
  ];
}

export const step = (id: string, title: string, ...fields: FormField[]): FormStep => ({ id, title, fields });

/** «Заявитель»: name, birth date and contacts, then `extra` (passport, СНИЛС…). */
export const applicantStep = (...extra: FormField[]): FormStep => step('applicant', 'Заявитель', ...applicantFields(), ...extra);

/** «Документы»: the scans of `kinds`, with the service's own file limits when it has them. */
export const documentsStep = (kinds: readonly string[], limits: DocumentLimits = {}): FormStep =>
  step('documents', 'Документы', documents(kinds, limits));

/** Word documents (DOC, DOCX) besides PDF, JPG and PNG, for services whose documents are usually typed (charters, business plans). */
export const withWordDocuments = (maxMegabytes: number): DocumentLimits => ({
  accept: ['pdf', 'jpg', 'png', 'doc', 'docx'],
  maxSize: maxMegabytes * 1024 * 1024,
});

const resultMethods = {
  cabinet: 'В личном кабинете',
  office: 'В МФЦ',
  mail: 'Почтой',
} as const;

/**
 * «Получение результата»: how the result comes, when there is a choice among `methods`,
 * and the confirmation that the data are true.
 */
export function resultStep(...methods: ReadonlyArray<keyof typeof resultMethods>): FormStep {
  const accuracy = checkbox('accuracy', 'Подтверждаю, что сведения в заявлении достоверны');
  if (methods.length < 2) return step('result', 'Подтверждение', accuracy);
  return step(
    'result',
    'Получение результата',
    select('resultMethod', 'Как получить результат', methods.map((method) => [method, resultMethods[method]] as const)),
    accuracy,
  );
}

/** A form of `steps`, version 1. */
export const form = (...steps: FormStep[]): FormDefinition => ({ version: 1, steps });
