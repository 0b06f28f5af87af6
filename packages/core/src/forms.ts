/**
 * Validation and autofill of a service's form, the same code in the browser and on the
 * server. Pure functions without zod, so that they stay small in a page: each field is
 * checked by its type with the validators of Russian identifiers, and errors are written
 * for the citizen.
 */
import type { FormDefinition, FormField } from './catalog/schemas.js';
import type { FieldError } from './errors.js';
import { isValidInn, isValidPassport, isValidPhone, isValidSnils } from './validators.js';

/** A value of a form field: text, a checkbox, or the ids of documents. */
export type FormValue = string | boolean | string[];

/** The values of a form by field id. */
export type FormValues = Record<string, FormValue>;

export interface ValidateOptions {
  /** A draft being saved: only the fields filled are checked, and nothing is required. */
  partial?: boolean;
}

/** What of the profile fills a form in advance (a {@link Profile} fits). */
export interface AutofillProfile {
  lastName?: string | null;
  firstName?: string | null;
  middleName?: string | null;
  birthDate?: string | null;
  phone?: string | null;
  email?: string | null;
  snils?: string | null;
  inn?: string | null;
  passport?: { series: string; number: string } | null;
  registrationAddress?: string | null;
}

/** Text fields without a `maxLength` of their own are at most this long. */
const defaultMaxLength = { text: 200, textarea: 2000, address: 500 } as const;
const maxDocuments = 20;

