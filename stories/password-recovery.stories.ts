import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fn, waitFor } from 'storybook/test';
import '../packages/widgets/src/mfc-password-recovery.js';
import type { TranslationOverrides } from '../packages/widgets/src/i18n/translation.js';
import { demoCode, fakeApiOf, mountedCabinet, networkError, noAnswer, problem, storyCabinet } from './support/fake-api.js';
import {
  enterCode,
  errorEventWithCode,
  expectBusy,
  expectShown,
  press,
  pressPrimary,
  typeInto,
  useUpCodeAttempts,
  waitForPart,
} from './support/form-play.js';
import {
  findPasswordRecovery,
  reachNewPassword,
  reachRecoveryCode,
  saveNewPassword,
  startRecovery,
} from './support/recovery-play.js';
import { goodPassword } from './support/registration-play.js';
import {
  headingLevelArgType,
  localeArgType,
  localeOf,
  stringsArgType,
  styleOf,
  type WidgetArgs,
} from './support/story-args.js';

interface PasswordRecoveryArgs extends WidgetArgs {
  'heading-level': number;
  identifier: string;
  strings: TranslationOverrides | undefined;
  onMfcNavigate: (event: Event) => void;
  onMfcError: (event: Event) => void;
}

type Story = StoryObj<PasswordRecoveryArgs>;

function renderPasswordRecovery(args: PasswordRecoveryArgs, context: StoryContext<PasswordRecoveryArgs>) {
  const locale = localeOf(args, context);
  const { client } = storyCabinet(context, fakeApiOf(context), locale);
  return html`<mfc-password-recovery
    heading-level=${args['heading-level']}
    identifier=${args.identifier}
    locale=${locale}
    style=${ifDefined(styleOf(args))}
    .client=${client}
    .strings=${args.strings}
    @mfc-navigate=${args.onMfcNavigate}
    @mfc-error=${args.onMfcError}
  ></mfc-password-recovery>`;
}

const meta = {
  title: 'Widgets/Password recovery',
  component: 'mfc-password-recovery',
  tags: ['autodocs'],
  render: renderPasswordRecovery,
  args: {
    'heading-level': 2,
    identifier: '',
    locale: 'toolbar',
    strings: undefined,
    onMfcNavigate: fn().mockName('mfc-navigate'),
    onMfcError: fn().mockName('mfc-error'),
  },
  argTypes: {
    'heading-level': headingLevelArgType,
    identifier: {
      description: 'The login to start with, e.g. what the citizen typed on the sign-in form.',
      control: 'text',
      table: { category: 'attributes', defaultValue: { summary: '""' } },
    },
    locale: localeArgType,
    strings: stringsArgType('{ "recoveryHeading": "Забыли пароль?" }'),
    onMfcNavigate: { table: { disable: true } },
    onMfcError: { table: { disable: true } },
  },
  parameters: {
    fakeApi: {},
  },
} satisfies Meta<PasswordRecoveryArgs>;

export default meta;

// ------------------------------------------------------------------ the login

/**
 * The empty first step. Try it: any phone, e-mail or СНИЛС, the code `123456`, then a new
 * password (answers take 0.4 s); `Zarechny-2025!` was used before and is refused. The other
 * stories reach their state in their play function.
 */
export const Default: Story = {
  name: 'Empty',
  parameters: { fakeApi: { delay: 400 } },
  play: async ({ canvasElement }) => {
    const form = await findPasswordRecovery(canvasElement);
    await waitForPart(form, '#identifier');
  },
};

/** Opened from the sign-in form, with the login the citizen had typed there. */
export const Prefilled: Story = {
  name: 'Login filled in',
  args: { identifier: '+7 900 123-45-67' },
  play: async ({ canvasElement }) => {
    const form = await findPasswordRecovery(canvasElement);
    await expect(await waitForPart(form, '#identifier')).toHaveValue('+7 900 123-45-67');
  },
};

/** Get code pressed with nothing filled in: checked in the browser, nothing is sent. */
export const EmptySubmit: Story = {
  name: 'Field error: nothing filled in',
  play: async ({ canvasElement }) => {
    const form = await findPasswordRecovery(canvasElement);
    await startRecovery(form, '');
    await expectShown(form, '#identifier-error');
  },
};

/** Not a phone, an e-mail or a СНИЛС. */
export const InvalidIdentifier: Story = {
  name: 'Field error: not a phone, e-mail or СНИЛС',
  play: async ({ canvasElement }) => {
    const form = await findPasswordRecovery(canvasElement);
    await startRecovery(form, 'ivanov@mail');
    await expectShown(form, '#identifier-error');
  },
};

