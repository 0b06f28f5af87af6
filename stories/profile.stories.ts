import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fn, waitFor } from 'storybook/test';
import '../packages/widgets/src/mfc-profile.js';
import type { TranslationOverrides } from '../packages/widgets/src/i18n/translation.js';
import { demoCode, fakeApiOf, networkError, noAnswer, storyCabinet } from './support/fake-api.js';
import { expectShown, patience, press, pressPrimary, setChecked, typeInto, waitForPart } from './support/form-play.js';
import { expectCount, expectText, findProfile, findSection } from './support/profile-play.js';
import { headingLevelArgType, localeArgType, localeOf, stringsArgType, styleOf, type WidgetArgs } from './support/story-args.js';

interface ProfileArgs extends WidgetArgs {
  'heading-level': number;
  strings: TranslationOverrides | undefined;
  onMfcNavigate: (event: Event) => void;
  onMfcError: (event: Event) => void;
}

type Story = StoryObj<ProfileArgs>;

/** The password of the stories' citizen: any other is refused, as the server refuses it. */
const password = 'Vesna-2026!';

function renderProfile(args: ProfileArgs, context: StoryContext<ProfileArgs>) {
  const locale = localeOf(args, context);
  const { client } = storyCabinet(context, fakeApiOf(context), locale);
  return html`<mfc-profile
    heading-level=${args['heading-level']}
    locale=${locale}
    style=${ifDefined(styleOf(args))}
    .client=${client}
    .strings=${args.strings}
    @mfc-navigate=${args.onMfcNavigate}
    @mfc-error=${args.onMfcError}
  ></mfc-profile>`;
}

const meta = {
  title: 'Widgets/Profile',
  component: 'mfc-profile',
  tags: ['autodocs'],
  render: renderProfile,
  args: {
    'heading-level': 2,
    locale: 'toolbar',
    strings: undefined,
    onMfcNavigate: fn().mockName('mfc-navigate'),
    onMfcError: fn().mockName('mfc-error'),
  },
  argTypes: {
    'heading-level': headingLevelArgType,
    locale: localeArgType,
    strings: stringsArgType('{ "profileHeading": "Мои данные" }'),
    onMfcNavigate: { table: { disable: true } },
    onMfcError: { table: { disable: true } },
  },
  parameters: {
    fakeApi: { signedIn: true, password, delay: 300 },
  },
} satisfies Meta<ProfileArgs>;

export default meta;

// ------------------------------------------------------------------ the profile

/**
 * A «standard» citizen: personal data checked in the registries, contacts, the level with
 * the services each opens and the code for an МФЦ operator, security, the history of
 * changes, the data to download and the closure. Every «Изменить» works against the
 * stories' fake server; the citizen's password is `Vesna-2026!`, codes are `123456`.
 */
export const Standard: Story = {
  name: 'Standard account',
  play: async ({ canvasElement }) => {
    const profile = await findProfile(canvasElement);
    const personal = await findSection(profile, 'mfc-profile-personal');
    await waitForPart(personal, '[part~="summary"]');
    await findSection(profile, 'mfc-profile-closure');
  },
};

/** A citizen who chose «Заполнить позже» at registration: nothing to show yet, a way to fill it in. */
export const NewCitizen: Story = {
  name: 'New citizen, no personal data',
  parameters: { fakeApi: { profile: { start: 'new' } } },
  play: async ({ canvasElement }) => {
    const profile = await findProfile(canvasElement);
    const level = await findSection(profile, 'mfc-profile-level');
    await press(level, '#fill-personal');
    const personal = await findSection(profile, 'mfc-profile-personal');
    await expectShown(personal, 'form');
  },
};

/** A «confirmed» account: the highest level, nothing to raise. */
export const Confirmed: Story = {
  name: 'Confirmed account',
  parameters: { fakeApi: { account: { level: 'confirmed' } } },
  play: async ({ canvasElement }) => {
    const profile = await findProfile(canvasElement);
    const level = await findSection(profile, 'mfc-profile-level');
    await waitForPart(level, '[part~="current-level"]');
  },
};

/** Before the profile has come. */
export const Loading: Story = {
  name: 'Loading',
  parameters: { fakeApi: { replies: { 'GET profile': noAnswer } } },
  play: async ({ canvasElement }) => {
    const profile = await findProfile(canvasElement);
    await expectShown(profile, 'p[role="status"]');
  },
};

