import type { ApplicationStatus } from '@mfc-cabinet/core';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fn, waitFor } from 'storybook/test';
import '../packages/widgets/src/mfc-application-tracker.js';
import type { MfcApplicationTracker } from '../packages/widgets/src/application-tracker/application-tracker.js';
import type { TranslationOverrides } from '../packages/widgets/src/i18n/translation.js';
import { fakeApiOf, mountedCabinet, networkError, noAnswer, storyCabinet, unavailable } from './support/fake-api.js';
import { completeSample, serviceWithForm } from './support/fake-applications.js';
import { findForm, patience, waitForPart } from './support/form-play.js';
import { headingLevelArgType, localeArgType, localeOf, stringsArgType, styleOf, type WidgetArgs } from './support/story-args.js';
import { textFor } from './support/story-text.js';

interface TrackerArgs extends WidgetArgs {
  'application-id': string;
  'poll-interval': number;
  'heading-level': number;
  strings: TranslationOverrides | undefined;
  onMfcApplicationOpen: (event: Event) => void;
  onMfcError: (event: Event) => void;
}

type Story = StoryObj<TrackerArgs>;

function renderTracker(args: TrackerArgs, context: StoryContext<TrackerArgs>) {
  const locale = localeOf(args, context);
  const { client } = storyCabinet(context, fakeApiOf(context), locale);
  return html`<mfc-application-tracker
    application-id=${ifDefined(args['application-id'] || undefined)}
    poll-interval=${args['poll-interval']}
    heading-level=${args['heading-level']}
    locale=${locale}
    style=${ifDefined(styleOf(args))}
    .client=${client}
    .strings=${args.strings}
    @mfc-application-open=${args.onMfcApplicationOpen}
    @mfc-error=${args.onMfcError}
  ></mfc-application-tracker>`;
}

const meta = {
  title: 'Widgets/Application tracker',
  component: 'mfc-application-tracker',
  tags: ['autodocs'],
  render: renderTracker,
  args: {
    'application-id': '',
    'poll-interval': 30000,
    'heading-level': 2,
    locale: 'toolbar',
    strings: undefined,
    onMfcApplicationOpen: fn().mockName('mfc-application-open'),
    onMfcError: fn().mockName('mfc-error'),
  },
  argTypes: {
    'application-id': { description: 'The application whose detail is open (a deep link).', control: 'text', table: { category: 'attributes' } },
    'poll-interval': { description: 'Milliseconds between looks for updates; 0 stops polling.', control: 'number', table: { category: 'attributes' } },
    'heading-level': headingLevelArgType,
    locale: localeArgType,
    strings: stringsArgType('{ "trackerHeading": "Заявления и обращения" }'),
    onMfcApplicationOpen: { table: { disable: true } },
    onMfcError: { table: { disable: true } },
  },
  parameters: { fakeApi: { signedIn: true, tracker: {} } },
} satisfies Meta<TrackerArgs>;

export default meta;

const textOf = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const findTracker = (canvasElement: HTMLElement) => findForm(canvasElement, 'mfc-application-tracker');

async function expectStatus(tracker: MfcApplicationTracker, expected: string | RegExp): Promise<void> {
  // The list's status line, or the alert shown in its place when loading failed (so that a
  // failure says why).
  const shown = () => tracker.shadowRoot!.querySelector('[part~="status"]') ?? tracker.shadowRoot!.querySelector('[part~="alert"]');
  await waitFor(() => expect(textOf(shown())).toMatch(expected), { timeout: patience });
}

/** `expected` as a function when it is a string of a part that loads later (the detail's): read once it has loaded. */
async function expectPart(tracker: MfcApplicationTracker, selector: string, expected: string | RegExp | (() => string)): Promise<void> {
  await waitFor(() => expect(textOf(tracker.shadowRoot!.querySelector(selector))).toMatch(typeof expected === 'function' ? expected() : expected), { timeout: patience });
}

// The play functions expect the tracker's strings of the story's language (`textFor`); what
// the fake API sends (service titles, comments, the server's messages) is its data, in Russian.

