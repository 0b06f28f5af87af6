import type { Locale } from '@mfc-cabinet/core';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, render } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fn, waitFor } from 'storybook/test';
import '../packages/widgets/src/mfc-login-form.js';
import type { TranslationOverrides } from '../packages/widgets/src/i18n/translation.js';
import {
  demoCode,
  fakeApiOf,
  mountedCabinet,
  networkError,
  noAnswer,
  problem,
  storyCabinet,
  unavailable,
} from './support/fake-api.js';
import {
  chooseOwnPassword,
  enterCode,
  errorEventWithCode,
  expectShown,
  findLoginForm,
  press,
  pressPrimary,
  reachPasswordChange,
  signIn,
  temporaryPassword,
  typeInto,
  waitForPart,
} from './support/login-form-play.js';
import { findPasswordRecovery } from './support/recovery-play.js';
import { findRegistrationForm, goodPassword, waitForConsentText } from './support/registration-play.js';
import {
  answerSessionWarning,
  expectSessionWarningClosed,
  findSecurity,
  waitForSessions,
  waitForSessionWarning,
} from './support/security-play.js';

interface LoginFormArgs {
  'heading-level': number;
  /** CSS custom properties of the element (`--mfc-color-primary`, …), from custom-elements.json. */
  [cssProperty: `--${string}`]: string | undefined;
  /** `toolbar`: the language chosen in the toolbar. */
  locale: Locale | 'toolbar';
  strings: TranslationOverrides | undefined;
  onMfcLogin: (event: Event) => void;
  onMfcLogout: (event: Event) => void;
  onMfcError: (event: Event) => void;
}

type Story = StoryObj<LoginFormArgs>;

/**
 * The language is set on the element, not left to the `lang` around it: a widget reads `lang`
 * when it renders but is not told when it changes, so the toolbar would not switch it.
 */
function renderLoginForm(args: LoginFormArgs, context: StoryContext<LoginFormArgs>) {
  const locale = args.locale === 'toolbar' ? (context.globals['locale'] as Locale) : args.locale;
  const { client } = storyCabinet(context, fakeApiOf(context), locale);
  const style = Object.entries(args)
    .filter(([name, value]) => name.startsWith('--') && value)
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join('; ');
  return html`<mfc-login-form
    heading-level=${args['heading-level']}
    locale=${locale}
    style=${ifDefined(style || undefined)}
    .client=${client}
    .strings=${args.strings}
    @mfc-login=${args.onMfcLogin}
    @mfc-logout=${args.onMfcLogout}
    @mfc-error=${args.onMfcError}
  ></mfc-login-form>`;
}

const meta = {
  title: 'Widgets/Login form',
  component: 'mfc-login-form',
  tags: ['autodocs'],
  render: renderLoginForm,
  args: {
    'heading-level': 2,
    locale: 'toolbar',
    strings: undefined,
    onMfcLogin: fn().mockName('mfc-login'),
    onMfcLogout: fn().mockName('mfc-logout'),
    onMfcError: fn().mockName('mfc-error'),
  },
  argTypes: {
    'heading-level': {
      description: 'Level of the form heading in the page outline (1–6).',
      control: { type: 'number', min: 1, max: 6, step: 1 },
      table: { category: 'attributes', defaultValue: { summary: '2' } },
    },
    locale: {
      description: 'Language of the widget: `ru` or `en`. Without it, the nearest `lang`; here: the Language toolbar.',
      options: ['toolbar', 'ru', 'en'],
      control: { type: 'select', labels: { toolbar: '(the toolbar)', ru: 'ru', en: 'en' } },
      table: { category: 'attributes', defaultValue: { summary: 'nearest lang, else ru' } },
    },
    strings: {
      description: 'Overrides of some strings, e.g. `{ "signIn": "Войти в кабинет" }`.',
      control: 'object',
      table: { category: 'properties' },
    },
    onMfcLogin: { table: { disable: true } },
    onMfcLogout: { table: { disable: true } },
    onMfcError: { table: { disable: true } },
  },
  parameters: {
    fakeApi: {},
  },
} satisfies Meta<LoginFormArgs>;