/** After Get code, while the server sends it. */
export const Sending: Story = {
  name: 'Sending the code',
  parameters: { fakeApi: { replies: { 'POST auth/recovery': noAnswer } } },
  play: async ({ canvasElement }) => {
    const form = await findPasswordRecovery(canvasElement);
    await startRecovery(form);
    await expectBusy(form);
  },
};

/** The browser is offline. */
export const NetworkError: Story = {
  name: 'Network error',
  parameters: { fakeApi: { replies: { 'POST auth/recovery': networkError } } },
  play: async ({ canvasElement }) => {
    const form = await findPasswordRecovery(canvasElement);
    await startRecovery(form);
    await expectShown(form, '#form-error');
  },
};

// ------------------------------------------------------------------ the code

/**
 * The code step. It says the same whether or not an account has this login, so nobody learns
 * who is registered; a new code can be requested when the countdown is over.
 */
export const CodeStep: Story = {
  name: 'Code: resend countdown',
  play: async ({ canvasElement }) => {
    const form = await findPasswordRecovery(canvasElement);
    await reachRecoveryCode(form);
    await expectShown(form, '[part~="resend"] .hint');
  },
};

export const WrongCode: Story = {
  name: 'Code: wrong code',
  play: async ({ canvasElement, args }) => {
    const form = await findPasswordRecovery(canvasElement);
    await reachRecoveryCode(form);
    await enterCode(form, '000000');
    await expectShown(form, '#code-error');
    await waitFor(() => expect(args.onMfcError).toHaveBeenCalledWith(errorEventWithCode('otp_invalid')));
  },
};

/** The code was not entered within 5 minutes; a new one can be requested. */
export const CodeExpired: Story = {
  name: 'Code: expired',
  parameters: { fakeApi: { resendAfter: 0, replies: { 'POST auth/recovery/code': problem(400, 'otp_expired') } } },
  play: async ({ canvasElement }) => {
    const form = await findPasswordRecovery(canvasElement);
    await reachRecoveryCode(form);
    await enterCode(form, demoCode);
    await expectShown(form, '#form-error');
    await expectShown(form, '[part~="resend"] button');
  },
};

/** Three wrong codes: this attempt is over, the citizen starts again. */
export const AttemptsExceeded: Story = {
  name: 'Code: attempts exceeded',
  play: async ({ canvasElement }) => {
    const form = await findPasswordRecovery(canvasElement);
    await reachRecoveryCode(form);
    await useUpCodeAttempts(form);
  },
};

/** The resend countdown is over: the citizen may ask for a new code. */
export const ResendAvailable: Story = {
  name: 'Code: resend available',
  parameters: { fakeApi: { resendAfter: 0 } },
  play: async ({ canvasElement }) => {
    const form = await findPasswordRecovery(canvasElement);
    await reachRecoveryCode(form);
    await expectShown(form, '[part~="resend"] button');
  },
};

/** A new code was sent: the countdown starts again. */
export const CodeResent: Story = {
  name: 'Code: resent',
  parameters: { fakeApi: { resendAfter: 0 } },
  play: async (context) => {
    const form = await findPasswordRecovery(context.canvasElement);
    await reachRecoveryCode(form);
    await press(form, '[part~="resend"] button');
    await expectShown(form, '[part~="resend"] .hint');
    const endpoints = mountedCabinet(context).api.requests.map((request) => request.endpoint);
    await expect(endpoints).toContain('POST auth/recovery/code/resend');
  },
};

// ------------------------------------------------------------------ the new password

/** The checklist follows the typing: this one lacks a capital letter and a special character. */
export const NewPassword: Story = {
  name: 'New password: checklist partly met',
  play: async ({ canvasElement }) => {
    const form = await findPasswordRecovery(canvasElement);
    await reachNewPassword(form);
    await typeInto(form, 'password', 'zarechny2026');
    const rules = [...(await waitForPart(form, '#password-rules')).querySelectorAll('li')];
    await expect(rules.filter((rule) => rule.classList.contains('met')).length).toBe(4);
  },
};

/** Checked in the browser against the rules: nothing is sent. */
export const WeakPassword: Story = {
  name: 'New password: too weak',
  play: async ({ canvasElement }) => {
    const form = await findPasswordRecovery(canvasElement);
    await reachNewPassword(form);
    await saveNewPassword(form, 'zarechny');
    await expectShown(form, '#password-error');
  },
};

export const PasswordsDiffer: Story = {
  name: 'New password: passwords differ',
  play: async ({ canvasElement }) => {
    const form = await findPasswordRecovery(canvasElement);
    await reachNewPassword(form);
    await saveNewPassword(form, goodPassword, 'Zarechny-2025!');
    await expectShown(form, '#passwordRepeat-error');
  },
};