// ------------------------------------------------------------------ the list

const statuses: ApplicationStatus[] = ['draft', 'submitted', 'in_review', 'needs_info', 'approved', 'ready_for_issue', 'completed', 'rejected', 'withdrawn'];

/**
 * One application of each status: a clear name with a mark (not colour alone: an inline SVG,
 * not a character the reader's fonts may lack), the number, dates and the expected completion.
 */
export const EachStatus: Story = {
  name: 'Each status',
  play: async (context) => {
    const tracker = await findTracker(context.canvasElement);
    const text = await textFor(context);
    await expectStatus(tracker, text.trackerFound(9));
    const badges = [...tracker.shadowRoot!.querySelectorAll('[part~="item"] [part~="status-badge"]')];
    await expect(badges.map((badge) => textOf(badge))).toEqual(statuses.map((status) => text.trackerStatus(status)));
    const marks = badges.map((badge) => badge.querySelector('svg.mark[aria-hidden="true"] path')?.getAttribute('d'));
    await expect(new Set(marks).size).toBe(statuses.length);
  },
};

/** Before the list has come (the first visit: nothing is saved on the device yet). */
export const Loading: Story = {
  name: 'Loading',
  parameters: { fakeApi: { signedIn: true, tracker: {}, replies: { 'GET applications': noAnswer } } },
  play: async (context) => {
    const tracker = await findTracker(context.canvasElement);
    await expectStatus(tracker, (await textFor(context)).trackerLoading);
  },
};

/** No applications yet. */
export const Empty: Story = {
  name: 'Empty',
  parameters: { fakeApi: { signedIn: true, tracker: { count: 0 } } },
  play: async (context) => {
    const tracker = await findTracker(context.canvasElement);
    await expectStatus(tracker, (await textFor(context)).trackerEmpty);
  },
};

/**
 * Nobody is signed in: a calm invitation to sign in (the form is elsewhere on the page),
 * without filters or export links, and no request the server would refuse.
 */
export const SignedOut: Story = {
  name: 'Signed out',
  args: { locale: 'ru' },
  parameters: { fakeApi: { signedIn: false, tracker: {} } },
  play: async (context) => {
    const { canvasElement, args } = context;
    const tracker = await findTracker(canvasElement);
    await expectStatus(tracker, (await textFor(context)).trackerSignInFirst);
    await expect(tracker.shadowRoot!.querySelector('[part~="filters"]')).toBeNull();
    await expect(tracker.shadowRoot!.querySelector('[part~="exports"]')).toBeNull();
    await expect(tracker.shadowRoot!.querySelector('[part~="alert"]')).toBeNull();
    await expect(args.onMfcError).not.toHaveBeenCalled();
  },
};

/** The server fails: what happened, and «Повторить». */
export const ServerError: Story = {
  name: 'Error',
  parameters: { fakeApi: { signedIn: true, tracker: {}, replies: { 'GET applications': unavailable } } },
  play: async ({ canvasElement }) => {
    const tracker = await findTracker(canvasElement);
    await waitForPart(tracker, '#retry');
  },
};

/** No network on a device where nothing was saved. */
export const OfflineNothingSaved: Story = {
  name: 'Offline: nothing saved',
  parameters: { fakeApi: { signedIn: true, tracker: {}, replies: { 'GET applications': networkError } } },
  play: async (context) => {
    const tracker = await findTracker(context.canvasElement);
    await expectPart(tracker, '[part~="alert"]', (await textFor(context)).trackerOfflineNoData);
  },
};

/** The network goes while the list is on screen: it stays, with a notice, and comes back by itself when online. */
export const Offline: Story = {
  name: 'Offline: saved data',
  play: async (context) => {
    const tracker = await findTracker(context.canvasElement);
    const text = await textFor(context);
    await expectStatus(tracker, text.trackerFound(9));
    const { api } = mountedCabinet(context);
    api.reply('GET applications', networkError);
    await tracker.refresh();
    await expectPart(tracker, '[part~="offline"]', text.trackerOffline);
    await expectStatus(tracker, text.trackerFound(9));
  },
};

