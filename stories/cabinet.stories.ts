import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fn, waitFor } from 'storybook/test';
import '../packages/widgets/src/mfc-cabinet.js';
import '../packages/widgets/src/mfc-login-form.js';
import '../packages/widgets/src/mfc-application-form.js';
// fake-api.js before fake-applications.js: the two import each other.
import { fakeApiOf, mountedCabinet, networkError, noAnswer, storyCabinet, unavailable } from './support/fake-api.js';
import { serviceWithForm } from './support/fake-applications.js';
import { expectShown, findForm, patience, waitForPart } from './support/form-play.js';
import { findLoginForm } from './support/login-form-play.js';
import {
  answerSessionWarning,
  expectSessionWarningClosed,
  waitForSessionWarning,
} from './support/security-play.js';
import { localeArgType, localeOf, styleOf, type WidgetArgs } from './support/story-args.js';
import { textFor } from './support/story-text.js';

interface CabinetArgs extends WidgetArgs {
  onMfcLogout: (event: Event) => void;
}

type Story = StoryObj<CabinetArgs>;

/**
 * `<mfc-cabinet>` with the sign-in form inside, as a site embeds it. The story gives the
 * cabinet the client of a fake API instead of an `api-base`.
 */
function renderCabinet(args: CabinetArgs, context: StoryContext<CabinetArgs>) {
  const locale = localeOf(args, context);
  const { client } = storyCabinet(context, fakeApiOf(context), locale);
  return html`<mfc-cabinet
    locale=${locale}
    style=${ifDefined(styleOf(args))}
    .client=${client}
    ?no-home=${context.parameters['cabinetHome'] === false}
    @mfc-logout=${args.onMfcLogout}
  >
    <mfc-login-form heading-level="2"></mfc-login-form>
  </mfc-cabinet>`;
}

/**
 * The «Вы ещё здесь?» dialog is modal: on the Docs page each such story gets a frame of its
 * own, or its dialog would cover the whole page.
 */
const inOwnFrame = { docs: { story: { inline: false, height: '26rem' } } };

/**
 * The session warning's stories, in a frame of their own and without the home (`no-home`):
 * the home's first reads are use of the session, which would push the deadline they stage.
 */
const sessionWarning = { ...inOwnFrame, cabinetHome: false };

/** A session with 45 seconds left without use: the warning opens at once (a minute before the end). */
const almostIdle = { signedIn: true, idleExpiresIn: 45 };

const findCabinet = (canvasElement: HTMLElement) => findForm(canvasElement, 'mfc-cabinet');

const meta = {
  title: 'Widgets/Cabinet',
  component: 'mfc-cabinet',
  tags: ['autodocs'],
  render: renderCabinet,
  args: {
    locale: 'toolbar',
    onMfcLogout: fn().mockName('mfc-logout'),
  },
  argTypes: {
    locale: {
      ...localeArgType,
      description: 'Language of the widgets inside: `ru` or `en`. Without it, the nearest `lang`; here: the Language toolbar.',
    },
    onMfcLogout: { table: { disable: true } },
  },
  parameters: {
    fakeApi: { signedIn: true },
  },
} satisfies Meta<CabinetArgs>;

export default meta;

/**
 * The cabinet shares one client and one language with the widgets inside it. Signed in here,
 * with the full 5 minutes before an idle session ends.
 */
export const SignedIn: Story = {
  name: 'Signed in',
  play: async ({ canvasElement }) => {
    const form = await findLoginForm(canvasElement);
    await expectShown(form, '[part~="user"]');
    const cabinet = await findCabinet(canvasElement);
    // «Still there?» loads once signed in; it is not open with the full 5 minutes left.
    await expect(cabinet.shadowRoot?.querySelector<HTMLDialogElement>('dialog.session-warning')?.open ?? false).toBe(false);
  },
};

// ------------------------------------------------------------------ «Вы ещё здесь?»

/**
 * A minute before an idle session ends, the cabinet asks whether the citizen is still there,
 * counting down. The deadline comes from the session (`idleExpiresIn`) and from the
 * `Cabinet-Session-Idle-Expires-In` header of every answer, and is shared between tabs.
 */
export const SessionWarning: Story = {
  name: 'Session warning: open',
  parameters: { fakeApi: almostIdle, ...sessionWarning },
  play: async ({ canvasElement }) => {
    const cabinet = await findCabinet(canvasElement);
    const dialog = await waitForSessionWarning(cabinet);
    await expect(dialog).toBeVisible();
  },
};

/** «Остаться в кабинете»: the session is extended to the full 5 minutes and the dialog closes. */
export const StaySignedIn: Story = {
  name: 'Session warning: after «Остаться в кабинете»',
  parameters: { fakeApi: almostIdle, ...sessionWarning },
  play: async (context) => {
    const cabinet = await findCabinet(context.canvasElement);
    await answerSessionWarning(cabinet, 'stay');
    await expectSessionWarningClosed(cabinet);
    const { api, client } = mountedCabinet(context);
    await expect(api.requests.map((request) => request.endpoint)).toContain('POST auth/session/extend');
    // The dialog closes on the answer's idle header, a moment before its session is read.
    await waitFor(() => expect(client.auth.session?.idleExpiresIn).toBeGreaterThan(60), { timeout: patience });
    await expectShown(await findLoginForm(context.canvasElement), '[part~="user"]');
  },
};