/** The profile could not be loaded (offline): «Повторить» is offered. */
export const LoadFailed: Story = {
  name: 'Failed to load',
  parameters: { fakeApi: { replies: { 'GET profile': networkError } } },
  play: async ({ canvasElement, args }) => {
    const profile = await findProfile(canvasElement);
    await expectShown(profile, '#load-error', patience);
    await expect(args.onMfcError).toHaveBeenCalled();
  },
};

/** Nobody is signed in: the profile asks to sign in first. */
export const SignedOut: Story = {
  name: 'Signed out',
  parameters: { fakeApi: { signedIn: false } },
  play: async ({ canvasElement }) => {
    const profile = await findProfile(canvasElement);
    await waitForPart(profile, '.base p');
  },
};

// ------------------------------------------------------------------ personal data

/** «Изменить» of the personal data: the form, filled in with what is saved. */
export const EditPersonalData: Story = {
  name: 'Personal data: editing',
  play: async ({ canvasElement }) => {
    const profile = await findProfile(canvasElement);
    const personal = await findSection(profile, 'mfc-profile-personal');
    await press(personal, '#edit');
    await waitForPart(personal, '#lastName');
  },
};

/** A mistake in the СНИЛС: the field says so before anything is sent. */
export const PersonalDataMistake: Story = {
  name: 'Personal data: a mistake',
  play: async (context) => {
    await EditPersonalData.play!(context);
    const profile = await findProfile(context.canvasElement);
    const personal = await findSection(profile, 'mfc-profile-personal');
    await typeInto(personal, 'snils', '123-456-789 00');
    await pressPrimary(personal);
    await expectShown(personal, '#snils-error');
  },
};

// ------------------------------------------------------------------ contacts

/** A new phone: its number and the current password first. */
export const ChangePhone: Story = {
  name: 'Contacts: a new phone',
  play: async ({ canvasElement }) => {
    const profile = await findProfile(canvasElement);
    const contacts = await findSection(profile, 'mfc-profile-contacts');
    await press(contacts, '#change-phone');
    await waitForPart(contacts, '#phone');
  },
};

/** A wrong current password: the field says how many tries are left before the lockout. */
export const ChangePhoneWrongPassword: Story = {
  name: 'Contacts: wrong password',
  play: async (context) => {
    await ChangePhone.play!(context);
    const contacts = await findSection(await findProfile(context.canvasElement), 'mfc-profile-contacts');
    await typeInto(contacts, 'phone', '+7 900 000-00-02');
    await typeInto(contacts, 'currentPassword', 'not-the-password');
    await pressPrimary(contacts);
    const error = await expectShown(contacts, '#currentPassword-error');
    // The server counts it towards the lockout: one try of five is gone.
    await expect(error.textContent).toMatch(/4/);
  },
};

/** The code went to the new phone; the current one stays until it comes back. */
export const ChangePhoneCode: Story = {
  name: 'Contacts: the code of the new phone',
  play: async (context) => {
    await ChangePhone.play!(context);
    const contacts = await findSection(await findProfile(context.canvasElement), 'mfc-profile-contacts');
    await typeInto(contacts, 'phone', '+7 900 000-00-02');
    await typeInto(contacts, 'currentPassword', password);
    await pressPrimary(contacts);
    await waitForPart(contacts, '#code');
  },
};

/** The code came back: the new phone is used, and the old one was told. */
export const PhoneChanged: Story = {
  name: 'Contacts: phone changed',
  play: async (context) => {
    await ChangePhoneCode.play!(context);
    const contacts = await findSection(await findProfile(context.canvasElement), 'mfc-profile-contacts');
    await typeInto(contacts, 'code', demoCode);
    await pressPrimary(contacts);
    await expectShown(contacts, '#message');
    await expectText(contacts, '+7 900 000-00-02');
    // The history shows the change, masked as the server masks it.
    const history = await findSection(await findProfile(context.canvasElement), 'mfc-profile-history');
    await expectText(history, '+7 9** ***-**-02');
  },
};

// ------------------------------------------------------------------ security