/** Ten thousand applications: pages come as the list scrolls, and only those on screen are rendered. */
export const ManyItems: Story = {
  name: 'Many items, 10 000',
  parameters: { fakeApi: { signedIn: true, tracker: { count: 10_000 } } },
  play: async (context) => {
    const tracker = await findTracker(context.canvasElement);
    await expectStatus(tracker, (await textFor(context)).trackerFound(10_000));
    await waitFor(() => expect(tracker.shadowRoot!.querySelector('[part~="item"]')?.getAttribute('aria-setsize')).toBe('10000'), { timeout: patience });
    await expect(tracker.shadowRoot!.querySelectorAll('[part~="item"]').length).toBeLessThan(200);
  },
};

/** Filters and the search by number narrow the list at once. */
export const Filtered: Story = {
  name: 'Filtered by number',
  parameters: { fakeApi: { signedIn: true, tracker: { count: 40 } } },
  play: async (context) => {
    const tracker = await findTracker(context.canvasElement);
    const text = await textFor(context);
    await expectStatus(tracker, text.trackerFound(40));
    const search = await waitForPart<HTMLInputElement>(tracker, '#filter-q');
    search.value = 'MFC-2026-000012';
    search.dispatchEvent(new InputEvent('input'));
    await expectStatus(tracker, text.trackerFound(1));
  },
};

// ------------------------------------------------------------------ the detail

/** An application with many steps: every transition with its time, who made it and the comment. */
export const LongTimeline: Story = {
  name: 'Detail: long timeline',
  args: { 'application-id': 'app-00007' },
  parameters: { fakeApi: { signedIn: true, tracker: { requestRounds: 8 } } },
  play: async (context) => {
    const tracker = await findTracker(context.canvasElement);
    await waitFor(() => expect(tracker.shadowRoot!.querySelectorAll('[part~="timeline-item"]').length).toBe(21), { timeout: patience });
    await expectPart(tracker, '[part~="facts"]', (await textFor(context)).trackerStatus('completed'));
  },
};

/**
 * Just submitted: what happens next near the top — by when, how the citizen learns of the
 * next status, the documents the service names to bring to an МФЦ office — and the number
 * with «Скопировать номер» (said in a polite live region; selected when the clipboard is refused).
 */
export const WhatHappensNext: Story = {
  name: 'Detail: what happens next',
  args: { 'application-id': 'app-00002' },
  play: async (context) => {
    const tracker = await findTracker(context.canvasElement);
    // Its Russian strings come with the detail's code: asked for once the detail has rendered.
    await waitForPart(tracker, '[part~="next"]');
    const text = await textFor(context);
    await expectPart(tracker, '[part~="next"]', text.trackerNextLead('submitted'));
    // app-00002 is expected by 2026-03-11 (the fake tracker's fixed dates).
    await expectPart(tracker, '[part~="next"]', text.trackerNextExpected(storyDay(context, '11', '03', '2026')));
    await expectPart(tracker, '[part~="next-documents"]', 'Свидетельство о рождении ребёнка');
    (await waitForPart<HTMLButtonElement>(tracker, '#copy-number')).click();
    // Copied, or (where the browser refuses the clipboard) selected.
    await waitFor(() => expect([text.trackerNumberCopied, text.trackerNumberSelected]).toContain(textOf(tracker.shadowRoot!.querySelector('[part~="copy-status"]'))), {
      timeout: patience,
    });
  },
};

/**
 * «Что вы отправили», opened: each field of the service's form with its label and the value
 * as people read it (the date as ДД.ММ.ГГГГ, the option's label, «Да» for a ticked box, «Не
 * указано» for a field left empty), by the form's steps, and the document by what it is
 * («Паспорт»), its file's name after it; «Распечатать копию (PDF)» downloads the server's copy.
 */