/** The label within a sentence: «Дата рождения» → «дата рождения», while «СНИЛС» stays «СНИЛС» (the same in English). */
export function lowerFirst(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/** Feminine nouns ending in «-а»/«-я» take the accusative «-у»/«-ю» after «Укажите»: «дата рождения» → «дату рождения». */
function accusative(label: string): string {
  const [first = '', ...rest] = lowerFirst(label).split(' ');
  const word = /[^аеёиоуыэюя]а$/i.test(first) ? `${first.slice(0, -1)}у` : /я$/i.test(first) && first.length > 3 ? `${first.slice(0, -1)}ю` : first;
  return [word, ...rest].join(' ');
}

/** The message of a required field left empty. */
function requiredMessage(field: FormField): string {
  switch (field.type) {
    case 'checkbox':
      return `Отметьте: «${field.label}»`;
    case 'select':
      return `Выберите: ${lowerFirst(field.label)}`;
    case 'documents':
      return `Приложите документы: ${lowerFirst(field.label)}`;
    default:
      return `Укажите ${accusative(field.label)}`;
  }
}

const isCalendarDate = (value: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate() && year >= 1900;
};

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with a filled text value of a field whose type has a format, or `undefined`. */
const formats: Partial<Record<FormField['type'], { test: (value: string) => boolean; message: string }>> = {
  date: { test: isCalendarDate, message: 'Укажите существующую дату в формате ДД.ММ.ГГГГ' },
  phone: { test: isValidPhone, message: 'Укажите номер мобильного телефона: +7 и 10 цифр' },
  email: { test: (value) => emailPattern.test(value) && value.length <= 254, message: 'Проверьте адрес электронной почты, например ivanov@example.ru' },
  passport: { test: isValidPassport, message: 'Паспорт: серия — 4 цифры, номер — 6 цифр' },
  snils: { test: isValidSnils, message: 'СНИЛС указан с ошибкой: проверьте цифры' },
  inn: { test: (value) => isValidInn(value, 'person'), message: 'ИНН указан с ошибкой: 12 цифр, проверьте их' },
};

/** Whether the value counts as not filled in (an unticked box is, for a box). */
function isEmpty(field: FormField, value: FormValue | undefined): boolean {
  if (value === undefined) return true;
  if (value === false) return field.type === 'checkbox';
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'string' && value.trim() === '';
}

/** The error of a filled value of `field`, or `undefined` when it is right. */
function checkValue(field: FormField, value: FormValue): Omit<FieldError, 'field'> | undefined {
  const invalid = (message: string) => ({ code: 'invalid', message });
  if (field.type === 'checkbox') return typeof value === 'boolean' ? undefined : invalid('Отметьте поле или снимите отметку');
  if (field.type === 'documents') {
    if (!Array.isArray(value) || value.some((id) => typeof id !== 'string' || id.trim() === '')) return invalid('Приложите документы заново');
    if (value.length > maxDocuments) return { code: 'too_long', message: `Не больше ${maxDocuments} документов` };
    return undefined;
  }
  if (typeof value !== 'string') return invalid('Проверьте значение');
  const text = value.trim();
  switch (field.type) {
    case 'select':
      return field.options?.some((option) => option.value === text) ? undefined : { code: 'unknown_option', message: 'Выберите один из вариантов списка' };
    case 'number': {
      if (!/^-?\d+([.,]\d+)?$/.test(text)) return invalid('Введите число');
      const number = Number(text.replace(',', '.'));
      const { min, max } = field;
      if ((min !== undefined && number < min) || (max !== undefined && number > max)) {
        return { code: 'out_of_range', message: `Введите число от ${min ?? '…'} до ${max ?? '…'}` };
      }
      return undefined;
    }
    case 'text':
    case 'textarea':
    case 'address': {
      const limit = field.maxLength ?? defaultMaxLength[field.type];
      return text.length > limit ? { code: 'too_long', message: `Не длиннее ${limit} символов` } : undefined;
    }
    default: {
      const format = formats[field.type];
      return format && !format.test(text) ? invalid(format.message) : undefined;
    }
  }
}

/** Every field of the form, in the order of its steps. */
export function formFields(form: FormDefinition): FormField[] {
  return form.steps.flatMap((step) => step.fields);
}

/**
 * The errors of `values` against the form, one per field at most, in the form's order;
 * values of fields the form does not have are `unknown_field`.
 *
 * @param partial a draft: only the fields filled in are checked
 * @example validateValues(form, { birthDate: '' }) // [{ field: 'birthDate', code: 'required', message: 'Укажите дату рождения' }, …]
 */
export function validateValues(form: FormDefinition, values: Readonly<Record<string, FormValue>>, { partial = false }: ValidateOptions = {}): FieldError[] {
  const errors: FieldError[] = [];
  const fields = formFields(form);
  for (const field of fields) {
    const value = values[field.id];
    if (value === undefined || isEmpty(field, value)) {
      if (!partial && field.required) errors.push({ field: field.id, code: 'required', message: requiredMessage(field) });
      continue;
    }
    const error = checkValue(field, value);
    if (error) errors.push({ field: field.id, ...error });
  }
  const known = new Set(fields.map(({ id }) => id));
  for (const id of Object.keys(values)) {
    if (!known.has(id)) errors.push({ field: id, code: 'unknown_field', message: `Поля «${id}» в форме нет` });
  }
  return errors;
}

/** The ids of the documents attached in every `documents` field of the form. */
export function documentIds(form: FormDefinition, values: Readonly<Record<string, FormValue>>): string[] {
  return formFields(form).flatMap((field) => {
    const value = values[field.id];
    return field.type === 'documents' && Array.isArray(value) ? value : [];
  });
}

/** What `source` of the profile gives, as a form value, or `undefined` when the profile lacks it. */
function profileValue(profile: AutofillProfile, source: NonNullable<FormField['autofill']>): string | undefined {
  if (source === 'passport') return profile.passport ? `${profile.passport.series} ${profile.passport.number}` : undefined;
  return profile[source] ?? undefined;
}

/** The values the profile fills in advance, for the fields that say what fills them. */
export function autofillValues(form: FormDefinition, profile: AutofillProfile): FormValues {
  const values: FormValues = {};
  for (const field of formFields(form)) {
    const value = field.autofill && profileValue(profile, field.autofill);
    if (value) values[field.id] = value;
  }
  return values;
}

/**
 * What a document attached through `field` is, for a reader: its kind when the field names it
 * («Паспорт»), the field's only kind, else the field's label (a kind of the vault such as
 * `passport` means nothing to a reader). The tracker and the server's printable copy use it.
 */
export function documentTitle(field: Pick<FormField, 'label' | 'documentKinds'>, kind: string | undefined): string {
  const kinds = field.documentKinds ?? [];
  if (kind && kinds.includes(kind)) return kind;
  return kinds.length === 1 ? kinds[0]! : field.label;
}