/** «Сменить пароль»: the current one, the new one with its rules, and the other devices. */
export const ChangePassword: Story = {
  name: 'Security: changing the password',
  play: async ({ canvasElement }) => {
    const profile = await findProfile(canvasElement);
    const section = await findSection(profile, 'mfc-profile-password');
    await press(section, '#open');
    await waitForPart(section, '#password');
  },
};

/** The new password is saved; the other devices were signed out, and the history names the change made here. */
export const PasswordChanged: Story = {
  name: 'Security: password changed',
  parameters: {
    fakeApi: { signedIn: true, password, delay: 300, otherDevices: [{ device: 'Safari, iOS', place: null, ip: '178.176.74.*', signedInMinutesAgo: 600, lastSeenMinutesAgo: 30 }] },
  },
  play: async (context) => {
    await ChangePassword.play!(context);
    const profile = await findProfile(context.canvasElement);
    const section = await findSection(profile, 'mfc-profile-password');
    await typeInto(section, 'currentPassword', password);
    await typeInto(section, 'password', 'Leto-Zarechny-7?');
    await typeInto(section, 'passwordRepeat', 'Leto-Zarechny-7?');
    await pressPrimary(section);
    await expectShown(section, '#message');
    const history = await findSection(profile, 'mfc-profile-history');
    await waitFor(() => expect(history.shadowRoot?.querySelector('[part~="change"] .badge')).not.toBeNull(), { timeout: patience });
  },
};

/** A password used before is refused, as the server refuses the last five. */
export const PasswordReused: Story = {
  name: 'Security: a password used before',
  play: async (context) => {
    await ChangePassword.play!(context);
    const section = await findSection(await findProfile(context.canvasElement), 'mfc-profile-password');
    await typeInto(section, 'currentPassword', password);
    await typeInto(section, 'password', password);
    await typeInto(section, 'passwordRepeat', password);
    await pressPrimary(section);
    await expectShown(section, '#password-error');
  },
};

/** Sign-in with a code on, by SMS. */
export const SecondFactorOn: Story = {
  name: 'Security: sign-in with a code on',
  parameters: { fakeApi: { secondFactor: 'sms' } },
  play: async ({ canvasElement }) => {
    const profile = await findProfile(canvasElement);
    const section = await findSection(profile, 'mfc-profile-second-factor');
    await expectText(section, /SMS/);
  },
};

/** Choosing how to sign in: off, SMS, e-mail; the current password asked. */
export const SecondFactorChoosing: Story = {
  name: 'Security: choosing sign-in with a code',
  play: async ({ canvasElement }) => {
    const profile = await findProfile(canvasElement);
    const section = await findSection(profile, 'mfc-profile-second-factor');
    await press(section, '#open');
    await waitForPart(section, '#channel-sms');
  },
};

/** Sign-in with a code turned off: the profile says so, and the history has the change. */
export const SecondFactorTurnedOff: Story = {
  name: 'Security: sign-in with a code turned off',
  play: async (context) => {
    await SecondFactorChoosing.play!(context);
    const profile = await findProfile(context.canvasElement);
    const section = await findSection(profile, 'mfc-profile-second-factor');
    await setChecked(section, 'channel-off');
    await typeInto(section, 'currentPassword', password);
    await pressPrimary(section);
    await expectShown(section, '#message');
    const history = await findSection(profile, 'mfc-profile-history');
    await waitFor(() => expect(history.shadowRoot?.querySelector('[part~="change"] .badge')).not.toBeNull(), { timeout: patience });
  },
};

/** A long sign-in history: ten at a time, «Показать ещё» for the next. */
export const SignInsPages: Story = {
  name: 'Security: sign-ins by pages',
  parameters: { fakeApi: { signedIn: true, password, delay: 300, profile: { signIns: 25 } } },
  play: async ({ canvasElement }) => {
    const section = await findSection(await findProfile(canvasElement), 'mfc-profile-sign-ins');
    await expectCount(section, '[part~="sign-in"]', 10);
    await press(section, '.actions [part~="link-button"]');
    await expectCount(section, '[part~="sign-in"]', 20);
  },
};