export const WhatWasSubmitted: Story = {
  name: 'Detail: what was submitted',
  args: { 'application-id': 'app-00002' },
  parameters: {
    fakeApi: {
      signedIn: true,
      tracker: { values: { ...completeSample, documents: ['doc-scan'] } },
      documents: { vault: [{ id: 'doc-scan', name: 'scan_0012.pdf', kind: 'Паспорт', attachedTo: ['app-00002'] }] },
      replies: { 'GET catalog/services/:id': serviceWithForm() },
    },
  },
  play: async (context) => {
    const tracker = await findTracker(context.canvasElement);
    const summary = await waitForPart<HTMLElement>(tracker, '[part~="submitted-summary"]');
    const text = await textFor(context);
    await expectPart(tracker, '[part~="submitted-summary"]', text.trackerSubmittedHeading);
    summary.click();
    await waitForPart(tracker, '[part~="submitted-documents"]');
    const answers = () =>
      new Map([...tracker.shadowRoot!.querySelectorAll('[part~="answer"]')].map((answer) => [textOf(answer.querySelector('dt')), textOf(answer.querySelector('dd'))]));
    // The steps' titles and the fields' labels are the service's data, in Russian.
    await expectPart(tracker, '[part~="submitted-answers"]', /Заявитель.*Документы.*Получение результата/);
    await expect(answers().get('Фамилия')).toBe('Иванов');
    await expect(answers().get('Дата рождения')).toBe(storyDay(context, '12', '04', '1985'));
    await expect(answers().get('Как получить результат')).toBe('В личном кабинете');
    await expect(answers().get('Подтверждаю, что сведения в заявлении достоверны')).toBe(text.trackerYes);
    await expect(answers().get('Комментарий')).toBe(text.trackerNotGiven);
    const attached = tracker.shadowRoot!.querySelector('[part~="submitted-documents"] li');
    await expect(textOf(attached).startsWith('Паспорт')).toBe(true);
    await expect(textOf(attached?.querySelector('.file-name'))).toBe('scan_0012.pdf');

    const print = await waitForPart<HTMLButtonElement>(tracker, '#copy-pdf');
    await expect(textOf(print)).toBe(text.trackerPrintCopy);
    // The copy comes as a file to save (held here, so that the play does not download it).
    const failures: string[] = [];
    const failed = (event: Event) => failures.push((event as CustomEvent<{ action: string }>).detail.action);
    tracker.addEventListener('mfc-error', failed);
    const saved: HTMLAnchorElement[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push(this);
    };
    try {
      print.click();
      await waitFor(() => expect(saved.length + failures.length).toBe(1), { timeout: patience });
    } finally {
      HTMLAnchorElement.prototype.click = click;
      tracker.removeEventListener('mfc-error', failed);
    }
    await expect(failures).toEqual([]);
    await expect(saved[0]!.download).toBe('copy-MFC-2026-000002.pdf');
  },
};

/** A day as the detail's «what happens next» writes it: ДД.ММ.ГГГГ, in English DD/MM/YYYY. */
const storyDay = (context: StoryContext<TrackerArgs>, day: string, month: string, year: string) =>
  localeOf(context.args, context) === 'en' ? `${day}/${month}/${year}` : `${day}.${month}.${year}`;

/** Answers a request for the phone field: types a number and presses «Отправить ответ». */
async function answerWithPhone(tracker: MfcApplicationTracker): Promise<void> {
  const phone = await waitForPart<HTMLInputElement>(tracker, '#phone');
  phone.value = '+79161234567';
  phone.dispatchEvent(new InputEvent('input'));
  (await waitForPart<HTMLButtonElement>(tracker, '[part~="request"] button[type="submit"]')).click();
}

/** The МФЦ asks for a field: the field and «Отправить ответ»; the answer goes and the application is back in review. */
export const NeedsInfo: Story = {
  name: 'Detail: needs information',
  args: { 'application-id': 'app-00004' },
  parameters: {
    fakeApi: {
      signedIn: true,
      tracker: { requested: { documents: [], fields: ['phone'] } },
      replies: { 'GET catalog/services/:id': serviceWithForm() },
    },
  },
  play: async (context) => {
    const tracker = await findTracker(context.canvasElement);
    const text = await textFor(context);
    await answerWithPhone(tracker);
    await expectPart(tracker, '#message', text.trackerAnswerSent);
    await expectPart(tracker, '[part~="facts"]', text.trackerStatus('in_review'));
  },
};