export default meta;

// ------------------------------------------------------------------ signing in

/**
 * The empty form. Every story talks to a fake Cabinet API in the browser
 * (`stories/support/fake-api.ts`); try it here: any login and password, then the code
 * `123456` (answers take 0.4 s). Registration and password recovery work too, with the same
 * code. The other stories reach their state in their play function.
 */
export const Default: Story = {
  name: 'Empty form',
  parameters: { fakeApi: { delay: 400 } },
};

/** Before the server has said whether the browser is signed in. */
export const CheckingSession: Story = {
  name: 'Checking the session',
  parameters: { fakeApi: { replies: { 'GET auth/session': noAnswer } } },
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await expectShown(form, '[role="status"].status');
  },
};

/** After Sign in, while the server checks the password. */
export const SigningIn: Story = {
  name: 'Signing in',
  parameters: { fakeApi: { replies: { 'POST auth/login': noAnswer } } },
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await signIn(form);
    await expect(await waitForPart(form, '[part~="primary-button"]')).toHaveAttribute('aria-disabled', 'true');
  },
};

export const WrongPassword: Story = {
  name: 'Wrong password',
  parameters: { fakeApi: { replies: { 'POST auth/login': problem(401, 'invalid_credentials', { attemptsLeft: 2 }) } } },
  play: async ({ canvasElement, args }) => {
    const form = await findLoginForm(canvasElement);
    await signIn(form, 'ivanov@mail.ru', 'wrong-password');
    await expectShown(form, '#form-error');
    await waitFor(() => expect(args.onMfcError).toHaveBeenCalledWith(errorEventWithCode('invalid_credentials')));
  },
};

/** Sign in pressed with nothing filled in: checked in the browser, nothing is sent. */
export const FieldErrors: Story = {
  name: 'Field errors',
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await waitForPart(form, '#identifier');
    await pressPrimary(form);
    await expectShown(form, '#identifier-error');
    await expectShown(form, '#password-error');
  },
};

/** Not a phone, an e-mail or a СНИЛС. */
export const InvalidIdentifier: Story = {
  name: 'Invalid login',
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await signIn(form, 'ivanov@mail', 'Parol-2024!');
    await expectShown(form, '#identifier-error');
  },
};

/** Too many wrong passwords: the server locks sign-in for 15 minutes; the countdown runs. */
export const LockedOut: Story = {
  name: 'Locked out',
  parameters: { fakeApi: { replies: { 'POST auth/login': problem(423, 'account_locked', { retryAfter: 15 * 60 }) } } },
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await signIn(form);
    await expectShown(form, '#lockout');
    await expect(await waitForPart(form, '[part~="primary-button"]')).toHaveAttribute('aria-disabled', 'true');
  },
};

// ------------------------------------------------------------------ the one-time code

/** The code step, code sent by SMS; a new code can be requested after the countdown. */
export const CodeBySms: Story = {
  name: 'Code: by SMS',
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await signIn(form);
    await waitForPart(form, '#code');
  },
};

export const CodeByEmail: Story = {
  name: 'Code: by e-mail',
  parameters: { fakeApi: { secondFactor: 'email' } },
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await signIn(form, 'ivanov@mail.ru');
    await waitForPart(form, '#code');
  },
};

/** After Confirm, while the server checks the code. */
export const ConfirmingCode: Story = {
  name: 'Code: confirming',
  parameters: { fakeApi: { replies: { 'POST auth/login/code': noAnswer } } },
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await signIn(form);
    await enterCode(form, demoCode);
    await expect(await waitForPart(form, '[part~="primary-button"]')).toHaveAttribute('aria-disabled', 'true');
  },
};

export const WrongCode: Story = {
  name: 'Code: wrong code',
  play: async ({ canvasElement, args }) => {
    const form = await findLoginForm(canvasElement);
    await signIn(form);
    await enterCode(form, '000000');
    await expectShown(form, '#code-error');
    await waitFor(() => expect(args.onMfcError).toHaveBeenCalledWith(errorEventWithCode('otp_invalid')));
  },
};