/** While the server extends the session. */
export const Staying: Story = {
  name: 'Session warning: extending',
  parameters: { fakeApi: { ...almostIdle, replies: { 'POST auth/session/extend': noAnswer } }, ...sessionWarning },
  play: async ({ canvasElement }) => {
    const cabinet = await findCabinet(canvasElement);
    await answerSessionWarning(cabinet, 'stay');
    await expect(await waitForPart(cabinet, 'dialog.session-warning [part~="primary-button"]')).toHaveAttribute('aria-disabled', 'true');
  },
};

/** «Выйти»: signed out at once; the dialog closes and the sign-in form shows. */
export const SignOutFromWarning: Story = {
  name: 'Session warning: after «Выйти»',
  parameters: { fakeApi: almostIdle, ...sessionWarning },
  play: async ({ canvasElement, args }) => {
    const cabinet = await findCabinet(canvasElement);
    await answerSessionWarning(cabinet, 'sign-out');
    await expectSessionWarningClosed(cabinet);
    await waitForPart(await findLoginForm(canvasElement), '#identifier');
    await waitFor(() => expect(args.onMfcLogout).toHaveBeenCalledWith(expect.objectContaining({ detail: { reason: 'logout' } })), {
      timeout: patience,
    });
  },
};

/**
 * Nobody answered: the session ended (after 3 seconds here). The dialog closes and the form
 * says why the citizen was signed out.
 */
export const SessionEnded: Story = {
  name: 'Session warning: nobody answered',
  parameters: { fakeApi: { signedIn: true, idleExpiresIn: 3 }, ...sessionWarning },
  play: async ({ canvasElement, args }) => {
    const cabinet = await findCabinet(canvasElement);
    await waitForSessionWarning(cabinet);
    await expectSessionWarningClosed(cabinet);
    await expectShown(await findLoginForm(canvasElement), '[part~="alert"][role="status"]');
    await expect(args.onMfcLogout).toHaveBeenCalledWith(expect.objectContaining({ detail: { reason: 'expired' } }));
  },
};

// ------------------------------------------------------------------ look and layout

export const DarkTheme: Story = {
  ...SessionWarning,
  name: 'Session warning: dark theme',
  globals: { theme: 'dark' },
};

/** `.mfc-theme-contrast`: large text and high contrast, for people with low vision. */
export const LargeTextContrast: Story = {
  ...SessionWarning,
  name: 'Session warning: large text, high contrast',
  globals: { theme: 'contrast' },
};

export const OnAPhone: Story = {
  ...SessionWarning,
  name: 'Session warning: on a phone',
  globals: { viewport: { value: 'mobile1', isRotated: false } },
};

// ------------------------------------------------------------------ composing the widgets

/**
 * A service selected in the catalog opens its form over the cabinet's content, with «Назад»
 * (here the cabinet is given the route; on a site `mfc-service-select` from the catalog
 * does it, and `routing` puts it into the address).
 */
export const ServiceFormOpened: Story = {
  name: 'A service’s form opened',
  parameters: { fakeApi: { signedIn: true, replies: { 'GET catalog/services/:id': serviceWithForm() } } },
  render: (args, context) => {
    const locale = localeOf(args, context);
    const { client } = storyCabinet(context, fakeApiOf(context), locale);
    return html`<mfc-cabinet locale=${locale} .client=${client} .route=${{ view: 'apply', serviceId: 'no-debt-certificate' }}>
      <p>Содержимое кабинета: каталог услуг</p>
    </mfc-cabinet>`;
  },
  play: async ({ canvasElement }) => {
    const cabinet = await findCabinet(canvasElement);
    const view = await waitFor(() => {
      const found = cabinet.shadowRoot?.querySelector<HTMLElement>('[part~="view"]');
      if (!found) throw new Error('no view yet');
      return found;
    }, { timeout: patience });
    await expect(view.querySelector('[part~="back-button"]')).toBeVisible();
    const form = view.querySelector('mfc-application-form')!;
    await waitFor(() => expect(form.shadowRoot?.querySelector('[part~="step-heading"]')).toBeTruthy(), { timeout: patience });
    // The cabinet's own content is hidden meanwhile (in the flat tree: it is slotted).
    await expect(cabinet.querySelector('p')!.checkVisibility()).toBe(false);
  },
};

// ------------------------------------------------------------------ the home

/** The shadow root of the cabinet's home, once it is there. */
async function findHome(canvasElement: HTMLElement): Promise<ShadowRoot> {
  const cabinet = await findCabinet(canvasElement);
  return waitFor(
    () => {
      const root = cabinet.shadowRoot?.querySelector('mfc-cabinet-home')?.shadowRoot;
      if (!root) throw new Error('no home yet');
      return root;
    },
    { timeout: patience },
  );
}

