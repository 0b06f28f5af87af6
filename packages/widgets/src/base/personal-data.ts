import { isValidInn, isValidPassport, isValidSnils, type PersonalDataRequest, type Profile } from '@mfc-cabinet/core';
import { html, type TemplateResult } from 'lit';
import { textField } from './fields.js';
import { cssId } from './form-element.js';
import type { Translation } from '../i18n/translation.js';

/** The fields of the registration form, as the server names them in its field errors. */
export type Field =
  | 'phone'
  | 'email'
  | 'password'
  | 'passwordRepeat'
  | 'consent'
  | 'code'
  | 'lastName'
  | 'firstName'
  | 'middleName'
  | 'birthDate'
  | 'passport'
  | 'passport.issuedAt'
  | 'passport.issuedBy'
  | 'snils'
  | 'inn'
  | 'registrationAddress';

export type PersonalField =
  | 'lastName'
  | 'firstName'
  | 'middleName'
  | 'birthDate'
  | 'passport'
  | 'passportIssuedAt'
  | 'passportIssuedBy'
  | 'snils'
  | 'inn'
  | 'registrationAddress';

/** What the citizen typed into the personal data step. */
export type PersonalData = Record<PersonalField, string>;

export const emptyPersonalData = (): PersonalData => ({
  lastName: '',
  firstName: '',
  middleName: '',
  birthDate: '',
  passport: '',
  passportIssuedAt: '',
  passportIssuedBy: '',
  snils: '',
  inn: '',
  registrationAddress: '',
});

/** The personal data of `profile` as the fields show it, to edit what was saved. */
export const personalDataOf = (profile: Profile): PersonalData => ({
  lastName: profile.lastName ?? '',
  firstName: profile.firstName ?? '',
  middleName: profile.middleName ?? '',
  birthDate: profile.birthDate ?? '',
  passport: profile.passport ? `${profile.passport.series} ${profile.passport.number}` : '',
  passportIssuedAt: profile.passport?.issuedAt ?? '',
  passportIssuedBy: profile.passport?.issuedBy ?? '',
  snils: profile.snils ?? '',
  inn: profile.inn ?? '',
  registrationAddress: profile.registrationAddress ?? '',
});

const namePattern = /^[\p{L}][\p{L}\s'’-]*$/u;
/** `YYYY-MM-DD` of a date `years` after `date`. */
const addYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
const isIsoDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
const today = () => new Date().toISOString().slice(0, 10);

/** The field that shows the errors of a personal data field. */
export const errorKey = (name: PersonalField): Field =>
  name === 'passportIssuedAt' ? 'passport.issuedAt' : name === 'passportIssuedBy' ? 'passport.issuedBy' : name;

/** What is wrong with the personal data before it is sent, by field. */
export function personalDataErrors(t: Translation, p: PersonalData): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  for (const name of ['lastName', 'firstName'] as const) {
    if (!p[name].trim()) errors[name] = t.nameRequired;
    else if (!namePattern.test(p[name].trim())) errors[name] = t.nameInvalid;
  }
  if (p.middleName.trim() && !namePattern.test(p.middleName.trim())) errors.middleName = t.nameInvalid;
  if (!isIsoDate(p.birthDate) || p.birthDate > today() || p.birthDate < addYears(today(), -120)) {
    errors.birthDate = t.birthDateInvalid;
  } else if (addYears(p.birthDate, 14) > today()) {
    errors.birthDate = t.birthDateTooYoung;
  }
  if (!isValidPassport(p.passport)) errors.passport = t.passportInvalid;
  const issuedAt = p.passportIssuedAt;
  if (!isIsoDate(issuedAt) || issuedAt > today() || (isIsoDate(p.birthDate) && issuedAt < addYears(p.birthDate, 14))) {
    errors['passport.issuedAt'] = t.passportIssuedAtInvalid;
  }
  if (!isValidSnils(p.snils)) errors.snils = t.snilsInvalid;
  if (p.inn.trim() && !isValidInn(p.inn, 'person')) errors.inn = t.innInvalid;
  return errors;
}

/** The request that saves the personal data: trimmed, the passport split into series and number, empty optional fields left out. */
export function personalDataRequest(p: PersonalData): PersonalDataRequest {
  const passport = p.passport.replace(/\D/g, '');
  return {
    lastName: p.lastName.trim(),
    firstName: p.firstName.trim(),
    ...(p.middleName.trim() ? { middleName: p.middleName.trim() } : {}),
    birthDate: p.birthDate,
    passport: {
      series: passport.slice(0, 4),
      number: passport.slice(4),
      issuedAt: p.passportIssuedAt,
      ...(p.passportIssuedBy.trim() ? { issuedBy: p.passportIssuedBy.trim() } : {}),
    },
    snils: p.snils.trim(),
    ...(p.inn.trim() ? { inn: p.inn.trim() } : {}),
    ...(p.registrationAddress.trim() ? { registrationAddress: p.registrationAddress.trim() } : {}),
  };
}

/** The fields of the personal data step. */
export function renderPersonalFields(
  t: Translation,
  values: PersonalData,
  errors: Partial<Record<Field, string>>,
  onInput: (name: PersonalField, key: Field, value: string) => void,
): TemplateResult {
  const field = (name: PersonalField, label: string, options: { hint?: string; type?: string; autocomplete?: string; inputmode?: string; required?: boolean; maxlength?: number } = {}) => {
    const key = errorKey(name);
    return textField({
      id: cssId(key),
      label: options.required === false ? `${label} (${t.optional})` : label,
      error: errors[key],
      value: values[name],
      required: options.required ?? true,
      ...options,
      onInput: (value) => onInput(name, key, value),
    });
  };
  return html`
    ${field('lastName', t.lastNameLabel, { autocomplete: 'family-name', maxlength: 100 })}
    ${field('firstName', t.firstNameLabel, { autocomplete: 'given-name', maxlength: 100 })}
    ${field('middleName', t.middleNameLabel, { autocomplete: 'additional-name', hint: t.middleNameHint, required: false, maxlength: 100 })}
    ${field('birthDate', t.birthDateLabel, { type: 'date', autocomplete: 'bday' })}
    ${field('passport', t.passportLabel, { hint: t.passportHint, inputmode: 'numeric', maxlength: 14 })}
    <div class="row">
      ${field('passportIssuedAt', t.passportIssuedAtLabel, { type: 'date' })}
      ${field('passportIssuedBy', t.passportIssuedByLabel, { required: false, maxlength: 300 })}
    </div>
    ${field('snils', t.snilsLabel, { hint: t.snilsHint, inputmode: 'numeric', maxlength: 14 })}
    ${field('inn', t.innLabel, { hint: t.innHint, inputmode: 'numeric', required: false, maxlength: 12 })}
    ${field('registrationAddress', t.registrationAddressLabel, { hint: t.registrationAddressHint, autocomplete: 'street-address', required: false, maxlength: 500 })}
  `;
}
