import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fn, waitFor } from 'storybook/test';
import '../packages/widgets/src/mfc-registration-form.js';
import type { TranslationOverrides } from '../packages/widgets/src/i18n/translation.js';
import {
  demoCode,
  fakeApiOf,
  invalidFields,
  mountedCabinet,
  networkError,
  noAnswer,
  problem,
  storyCabinet,
} from './support/fake-api.js';
import {
  enterCode,
  errorEventWithCode,
  expectBusy,
  expectShown,
  press,
  pressPrimary,
  typeInto,
  waitForPart,
  useUpCodeAttempts,
  yearsAgo,
} from './support/form-play.js';
import {
  findRegistrationForm,
  reachEmailCode,
  reachPersonalData,
  reachPhoneCode,
  register,
  savePersonalData,
  waitForConsentText,
  waitForDone,
  type PersonalData,
} from './support/registration-play.js';
import {
  headingLevelArgType,
  localeArgType,
  localeOf,
  stringsArgType,
  styleOf,
  type WidgetArgs,
} from './support/story-args.js';

interface RegistrationFormArgs extends WidgetArgs {
  'heading-level': number;
  strings: TranslationOverrides | undefined;
  onMfcLogin: (event: Event) => void;
  onMfcNavigate: (event: Event) => void;
  onMfcError: (event: Event) => void;
}

type Story = StoryObj<RegistrationFormArgs>;

function renderRegistrationForm(args: RegistrationFormArgs, context: StoryContext<RegistrationFormArgs>) {
  const locale = localeOf(args, context);
  const { client } = storyCabinet(context, fakeApiOf(context), locale);
  return html`<mfc-registration-form
    heading-level=${args['heading-level']}
    locale=${locale}
    style=${ifDefined(styleOf(args))}
    .client=${client}
    .strings=${args.strings}
    @mfc-login=${args.onMfcLogin}
    @mfc-navigate=${args.onMfcNavigate}
    @mfc-error=${args.onMfcError}
  ></mfc-registration-form>`;
}

const meta = {
  title: 'Widgets/Registration form',
  component: 'mfc-registration-form',
  tags: ['autodocs'],
  render: renderRegistrationForm,
  args: {
    'heading-level': 2,
    locale: 'toolbar',
    strings: undefined,
    onMfcLogin: fn().mockName('mfc-login'),
    onMfcNavigate: fn().mockName('mfc-navigate'),
    onMfcError: fn().mockName('mfc-error'),
  },
  argTypes: {
    'heading-level': headingLevelArgType,
    locale: localeArgType,
    strings: stringsArgType('{ "getCode": "Получить код по SMS" }'),
    onMfcLogin: { table: { disable: true } },
    onMfcNavigate: { table: { disable: true } },
    onMfcError: { table: { disable: true } },
  },
  parameters: {
    fakeApi: {},
  },
} satisfies Meta<RegistrationFormArgs>;

export default meta;

// ------------------------------------------------------------------ step 1: phone, e-mail, password, consent

/**
 * The empty first step, with the consent text loaded. Try it: any Russian mobile number and a
 * password that meets the rules, then the code `123456` (answers take 0.4 s). The other
 * stories reach their state in their play function.
 */
export const Default: Story = {
  name: 'Empty: consent text loaded',
  parameters: { fakeApi: { delay: 400 } },
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await waitForConsentText(form);
  },
};

/** Before the consent text has arrived: the form cannot be sent yet. */
export const LoadingConsent: Story = {
  name: 'Consent text loading',
  parameters: { fakeApi: { replies: { 'GET consents/personal-data': noAnswer } } },
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await expectBusy(form);
  },
};

/** The consent text could not be loaded (offline): without it there is no consent to give; Try again is offered. */
export const ConsentFailed: Story = {
  name: 'Consent text failed to load',
  parameters: { fakeApi: { replies: { 'GET consents/personal-data': networkError } } },
  play: async ({ canvasElement, args }) => {
    const form = await findRegistrationForm(canvasElement);
    await expectShown(form, '#form-error button');
    await expectBusy(form);
    await waitFor(() => expect(args.onMfcError).toHaveBeenCalledWith(errorEventWithCode('network')));
  },
};

/** The checklist follows the typing: this password has lower case letters and digits, but no capital or special character. */
export const PasswordChecklist: Story = {
  name: 'Password checklist partly met',
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await waitForConsentText(form);
    await typeInto(form, 'password', 'zarechny2026');
    const rules = [...(await waitForPart(form, '#password-rules')).querySelectorAll('li')];
    await expect(rules.filter((rule) => rule.classList.contains('met')).length).toBe(4);
  },
};

