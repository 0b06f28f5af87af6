/**
 * The citizen's name, birth date and documents as entered: checked field by field with
 * Russian messages (paths like `passport.series`), and normalised for storing — single
 * spaces in names, the passport series without spaces, СНИЛС as `XXX-XXX-XXX YY`.
 */
import type { FieldError } from '@mfc-cabinet/core/errors';
import type { PersonalDataRequest } from '@mfc-cabinet/core/schemas';
import { formatSnils, isValidInn, isValidPassport } from '@mfc-cabinet/core/validators';
import { assertValid } from '../api-error.js';
import { addYears, isCalendarDate } from './dates.js';

/** Personal data ready to store. */
export interface PersonalData {
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string;
  passportSeries: string;
  passportNumber: string;
  passportIssuedAt: string;
  passportIssuedBy: string | null;
  snils: string;
  inn: string | null;
  registrationAddress: string | null;
}

/** A passport is issued from 14. */
const passportAge = 14;
const maxAge = 120;

/** Words of letters (Cyrillic or Latin) joined by one space, hyphen or apostrophe: «Анна-Мария», «д’Артаньян», «O'Neil». */
const namePattern = /^[\p{Script=Cyrillic}\p{Script=Latin}]+(?:[ '’-][\p{Script=Cyrillic}\p{Script=Latin}]+)*$/u;

/** The messages of each name field; one without `required` may be left empty. */
const nameFields: Record<'lastName' | 'firstName' | 'middleName', { required?: string; invalid: string }> = {
  lastName: { required: 'Введите фамилию', invalid: 'Фамилия может содержать только буквы, пробел, дефис и апостроф' },
  firstName: { required: 'Введите имя', invalid: 'Имя может содержать только буквы, пробел, дефис и апостроф' },
  middleName: { invalid: 'Отчество может содержать только буквы, пробел, дефис и апостроф' },
};

const messages = {
  dateFormat: 'Укажите существующую дату в формате ДД.ММ.ГГГГ',
  birthDateRequired: 'Укажите дату рождения',
  birthInFuture: 'Дата рождения не может быть в будущем',
  tooYoung: 'Паспорт выдаётся с 14 лет: проверьте дату рождения',
  tooOld: 'Проверьте год рождения',
  passport: 'Серия — 4 цифры, номер — 6 цифр',
  seriesRequired: 'Введите серию паспорта',
  numberRequired: 'Введите номер паспорта',
  issuedAtRequired: 'Укажите дату выдачи паспорта',
  issuedInFuture: 'Дата выдачи не может быть в будущем',
  issuedBefore14: 'Паспорт выдаётся не раньше 14-летия: проверьте дату выдачи и дату рождения',
  snilsRequired: 'Введите СНИЛС',
  snils: 'СНИЛС указан с ошибкой: проверьте цифры',
  inn: 'ИНН указан с ошибкой: 12 цифр, проверьте их',
} as const;

/** A passport's series and number as stored: the series without its space (`45 10` → `4510`), the number trimmed. */
export function normalizePassport({ series, number }: { series: string; number: string }): { series: string; number: string } {
  return { series: series.replace(/\s/g, ''), number: number.trim() };
}

/** One space between words, and the same code points for the same letters. */
const tidy = (value: string): string => value.normalize('NFC').trim().replace(/\s+/g, ' ');

/**
 * The data normalised, when every field is right.
 *
 * @param today the current date (`YYYY-MM-DD`): dates may not be after it
 * @throws {ApiError} `validation_failed` naming each wrong field
 */
export function readPersonalData(request: PersonalDataRequest, today: string): PersonalData {
  const errors: FieldError[] = [];
  const fail = (field: string, code: string, message: string) => errors.push({ field, code, message });

  const name = (field: keyof typeof nameFields, raw: string | undefined): string | null => {
    const value = tidy(raw ?? '');
    const { required, invalid } = nameFields[field];
    if (value === '') {
      if (required) fail(field, 'required', required);
      return null;
    }
    if (!namePattern.test(value)) fail(field, 'invalid', invalid);
    return value;
  };
  const lastName = name('lastName', request.lastName);
  const firstName = name('firstName', request.firstName);
  const middleName = name('middleName', request.middleName);

  const birthDate = request.birthDate.trim();
  const birthOk = checkBirthDate(birthDate, today, fail);

  const { issuedAt, issuedBy } = request.passport;
  const { series: passportSeries, number: passportNumber } = normalizePassport(request.passport);
  if (passportSeries === '') fail('passport.series', 'required', messages.seriesRequired);
  if (passportNumber === '') fail('passport.number', 'required', messages.numberRequired);
  if (passportSeries !== '' && passportNumber !== '' && !isValidPassport(`${passportSeries} ${passportNumber}`)) {
    const seriesWrong = !/^\d{4}$/.test(passportSeries);
    if (seriesWrong) fail('passport.series', 'invalid', messages.passport);
    if (!seriesWrong || !/^\d{6}$/.test(passportNumber)) fail('passport.number', 'invalid', messages.passport);
  }
  const passportIssuedAt = issuedAt.trim();
  checkIssueDate(passportIssuedAt, birthOk ? birthDate : undefined, today, fail);

  const snils = request.snils.trim() === '' ? undefined : formatSnils(request.snils.trim());
  if (request.snils.trim() === '') fail('snils', 'required', messages.snilsRequired);
  else if (!snils) fail('snils', 'invalid', messages.snils);

  const inn = request.inn?.trim() || null;
  if (inn !== null && !isValidInn(inn, 'person')) fail('inn', 'invalid', messages.inn);

  assertValid(errors);
  return {
    lastName: lastName!,
    firstName: firstName!,
    middleName,
    birthDate,
    passportSeries,
    passportNumber,
    passportIssuedAt,
    passportIssuedBy: issuedBy ? tidy(issuedBy) || null : null,
    snils: snils!,
    inn,
    registrationAddress: tidy(request.registrationAddress ?? '') || null,
  };
}

type Fail = (field: string, code: string, message: string) => void;

/** Checks the birth date; true when it is usable for the other checks. */
function checkBirthDate(birthDate: string, today: string, fail: Fail): boolean {
  const field = 'birthDate';
  if (birthDate === '') fail(field, 'required', messages.birthDateRequired);
  else if (!isCalendarDate(birthDate)) fail(field, 'invalid', messages.dateFormat);
  else if (birthDate > today) fail(field, 'in_future', messages.birthInFuture);
  else if (addYears(birthDate, passportAge) > today) fail(field, 'too_young', messages.tooYoung);
  else if (addYears(birthDate, maxAge + 1) <= today) fail(field, 'too_old', messages.tooOld);
  else return true;
  return false;
}

function checkIssueDate(issuedAt: string, birthDate: string | undefined, today: string, fail: Fail): void {
  const field = 'passport.issuedAt';
  if (issuedAt === '') fail(field, 'required', messages.issuedAtRequired);
  else if (!isCalendarDate(issuedAt)) fail(field, 'invalid', messages.dateFormat);
  else if (issuedAt > today) fail(field, 'in_future', messages.issuedInFuture);
  else if (birthDate !== undefined && issuedAt < addYears(birthDate, passportAge)) fail(field, 'before_14', messages.issuedBefore14);
}
