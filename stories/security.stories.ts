import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fn, waitFor } from 'storybook/test';
import '../packages/widgets/src/mfc-security.js';
import type { TranslationOverrides } from '../packages/widgets/src/i18n/translation.js';
import {
  fakeApiOf,
  identityCode,
  mountedCabinet,
  networkError,
  noAnswer,
  storyCabinet,
  type FakeDevice,
} from './support/fake-api.js';
import { expectBusy, expectShown, patience, press, waitForPart } from './support/form-play.js';
import {
  endOtherSessions,
  endSessionOn,
  expectSessionCount,
  findIdentity,
  findSecurity,
  getIdentityCode,
  waitForIdentityCode,
  waitForSessions,
} from './support/security-play.js';
import { headingLevelArgType, localeArgType, localeOf, stringsArgType, styleOf, type WidgetArgs } from './support/story-args.js';

interface SecurityArgs extends WidgetArgs {
  'heading-level': number;
  'no-back': boolean;
  strings: TranslationOverrides | undefined;
  onMfcNavigate: (event: Event) => void;
  onMfcError: (event: Event) => void;
}

type Story = StoryObj<SecurityArgs>;

function renderSecurity(args: SecurityArgs, context: StoryContext<SecurityArgs>) {
  const locale = localeOf(args, context);
  const { client } = storyCabinet(context, fakeApiOf(context), locale);
  return html`<mfc-security
    heading-level=${args['heading-level']}
    ?no-back=${args['no-back']}
    locale=${locale}
    style=${ifDefined(styleOf(args))}
    .client=${client}
    .strings=${args.strings}
    @mfc-navigate=${args.onMfcNavigate}
    @mfc-error=${args.onMfcError}
  ></mfc-security>`;
}

/** The account's other browsers, as the reference server describes them. */
const otherDevices: FakeDevice[] = [
  { device: 'Safari, iPhone', place: null, ip: '176.59.44.*', signedInMinutesAgo: 3 * 24 * 60, lastSeenMinutesAgo: 25 },
  { device: 'Яндекс Браузер, Windows', place: 'Локальная сеть', ip: '192.168.1.*', signedInMinutesAgo: 26 * 60, lastSeenMinutesAgo: 5 * 60 },
  { device: 'Samsung Internet, Android', place: null, ip: '2a02:6b8:b010:*', signedInMinutesAgo: 6 * 24 * 60, lastSeenMinutesAgo: 2 * 24 * 60 },
];

const meta = {
  title: 'Widgets/Security',
  component: 'mfc-security',
  tags: ['autodocs'],
  render: renderSecurity,
  args: {
    'heading-level': 2,
    'no-back': false,
    locale: 'toolbar',
    strings: undefined,
    onMfcNavigate: fn().mockName('mfc-navigate'),
    onMfcError: fn().mockName('mfc-error'),
  },
  argTypes: {
    'heading-level': headingLevelArgType,
    'no-back': {
      description: 'Hides «Назад», for a site that shows this on a page of its own.',
      control: 'boolean',
      table: { category: 'attributes', defaultValue: { summary: 'false' } },
    },
    locale: localeArgType,
    strings: stringsArgType('{ "securityHeading": "Вход и устройства" }'),
    onMfcNavigate: { table: { disable: true } },
    onMfcError: { table: { disable: true } },
  },
  parameters: {
    fakeApi: { signedIn: true, otherDevices },
  },
} satisfies Meta<SecurityArgs>;

export default meta;

// ------------------------------------------------------------------ sessions

/**
 * Where the citizen is signed in: this browser first, then the others, most recently used
 * first, each with its device, place, masked address and times. The server knows a place
 * only for a local address («Локальная сеть»); otherwise it says «место неизвестно». Try it:
 * end one session, or all the others (answers take 0.4 s).
 */
export const SeveralDevices: Story = {
  name: 'Several devices',
  parameters: { fakeApi: { delay: 400 } },
  play: async ({ canvasElement }) => {
    const security = await findSecurity(canvasElement);
    await expectSessionCount(security, 4);
  },
};

/** Before the list has come. */
export const LoadingSessions: Story = {
  name: 'Loading the sessions',
  parameters: { fakeApi: { replies: { 'GET auth/sessions': noAnswer } } },
  play: async ({ canvasElement }) => {
    const security = await findSecurity(canvasElement);
    await expectShown(security, 'p[role="status"]');
  },
};

/** The list could not be loaded (offline); Try again is offered. */
export const SessionsFailed: Story = {
  name: 'Sessions failed to load',
  parameters: { fakeApi: { replies: { 'GET auth/sessions': networkError } } },
  play: async ({ canvasElement }) => {
    const security = await findSecurity(canvasElement);
    await expectShown(security, '[part~="alert"][role="alert"]');
    await waitForPart(security, '[part~="alert"] + p [part~="link-button"]');
  },
};