/** One of the account's last 5 passwords: the server refuses it (`password_reused`). */
export const ReusedPassword: Story = {
  name: 'Server: password used before',
  play: async ({ canvasElement, args }) => {
    const form = await findPasswordRecovery(canvasElement);
    await reachNewPassword(form);
    await saveNewPassword(form, 'Zarechny-2025!');
    await expectShown(form, '#password-error');
    await waitFor(() => expect(args.onMfcError).toHaveBeenCalledWith(errorEventWithCode('validation_failed')));
  },
};

/** The password meets every rule, but the server knows it as one of the most common passwords. */
export const CommonPassword: Story = {
  name: 'Server: password too common',
  play: async ({ canvasElement }) => {
    const form = await findPasswordRecovery(canvasElement);
    await reachNewPassword(form);
    await saveNewPassword(form, 'Qwerty123!');
    await expectShown(form, '#password-error');
  },
};

/** After Save, while the server changes the password and ends the sessions. */
export const SavingPassword: Story = {
  name: 'New password: saving',
  parameters: { fakeApi: { replies: { 'POST auth/recovery/password': noAnswer } } },
  play: async ({ canvasElement }) => {
    const form = await findPasswordRecovery(canvasElement);
    await reachNewPassword(form);
    await saveNewPassword(form, goodPassword);
    await expectBusy(form);
  },
};

/** The permission to set a new password (10 minutes after the code) ran out: start again. */
export const ResetExpired: Story = {
  name: 'Server: time to set the password ran out',
  parameters: { fakeApi: { replies: { 'POST auth/recovery/password': problem(400, 'otp_expired') } } },
  play: async ({ canvasElement }) => {
    const form = await findPasswordRecovery(canvasElement);
    await reachNewPassword(form);
    await saveNewPassword(form, goodPassword);
    await expectShown(form, '#form-error button');
  },
};

// ------------------------------------------------------------------ done

/** The password is changed and every session ended; Sign in leads back to the sign-in form (`mfc-navigate`). */
export const Done: Story = {
  name: 'Password changed',
  play: async ({ canvasElement, args }) => {
    const form = await findPasswordRecovery(canvasElement);
    await reachNewPassword(form);
    await saveNewPassword(form, goodPassword);
    await expectShown(form, '[part~="alert"][role="status"]');
    await pressPrimary(form);
    await expect(args.onMfcNavigate).toHaveBeenCalledWith(
      expect.objectContaining({ detail: expect.objectContaining({ to: 'login', reason: 'password-changed' }) }),
    );
  },
};

// ------------------------------------------------------------------ look and layout

export const DarkTheme: Story = {
  ...WrongCode,
  name: 'Dark theme',
  globals: { theme: 'dark' },
};

export const DarkThemeNewPassword: Story = {
  ...WeakPassword,
  name: 'Dark theme: new password',
  globals: { theme: 'dark' },
};

/** `.mfc-theme-contrast`: large text and high contrast, for people with low vision. */
export const LargeTextContrast: Story = {
  ...NewPassword,
  name: 'Large text, high contrast',
  globals: { theme: 'contrast' },
};

export const OnAPhone: Story = {
  ...ReusedPassword,
  name: 'On a phone',
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};

// ------------------------------------------------------------------ in English

/** The English strings, whatever the toolbar says. */
const inEnglish = { globals: { locale: 'en' } } satisfies Story;

export const EnglishDefault: Story = { ...Default, ...inEnglish, name: 'English: empty' };
export const EnglishEmptySubmit: Story = { ...EmptySubmit, ...inEnglish, name: 'English: nothing filled in' };
export const EnglishInvalidIdentifier: Story = { ...InvalidIdentifier, ...inEnglish, name: 'English: invalid login' };
export const EnglishCodeStep: Story = { ...CodeStep, ...inEnglish, name: 'English: code, resend countdown' };
export const EnglishWrongCode: Story = { ...WrongCode, ...inEnglish, name: 'English: wrong code' };
export const EnglishCodeExpired: Story = { ...CodeExpired, ...inEnglish, name: 'English: code expired' };
export const EnglishAttemptsExceeded: Story = { ...AttemptsExceeded, ...inEnglish, name: 'English: attempts exceeded' };
export const EnglishResendAvailable: Story = { ...ResendAvailable, ...inEnglish, name: 'English: resend available' };
export const EnglishNewPassword: Story = { ...NewPassword, ...inEnglish, name: 'English: new password, checklist partly met' };
export const EnglishWeakPassword: Story = { ...WeakPassword, ...inEnglish, name: 'English: password too weak' };
export const EnglishReusedPassword: Story = { ...ReusedPassword, ...inEnglish, name: 'English: password used before' };
export const EnglishResetExpired: Story = { ...ResetExpired, ...inEnglish, name: 'English: time ran out' };
export const EnglishDone: Story = { ...Done, ...inEnglish, name: 'English: password changed' };
