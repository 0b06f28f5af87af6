import { createCabinetClient, type CabinetClient, type Service } from '@mfc-cabinet/core';
import { operatorClient } from '@mfc-cabinet/core/operator';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { simpleService, submitted } from '../../../../test-support/applications.js';
import { completeValues } from '../../../../test-support/form-values.js';
import { samplePdf } from '../../../../test-support/sample-pdf.js';
import { createAccount, patience, waitFor, type TestAccount } from '../../../../test-support/cabinet-api.js';
import '../mfc-application-tracker.js';
import type { MfcApplicationTracker } from './application-tracker.js';

const clients: CabinetClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) {
    if (client.auth.state.status === 'signed-in') await client.auth.logout().catch(() => undefined);
    client.close();
  }
});

/**
 * The page's one session cookie, shared by the citizen's client and the operator's. A
 * request of the citizen's still on its way when the operator signs in would reach the
 * server with the citizen's ended session, and its answer would delete the operator's
 * cookie; so while the operator works, the citizen's requests wait (see {@link asOperator}).
 */
interface Connection {
  /** Holds the citizen's new requests, once those on their way have come back. */
  hold(): Promise<void>;
  /** Lets the held requests go. */
  release(): void;
  /** While held, lets `work`'s sign-in requests through (the citizen signing in again). */
  signIn<T>(work: () => Promise<T>): Promise<T>;
}

const connections = new WeakMap<CabinetClient, Connection>();

/** A client of the real server; `online()` false makes every request fail as `fetch` does offline. */
function newClient(online: () => boolean = () => true): CabinetClient {
  let inFlight = 0;
  let idle: (() => void) | undefined;
  let held: Promise<void> | undefined;
  let release = () => {};
  let signingIn = false;
  const send = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    inFlight++;
    try {
      return await fetch(input, init);
    } finally {
      if (--inFlight === 0) idle?.();
    }
  };
  const client = createCabinetClient({
    baseUrl: '/api/v1',
    cache: 'memory',
    fetch: async (input, init) => {
      if (!online()) throw new TypeError('Failed to fetch');
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      if (held && !(signingIn && url.pathname.startsWith('/api/v1/auth/'))) await held;
      return send(input, init);
    },
  });
  connections.set(client, {
    hold: async () => {
      held = new Promise((resolve) => (release = resolve));
      if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve));
      idle = undefined;
    },
    release: () => {
      held = undefined;
      release();
    },
    signIn: async (work) => {
      signingIn = true;
      try {
        return await work();
      } finally {
        signingIn = false;
      }
    },
  });
  clients.push(client);
  return client;
}

async function citizen(online?: () => boolean): Promise<{ client: CabinetClient; account: TestAccount }> {
  const account = await createAccount({ secondFactor: null, level: 'standard' });
  const client = newClient(online);
  await client.auth.login({ identifier: account.phone, password: account.password });
  return { client, account };
}

let operatorAccount: TestAccount | undefined;
/**
 * Does `work` as an МФЦ operator. One page holds one session cookie at a time, so the
 * citizen signs in again afterwards, as in the SDK's tests.
 */
async function asOperator(citizenOf: { client: CabinetClient; account: TestAccount }, work: (operator: ReturnType<typeof operatorClient>) => Promise<unknown>): Promise<void> {
  operatorAccount ??= await createAccount({ role: 'operator', level: 'confirmed', secondFactor: null });
  const connection = connections.get(citizenOf.client)!;
  await connection.hold();
  try {
    const staff = createCabinetClient({ baseUrl: '/api/v1', cache: 'memory' });
    await staff.auth.login({ identifier: operatorAccount.phone, password: operatorAccount.password });
    await work(operatorClient(staff));
    staff.close();
    await connection.signIn(() => citizenOf.client.auth.login({ identifier: citizenOf.account.phone, password: citizenOf.account.password }));
  } finally {
    connection.release();
  }
}