/** Signed in on this device only: nothing to end. */
export const OnlyThisDevice: Story = {
  name: 'Only this device',
  parameters: { fakeApi: { otherDevices: [] } },
  play: async ({ canvasElement }) => {
    const security = await findSecurity(canvasElement);
    await expectSessionCount(security, 1);
    await expect(security.shadowRoot?.querySelector('[part~="sessions"] + button')).toBeNull();
  },
};

/**
 * Device names as long as the server gives them, and longer, from another implementation of
 * the API; an IPv6 address; a place known and not.
 */
export const LongDeviceNames: Story = {
  name: 'Long device names',
  parameters: {
    fakeApi: {
      thisDevice: { device: 'Яндекс Браузер, Android', place: 'Локальная сеть', ip: '10.20.30.*' },
      otherDevices: [
        { device: 'Samsung Internet, ChromeOS', place: null, ip: '2a02:6b8:b010:*', signedInMinutesAgo: 90, lastSeenMinutesAgo: 10 },
        { device: 'Неизвестное устройство', place: null, ip: '', signedInMinutesAgo: 3000, lastSeenMinutesAgo: 2000 },
        {
          device: 'Яндекс Браузер для организаций 25.4, Android 14 (Samsung Galaxy Tab S9 FE+ 5G)',
          place: 'Локальная сеть',
          ip: '192.168.100.*',
          signedInMinutesAgo: 12 * 24 * 60,
          lastSeenMinutesAgo: 9 * 24 * 60,
        },
      ],
    },
  },
  play: SeveralDevices.play,
};

/** «Завершить сеанс» on one device: it is signed out there at its next request, and leaves the list. */
export const EndOneSession: Story = {
  name: 'Ending one session',
  play: async (context) => {
    const security = await findSecurity(context.canvasElement);
    await endSessionOn(security, 'Safari, iPhone');
    const endpoints = mountedCabinet(context).api.requests.map((request) => request.endpoint);
    await expect(endpoints).toContain('DELETE auth/sessions/:id');
  },
};

/** After «Выйти на всех других устройствах», while the server ends them. */
export const EndingOtherSessions: Story = {
  name: 'Ending all others: under way',
  parameters: { fakeApi: { replies: { 'POST auth/sessions/revoke-others': noAnswer } } },
  play: async ({ canvasElement }) => {
    const security = await findSecurity(canvasElement);
    await waitForSessions(security);
    await press(security, '[part~="sessions"] + button');
    await expect(await waitForPart(security, '[part~="sessions"] + button')).toHaveAttribute('aria-disabled', 'true');
  },
};

/** «Выйти на всех других устройствах»: every other session ends; the count is told. */
export const EndOtherSessions: Story = {
  name: 'Ending all others',
  play: async ({ canvasElement }) => {
    const security = await findSecurity(canvasElement);
    await endOtherSessions(security, otherDevices.length);
  },
};

/** «Назад» asks the sign-in form around to show itself again (`mfc-navigate`). */
export const Back: Story = {
  name: 'Back to the account',
  parameters: { fakeApi: { otherDevices: [] } },
  play: async ({ canvasElement, args }) => {
    const security = await findSecurity(canvasElement);
    await waitForSessions(security);
    await press(security, '.links [part~="link-button"]');
    await expect(args.onMfcNavigate).toHaveBeenCalledWith(expect.objectContaining({ detail: { to: 'login' } }));
  },
};

// ------------------------------------------------------------------ identity confirmation

/**
 * A «simplified» account cannot confirm its identity yet: passport and СНИЛС come first
 * (the server would answer `conflict`).
 */
export const IdentitySimplified: Story = {
  name: 'Identity: simplified account',
  parameters: { fakeApi: { account: { level: 'simplified' }, otherDevices: [] } },
  play: async ({ canvasElement }) => {
    const security = await findIdentity(canvasElement);
    await waitForPart(security, '[part~="identity"] p');
    await expect(security.shadowRoot?.querySelector('[part~="identity"] button')).toBeNull();
  },
};

/** A «standard» account, before asking for the code. */
export const IdentityStandard: Story = {
  name: 'Identity: before the code',
  parameters: { fakeApi: { otherDevices: [] } },
  play: async ({ canvasElement }) => {
    const security = await findIdentity(canvasElement);
    await waitForPart(security, '[part~="identity"] [part~="primary-button"]');
  },
};

/** After «Получить код для МФЦ», while the server makes the code. */
export const IdentityStarting: Story = {
  name: 'Identity: getting the code',
  parameters: { fakeApi: { otherDevices: [], replies: { 'POST profile/identity-confirmation': noAnswer } } },
  play: async ({ canvasElement }) => {
    const security = await findIdentity(canvasElement);
    await press(security, '[part~="identity"] [part~="primary-button"]');
    await expectBusy(security);
  },
};