/** An answer without the requested document is refused, as the server refuses it: the citizen is told what to attach. */
export const AnswerWithoutDocument: Story = {
  name: 'Detail: answer without the requested document',
  args: { 'application-id': 'app-00004' },
  parameters: {
    fakeApi: {
      signedIn: true,
      tracker: { requested: { documents: ['Справка о доходах'], fields: ['phone'] } },
      replies: { 'GET catalog/services/:id': serviceWithForm() },
    },
  },
  play: async (context) => {
    const tracker = await findTracker(context.canvasElement);
    await waitForPart(tracker, 'mfc-document-uploader');
    await answerWithPhone(tracker);
    // The server's message, as it sends it.
    await expectPart(tracker, '[part~="request"] .field-error', /Приложите документ «Справка о доходах»: его запросили по заявлению/);
    await expectPart(tracker, '[part~="facts"]', (await textFor(context)).trackerStatus('needs_info'));
  },
};

/** A completed application with the result to download. */
export const Completed: Story = {
  name: 'Detail: result to download',
  args: { 'application-id': 'app-00007' },
  parameters: {
    fakeApi: {
      signedIn: true,
      tracker: {},
      documents: { vault: [{ id: 'result-1', name: 'Справка о доходах.pdf', kind: 'result', applicationId: 'app-00007', issuedBy: 'Смирнова Елена Викторовна' }] },
    },
  },
  play: async ({ canvasElement }) => {
    const tracker = await findTracker(canvasElement);
    await expectPart(tracker, '[part~="result-link"]', 'Справка о доходах.pdf');
  },
};

/** Before the application has come. */
export const DetailLoading: Story = {
  name: 'Detail: loading',
  args: { 'application-id': 'app-00002' },
  parameters: { fakeApi: { signedIn: true, tracker: {}, replies: { 'GET applications/:id': noAnswer } } },
  play: async (context) => {
    const tracker = await findTracker(context.canvasElement);
    await expectPart(tracker, '[part~="detail-heading"]', (await textFor(context)).trackerDetailLoading);
  },
};

/** A link to an application that is not the citizen's (or no longer exists): said so, with «Назад». */
export const DetailNotFound: Story = {
  name: 'Detail: not found',
  args: { 'application-id': 'app-99999' },
  play: async (context) => {
    const tracker = await findTracker(context.canvasElement);
    const text = await textFor(context);
    await expectPart(tracker, '[part~="detail"] [part~="alert"]', () => text.trackerNotFound);
    await waitForPart(tracker, '#back');
  },
};

/** A rejected application: the reason in the timeline, nothing to withdraw. */
export const Rejected: Story = {
  name: 'Detail: rejected',
  args: { 'application-id': 'app-00008' },
  play: async (context) => {
    const tracker = await findTracker(context.canvasElement);
    await expectPart(tracker, '[part~="facts"]', (await textFor(context)).trackerStatus('rejected'));
    await expectPart(tracker, '[part~="detail"]', /не представлены документы о доходах/);
    await expect(tracker.shadowRoot!.querySelector('#withdraw')).toBeNull();
  },
};

/** Withdrawing asks first. */
export const Withdraw: Story = {
  name: 'Detail: withdraw',
  args: { 'application-id': 'app-00003' },
  play: async (context) => {
    const tracker = await findTracker(context.canvasElement);
    (await waitForPart<HTMLButtonElement>(tracker, '#withdraw')).click();
    await waitForPart(tracker, '#withdraw-question');
    (await waitForPart<HTMLButtonElement>(tracker, '#withdraw-yes')).click();
    await expectPart(tracker, '[part~="facts"]', (await textFor(context)).trackerStatus('withdrawn'));
  },
};

/** In English. */
export const English: Story = {
  name: 'English: each status',
  args: { locale: 'en' },
  play: async (context) => {
    const tracker = await findTracker(context.canvasElement);
    await expectStatus(tracker, (await textFor(context)).trackerFound(9));
  },
};