/** The code was not entered within 5 minutes; a new one can be requested. */
export const CodeExpired: Story = {
  name: 'Code: expired',
  parameters: { fakeApi: { resendAfter: 0, replies: { 'POST auth/login/code': problem(400, 'otp_expired') } } },
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await signIn(form);
    await enterCode(form, demoCode);
    await expectShown(form, '#form-error');
  },
};

/** Three wrong codes: this sign-in attempt is over, the citizen starts again. */
export const AttemptsExceeded: Story = {
  name: 'Code: attempts exceeded',
  parameters: { fakeApi: { replies: { 'POST auth/login/code': problem(400, 'otp_attempts_exceeded') } } },
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await signIn(form);
    await enterCode(form, '000000');
    await expectShown(form, '#form-error');
  },
};

/** The resend countdown is over: the citizen may ask for a new code. */
export const ResendAvailable: Story = {
  name: 'Code: resend available',
  parameters: { fakeApi: { resendAfter: 0 } },
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await signIn(form);
    await expectShown(form, '[part~="resend"] button');
  },
};

/** A new code was sent; the countdown starts again. */
export const CodeResent: Story = {
  name: 'Code: resent',
  parameters: { fakeApi: { resendAfter: 0 } },
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await signIn(form);
    await press(form, '[part~="resend"] button');
    await expectShown(form, '[part~="alert"][role="status"]');
  },
};

/** Too many codes requested: the server says when the next one may be sent. */
export const ResendRateLimited: Story = {
  name: 'Code: too many requested',
  parameters: { fakeApi: { resendAfter: 0, replies: { 'POST auth/login/code/resend': problem(429, 'rate_limited', { retryAfter: 120 }) } } },
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await signIn(form);
    await press(form, '[part~="resend"] button');
    await expectShown(form, '#form-error');
  },
};

// ------------------------------------------------------------------ signed in

/** The whole way: password, code, signed in; `mfc-login` carries the session. */
export const SignInWithCode: Story = {
  name: 'Sign-in with a code, the whole way',
  play: async ({ canvasElement, args }) => {
    const form = await findLoginForm(canvasElement);
    await signIn(form);
    await enterCode(form, demoCode);
    await expectShown(form, '[part~="user"]');
    await expect(args.onMfcLogin).toHaveBeenCalled();
  },
};

export const SignedInSimplified: Story = {
  name: 'Signed in: simplified account',
  parameters: { fakeApi: { signedIn: true, account: { level: 'simplified' } } },
};

export const SignedInStandard: Story = {
  name: 'Signed in: standard account',
  parameters: { fakeApi: { signedIn: true, account: { level: 'standard' } } },
};

export const SignedInConfirmed: Story = {
  name: 'Signed in: confirmed account',
  parameters: { fakeApi: { signedIn: true, account: { level: 'confirmed' } } },
};

/** After Sign out, while the server ends the session. */
export const SigningOut: Story = {
  name: 'Signing out',
  parameters: { fakeApi: { signedIn: true, replies: { 'POST auth/logout': noAnswer } } },
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await press(form, '[part~="user"] button');
    await expect(await waitForPart(form, '[part~="user"] button')).toHaveAttribute('aria-disabled', 'true');
  },
};

/**
 * A draft saved while the server could not be reached waits in the outbox: «Выйти» first
 * warns that signing out deletes it from this device, and a second press signs out.
 */
export const SigningOutWithUnsentWrites: Story = {
  name: 'Signing out with writes not yet sent',
  parameters: { fakeApi: { signedIn: true, replies: { 'PUT applications/:id/draft': networkError } } },
  play: async (context) => {
    const form = await findLoginForm(context.canvasElement);
    await waitForPart(form, '[part~="user"]');
    const { client } = mountedCabinet(context);
    await expect((await client.applications.saveDraft('draft-1', { lastName: 'Иванова' })).status).toBe('queued');
    await press(form, '[part~="user"] button');
    await expectShown(form, '[part~="user"] [part~="alert"]');
    await expect(client.auth.state.status).toBe('signed-in');
    await press(form, '[part~="user"] button');
    await waitFor(() => expect(client.auth.state.status).toBe('signed-out'), { timeout: 8000 });
    await expect(await client.applications.pending()).toEqual([]);
  },
};