/**
 * The code to show an МФЦ operator, with its QR code and how long it stays valid. The page
 * asks every 3 seconds whether the operator has confirmed.
 */
export const IdentityWaiting: Story = {
  name: 'Identity: code waiting',
  parameters: { fakeApi: { otherDevices: [] } },
  play: async ({ canvasElement }) => {
    const security = await findIdentity(canvasElement);
    await getIdentityCode(security);
    await expect(await waitForPart(security, '[part~="identity-code"]')).toHaveTextContent(identityCode);
  },
};

/** The code was not used in time (2 seconds here, 10 minutes on the server): a new one can be had. */
export const IdentityExpired: Story = {
  name: 'Identity: code expired',
  parameters: { fakeApi: { otherDevices: [], identityCodeExpiresIn: 2 } },
  play: async ({ canvasElement }) => {
    const security = await findIdentity(canvasElement);
    await getIdentityCode(security);
    await waitFor(() => expect(security.shadowRoot?.querySelector('[part~="identity-code"]')).toBeNull(), { timeout: patience });
    await waitForPart(security, '[part~="identity"] [part~="primary-button"]');
  },
};

/** The operator checked the passport and entered the code: the page says so by itself. */
export const IdentityConfirmedByOperator: Story = {
  name: 'Identity: the operator confirms',
  parameters: { fakeApi: { otherDevices: [] } },
  play: async (context) => {
    const security = await findIdentity(context.canvasElement);
    await getIdentityCode(security);
    mountedCabinet(context).api.confirmIdentity();
    await expectShown(security, '[part~="identity"] [part~="alert"][role="status"]');
  },
};

/** A «confirmed» account: nothing more to do. */
export const IdentityConfirmed: Story = {
  name: 'Identity: confirmed',
  parameters: { fakeApi: { account: { level: 'confirmed' }, otherDevices: [] } },
  play: async ({ canvasElement }) => {
    const security = await findIdentity(canvasElement);
    await expectShown(security, '[part~="identity"] [part~="alert"][role="status"]');
  },
};

/** A code already waiting when the page opens (it was reloaded at the МФЦ counter). */
export const IdentityWaitingAfterReload: Story = {
  name: 'Identity: code waiting after a reload',
  parameters: { fakeApi: { identity: 'waiting', identityCodeExpiresIn: 7 * 60 } },
  play: async ({ canvasElement }) => {
    const security = await findIdentity(canvasElement);
    await waitForIdentityCode(security);
  },
};

// ------------------------------------------------------------------ look and layout

export const DarkTheme: Story = {
  ...IdentityWaitingAfterReload,
  name: 'Dark theme',
  globals: { theme: 'dark' },
};

/** `.mfc-theme-contrast`: large text and high contrast, for people with low vision. */
export const LargeTextContrast: Story = {
  ...IdentityWaitingAfterReload,
  name: 'Large text, high contrast',
  globals: { theme: 'contrast' },
};

export const OnAPhone: Story = {
  ...IdentityWaitingAfterReload,
  name: 'On a phone',
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};

export const OnAPhoneLongDeviceNames: Story = {
  ...LongDeviceNames,
  name: 'On a phone: long device names',
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};

// ------------------------------------------------------------------ in English

/** The English strings, whatever the toolbar says. */
const inEnglish = { globals: { locale: 'en' } } satisfies Story;

export const EnglishSeveralDevices: Story = { ...SeveralDevices, ...inEnglish, name: 'English: several devices' };
export const EnglishLoadingSessions: Story = { ...LoadingSessions, ...inEnglish, name: 'English: loading the sessions' };
export const EnglishSessionsFailed: Story = { ...SessionsFailed, ...inEnglish, name: 'English: sessions failed to load' };
export const EnglishOnlyThisDevice: Story = { ...OnlyThisDevice, ...inEnglish, name: 'English: only this device' };
export const EnglishEndOneSession: Story = { ...EndOneSession, ...inEnglish, name: 'English: ending one session' };
export const EnglishEndOtherSessions: Story = { ...EndOtherSessions, ...inEnglish, name: 'English: ending all others' };
export const EnglishIdentitySimplified: Story = { ...IdentitySimplified, ...inEnglish, name: 'English: identity, simplified account' };
export const EnglishIdentityStandard: Story = { ...IdentityStandard, ...inEnglish, name: 'English: identity, before the code' };
export const EnglishIdentityWaiting: Story = { ...IdentityWaiting, ...inEnglish, name: 'English: identity, code waiting' };
export const EnglishIdentityExpired: Story = { ...IdentityExpired, ...inEnglish, name: 'English: identity, code expired' };
export const EnglishIdentityConfirmed: Story = { ...IdentityConfirmed, ...inEnglish, name: 'English: identity confirmed' };