/** The sign-ins could not be loaded: the rest of the profile stays. */
export const SignInsFailed: Story = {
  name: 'Security: sign-ins failed to load',
  parameters: { fakeApi: { replies: { 'GET profile/sign-ins': networkError } } },
  play: async ({ canvasElement }) => {
    const profile = await findProfile(canvasElement);
    const section = await findSection(profile, 'mfc-profile-sign-ins');
    await expectShown(section, '[part~="alert"]');
  },
};

// ------------------------------------------------------------------ history and «Это был не я»

/** «Это был не я» asks before it ends every session. */
export const NotMeQuestion: Story = {
  name: 'History: «Это был не я» asked',
  play: async ({ canvasElement }) => {
    const profile = await findProfile(canvasElement);
    const history = await findSection(profile, 'mfc-profile-history');
    await waitForPart(history, '[part~="change"]');
    await press(history, '[id^="not-me-"]');
    await waitForPart(history, '#not-me-confirm');
  },
};

/** A long history: ten changes at a time, «Показать ещё» for the next. */
export const HistoryPages: Story = {
  name: 'History: by pages',
  parameters: { fakeApi: { signedIn: true, password, delay: 300, profile: { changes: 25 } } },
  play: async ({ canvasElement }) => {
    const history = await findSection(await findProfile(canvasElement), 'mfc-profile-history');
    await expectCount(history, '[part~="change"]', 10);
    await press(history, '.actions [part~="link-button"]');
    await expectCount(history, '[part~="change"]', 20);
    await press(history, '.actions [part~="link-button"]');
    await expectCount(history, '[part~="change"]', 25);
    await waitFor(() => expect(history.shadowRoot?.querySelector('.actions [part~="link-button"]')).toBeNull(), { timeout: patience });
  },
};

/** Every session ended; the code to set a new password went to the phone. */
export const NotMeRecovery: Story = {
  name: 'History: every session ended',
  play: async (context) => {
    await NotMeQuestion.play!(context);
    const profile = await findProfile(context.canvasElement);
    const history = await findSection(profile, 'mfc-profile-history');
    await pressPrimary(history);
    await waitForPart(profile, 'mfc-password-recovery');
  },
};

// ------------------------------------------------------------------ the data and the closure

/** Deleting the account: the current password and a tick that it cannot be undone. */
export const CloseAccount: Story = {
  name: 'Closure: confirming',
  play: async ({ canvasElement }) => {
    const profile = await findProfile(canvasElement);
    const closure = await findSection(profile, 'mfc-profile-closure');
    await press(closure, '#close-start');
    await waitForPart(closure, '#understood');
  },
};

/** The account is closed: what the law keeps, said once more. */
export const AccountClosed: Story = {
  name: 'Closure: closed',
  play: async (context) => {
    await CloseAccount.play!(context);
    const profile = await findProfile(context.canvasElement);
    const closure = await findSection(profile, 'mfc-profile-closure');
    await typeInto(closure, 'currentPassword', password);
    (await waitForPart<HTMLInputElement>(closure, '#understood')).click();
    await pressPrimary(closure);
    await waitForPart(profile, '.kept');
  },
};

// ------------------------------------------------------------------ look and layout

export const DarkTheme: Story = { ...Standard, name: 'Dark theme', globals: { theme: 'dark' } };

/** `.mfc-theme-contrast`: large text and high contrast, for people with low vision. */
export const LargeTextContrast: Story = { ...Standard, name: 'Large text, high contrast', globals: { theme: 'contrast' } };

export const OnAPhone: Story = { ...Standard, name: 'On a phone', globals: { viewport: { value: 'mobile1', isRotated: false } } };

// ------------------------------------------------------------------ in English

/** The English strings, whatever the toolbar says. */
const inEnglish = { globals: { locale: 'en' } } satisfies Story;

export const EnglishStandard: Story = { ...Standard, ...inEnglish, name: 'English: standard account' };
export const EnglishNewCitizen: Story = { ...NewCitizen, ...inEnglish, name: 'English: new citizen' };
export const EnglishChangePhoneCode: Story = { ...ChangePhoneCode, ...inEnglish, name: 'English: the code of the new phone' };
export const EnglishNotMeQuestion: Story = { ...NotMeQuestion, ...inEnglish, name: 'English: «It was not me» asked' };
export const EnglishCloseAccount: Story = { ...CloseAccount, ...inEnglish, name: 'English: closure, confirming' };