/** The citizen signed out in another tab of the same site: this form says so. */
export const SignedOutInAnotherTab: Story = {
  name: 'Signed out in another tab',
  parameters: { fakeApi: { signedIn: true } },
  play: async (context) => {
    const form = await findLoginForm(context.canvasElement);
    await waitForPart(form, '[part~="user"]');
    const otherTab = mountedCabinet(context).api.createClient();
    await otherTab.auth.logout();
    await expectShown(form, '[part~="alert"][role="status"]');
    otherTab.close();
    await expect(context.args.onMfcLogout).toHaveBeenCalledWith(
      expect.objectContaining({ detail: { reason: 'other-tab' } }),
    );
  },
};

/** The server ended the session after 5 minutes without activity. */
export const SessionExpired: Story = {
  name: 'Session expired',
  parameters: { fakeApi: { signedIn: true } },
  play: async (context) => {
    const form = await findLoginForm(context.canvasElement);
    await waitForPart(form, '[part~="user"]');
    const { api, client } = mountedCabinet(context);
    api.endSession();
    await client.auth.refresh();
    await expectShown(form, '[part~="alert"][role="status"]');
  },
};

// ------------------------------------------------------------------ a temporary password

/**
 * An МФЦ operator issued a temporary password (here any that starts with `Temp-`). It works
 * once: after the code the citizen chooses their own password, and only then is signed in.
 */
export const TemporaryPassword: Story = {
  name: 'Temporary password: choose your own',
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await reachPasswordChange(form);
    await expectShown(form, '#password-rules');
  },
};

/** Checked in the browser against the rules: nothing is sent. */
export const TemporaryPasswordWeak: Story = {
  name: 'Temporary password: too weak',
  play: async (context) => {
    const form = await findLoginForm(context.canvasElement);
    await reachPasswordChange(form);
    await chooseOwnPassword(form, 'zarechny');
    await expectShown(form, '#password-error');
    const endpoints = mountedCabinet(context).api.requests.map((request) => request.endpoint);
    await expect(endpoints).not.toContain('POST auth/password/temporary');
  },
};

/** The temporary password itself (or one of the last 5) again: the server refuses it (`password_reused`). */
export const TemporaryPasswordReused: Story = {
  name: 'Temporary password: server, password used before',
  play: async ({ canvasElement, args }) => {
    const form = await findLoginForm(canvasElement);
    await reachPasswordChange(form);
    await chooseOwnPassword(form, temporaryPassword);
    await expectShown(form, '#password-error');
    await waitFor(() => expect(args.onMfcError).toHaveBeenCalledWith(errorEventWithCode('validation_failed')));
  },
};

/** The permission to choose a password (10 minutes) ran out: the citizen starts again. */
export const TemporaryPasswordExpired: Story = {
  name: 'Temporary password: time ran out',
  parameters: { fakeApi: { replies: { 'POST auth/password/temporary': problem(400, 'otp_expired') } } },
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await reachPasswordChange(form);
    await chooseOwnPassword(form, goodPassword);
    await expectShown(form, '#form-error button');
  },
};

/** The citizen's own password is saved: signed in (`mfc-login`). */
export const TemporaryPasswordReplaced: Story = {
  name: 'Temporary password: replaced, signed in',
  play: async ({ canvasElement, args }) => {
    const form = await findLoginForm(canvasElement);
    await reachPasswordChange(form);
    await chooseOwnPassword(form, goodPassword);
    await expectShown(form, '[part~="user"]');
    await expect(args.onMfcLogin).toHaveBeenCalled();
  },
};

// ------------------------------------------------------------------ «Вы ещё здесь?»

