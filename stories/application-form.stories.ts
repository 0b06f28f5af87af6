import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fireEvent, fn, waitFor } from 'storybook/test';
import '../packages/widgets/src/mfc-application-form.js';
import '../packages/widgets/src/mfc-cabinet.js';
import type { MfcApplicationForm } from '../packages/widgets/src/mfc-application-form.js';
import type { TranslationOverrides } from '../packages/widgets/src/i18n/translation.js';
// fake-api.js before fake-applications.js: the two import each other, and fake-api.js builds its routes from the other's.
import { fakeApiOf, networkError, noAnswer, problem, storyCabinet, unavailable, type FakeApiOptions, type Handler, type Reply } from './support/fake-api.js';
import { completeSample, sampleForm, serviceWithForm } from './support/fake-applications.js';
import { findForm, patience, press, waitForPart } from './support/form-play.js';
import { storyLocale, textFor } from './support/story-text.js';
import { headingLevelArgType, localeArgType, localeOf, stringsArgType, styleOf, type WidgetArgs } from './support/story-args.js';

interface FormArgs extends WidgetArgs {
  'service-id': string;
  'application-id': string;
  'heading-level': number;
  strings: TranslationOverrides | undefined;
  onMfcApplicationSubmit: (event: Event) => void;
  onMfcError: (event: Event) => void;
}

type Story = StoryObj<FormArgs>;

function renderForm(args: FormArgs, context: StoryContext<FormArgs>) {
  const locale = localeOf(args, context);
  const { client } = storyCabinet(context, fakeApiOf(context), locale);
  return html`<mfc-application-form
    service-id=${ifDefined(args['service-id'] || undefined)}
    application-id=${ifDefined(args['application-id'] || undefined)}
    heading-level=${args['heading-level']}
    locale=${locale}
    style=${ifDefined(styleOf(args))}
    .client=${client}
    .strings=${args.strings}
    @mfc-application-submit=${args.onMfcApplicationSubmit}
    @mfc-error=${args.onMfcError}
  ></mfc-application-form>`;
}

const serviceId = 'no-debt-certificate';
/** The fake server of these stories: signed in, the sample form served for the service. */
const withForm = (options: FakeApiOptions = {}): FakeApiOptions => ({
  signedIn: true,
  ...options,
  replies: { 'GET catalog/services/:id': serviceWithForm(), ...options.replies },
});
const applicantOnly = Object.fromEntries(Object.entries(completeSample).filter(([id]) => sampleForm.steps[0]!.fields.some((field) => field.id === id)));

const meta = {
  title: 'Widgets/Application form',
  component: 'mfc-application-form',
  tags: ['autodocs'],
  render: renderForm,
  args: {
    'service-id': serviceId,
    'application-id': '',
    'heading-level': 2,
    locale: 'toolbar',
    strings: undefined,
    onMfcApplicationSubmit: fn().mockName('mfc-application-submit'),
    onMfcError: fn().mockName('mfc-error'),
  },
  argTypes: {
    'service-id': { description: 'The service to apply for (its id in the catalog).', control: 'text', table: { category: 'attributes' } },
    'application-id': { description: 'A draft to continue; without it, the latest draft of the service.', control: 'text', table: { category: 'attributes' } },
    'heading-level': headingLevelArgType,
    locale: localeArgType,
    strings: stringsArgType('{ "submitApplication": "Подать" }'),
    onMfcApplicationSubmit: { table: { disable: true } },
    onMfcError: { table: { disable: true } },
  },
  parameters: { fakeApi: withForm() },
} satisfies Meta<FormArgs>;

export default meta;

const findApplicationForm = (canvasElement: HTMLElement) => findForm(canvasElement, 'mfc-application-form');
const textOf = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function expectStep(form: MfcApplicationForm, title: string): Promise<void> {
  await waitFor(() => expect(textOf(form.shadowRoot?.querySelector('#step-heading'))).toBe(title), { timeout: patience });
}

async function input(form: MfcApplicationForm, id: string, value: string): Promise<void> {
  fireEvent.input(await waitForPart(form, `#field-${id}`), { target: { value } });
  await form.updateComplete;
}

