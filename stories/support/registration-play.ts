/**
 * Steps for `play` functions of `<mfc-registration-form>` stories: the first step's fields,
 * the codes, the personal data. General steps are in `form-play.ts`.
 */
import type { MfcRegistrationForm } from '../../packages/widgets/src/mfc-registration-form.js';
import { demoCode } from './fake-api.js';
import { waitFor } from 'storybook/test';
import { enterCode, findForm, patience, pressPrimary, setChecked, typeInto, waitForPart } from './form-play.js';

/** The registration form of the story, also inside the sign-in form that opened it. */
export function findRegistrationForm(canvasElement: HTMLElement): Promise<MfcRegistrationForm> {
  return findForm(canvasElement, 'mfc-registration-form');
}

/** A password that meets every rule. */
export const goodPassword = 'Zarechny-2026!';

export interface Contacts {
  phone?: string;
  email?: string;
  password?: string;
  /** The repetition; the password by default. */
  passwordRepeat?: string;
  /** Tick the consent. @default true */
  consent?: boolean;
}

/** Waits for the consent text: the first step is ready. */
export function waitForConsentText(form: MfcRegistrationForm): Promise<HTMLElement> {
  return waitForPart(form, 'details.document');
}

/** Fills the first step (phone, e-mail, password twice, consent); empty values are left alone. */
export async function fillContacts(form: MfcRegistrationForm, contacts: Contacts = {}): Promise<void> {
  const { phone = '+7 900 202-60-26', email, password = goodPassword, consent = true } = contacts;
  await waitForConsentText(form);
  if (phone) await typeInto(form, 'phone', phone);
  if (email) await typeInto(form, 'email', email);
  if (password) await typeInto(form, 'password', password);
  const repeat = contacts.passwordRepeat ?? password;
  if (repeat) await typeInto(form, 'passwordRepeat', repeat);
  await setChecked(form, 'consent', consent);
}

/** Fills the first step and presses Get code. */
export async function register(form: MfcRegistrationForm, contacts: Contacts = {}): Promise<void> {
  await fillContacts(form, contacts);
  await pressPrimary(form);
}

/** Registers and reaches the phone's code step. */
export async function reachPhoneCode(form: MfcRegistrationForm, contacts: Contacts = {}): Promise<void> {
  await register(form, contacts);
  await waitForPart(form, '#code');
}

/** Registers with an e-mail, confirms the phone and reaches the e-mail's code step. */
export async function reachEmailCode(form: MfcRegistrationForm): Promise<void> {
  await reachPhoneCode(form, { email: 'ivanov@mail.ru' });
  await enterCode(form, demoCode);
  // Both code steps have a #code field; the e-mail's says where the code went.
  await waitFor(
    () => {
      if (!form.shadowRoot?.querySelector('.lead')?.textContent?.includes('***@')) throw new Error('not at the e-mail code step');
    },
    { timeout: patience },
  );
}

/** Registers without an e-mail, confirms the phone and reaches the personal data step. */
export async function reachPersonalData(form: MfcRegistrationForm): Promise<void> {
  await reachPhoneCode(form);
  await enterCode(form, demoCode);
  await waitForPart(form, '#lastName');
}

export interface PersonalData {
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string;
  passport: string;
  passportIssuedAt: string;
  passportIssuedBy: string;
  snils: string;
  inn: string;
}

/** Data that passes every check. */
export const goodPersonalData: PersonalData = {
  lastName: 'Иванов',
  firstName: 'Иван',
  middleName: 'Иванович',
  birthDate: '1985-04-12',
  passport: '45 10 123456',
  passportIssuedAt: '2015-05-20',
  passportIssuedBy: 'ОУФМС России по г. Москве',
  snils: '112-233-445 95',
  inn: '500100732259',
};

const personalFieldIds: Record<keyof PersonalData, string> = {
  lastName: 'lastName',
  firstName: 'firstName',
  middleName: 'middleName',
  birthDate: 'birthDate',
  passport: 'passport',
  passportIssuedAt: 'passport-issuedAt',
  passportIssuedBy: 'passport-issuedBy',
  snils: 'snils',
  inn: 'inn',
};

/** Fills the personal data step with good data changed by `changes`, and presses Save. */
export async function savePersonalData(form: MfcRegistrationForm, changes: Partial<PersonalData> = {}): Promise<void> {
  const data = { ...goodPersonalData, ...changes };
  for (const name of Object.keys(personalFieldIds) as Array<keyof PersonalData>) {
    if (data[name]) await typeInto(form, personalFieldIds[name], data[name]);
  }
  await pressPrimary(form);
}

/** Waits for the last step: the account is created (no more forms). */
export async function waitForDone(form: MfcRegistrationForm): Promise<void> {
  await waitFor(
    () => {
      if (form.shadowRoot?.querySelector('form') || !form.shadowRoot?.querySelector('[part~="primary-button"]')) {
        throw new Error('not at the last step');
      }
    },
    { timeout: patience },
  );
}