/** Used without `<mfc-cabinet>`, the form itself asks a minute before an idle session ends. */
export const SessionWarning: Story = {
  name: 'Session warning: open, without <mfc-cabinet>',
  parameters: { fakeApi: { signedIn: true, idleExpiresIn: 45 }, docs: { story: { inline: false, height: '26rem' } } },
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await waitForSessionWarning(form);
  },
};

/** «Остаться в кабинете»: the session is extended and the dialog closes. */
export const SessionWarningStay: Story = {
  ...SessionWarning,
  name: 'Session warning: after «Остаться в кабинете»',
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await answerSessionWarning(form, 'stay');
    await expectSessionWarningClosed(form);
    await expectShown(form, '[part~="user"]');
  },
};

// ------------------------------------------------------------------ registration, recovery, security

/** «Register» opens `<mfc-registration-form>` in place of the sign-in form (loaded on first use). */
export const OpensRegistration: Story = {
  name: 'Opens registration',
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await press(form, '#to-registration');
    const registration = await findRegistrationForm(canvasElement);
    await waitForConsentText(registration);
  },
};

/** «Forgot password» opens `<mfc-password-recovery>` with the login typed so far. */
export const OpensRecovery: Story = {
  name: 'Opens password recovery',
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await typeInto(form, 'identifier', 'ivanov@mail.ru');
    await press(form, '#to-recovery');
    const recovery = await findPasswordRecovery(canvasElement);
    await expect(await waitForPart(recovery, '#identifier')).toHaveValue('ivanov@mail.ru');
  },
};

/** «Безопасность» (signed in) opens `<mfc-security>` in place: sessions and identity confirmation. */
export const OpensSecurity: Story = {
  name: 'Opens security',
  parameters: { fakeApi: { signedIn: true } },
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await press(form, '#to-security');
    const security = await findSecurity(canvasElement);
    await waitForSessions(security);
  },
};

// ------------------------------------------------------------------ when things go wrong

/** The browser is offline. */
export const NetworkError: Story = {
  name: 'Network error',
  parameters: { fakeApi: { replies: { 'POST auth/login': networkError } } },
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await signIn(form);
    await expectShown(form, '#form-error');
  },
};

/** A proxy answers 503 with its own HTML page instead of the API. */
export const ServerUnavailable: Story = {
  name: 'Server unavailable',
  parameters: { fakeApi: { replies: { 'POST auth/login': unavailable } } },
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await signIn(form);
    await expectShown(form, '#form-error');
  },
};

/** The server did not answer within the client's timeout (1.5 s here, 15 s by default). */
export const NoAnswerInTime: Story = {
  name: 'No answer in time',
  parameters: { fakeApi: { timeout: 1500, replies: { 'POST auth/login': noAnswer } } },
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await signIn(form);
    await expectShown(form, '#form-error');
  },
};

/** Whether the browser is signed in could not be checked (offline at page load); Try again is offered. */
export const SessionCheckFailed: Story = {
  name: 'Session check failed',
  parameters: { fakeApi: { replies: { 'GET auth/session': networkError } } },
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await expectShown(form, '#form-error button');
  },
};

/**
 * The password was right but the browser did not keep the session cookie: the API is not on
 * the same site as the page. The form says so instead of asking to sign in again and again.
 */
export const SessionCookieBlocked: Story = {
  name: 'Session cookie blocked',
  parameters: { fakeApi: { secondFactor: null, cookieBlocked: true } },
  play: async ({ canvasElement, args }) => {
    const form = await findLoginForm(canvasElement);
    await signIn(form);
    await expectShown(form, '#form-error');
    await expect(args.onMfcError).toHaveBeenCalledWith(errorEventWithCode('session_cookie_blocked'));
  },
};

// ------------------------------------------------------------------ look and layout

export const DarkTheme: Story = {
  ...WrongPassword,
  name: 'Dark theme',
  globals: { theme: 'dark' },
};

/** `.mfc-theme-contrast`: large text and high contrast, for people with low vision. */
export const LargeTextContrast: Story = {
  ...WrongCode,
  name: 'Large text, high contrast',
  globals: { theme: 'contrast' },
};

export const OnAPhone: Story = {
  ...WrongPassword,
  name: 'On a phone',
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};