/** The text of the home's section `id` (`needs-info`, `drafts`, `in-progress`, `results`) once it shows an item. */
async function sectionText(home: ShadowRoot, id: string): Promise<string> {
  return waitFor(
    () => {
      const box = home.querySelector<HTMLElement>(`[part~="home-section"][data-section="applications-${id}"]`);
      const root = box?.querySelector('mfc-home-applications')?.shadowRoot;
      if (!box || box.hidden || !root?.querySelector('[part~="item"]')) throw new Error(`section ${id} shows nothing yet`);
      return (root.textContent ?? '').replace(/\s+/g, ' ');
    },
    { timeout: patience },
  );
}

/** Signed in, the home under the sign-in box: what needs the citizen now, each section leading to its view. */
export const Home: Story = {
  name: 'Home: what needs the citizen now',
  parameters: { fakeApi: { signedIn: true, tracker: {} } },
  play: async (context) => {
    const home = await findHome(context.canvasElement);
    const text = await textFor(context);
    await expect(await sectionText(home, 'needs-info')).toContain(text.homeAnswer);
    await expect(await sectionText(home, 'drafts')).toContain(text.homeContinue);
    await expect(await sectionText(home, 'in-progress')).toMatch(/MFC-2026-\d{6}/);
    await expect(await sectionText(home, 'results')).toContain('Справка о доходах за 2025 год');
  },
};

/** A new citizen: nothing to do yet, a greeting and the way into the catalog. */
export const HomeEmpty: Story = {
  name: 'Home: a new citizen',
  parameters: { fakeApi: { signedIn: true, tracker: { count: 0 }, documents: { vault: 'empty' } } },
  play: async (context) => {
    const home = await findHome(context.canvasElement);
    const text = await textFor(context);
    await waitFor(() => expect(home.querySelector('[part~="empty"]')).toHaveTextContent(text.homeEmptyHeading), { timeout: patience });
  },
};

/** The server has not answered yet. */
export const HomeLoading: Story = {
  name: 'Home: loading',
  parameters: { fakeApi: { signedIn: true, replies: { 'GET applications': noAnswer, 'GET documents': noAnswer } } },
  play: async (context) => {
    const home = await findHome(context.canvasElement);
    const text = await textFor(context);
    await waitFor(() => expect(home.querySelector('[part~="status"]')).toHaveTextContent(text.homeLoading), { timeout: patience });
  },
};

/** The server fails: each section says so, with «Повторить». */
export const HomeError: Story = {
  name: 'Home: the server fails',
  parameters: { fakeApi: { signedIn: true, replies: { 'GET applications': unavailable, 'GET documents': unavailable } } },
  play: async (context) => {
    const home = await findHome(context.canvasElement);
    const text = await textFor(context);
    await waitFor(
      () => {
        const roots = [...home.querySelectorAll('mfc-home-applications')].map((element) => element.shadowRoot?.textContent ?? '');
        expect(roots.some((root) => root.includes(text.homeRetry))).toBe(true);
      },
      { timeout: patience },
    );
  },
};

/**
 * The network is gone when the citizen comes back to the page (the cabinet opened again):
 * the home shows what was saved, with one notice.
 */
export const HomeOffline: Story = {
  name: 'Home: offline, saved data',
  parameters: { fakeApi: { signedIn: true, tracker: {} } },
  play: async (context) => {
    await sectionText(await findHome(context.canvasElement), 'drafts');
    const { api } = mountedCabinet(context);
    api.reply('GET applications', networkError);
    api.reply('GET documents', networkError);
    const cabinet = await findCabinet(context.canvasElement);
    const place = cabinet.parentNode!;
    cabinet.remove();
    place.appendChild(cabinet);
    const home = await findHome(context.canvasElement);
    const text = await textFor(context);
    await waitFor(() => expect(home.querySelector('[part~="offline"]')).toHaveTextContent(text.homeOffline), { timeout: patience });
    await expect(await sectionText(home, 'drafts')).toContain(text.homeContinue);
  },
};

// ------------------------------------------------------------------ in English

/** The English strings, whatever the toolbar says. */
const inEnglish = { globals: { locale: 'en' } } satisfies Story;

export const EnglishSignedIn: Story = { ...SignedIn, ...inEnglish, name: 'English: signed in' };
export const EnglishHomeEmpty: Story = {
  ...HomeEmpty,
  ...inEnglish,
  name: 'English: home, a new citizen',
  play: async ({ canvasElement }) => {
    const home = await findHome(canvasElement);
    await waitFor(() => expect(home.querySelector('[part~="empty"]')).toHaveTextContent('Welcome!'), { timeout: patience });
  },
};
export const EnglishSessionWarning: Story = { ...SessionWarning, ...inEnglish, name: 'English: session warning, open' };
export const EnglishStaySignedIn: Story = { ...StaySignedIn, ...inEnglish, name: 'English: session warning, stay signed in' };
export const EnglishSignOutFromWarning: Story = { ...SignOutFromWarning, ...inEnglish, name: 'English: session warning, sign out' };