async function expectSaveStatus(form: MfcApplicationForm, text: string | RegExp): Promise<void> {
  await waitFor(() => expect(textOf(form.shadowRoot?.querySelector('[part~="save-status"]'))).toMatch(text), { timeout: patience });
}

// ------------------------------------------------------------------ filling in

/**
 * The first step of a new application: the progress, the steps, help text under the fields,
 * and what the profile knows already filled in, marked «Из профиля». Nothing is saved until
 * the citizen starts.
 */
export const FirstStep: Story = {
  name: 'First step',
  play: async (context) => {
    const form = await findApplicationForm(context.canvasElement);
    const text = await textFor(context);
    await expectStep(form, 'Заявитель');
    await expect(textOf(form.shadowRoot!.querySelector('#progress'))).toBe(text.stepProgress(1, 4));
    await expect(form.shadowRoot!.querySelector('[aria-current="step"]')).toHaveTextContent('Заявитель');
    // What the profile knows is there at once, marked as taken from it.
    await waitFor(() => expect(form.shadowRoot!.querySelector('#field-lastName-hint')).toHaveTextContent(text.fromProfile), { timeout: patience });
    await expect(form.shadowRoot!.querySelector<HTMLInputElement>('#field-lastName')!.value).toBe('Иванов');
  },
};

/** While the service's form loads. */
export const Loading: Story = {
  name: 'Loading',
  parameters: { fakeApi: withForm({ replies: { 'GET catalog/services/:id': noAnswer } }) },
  play: async (context) => {
    const form = await findApplicationForm(context.canvasElement);
    const text = await textFor(context);
    await waitFor(() => expect(textOf(form.shadowRoot!.querySelector('[role="status"]'))).toBe(text.applicationLoading), { timeout: patience });
  },
};

/**
 * «Далее» checks the step with the validation the server uses: a summary of the errors
 * (each a link to its field) gets the focus, and each field says what is wrong.
 */
export const StepWithErrors: Story = {
  name: 'A step with errors',
  play: async (context) => {
    const form = await findApplicationForm(context.canvasElement);
    await expectStep(form, 'Заявитель');
    // The checks are the server's, written in Russian; in English the form says them from their code.
    const english = storyLocale(context) === 'en';
    await input(form, 'snils', '112-233-445 96');
    await waitFor(() => expect(form.shadowRoot!.querySelector<HTMLInputElement>('#field-lastName')!.value).toBe('Иванов'), { timeout: patience });
    await input(form, 'birthDate', '31.02.1985');
    await press(form, '#next');
    const summary = await waitForPart(form, '#error-summary');
    await expect(summary).toHaveTextContent(english ? 'The SNILS has a mistake: check the digits' : 'СНИЛС указан с ошибкой: проверьте цифры');
    await expect(summary).toHaveTextContent(english ? 'Enter a real date as DD.MM.YYYY' : 'Укажите существующую дату в формате ДД.ММ.ГГГГ');
    await expect(form.shadowRoot!.querySelector('#field-snils')).toHaveAttribute('aria-invalid', 'true');
  },
};

/** The draft is saved a second after the last change: while the server has not answered. */
export const Saving: Story = {
  name: 'Draft: saving',
  parameters: { fakeApi: withForm({ replies: { 'PUT applications/:id/draft': noAnswer } }) },
  play: async (context) => {
    const form = await findApplicationForm(context.canvasElement);
    const text = await textFor(context);
    await expectStep(form, 'Заявитель');
    await input(form, 'middleName', 'Петрович');
    await expectSaveStatus(form, text.saveSaving);
  },
};

/** The draft is saved: it will be continued the next time the citizen opens the form. */
export const Saved: Story = {
  name: 'Draft: saved',
  play: async (context) => {
    const form = await findApplicationForm(context.canvasElement);
    const text = await textFor(context);
    await expectStep(form, 'Заявитель');
    await input(form, 'middleName', 'Петрович');
    await expectSaveStatus(form, text.saveSaved);
  },
};