const longEmail = 'konstantin.konstantinopolsky-preobrazhensky@administration-gorodskogo-okruga-novoe-primorye.ru';

/** A very long e-mail as the login, and as where the code went. */
export const LongEmail: Story = {
  name: 'Long e-mail',
  parameters: {
    fakeApi: { secondFactor: 'email', destination: 'k***********************@administration-gorodskogo-okruga-novoe-primorye.ru' },
  },
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await signIn(form, longEmail);
    await waitForPart(form, '#code');
  },
};

export const LongName: Story = {
  name: 'Long name',
  parameters: {
    fakeApi: {
      signedIn: true,
      account: { displayName: 'Константинопольская-Преображенская Александра-Мария Вильгельмовна', level: 'confirmed' },
    },
  },
};

/** `strings` replaces some texts of this form, here in Russian (the toolbar language does not change them). */
export const OverriddenStrings: Story = {
  name: 'Overridden strings',
  args: {
    strings: {
      loginHeading: 'Личный кабинет МФЦ города Приморска',
      signIn: 'Войти в кабинет',
      identifierHint: 'Телефон или почта, указанные при регистрации в МФЦ',
      errors: { invalid_credentials: 'Логин или пароль не подошли. Проверьте раскладку клавиатуры.' },
    },
  },
  parameters: { fakeApi: { replies: { 'POST auth/login': problem(401, 'invalid_credentials', { attemptsLeft: 4 }) } } },
  play: WrongPassword.play,
};

/** The form inside another component's shadow root, as a site's own web component would use it. */
export const InsideShadowRoot: Story = {
  name: 'Inside a shadow root',
  render: (args, context) => {
    const host = document.createElement('div');
    render(renderLoginForm(args, context), host.attachShadow({ mode: 'open' }));
    return host;
  },
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await signIn(form);
    await waitForPart(form, '#code');
  },
};

// ------------------------------------------------------------------ in English

/** The English strings, whatever the toolbar says. */
const inEnglish = { globals: { locale: 'en' } } satisfies Story;

export const EnglishDefault: Story = { ...Default, ...inEnglish, name: 'English: empty form' };
export const EnglishWrongPassword: Story = { ...WrongPassword, ...inEnglish, name: 'English: wrong password' };
export const EnglishFieldErrors: Story = { ...FieldErrors, ...inEnglish, name: 'English: field errors' };
export const EnglishLockedOut: Story = { ...LockedOut, ...inEnglish, name: 'English: locked out' };
export const EnglishCodeByEmail: Story = { ...CodeByEmail, ...inEnglish, name: 'English: code, by e-mail' };
export const EnglishWrongCode: Story = { ...WrongCode, ...inEnglish, name: 'English: code, wrong code' };
export const EnglishSignedIn: Story = { ...SignedInConfirmed, ...inEnglish, name: 'English: signed in, confirmed account' };
export const EnglishOpensRegistration: Story = { ...OpensRegistration, ...inEnglish, name: 'English: opens registration' };
export const EnglishOpensRecovery: Story = { ...OpensRecovery, ...inEnglish, name: 'English: opens password recovery' };
export const EnglishTemporaryPassword: Story = { ...TemporaryPassword, ...inEnglish, name: 'English: temporary password, choose your own' };
export const EnglishTemporaryPasswordReused: Story = {
  ...TemporaryPasswordReused,
  ...inEnglish,
  name: 'English: temporary password, used before',
};
export const EnglishTemporaryPasswordExpired: Story = {
  ...TemporaryPasswordExpired,
  ...inEnglish,
  name: 'English: temporary password, time ran out',
};
export const EnglishSessionWarning: Story = { ...SessionWarning, ...inEnglish, name: 'English: session warning, open' };
export const EnglishOpensSecurity: Story = { ...OpensSecurity, ...inEnglish, name: 'English: opens security' };
export const EnglishSessionCookieBlocked: Story = {
  ...SessionCookieBlocked,
  ...inEnglish,
  name: 'English: session cookie blocked',
};