const root = (element: MfcApplicationTracker) => element.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const part = <T extends Element = HTMLElement>(element: MfcApplicationTracker, name: string) => root(element).querySelector<T>(`[part~="${name}"]`);
const status = (element: MfcApplicationTracker) => text(part(element, 'status'));
const items = (element: MfcApplicationTracker) => [...root(element).querySelectorAll('[part~="item"]')].map((item) => text(item));

async function mount(client: CabinetClient, template = html`<mfc-application-tracker poll-interval="0"></mfc-application-tracker>`): Promise<MfcApplicationTracker> {
  const element = await fixture<MfcApplicationTracker>(template);
  element.client = client;
  await listed(element);
  return element;
}

async function listed(element: MfcApplicationTracker): Promise<void> {
  await element.updateComplete;
  await waitFor(() => /^\d+ |нет/.test(status(element)), patience, 'the list');
  await element.updateComplete;
}

describe('<mfc-application-tracker> against the real server', () => {
  it('shows a submitted application with its status, and the operator’s move without a reload', async () => {
    const owner = await citizen();
    const application = await submitted(owner.client);
    const element = await mount(owner.client);
    expect(status(element)).to.equal('1 заявление');
    expect(items(element)[0]).to.include(application.serviceTitle).and.include('Подано').and.include(application.trackingNumber!);
    expect(part(element, 'list')!.getAttribute('role')).to.equal('list');
    await expect(element).to.be.accessible();

    await asOperator(owner, (operator) => operator.move(application.id, { to: 'in_review', comment: 'Принято в работу' }));
    await element.refresh();
    await waitFor(() => items(element)[0]?.includes('На рассмотрении') ?? false, patience, 'the new status');
    expect(text(part(element, 'announcer'))).to.include(`${application.trackingNumber}: На рассмотрении`);

    element.applicationId = application.id;
    // The copy saved at submission shows first, then the server's.
    await waitFor(() => root(element).querySelectorAll('[part~="timeline-item"]').length === 2, patience, 'the detail');
    const steps = [...root(element).querySelectorAll('[part~="timeline-item"]')].map((step) => text(step));
    expect(steps).to.have.length(2);
    expect(steps[0]).to.include('Подано').and.include('Вы');
    expect(steps[1]).to.include('На рассмотрении').and.include('оператор МФЦ').and.include('Принято в работу');
    expect(text(part(element, 'facts'))).to.include(application.trackingNumber!);
    await expect(element).to.be.accessible();
  });

  it('says what happens next while the МФЦ has still to decide, with the number to copy', async () => {
    const owner = await citizen();
    const application = await submitted(owner.client);
    const service = await simpleService(owner.client);
    const element = await fixture<MfcApplicationTracker>(html`<mfc-application-tracker poll-interval="0" application-id=${application.id}></mfc-application-tracker>`);
    element.client = owner.client;
    await waitFor(() => part(element, 'next') !== null, patience, 'what happens next');
    const [year, month, day] = application.expectedCompletionDate!.split('-');
    const next = () => text(part(element, 'next'));
    expect(next()).to.include('Что дальше').and.include('Заявление получено').and.include(`Ожидаемый срок исполнения — ${day}.${month}.${year}.`);
    expect(next()).to.include('Когда МФЦ изменит статус, он сменится здесь');
    // Near the top: before the facts.
    expect(part(element, 'next')!.compareDocumentPosition(part(element, 'facts')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    // What to bring is what the service names, when its result may be collected at an МФЦ office.
    const bring = service.deliveryMethods.includes('office') ? service.requiredDocuments : [];
    if (bring.length > 0) {
      await waitFor(() => part(element, 'next-documents') !== null, patience, 'the documents to bring');
      for (const document of bring) expect(text(part(element, 'next-documents'))).to.include(document.title);
    } else {
      await element.updateComplete;
      expect(part(element, 'next-documents')).to.equal(null);
    }
    expect(text(part(element, 'tracking-number'))).to.equal(application.trackingNumber);
    await expect(element).to.be.accessible();

    const copyStatus = () => part(element, 'copy-status')!;
    expect(copyStatus().getAttribute('role')).to.equal('status');
    const written: string[] = [];
    let refuse = false;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (value: string) => (refuse ? Promise.reject(new DOMException('Denied', 'NotAllowedError')) : void written.push(value)) },
    });
    try {
      root(element).querySelector<HTMLButtonElement>('#copy-number')!.click();
      await waitFor(() => text(copyStatus()) === 'Номер скопирован', patience, 'the copy said');
      expect(written).to.deep.equal([application.trackingNumber]);

      // Refused: the number is selected for the citizen to copy, and they are told so.
      refuse = true;
      root(element).querySelector<HTMLButtonElement>('#copy-number')!.click();
      await waitFor(() => text(copyStatus()).startsWith('Скопировать не удалось'), patience, 'the refusal said');
      expect(text(copyStatus())).to.include('номер выделен');
      expect(getSelection()!.toString()).to.equal(application.trackingNumber);
      await expect(element).to.be.accessible();
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      getSelection()?.removeAllRanges();
    }

    await asOperator(owner, (operator) => operator.move(application.id, { to: 'in_review' }));
    await element.refresh();
    await waitFor(() => next().includes('Заявление рассматривают в МФЦ.'), patience, 'what happens next in review');
    await asOperator(owner, (operator) => operator.move(application.id, { to: 'approved' }));
    await element.refresh();
    await waitFor(() => text(part(element, 'facts')).includes('Одобрено'), patience, 'approved');
    expect(part(element, 'next')).to.equal(null);
  });

  it('says what happens next in English, the date as DD/MM/YYYY', async () => {
    const owner = await citizen();
    const application = await submitted(owner.client);
    const element = await fixture<MfcApplicationTracker>(
      html`<mfc-application-tracker poll-interval="0" locale="en" application-id=${application.id}></mfc-application-tracker>`,
    );
    element.client = owner.client;
    // The English strings come a moment after the element (Russian shows until then).
    await waitFor(() => text(part(element, 'next')).includes('What happens next'), patience, 'what happens next');
    const [year, month, day] = application.expectedCompletionDate!.split('-');
    expect(text(part(element, 'next'))).and.include(`Expected by ${day}/${month}/${year}.`);
    expect(text(root(element).querySelector('#copy-number'))).to.equal('Copy the number');
    // The documents are the service's data, in Russian; the rest is the tracker's English.
    const service = await simpleService(owner.client);
    if (service.deliveryMethods.includes('office') && service.requiredDocuments.length > 0) {
      await waitFor(() => part(element, 'next-documents') !== null, patience, 'the documents to bring');
    }
    expect(text(part(element, 'next')).replace(text(part(element, 'next-documents')), '')).to.not.match(/[А-Яа-яЁё]/);
  });

  it('shows what was submitted, by the form’s steps with their labels, the documents by what they are, and prints a copy', async () => {
    const owner = await citizen();
    // A service whose form has a documents field, a date and a choice.
    const page = await owner.client.catalog.list({ availability: 'available' }, { limit: 100 });
    let service: Service | undefined;
    for (const summary of page.items) {
      if (summary.requiredLevel === 'confirmed') continue;
      const candidate = await owner.client.catalog.get(summary.id);
      const types = new Set(candidate.form.steps.flatMap((step) => step.fields.map((field) => field.type)));
      if (types.has('documents') && types.has('date') && types.has('select')) {
        service = candidate;
        break;
      }
    }
    if (!service) throw new Error('no service with documents, a date and a choice');
    const fields = service.form.steps.flatMap((step) => step.fields);
    const documents = fields.find((field) => field.type === 'documents')!;
    const kind = documents.documentKinds?.[0] ?? documents.label;
    const scan = await owner.client.documents.upload(new File([samplePdf()], 'scan_0012.pdf', { type: 'application/pdf' }), { kind });
    const draft = await owner.client.applications.create(service.id);
    await owner.client.applications.saveDraft(draft.id, completeValues(service.form, [scan.id]));
    const result = await owner.client.applications.submit(draft.id);
    if (result.status !== 'sent') throw new Error('not sent');
    const application = result.application;

    const element = await fixture<MfcApplicationTracker>(html`<mfc-application-tracker poll-interval="0" application-id=${application.id}></mfc-application-tracker>`);
    element.client = owner.client;
    await waitFor(() => part(element, 'submitted') !== null, patience, 'what was submitted');
    const details = part<HTMLDetailsElement>(element, 'submitted')!;
    expect(details.open).to.equal(false);
    expect(text(part(element, 'submitted-summary'))).to.equal('Что вы отправили');
    // Collapsed, nothing of it is asked or shown.
    expect(part(element, 'submitted-answers')).to.equal(null);
    part(element, 'submitted-summary')!.click();
    await waitFor(() => part(element, 'submitted-documents') !== null, patience, 'the answers');
    const shown = text(part(element, 'submitted-answers'));
    for (const step of service.form.steps) expect(shown).to.include(step.title);
    const answers = new Map([...root(element).querySelectorAll('[part~="answer"]')].map((answer) => [text(answer.querySelector('dt')), text(answer.querySelector('dd'))]));
    const date = fields.find((field) => field.type === 'date')!;
    const choice = fields.find((field) => field.type === 'select')!;
    expect(answers.get(date.label)).to.equal('17.05.1990');
    expect(answers.get(choice.label)).to.equal(choice.options![0]!.label);
    const checkbox = fields.find((field) => field.type === 'checkbox');
    if (checkbox) expect(answers.get(checkbox.label)).to.equal('Да');
    for (const field of fields) expect(answers.has(field.label), field.label).to.equal(true);
    // The document by what it is, the file's name after it.
    const attached = part(element, 'submitted-documents')!.querySelector('li')!;
    expect(text(attached).startsWith(kind)).to.equal(true);
    expect(text(attached.querySelector('.file-name'))).to.equal('scan_0012.pdf');
    await expect(element).to.be.accessible();

    // The printable copy: the server's PDF, downloaded.
    const clicked: HTMLAnchorElement[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      expect(text(root(element).querySelector('#copy-pdf'))).to.equal('Распечатать копию (PDF)');
      root(element).querySelector<HTMLButtonElement>('#copy-pdf')!.click();
      await waitFor(() => clicked.length === 1, patience, 'the copy downloaded');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(clicked[0]!.download).to.match(/^copy-.+\.pdf$/);
    const pdf = await (await fetch(clicked[0]!.href)).blob();
    expect(pdf.type).to.equal('application/pdf');
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).to.equal('%PDF-');
  });

  it('shows what was submitted in English', async () => {
    const owner = await citizen();
    const application = await submitted(owner.client);
    const element = await fixture<MfcApplicationTracker>(
      html`<mfc-application-tracker poll-interval="0" locale="en" application-id=${application.id}></mfc-application-tracker>`,
    );
    element.client = owner.client;
    await waitFor(() => text(part(element, 'submitted-summary')) === 'What you submitted', patience, 'what was submitted');
    part(element, 'submitted-summary')!.click();
    await waitFor(() => part(element, 'submitted-answers') !== null, patience, 'the answers');
    const checkbox = (await simpleService(owner.client)).form.steps.flatMap((step) => step.fields).find((field) => field.type === 'checkbox');
    if (checkbox) expect(text(part(element, 'submitted-answers'))).to.include('Yes');
    expect(text(root(element).querySelector('#copy-pdf'))).to.equal('Print a copy (PDF)');
  });

  it('marks each status with an inline SVG, not a character the fonts may lack', async () => {
    const owner = await citizen();
    const withdrawn = await submitted(owner.client);
    await owner.client.applications.withdraw(withdrawn.id);
    await submitted(owner.client);
    await owner.client.applications.create((await simpleService(owner.client)).id);
    const element = await mount(owner.client);
    const badges = [...root(element).querySelectorAll<HTMLElement>('[part~="item"] [part~="status-badge"]')];
    expect(badges.map((badge) => text(badge)).sort()).to.deep.equal(['Отозвано', 'Подано', 'Черновик']);
    const paths = badges.map((badge) => {
      const mark = badge.querySelector<SVGSVGElement>('svg.mark')!;
      expect(mark.getAttribute('aria-hidden')).to.equal('true');
      expect(mark.getBoundingClientRect().width).to.be.greaterThan(0);
      expect(getComputedStyle(mark).stroke).to.equal(getComputedStyle(mark).color);
      return mark.querySelector('path')!.getAttribute('d');
    });
    expect(new Set(paths).size).to.equal(3);
    await expect(element).to.be.accessible();
  });

  it('polls by itself at the poll interval', async () => {
    const owner = await citizen();
    const application = await submitted(owner.client);
    const element = await mount(owner.client, html`<mfc-application-tracker poll-interval="200"></mfc-application-tracker>`);
    await asOperator(owner, (operator) => operator.move(application.id, { to: 'in_review' }));
    await waitFor(() => items(element)[0]?.includes('На рассмотрении') ?? false, patience, 'the polled status');
  });

  it('polls in the background: a page left open does not count as the citizen’s use of the session', async () => {
    const owner = await citizen();
    await submitted(owner.client);
    const lists: (string | null)[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname === '/api/v1/applications') lists.push(request.headers.get('cabinet-background'));
      return realFetch(input, init);
    };
    try {
      await mount(owner.client, html`<mfc-application-tracker poll-interval="200"></mfc-application-tracker>`);
      await waitFor(() => lists.filter((header) => header === '1').length >= 3, patience, 'three polls');
      // Opening the list (once the session is known) is the citizen's use; every poll after it is not.
      const firstPoll = lists.indexOf('1');
      expect(firstPoll).to.be.within(1, 2);
      expect(lists.slice(firstPoll)).to.not.include(null);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('looks for updates by itself when the page comes back into view or online', async () => {
    const owner = await citizen();
    const application = await submitted(owner.client);
    // The poll (every 30 s while visible) calls the same refresh as these events; the test
    // triggers them rather than waiting for the timer.
    const element = await mount(owner.client, html`<mfc-application-tracker></mfc-application-tracker>`);
    await asOperator(owner, (operator) => operator.move(application.id, { to: 'in_review' }));
    document.dispatchEvent(new Event('visibilitychange'));
    await waitFor(() => items(element)[0]?.includes('На рассмотрении') ?? false, patience, 'the status after visibilitychange');
    await asOperator(owner, (operator) => operator.move(application.id, { to: 'needs_info', comment: 'Нужна справка', requested: { documents: [], fields: ['phone'] } }));
    window.dispatchEvent(new Event('online'));
    await waitFor(() => items(element)[0]?.includes('Нужны сведения') ?? false, patience, 'the status after online');
  });

  it('filters by status, service and period, and finds by number', async () => {
    const owner = await citizen();
    const first = await submitted(owner.client);
    const second = await submitted(owner.client);
    await owner.client.applications.create((await simpleService(owner.client)).id);
    const element = await mount(owner.client);
    expect(status(element)).to.equal('3 заявления');

    const select = part<HTMLSelectElement>(element, 'filters')!.querySelector<HTMLSelectElement>('#filter-status')!;
    select.value = 'draft';
    select.dispatchEvent(new Event('change'));
    await waitFor(() => status(element) === '1 заявление', patience, 'drafts only');
    expect(items(element)[0]).to.include('Черновик').and.include('без номера');
    await expect(element).to.be.accessible();

    root(element).querySelector<HTMLButtonElement>('#reset-filters')!.click();
    await waitFor(() => status(element) === '3 заявления', patience, 'all again');

    const search = root(element).querySelector<HTMLInputElement>('#filter-q')!;
    search.value = second.trackingNumber!;
    search.dispatchEvent(new InputEvent('input'));
    await waitFor(() => status(element) === '1 заявление', patience, 'the number found');
    expect(items(element)[0]).to.include(second.trackingNumber!);

    search.value = '';
    search.dispatchEvent(new InputEvent('input'));
    const from = root(element).querySelector<HTMLInputElement>('#filter-from')!;
    from.value = '2001-01-01';
    from.dispatchEvent(new Event('change'));
    const to = root(element).querySelector<HTMLInputElement>('#filter-to')!;
    to.value = '2001-12-31';
    to.dispatchEvent(new Event('change'));
    await waitFor(() => /нет/.test(status(element)), patience, 'nothing in 2001');
    expect(status(element)).to.equal('По этим условиям заявлений нет.');
    await expect(element).to.be.accessible();

    root(element).querySelector<HTMLButtonElement>('#reset-filters')!.click();
    const service = root(element).querySelector<HTMLSelectElement>('#filter-service')!;
    await waitFor(() => service.options.length === 2, patience, 'the service among the choices');
    service.value = first.serviceId;
    service.dispatchEvent(new Event('change'));
    await waitFor(() => root(element).querySelector('#reset-filters') !== null && status(element) === '3 заявления', patience, 'one service');
  });

  it('answers a request for information, which sends the application back to review', async () => {
    const owner = await citizen();
    const application = await submitted(owner.client);
    await asOperator(owner, async (operator) => {
      await operator.move(application.id, { to: 'in_review' });
      await operator.move(application.id, { to: 'needs_info', comment: 'Укажите другой телефон', requested: { documents: [], fields: ['phone'] } });
    });
    const element = await fixture<MfcApplicationTracker>(html`<mfc-application-tracker poll-interval="0" application-id=${application.id}></mfc-application-tracker>`);
    element.client = owner.client;
    await waitFor(() => root(element).querySelector('#phone') !== null, patience, 'the answer form');
    expect(text(part(element, 'request'))).to.include('Укажите другой телефон');
    expect(text(part(element, 'facts'))).to.include('Нужны сведения');
    await expect(element).to.be.accessible();

    const phone = root(element).querySelector<HTMLInputElement>('#phone')!;
    phone.value = '';
    phone.dispatchEvent(new InputEvent('input'));
    await element.updateComplete;
    part(element, 'request')!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await element.updateComplete;
    expect(text(root(element).querySelector('#phone-error'))).to.equal('Заполните это поле');

    phone.value = '12';
    phone.dispatchEvent(new InputEvent('input'));
    await element.updateComplete;
    const refused = oneEvent(element, 'mfc-error');
    part(element, 'request')!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect((await refused).detail.action).to.equal('answer');
    await waitFor(() => text(root(element).querySelector('#phone-error')).includes('+7'), patience, 'the server’s message');

    phone.value = '+79161234599';
    phone.dispatchEvent(new InputEvent('input'));
    await element.updateComplete;
    part(element, 'request')!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(() => text(part(element, 'facts')).includes('На рассмотрении'), patience, 'back in review');
    expect(part(element, 'request')).to.equal(null);
    expect(text(root(element).querySelector('#message'))).to.include('Ответ отправлен');
    const last = [...root(element).querySelectorAll('[part~="timeline-item"]')].at(-1);
    expect(text(last)).to.include('На рассмотрении').and.include('Вы');
    await expect(element).to.be.accessible();
  });

  it('withdraws an application after confirmation', async () => {
    const owner = await citizen();
    const application = await submitted(owner.client);
    const element = await mount(owner.client);
    const opened = oneEvent(element, 'mfc-application-open');
    part<HTMLButtonElement>(element, 'item-button')!.click();
    expect((await opened).detail.applicationId).to.equal(application.id);
    await waitFor(() => root(element).querySelector('#withdraw') !== null, patience, 'the withdraw button');
    expect(element.getAttribute('application-id')).to.equal(application.id);

    root(element).querySelector<HTMLButtonElement>('#withdraw')!.click();
    await element.updateComplete;
    expect(root(element).activeElement?.id).to.equal('withdraw-question');
    await expect(element).to.be.accessible();
    root(element).querySelector<HTMLButtonElement>('#withdraw-no')!.click();
    await element.updateComplete;
    expect(root(element).querySelector('#withdraw-question')).to.equal(null);

    root(element).querySelector<HTMLButtonElement>('#withdraw')!.click();
    await element.updateComplete;
    root(element).querySelector<HTMLButtonElement>('#withdraw-yes')!.click();
    await waitFor(() => text(part(element, 'facts')).includes('Отозвано'), patience, 'withdrawn');
    expect(root(element).querySelector('#withdraw')).to.equal(null);
    expect((await owner.client.applications.get(application.id)).status).to.equal('withdrawn');

    root(element).querySelector<HTMLButtonElement>('#back')!.click();
    await waitFor(() => items(element)[0]?.includes('Отозвано') ?? false, patience, 'the list again');
    expect(element.hasAttribute('application-id')).to.equal(false);
  });

  it('loads the rest of the list page by page', async () => {
    const owner = await citizen();
    const service = await simpleService(owner.client);
    // Ten pages of two, within the server's 20 open drafts a citizen may have.
    for (let index = 0; index < 19; index++) await owner.client.applications.create(service.id);
    const element = await mount(owner.client, html`<mfc-application-tracker poll-interval="0" page-size="2"></mfc-application-tracker>`);
    expect(status(element)).to.equal('19 заявлений');
    await waitFor(() => items(element).length === 19, patience, 'every page');
    const positions = [...root(element).querySelectorAll('[part~="item"]')].map((item) => item.getAttribute('aria-posinset'));
    expect(positions.at(-1)).to.equal('19');
  });

  it('keeps showing what it saw when the network goes, with a notice', async () => {
    let online = true;
    const owner = await citizen(() => online);
    const application = await submitted(owner.client);
    const element = await mount(owner.client);
    online = false;
    const failed = oneEvent(element, 'mfc-error');
    await element.refresh();
    expect((await failed).detail.error.code).to.equal('network');
    await element.updateComplete;
    expect(text(part(element, 'offline'))).to.equal('Нет связи — показаны сохранённые данные.');
    expect(items(element)[0]).to.include(application.trackingNumber!);
    await expect(element).to.be.accessible();
    online = true;
    await element.refresh();
    await element.updateComplete;
    expect(part(element, 'offline')).to.equal(null);
  });

  it('invites to sign in when nobody is, asks nothing that answers 401, and shows the list once the citizen signs in', async () => {
    const invitation = 'Войдите в личный кабинет, чтобы увидеть свои заявления.';
    const account = await createAccount({ secondFactor: null, level: 'simplified' });
    const answers: string[] = [];
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      answers.push(`${response.status} ${input instanceof Request ? input.url : String(input)}`);
      return response;
    };
    try {
      const client = newClient();
      const element = await fixture<MfcApplicationTracker>(html`<mfc-application-tracker poll-interval="0"></mfc-application-tracker>`);
      element.client = client;
      await waitFor(() => status(element) === invitation, patience, 'the invitation').catch((error: Error) => {
        throw new Error(`${error.message}: ${text(root(element))}`);
      });
      await element.refresh();
      await element.updateComplete;
      expect(part(element, 'alert')).to.equal(null);
      expect(part(element, 'filters')).to.equal(null);
      expect(part(element, 'exports')).to.equal(null);
      await expect(element).to.be.accessible();

      // Signing in on the same page brings the list, signing out the invitation again.
      await client.auth.login({ identifier: account.phone, password: account.password });
      await listed(element);
      expect(status(element)).to.equal('У вас пока нет заявлений. Выберите услугу в каталоге, чтобы подать первое.');
      expect(part(element, 'filters')).to.not.equal(null);
      expect(part(element, 'exports')).to.not.equal(null);
      await client.auth.logout();
      await waitFor(() => status(element) === invitation, patience, 'the invitation after sign-out');
      expect(part(element, 'filters')).to.equal(null);
      expect(answers.filter((answer) => answer.startsWith('401'))).to.deep.equal([]);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('invites to sign in in English too', async () => {
    const element = await fixture<MfcApplicationTracker>(html`<mfc-application-tracker poll-interval="0" locale="en"></mfc-application-tracker>`);
    element.client = newClient();
    await waitFor(() => status(element) === 'Sign in to your account to see your applications.', patience, 'the invitation in English').catch((error: Error) => {
      throw new Error(`${error.message}: ${text(root(element))}`);
    });
    expect(text(part(element, 'heading'))).to.equal('My applications');
    expect(part(element, 'alert')).to.equal(null);
    await expect(element).to.be.accessible();
  });
});