/** No connection: the draft waits on the device and goes to the server when the connection is back. */
export const SavedOffline: Story = {
  name: 'Draft: saved offline',
  parameters: { fakeApi: withForm({ replies: { 'PUT applications/:id/draft': networkError } }) },
  play: async (context) => {
    const form = await findApplicationForm(context.canvasElement);
    const text = await textFor(context);
    await expectStep(form, 'Заявитель');
    await input(form, 'middleName', 'Петрович');
    await expectSaveStatus(form, text.saveQueued);
  },
};

/** A draft continued at the documents step: upload scans or choose them among the citizen's documents. */
export const DocumentsStep: Story = {
  name: 'Documents step',
  parameters: { fakeApi: withForm({ applications: { drafts: [{ serviceId, values: applicantOnly }] } }) },
  play: async (context) => {
    const form = await findApplicationForm(context.canvasElement);
    const text = await textFor(context);
    await expectStep(form, 'Документы');
    await waitForPart(form, 'mfc-document-uploader');
    await expect(textOf(form.shadowRoot!.querySelector('#progress'))).toBe(text.stepProgress(2, 4));
  },
};

/** A complete draft opens at the review: every answer, with «Изменить» leading to its step. */
export const Review: Story = {
  name: 'Review',
  parameters: { fakeApi: withForm({ applications: { drafts: [{ serviceId, values: completeSample }] } }) },
  play: async (context) => {
    const form = await findApplicationForm(context.canvasElement);
    const text = await textFor(context);
    await expectStep(form, text.reviewStepTitle);
    const review = await waitForPart(form, '[part~="review"]');
    await expect(review).toHaveTextContent('112-233-445 95');
    await expect(review).toHaveTextContent('В личном кабинете');
    await waitFor(() => expect(review).toHaveTextContent('Паспорт, страницы 2–3.pdf'), { timeout: patience });
  },
};

/** The review in a narrow column (a phone, a side column): «Изменить» stays beside each question, the answer under it. */
export const ReviewNarrow: Story = {
  ...Review,
  name: 'Review in a narrow column',
  decorators: [(story) => html`<div style="max-width: 20rem">${story()}</div>`],
  play: async (context) => {
    await Review.play!(context);
    const form = await findApplicationForm(context.canvasElement);
    const row = form.shadowRoot!.querySelector('[part~="answer"]')!;
    const label = row.querySelector('dt')!.getBoundingClientRect();
    const change = row.querySelector('[part~="change-link"]')!.getBoundingClientRect();
    const value = row.querySelector('.value')!.getBoundingClientRect();
    const middle = (change.top + change.bottom) / 2;
    await expect(middle > label.top && middle < label.bottom && change.left >= label.right, '«Изменить» beside its question').toBe(true);
    await expect(value.top, 'the answer under both').toBeGreaterThanOrEqual(label.bottom - 1);
  },
};

// ------------------------------------------------------------------ account level

/** The service needs a standard account and the citizen's is simplified: what to do, before filling anything. */
export const LevelTooLow: Story = {
  name: 'Account level too low',
  parameters: { fakeApi: withForm({ account: { level: 'simplified' } }) },
  play: async (context) => {
    const form = await findApplicationForm(context.canvasElement);
    const text = await textFor(context);
    const notice = await waitForPart(form, '[part~="level-notice"]');
    await expect(notice).toHaveTextContent(text.raiseToStandard);
    await expect(form.shadowRoot!.querySelector('form')).toBeNull();
  },
};

/** Nobody is signed in. */
export const SignedOut: Story = {
  name: 'Signed out',
  parameters: { fakeApi: withForm({ signedIn: false }) },
  play: async (context) => {
    const form = await findApplicationForm(context.canvasElement);
    const text = await textFor(context);
    // The sample service asks for a standard account.
    await expect(await waitForPart(form, '[part~="level-notice"]')).toHaveTextContent(text.signInToFill(text.requiredLevelName.standard));
  },
};

// ------------------------------------------------------------------ submitting