/** Get code pressed with nothing filled in: checked in the browser, nothing is sent. */
export const EmptySubmit: Story = {
  name: 'Field errors: nothing filled in',
  play: async (context) => {
    const form = await findRegistrationForm(context.canvasElement);
    await waitForConsentText(form);
    await pressPrimary(form);
    await expectShown(form, '#phone-error');
    await expectShown(form, '#password-error');
    await expectShown(form, '#consent-error');
    const endpoints = mountedCabinet(context).api.requests.map((request) => request.endpoint);
    await expect(endpoints).toEqual(['GET consents/personal-data']);
  },
};

/** A foreign phone number and an e-mail without a domain. */
export const InvalidPhoneAndEmail: Story = {
  name: 'Field errors: invalid phone and e-mail',
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await register(form, { phone: '+1 555 123', email: 'ivanov@' });
    await expectShown(form, '#phone-error');
    await expectShown(form, '#email-error');
  },
};

export const PasswordsDiffer: Story = {
  name: 'Field errors: passwords differ',
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await register(form, { passwordRepeat: 'Zarechny-2025!' });
    await expectShown(form, '#passwordRepeat-error');
  },
};

/** Everything filled in but the consent to the processing of personal data (152-ФЗ). */
export const NoConsent: Story = {
  name: 'Field errors: no consent',
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await register(form, { consent: false });
    await expectShown(form, '#consent-error');
  },
};

/** The password meets every rule, but the server knows it as one of the most common passwords. */
export const PasswordCommon: Story = {
  name: 'Server: password too common',
  play: async ({ canvasElement, args }) => {
    const form = await findRegistrationForm(canvasElement);
    await register(form, { password: 'Qwerty123!' });
    await expectShown(form, '#password-error');
    await waitFor(() => expect(args.onMfcError).toHaveBeenCalledWith(errorEventWithCode('validation_failed')));
  },
};

/** The consent text changed on the server after the page loaded it: the citizen must read it again. */
export const ConsentOutdated: Story = {
  name: 'Server: consent text outdated',
  parameters: {
    fakeApi: { replies: { 'POST auth/registration': invalidFields({ field: 'consent.version', code: 'consent_outdated' }) } },
  },
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await register(form);
    await expectShown(form, '#consent-error');
  },
};

/** Too many codes sent to this phone within an hour. */
export const PhoneRateLimited: Story = {
  name: 'Server: too many codes to this phone',
  parameters: { fakeApi: { replies: { 'POST auth/registration': problem(429, 'rate_limited', { retryAfter: 3600 }) } } },
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await register(form);
    await expectShown(form, '#form-error');
  },
};

/** After Get code, while the server sends the SMS. */
export const Sending: Story = {
  name: 'Sending the code',
  parameters: { fakeApi: { replies: { 'POST auth/registration': noAnswer } } },
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await register(form);
    await expectBusy(form);
  },
};

// ------------------------------------------------------------------ step 2: the phone's code

/** The code went by SMS; a new one can be requested after the countdown. */
export const PhoneCode: Story = {
  name: 'Phone code',
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await reachPhoneCode(form);
    await expectShown(form, '[part~="resend"] .hint');
  },
};

/** After Confirm, while the server checks the code. */
export const ConfirmingCode: Story = {
  name: 'Phone code: confirming',
  parameters: { fakeApi: { replies: { 'POST auth/registration/code': noAnswer } } },
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await reachPhoneCode(form);
    await enterCode(form, demoCode);
    await expectBusy(form);
  },
};

export const WrongCode: Story = {
  name: 'Phone code: wrong code',
  play: async ({ canvasElement, args }) => {
    const form = await findRegistrationForm(canvasElement);
    await reachPhoneCode(form);
    await enterCode(form, '000000');
    await expectShown(form, '#code-error');
    await waitFor(() => expect(args.onMfcError).toHaveBeenCalledWith(errorEventWithCode('otp_invalid')));
  },
};

/** The code was not entered within 5 minutes; a new one can be requested. */
export const CodeExpired: Story = {
  name: 'Phone code: expired',
  parameters: { fakeApi: { resendAfter: 0, replies: { 'POST auth/registration/code': problem(400, 'otp_expired') } } },
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await reachPhoneCode(form);
    await enterCode(form, demoCode);
    await expectShown(form, '#form-error');
    await expectShown(form, '[part~="resend"] button');
  },
};

/** Three wrong codes: this registration attempt is over, the citizen starts again. */
export const AttemptsExceeded: Story = {
  name: 'Phone code: attempts exceeded',
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await reachPhoneCode(form);
    await useUpCodeAttempts(form);
  },
};

/** The resend countdown is over: the citizen may ask for a new code. */
export const ResendAvailable: Story = {
  name: 'Phone code: resend available',
  parameters: { fakeApi: { resendAfter: 0 } },
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await reachPhoneCode(form);
    await expectShown(form, '[part~="resend"] button');
  },
};

