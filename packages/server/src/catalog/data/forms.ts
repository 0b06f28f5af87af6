/**
 * Builders of the parts of form definitions, so that every service asks for the applicant,
 * the documents and the way to get the result in the same words (in each language) and
 * with the same autofill.
 */
import { describeKinds, fileLimits, formatSize, type FileLimits } from '@mfc-cabinet/core/file-signatures';
import type { FieldData, FormData, StepData, Text } from './bilingual.js';

/** What a field may set besides its kind, id and label; fields are required unless `optional`. */
export interface FieldOptions {
  hint?: Text;
  optional?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
}

function field(type: FieldData['type'], id: string, label: Text, { optional = false, ...rest }: FieldOptions = {}): FieldData {
  return { id, type, label, required: !optional, ...rest };
}

export const text = (id: string, label: Text, options?: FieldOptions): FieldData => field('text', id, label, { maxLength: 200, ...options });

export const textarea = (id: string, label: Text, options?: FieldOptions): FieldData =>
  field('textarea', id, label, { maxLength: 2000, ...options });

export const number = (id: string, label: Text, options: FieldOptions & { min: number; max: number }): FieldData =>
  field('number', id, label, options);

export const date = (id: string, label: Text, options?: FieldOptions): FieldData => field('date', id, label, options);

export const address = (id: string, label: Text, options?: FieldOptions): FieldData => field('address', id, label, options);

export const checkbox = (id: string, label: Text, options?: FieldOptions): FieldData => field('checkbox', id, label, options);

export const phone = (id: string, label: Text, options?: FieldOptions): FieldData => field('phone', id, label, options);

/** A choice of `options`, each `[value, label]`. */
export function select(id: string, label: Text, options: ReadonlyArray<readonly [string, Text]>, fieldOptions?: FieldOptions): FieldData {
  return { ...field('select', id, label, fieldOptions), options: options.map(([value, optionLabel]) => ({ value, label: optionLabel })) };
}

/** What a documents field accepts beyond the default PDF, JPG or PNG up to 5 MB. */
export type DocumentLimits = FileLimits;

/** «PDF, JPG или PNG, до 5 МБ каждый» in both languages. */
function limitsHint({ accept, maxSize }: Required<DocumentLimits>): Text {
  const kinds = accept.map((kind) => kind.toUpperCase());
  const megabytes = String(Math.round((maxSize / (1024 * 1024)) * 10) / 10);
  return {
    ru: `${describeKinds(accept)}, до ${formatSize(maxSize)} каждый`,
    en: `${kinds.length < 2 ? (kinds[0] ?? '') : `${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)}`}, up to ${megabytes} MB each`,
  };
}

/**
 * Scans of `kinds` of documents, e.g. «Свидетельство о рождении ребёнка»; `accept` and
 * `maxSize` only where the service takes more than PDF, JPG or PNG up to 5 MB. The kinds
 * are values (an upload names its kind, the application is checked against them): they
 * are the same, Russian, in every language.
 */
export function documents(kinds: readonly string[], options: FieldOptions & DocumentLimits & { id?: string; label?: Text } = {}): FieldData {
  const { id = 'documents', label = { ru: 'Сканы или фотографии документов', en: 'Scans or photos of the documents' }, accept, maxSize, ...rest } = options;
  const limits = fileLimits({ accept, maxSize });
  return {
    ...field('documents', id, label, { hint: limitsHint({ accept: limits.accept, maxSize: limits.maxSize }), ...rest }),
    documentKinds: [...kinds],
    ...(accept ? { accept: [...accept] } : {}),
    ...(maxSize === undefined ? {} : { maxSize }),
  };
}

/** The applicant's passport, СНИЛС and ИНН, filled in from the profile. */
export const passport = (): FieldData => ({ ...field('passport', 'passport', { ru: 'Паспорт гражданина РФ', en: 'Russian passport' }), autofill: 'passport' });
export const snils = (options?: FieldOptions): FieldData => ({
  ...field('snils', 'snils', { ru: 'СНИЛС', en: 'SNILS (individual insurance account number)' }, options),
  autofill: 'snils',
});
export const inn = (options?: FieldOptions): FieldData => ({ ...field('inn', 'inn', { ru: 'ИНН', en: 'INN (taxpayer number)' }, options), autofill: 'inn' });
/** The citizen's address of registration, filled in from the profile. */
export const registrationAddress = (label: Text = { ru: 'Адрес регистрации', en: 'Registered address' }): FieldData => ({
  ...address('registrationAddress', label),
  autofill: 'registrationAddress',
});

/** The applicant's name, birth date and contacts, filled in from the profile. */
function applicantFields(): FieldData[] {
  return [
    { ...text('lastName', { ru: 'Фамилия', en: 'Last name' }, { maxLength: 100 }), autofill: 'lastName' },
    { ...text('firstName', { ru: 'Имя', en: 'First name' }, { maxLength: 100 }), autofill: 'firstName' },
    {
      ...text('middleName', { ru: 'Отчество', en: 'Patronymic' }, { maxLength: 100, optional: true, hint: { ru: 'Если есть', en: 'If you have one' } }),
      autofill: 'middleName',
    },
    { ...date('birthDate', { ru: 'Дата рождения', en: 'Date of birth' }), autofill: 'birthDate' },
    { ...phone('phone', { ru: 'Мобильный телефон', en: 'Mobile phone' }), autofill: 'phone' },
    { ...field('email', 'email', { ru: 'Электронная почта', en: 'Email' }, { optional: true }), autofill: 'email' },
  ];
}

export const step = (id: string, title: Text, ...fields: FieldData[]): StepData => ({ id, title, fields });

/** «Заявитель»: name, birth date and contacts, then `extra` (passport, СНИЛС…). */
export const applicantStep = (...extra: FieldData[]): StepData => step('applicant', { ru: 'Заявитель', en: 'Applicant' }, ...applicantFields(), ...extra);

/** «Документы»: the scans of `kinds`, with the service's own file limits when it has them. */
export const documentsStep = (kinds: readonly string[], limits: DocumentLimits = {}): StepData =>
  step('documents', { ru: 'Документы', en: 'Documents' }, documents(kinds, limits));

/** Word documents (DOC, DOCX) besides PDF, JPG and PNG, for services whose documents are usually typed (charters, business plans). */
export const withWordDocuments = (maxMegabytes: number): DocumentLimits => ({
  accept: ['pdf', 'jpg', 'png', 'doc', 'docx'],
  maxSize: maxMegabytes * 1024 * 1024,
});

const resultMethods = {
  cabinet: { ru: 'В личном кабинете', en: 'In the personal account' },
  office: { ru: 'В МФЦ', en: 'At the MFC' },
  mail: { ru: 'Почтой', en: 'By post' },
} as const satisfies Record<string, Text>;

/**
 * «Получение результата»: how the result comes, when there is a choice among `methods`,
 * and the confirmation that the data are true.
 */
export function resultStep(...methods: ReadonlyArray<keyof typeof resultMethods>): StepData {
  const accuracy = checkbox('accuracy', { ru: 'Подтверждаю, что сведения в заявлении достоверны', en: 'I confirm that the information in the application is true' });
  if (methods.length < 2) return step('result', { ru: 'Подтверждение', en: 'Confirmation' }, accuracy);
  return step(
    'result',
    { ru: 'Получение результата', en: 'Getting the result' },
    select('resultMethod', { ru: 'Как получить результат', en: 'How to get the result' }, methods.map((method) => [method, resultMethods[method]] as const)),
    accuracy,
  );
}

/** A form of `steps`, version 1. */
export const form = (...steps: StepData[]): FormData => ({ version: 1, steps });