/** Sent: the tracking number, the expected date and what happens next. */
export const Submitted: Story = {
  name: 'Submitted',
  parameters: { fakeApi: withForm({ applications: { drafts: [{ serviceId, values: completeSample }] } }) },
  play: async (context) => {
    const { args } = context;
    const form = await findApplicationForm(context.canvasElement);
    const text = await textFor(context);
    await expectStep(form, text.reviewStepTitle);
    await press(form, '#next');
    const confirmation = await waitForPart(form, '[part~="confirmation"]');
    await expect(textOf(confirmation.querySelector('[part~="tracking-number"]'))).toMatch(/^MFC-\d{4}-000123$/);
    await expect(confirmation).toHaveTextContent(text.nextStepsHeading);
    await expect(args.onMfcApplicationSubmit).toHaveBeenCalledWith(expect.objectContaining({ detail: expect.objectContaining({ queued: false }) }));
  },
};

/** Sent without a connection: it waits on the device and goes once when the connection is back. */
export const SubmittedOffline: Story = {
  name: 'Submitted offline, queued',
  parameters: {
    fakeApi: withForm({
      applications: { drafts: [{ serviceId, values: completeSample }] },
      replies: { 'GET catalog/services/:id': serviceWithForm(), 'POST applications/:id/submit': networkError, 'PUT applications/:id/draft': networkError },
    }),
  },
  play: async (context) => {
    const { args } = context;
    const form = await findApplicationForm(context.canvasElement);
    const text = await textFor(context);
    await expectStep(form, text.reviewStepTitle);
    await press(form, '#next');
    const confirmation = await waitForPart(form, '[part~="confirmation"]');
    await expect(confirmation).toHaveTextContent(text.queuedHeading);
    await expect(args.onMfcApplicationSubmit).toHaveBeenCalledWith(expect.objectContaining({ detail: expect.objectContaining({ queued: true }) }));
  },
};

/** The server refuses an answer: the form goes to its step, with the server's message. */
export const ServerRefusesAnswer: Story = {
  name: 'Server refuses: an answer',
  parameters: {
    fakeApi: withForm({
      applications: { drafts: [{ serviceId, values: completeSample }] },
      replies: {
        'GET catalog/services/:id': serviceWithForm(),
        'POST applications/:id/submit': problem(400, 'validation_failed', {
          errors: [{ field: 'snils', code: 'snils_not_found', message: 'СНИЛС не найден в реестре: проверьте номер' }],
        }),
      },
    }),
  },
  play: async (context) => {
    const form = await findApplicationForm(context.canvasElement);
    const text = await textFor(context);
    await expectStep(form, text.reviewStepTitle);
    await press(form, '#next');
    await expectStep(form, 'Заявитель');
    await expect(await waitForPart(form, '#error-summary')).toHaveTextContent('СНИЛС не найден в реестре: проверьте номер');
  },
};

/**
 * The form opened with a level that was enough, but by the time the citizen sends it the
 * server knows a lower one (here the registries withdrew the check meanwhile) and refuses
 * the submission as `forbidden`: the form gives way to the level notice, with the level the
 * server now tells and, inside `<mfc-cabinet>`, the link to the profile that raises it.
 */
export const ServerRefusesLevel: Story = {
  name: 'Server refuses: account level too low',
  parameters: {
    fakeApi: withForm({
      applications: { drafts: [{ serviceId, values: completeSample }] },
      replies: {
        'GET catalog/services/:id': serviceWithForm(),
        'POST applications/:id/submit': (request, api) => {
          api.profile = { ...api.profile, level: 'simplified' };
          return (problem(403, 'forbidden') as Exclude<Handler, Reply>)(request, api);
        },
      },
    }),
  },
  render: (args, context) => {
    const locale = localeOf(args, context);
    const { client } = storyCabinet(context, fakeApiOf(context), locale);
    return html`<mfc-cabinet locale=${locale} routing="off" no-home .client=${client}>
      <mfc-application-form service-id=${args['service-id']} heading-level="2" locale=${locale}></mfc-application-form>
    </mfc-cabinet>`;
  },
  play: async (context) => {
    const form = await findApplicationForm(context.canvasElement);
    const text = await textFor(context);
    await expectStep(form, text.reviewStepTitle);
    await press(form, '#next');
    const notice = await waitForPart(form, '[part~="level-notice"]');
    await waitFor(() => expect(notice).toHaveTextContent(text.levelTooLowToApply(text.accountLevel.simplified, text.requiredLevelName.standard)), { timeout: patience });
    await expect(notice).toHaveTextContent(text.raiseToStandard);
    await expect(form.shadowRoot!.querySelector('form')).toBeNull();
    const link = await waitForPart<HTMLElement>(form, '[part~="profile-link"]');
    await expect(link).toHaveTextContent(text.raiseLevelLink);
    link.click();
    const cabinet = form.closest('mfc-cabinet')!;
    await waitFor(() => expect(cabinet.route).toEqual({ view: 'profile' }), { timeout: patience });
  },
};