// ------------------------------------------------------------------ step 2: the e-mail's code

/** The phone is confirmed (the account exists, `mfc-login` fired); the e-mail's code now, or later. */
export const EmailCode: Story = {
  name: 'E-mail code',
  play: async ({ canvasElement, args }) => {
    const form = await findRegistrationForm(canvasElement);
    await reachEmailCode(form);
    await expectShown(form, '[part~="link-button"]');
    await expect(args.onMfcLogin).toHaveBeenCalled();
  },
};

export const EmailWrongCode: Story = {
  name: 'E-mail code: wrong code',
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await reachEmailCode(form);
    await enterCode(form, '000000');
    await expectShown(form, '#code-error');
  },
};

/** The e-mail's code entered: on to the personal data. */
export const EmailConfirmed: Story = {
  name: 'E-mail code: confirmed',
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await reachEmailCode(form);
    await enterCode(form, demoCode);
    await waitForPart(form, '#lastName');
  },
};

/** «Confirm the e-mail later»: on to the personal data; the profile offers the confirmation again. */
export const EmailLater: Story = {
  name: 'E-mail code: confirm later',
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await reachEmailCode(form);
    await press(form, '[part~="link-button"]');
    await waitForPart(form, '#lastName');
  },
};

// ------------------------------------------------------------------ step 3: personal data

/** Name, birth date, passport, СНИЛС and ИНН, for the registry check that makes the account standard. */
export const PersonalDataStep: Story = {
  name: 'Personal data',
  play: async ({ canvasElement, args }) => {
    const form = await findRegistrationForm(canvasElement);
    await reachPersonalData(form);
    await expect(args.onMfcLogin).toHaveBeenCalled();
  },
};

/** The play function of a story that saves good personal data changed by `changes`, and expects errors of `fields`. */
function personalDataMistake(changes: Partial<PersonalData>, fields: readonly string[]): Story['play'] {
  return async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await reachPersonalData(form);
    await savePersonalData(form, changes);
    for (const field of fields) await expectShown(form, `#${field}-error`);
  };
}

/** Save pressed with nothing filled in. */
export const PersonalDataEmpty: Story = {
  name: 'Personal data: nothing filled in',
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await reachPersonalData(form);
    await pressPrimary(form);
    for (const field of ['lastName', 'firstName', 'birthDate', 'passport', 'passport-issuedAt', 'snils']) {
      await expectShown(form, `#${field}-error`);
    }
  },
};

export const InvalidNames: Story = {
  name: 'Personal data: names with digits and signs',
  play: personalDataMistake({ lastName: 'Иванов2', firstName: '<Иван>', middleName: '-' }, ['lastName', 'firstName', 'middleName']),
};

/** Registration is open from 14, the age of the first passport. */
export const TooYoung: Story = {
  name: 'Personal data: younger than 14',
  play: personalDataMistake({ birthDate: yearsAgo(10), passportIssuedAt: yearsAgo(1) }, ['birthDate']),
};

export const BadPassport: Story = {
  name: 'Personal data: passport number too short',
  play: personalDataMistake({ passport: '45 10 12345' }, ['passport']),
};

/** The last two digits of a СНИЛС are a checksum of the others. */
export const BadSnils: Story = {
  name: 'Personal data: СНИЛС checksum',
  play: personalDataMistake({ snils: '112-233-445 96' }, ['snils']),
};

/** The last two digits of a person's ИНН are check digits. */
export const BadInn: Story = {
  name: 'Personal data: ИНН check digits',
  play: personalDataMistake({ inn: '500100732258' }, ['inn']),
};

/** After Save, while the server stores the data. */
export const Saving: Story = {
  name: 'Personal data: saving',
  parameters: { fakeApi: { replies: { 'PUT profile/personal-data': noAnswer } } },
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await reachPersonalData(form);
    await savePersonalData(form);
    await expectBusy(form);
  },
};

/** The data could not be sent (offline); the form keeps it. */
export const SavingFailed: Story = {
  name: 'Personal data: saving failed',
  parameters: { fakeApi: { replies: { 'PUT profile/personal-data': networkError } } },
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await reachPersonalData(form);
    await savePersonalData(form);
    await expectShown(form, '#form-error');
  },
};

// ------------------------------------------------------------------ done

/** Registered; the registry check of passport and СНИЛС is under way (it takes minutes in life). */
export const DonePending: Story = {
  name: 'Done: registry check pending',
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await reachPersonalData(form);
    await savePersonalData(form);
    await waitForDone(form);
    await expectShown(form, 'p[role="status"]');
  },
};

/** The registries confirmed the data: the account is standard. */
export const DoneVerified: Story = {
  name: 'Done: registry check verified',
  parameters: { fakeApi: { registryCheck: 'verified' } },
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await reachPersonalData(form);
    await savePersonalData(form);
    await expectShown(form, '[part~="alert"][role="status"]');
  },
};