/**
 * The draft names a document the citizen has since deleted from the vault: the server
 * (here its fake, with the same check) refuses the submission and the form goes to the
 * documents step with the reason.
 */
export const DocumentGone: Story = {
  name: 'Attached document deleted meanwhile',
  parameters: { fakeApi: withForm({ applications: { drafts: [{ serviceId, values: completeSample }] }, documents: { vault: 'empty' } }) },
  play: async (context) => {
    const form = await findApplicationForm(context.canvasElement);
    const text = await textFor(context);
    await expectStep(form, text.reviewStepTitle);
    await press(form, '#next');
    await expectStep(form, 'Документы');
    await expect(await waitForPart(form, '#error-summary')).toHaveTextContent('Такого документа нет среди ваших документов: приложите его заново');
  },
};

/** The server cannot be reached while the form loads. */
export const ServerUnavailable: Story = {
  name: 'Server unavailable',
  parameters: { fakeApi: withForm({ replies: { 'GET catalog/services/:id': unavailable } }) },
  play: async (context) => {
    const form = await findApplicationForm(context.canvasElement);
    const text = await textFor(context);
    await expect(await waitForPart(form, '[part~="alert"]', 15000)).toHaveTextContent(text.applicationLoadFailed);
  },
};

// ------------------------------------------------------------------ text

const long = 'Сведения о составе семьи заявителя, включая супруга (супругу), несовершеннолетних детей и совершеннолетних детей до 23 лет, обучающихся очно';

/** Long labels, help text and answers wrap without breaking the layout. */
export const LongText: Story = {
  name: 'Long text',
  parameters: {
    fakeApi: withForm({
      applications: {
        form: {
          version: 1,
          steps: [
            {
              id: 'family',
              title: `${long} — шаг с очень длинным названием`,
              fields: [
                { id: 'family', type: 'textarea', label: long, hint: `${long}. ${long}.`, required: true, maxLength: 2000 },
                { id: 'address', type: 'address', label: 'Адрес регистрации по месту жительства всех членов семьи', required: true },
              ],
            },
          ],
        },
        drafts: [{ serviceId, values: { family: `${long}. `.repeat(4), address: 'Энская область, город Заречный, улица Героев Великой Отечественной войны, дом 128, корпус 3, квартира 417' } }],
      },
    }),
  },
  play: async (context) => {
    const form = await findApplicationForm(context.canvasElement);
    const text = await textFor(context);
    await expectStep(form, text.reviewStepTitle);
  },
};

/** In English (the field labels and the server's messages stay as the service defines them). */
export const English: Story = {
  name: 'English: first step',
  args: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const form = await findApplicationForm(canvasElement);
    await waitFor(() => expect(textOf(form.shadowRoot!.querySelector('#progress'))).toBe('Step 1 of 4'), { timeout: patience });
    await expect(form.shadowRoot!.querySelector('#next')).toHaveTextContent('Continue');
  },
};

/**
 * The dark theme set on the form alone, on a light page: the form paints its own surface,
 * so its text keeps its contrast (axe checks it).
 */
export const DarkThemeOnLightPage: Story = {
  name: 'Dark theme on a light page',
  args: { locale: 'ru' },
  globals: { theme: 'light' },
  decorators: [(story) => html`<div class="mfc-theme-dark">${story()}</div>`],
  play: async ({ canvasElement }) => {
    const form = await findApplicationForm(canvasElement);
    await expectStep(form, 'Заявитель');
    const base = form.shadowRoot!.querySelector('[part~="base"]') ?? form.shadowRoot!.querySelector('.base');
    await expect(getComputedStyle(base!).backgroundColor).toBe('rgb(21, 25, 30)');
  },
};