/** The registries did not confirm the data, and say why. */
export const DoneRejected: Story = {
  name: 'Done: registry check rejected',
  parameters: { fakeApi: { registryCheck: 'rejected' } },
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await reachPersonalData(form);
    await savePersonalData(form);
    await expectShown(form, '[part~="alert"][role="alert"]');
  },
};

/** «Fill in later»: the account stays simplified; passport and СНИЛС can be added in the profile. */
export const DoneSkipped: Story = {
  name: 'Done: personal data skipped',
  play: async ({ canvasElement }) => {
    const form = await findRegistrationForm(canvasElement);
    await reachPersonalData(form);
    await press(form, '.links [part~="link-button"]');
    await waitForDone(form);
  },
};

// ------------------------------------------------------------------ look and layout

export const DarkTheme: Story = {
  ...InvalidPhoneAndEmail,
  name: 'Dark theme',
  globals: { theme: 'dark' },
};

export const DarkThemePersonalData: Story = {
  ...BadSnils,
  name: 'Dark theme: personal data',
  globals: { theme: 'dark' },
};

/** `.mfc-theme-contrast`: large text and high contrast, for people with low vision. */
export const LargeTextContrast: Story = {
  ...EmptySubmit,
  name: 'Large text, high contrast',
  globals: { theme: 'contrast' },
};

export const LargeTextPersonalData: Story = {
  ...PersonalDataEmpty,
  name: 'Large text: personal data',
  globals: { theme: 'contrast' },
};

export const OnAPhone: Story = {
  ...PasswordChecklist,
  name: 'On a phone',
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};

export const OnAPhonePersonalData: Story = {
  ...PersonalDataStep,
  name: 'On a phone: personal data',
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};

// ------------------------------------------------------------------ in English

/** The English strings, whatever the toolbar says. */
const inEnglish = { globals: { locale: 'en' } } satisfies Story;

export const EnglishDefault: Story = { ...Default, ...inEnglish, name: 'English: empty form' };
export const EnglishConsentFailed: Story = { ...ConsentFailed, ...inEnglish, name: 'English: consent text failed to load' };
export const EnglishPasswordChecklist: Story = { ...PasswordChecklist, ...inEnglish, name: 'English: password checklist' };
export const EnglishEmptySubmit: Story = { ...EmptySubmit, ...inEnglish, name: 'English: nothing filled in' };
export const EnglishInvalidPhoneAndEmail: Story = {
  ...InvalidPhoneAndEmail,
  ...inEnglish,
  name: 'English: invalid phone and e-mail',
};
export const EnglishPasswordsDiffer: Story = { ...PasswordsDiffer, ...inEnglish, name: 'English: passwords differ' };
export const EnglishPasswordCommon: Story = { ...PasswordCommon, ...inEnglish, name: 'English: password too common' };
export const EnglishConsentOutdated: Story = { ...ConsentOutdated, ...inEnglish, name: 'English: consent text outdated' };
export const EnglishPhoneRateLimited: Story = { ...PhoneRateLimited, ...inEnglish, name: 'English: too many codes' };
export const EnglishPhoneCode: Story = { ...PhoneCode, ...inEnglish, name: 'English: phone code' };
export const EnglishWrongCode: Story = { ...WrongCode, ...inEnglish, name: 'English: wrong code' };
export const EnglishCodeExpired: Story = { ...CodeExpired, ...inEnglish, name: 'English: code expired' };
export const EnglishAttemptsExceeded: Story = { ...AttemptsExceeded, ...inEnglish, name: 'English: attempts exceeded' };
export const EnglishEmailCode: Story = { ...EmailCode, ...inEnglish, name: 'English: e-mail code' };
export const EnglishPersonalDataEmpty: Story = {
  ...PersonalDataEmpty,
  ...inEnglish,
  name: 'English: personal data, nothing filled in',
};
export const EnglishInvalidNames: Story = { ...InvalidNames, ...inEnglish, name: 'English: invalid names' };
export const EnglishTooYoung: Story = { ...TooYoung, ...inEnglish, name: 'English: younger than 14' };
export const EnglishBadSnils: Story = { ...BadSnils, ...inEnglish, name: 'English: СНИЛС checksum' };
export const EnglishDonePending: Story = { ...DonePending, ...inEnglish, name: 'English: registry check pending' };
export const EnglishDoneVerified: Story = { ...DoneVerified, ...inEnglish, name: 'English: registry check verified' };
export const EnglishDoneRejected: Story = { ...DoneRejected, ...inEnglish, name: 'English: registry check rejected' };
export const EnglishDoneSkipped: Story = { ...DoneSkipped, ...inEnglish, name: 'English: personal data skipped' };
