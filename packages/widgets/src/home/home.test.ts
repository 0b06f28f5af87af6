import { createCabinetClient, type CabinetClient } from '@mfc-cabinet/core';
import { operatorClient } from '@mfc-cabinet/core/operator';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { simpleService, submitted } from '../../../../test-support/applications.js';
import { createAccount, patience, waitFor, type TestAccount } from '../../../../test-support/cabinet-api.js';
import { samplePdf } from '../../../../test-support/sample-pdf.js';
import '../mfc-cabinet.js';
import '../mfc-login-form.js';
import type { MfcCabinet } from '../cabinet/cabinet.js';

const start = location.href;
const clients: CabinetClient[] = [];
afterEach(async () => {
  fixtureCleanup();
  history.replaceState(null, '', start);
  for (const client of clients.splice(0)) {
    if (client.auth.state.status === 'signed-in') await client.auth.logout().catch(() => undefined);
    client.close();
  }
});

/** A client of the real server; `online()` false makes every request fail as `fetch` does offline. */
function newClient(online: () => boolean = () => true, cache: 'memory' | 'indexeddb' = 'memory'): CabinetClient {
  const client = createCabinetClient({
    baseUrl: '/api/v1',
    cache,
    fetch: (input, init) => (online() ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'))),
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
 * Does `work` as an МФЦ operator, before any widget is on the page: one page holds one
 * session cookie at a time, so the citizen signs in again afterwards.
 */
async function asOperator(citizenOf: { client: CabinetClient; account: TestAccount }, work: (staff: CabinetClient) => Promise<unknown>): Promise<void> {
  operatorAccount ??= await createAccount({ role: 'operator', level: 'confirmed', secondFactor: null });
  const staff = createCabinetClient({ baseUrl: '/api/v1', cache: 'memory' });
  await staff.auth.login({ identifier: operatorAccount.phone, password: operatorAccount.password });
  await work(staff);
  staff.close();
  await citizenOf.client.auth.login({ identifier: citizenOf.account.phone, password: citizenOf.account.password });
}

/** Issues a PDF result of an application, as the МФЦ's desk does. */
async function issueResult(staff: CabinetClient, applicationId: string, name: string): Promise<void> {
  const response = await fetch(`/api/v1/operator/applications/${applicationId}/results?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    body: samplePdf(),
    headers: { 'content-type': 'application/pdf', 'x-csrf-token': staff.auth.session!.csrfToken },
  });
  if (response.status !== 201) throw new Error(`result not issued: ${response.status}`);
}

const text = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const home = (cabinet: MfcCabinet) => cabinet.shadowRoot!.querySelector('mfc-cabinet-home')?.shadowRoot ?? null;
const sectionBox = (cabinet: MfcCabinet, id: string) => home(cabinet)?.querySelector<HTMLElement>(`[part~="home-section"][data-section="applications-${id}"]`) ?? null;
const section = (cabinet: MfcCabinet, id: string) => sectionBox(cabinet, id)?.querySelector('mfc-home-applications')?.shadowRoot ?? null;
const shown = (cabinet: MfcCabinet, id: string) => {
  const box = sectionBox(cabinet, id);
  return box !== null && !box.hidden && section(cabinet, id)?.querySelector('[part~="item"]') != null;
};
const link = (root: ShadowRoot | null, label: string) => [...(root?.querySelectorAll('a') ?? [])].find((a) => text(a).startsWith(label)) ?? null;

async function mountCabinet(client: CabinetClient): Promise<MfcCabinet> {
  return fixture<MfcCabinet>(html`<mfc-cabinet .client=${client} routing="query"><mfc-login-form heading-level="2"></mfc-login-form></mfc-cabinet>`);
}

describe('the cabinet’s home against the real server', () => {
  it('shows what needs the citizen: a request, a draft, one in progress and a result, each leading to its view', async () => {
    const owner = await citizen();
    const service = await simpleService(owner.client);
    const asked = await submitted(owner.client);
    const working = await submitted(owner.client);
    const decided = await submitted(owner.client);
    const draft = await owner.client.applications.create(service.id);
    await asOperator(owner, async (staff) => {
      const operator = operatorClient(staff);
      await operator.move(asked.id, { to: 'in_review' });
      await operator.move(asked.id, { to: 'needs_info', comment: 'Укажите другой телефон', requested: { documents: ['snils'], fields: ['phone'] } });
      await operator.move(working.id, { to: 'in_review' });
      await operator.move(decided.id, { to: 'in_review' });
      await operator.move(decided.id, { to: 'approved' });
      await issueResult(staff, decided.id, 'Решение.pdf');
    });

    const cabinet = await mountCabinet(owner.client);
    await waitFor(() => ['needs-info', 'drafts', 'in-progress', 'results'].every((id) => shown(cabinet, id)), patience, 'every section');
    expect(text(home(cabinet)!.querySelector('[part~="heading"]'))).to.equal('Главное сейчас');

    const request = section(cabinet, 'needs-info')!;
    expect(text(request.querySelector('[part~="heading"]'))).to.equal('Нужно дополнить');
    await waitFor(() => text(request).includes('Укажите другой телефон'), patience, 'what was requested');
    expect(text(request)).to.include(asked.trackingNumber!).and.include('Документы: snils').and.include('Сведения в заявлении: 1 поле');

    const drafts = section(cabinet, 'drafts')!;
    expect(text(drafts)).to.include('Черновики').and.include(service.title);
    const progress = section(cabinet, 'in-progress')!;
    expect(text(progress)).to.include('В работе').and.include(working.trackingNumber!).and.include('Срок исполнения');
    expect(progress.querySelectorAll('[part~="item"]').length, 'submitted, in review and approved').to.equal(2);
    const results = section(cabinet, 'results')!;
    expect(text(results)).to.include('Готовые документы').and.include('Решение.pdf');
    const download = link(results, 'Скачать Решение.pdf')!;
    expect(download.getAttribute('href')).to.match(/\/api\/v1\/documents\/[^/]+\/content$/);
    expect(home(cabinet)!.querySelector('[part~="empty"]')).to.equal(null);
    await expect(cabinet).to.be.accessible();

    // The links are links, with the view's address, and open the view in the cabinet.
    const answer = link(request, 'Ответить на запрос')!;
    expect(answer.getAttribute('href')).to.include(`mfc=application%3A${asked.id}`);
    answer.click();
    await waitFor(() => cabinet.route.view === 'application', patience, 'the tracker');
    expect(new URL(location.href).searchParams.get('mfc')).to.equal(`application:${asked.id}`);
    expect(cabinet.shadowRoot!.querySelector('[part~="view"] mfc-application-tracker')!.getAttribute('application-id')).to.equal(asked.id);

    cabinet.navigate({ view: 'home' });
    await waitFor(() => shown(cabinet, 'drafts'), patience, 'home again');
    link(section(cabinet, 'drafts'), 'Продолжить заполнение')!.click();
    await cabinet.updateComplete;
    expect(cabinet.route).to.deep.equal({ view: 'apply', serviceId: service.id, applicationId: draft.id });
    expect(cabinet.shadowRoot!.querySelector('[part~="view"] mfc-application-form')!.getAttribute('application-id')).to.equal(draft.id);

    cabinet.navigate({ view: 'home' });
    await waitFor(() => home(cabinet) !== null, patience, 'home again');
    await cabinet.updateComplete;
    const nav = home(cabinet)!.querySelector('[part~="nav"]')!;
    expect(nav.localName).to.equal('nav');
    [...nav.querySelectorAll('a')].find((a) => text(a) === 'Каталог услуг')!.click();
    await cabinet.updateComplete;
    expect(cabinet.route.view).to.equal('catalog');
    cabinet.navigate({ view: 'home' });
    await cabinet.updateComplete;
    await waitFor(() => home(cabinet)?.querySelector('[part~="nav"]') != null, patience, 'home again');
    [...home(cabinet)!.querySelectorAll('[part~="nav"] a')].find((a) => text(a) === 'Мои заявления')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    await cabinet.updateComplete;
    expect(cabinet.route.view).to.equal('applications');
    cabinet.navigate({ view: 'home' });
    await waitFor(() => home(cabinet)?.querySelector('[part~="nav"]') != null, patience, 'home again');
    (home(cabinet)!.querySelector<HTMLAnchorElement>('[part~="nav"] li:last-child a')!).click();
    await cabinet.updateComplete;
    expect(cabinet.route.view, 'the profile link opens the profile').to.equal('profile');
  });

  it('greets a new citizen with a way into the catalog', async () => {
    const { client } = await citizen();
    const cabinet = await mountCabinet(client);
    await waitFor(() => home(cabinet)?.querySelector('[part~="empty"]') != null, patience, 'the greeting');
    const empty = home(cabinet)!.querySelector('[part~="empty"]')!;
    expect(text(empty)).to.include('Добро пожаловать!');
    for (const id of ['needs-info', 'drafts', 'in-progress', 'results']) expect(sectionBox(cabinet, id)!.hidden, id).to.be.true;
    expect(home(cabinet)!.querySelector('[part~="status"]'), 'no longer loading').to.equal(null);
    await expect(cabinet).to.be.accessible();
    const start = [...empty.querySelectorAll('a')].find((a) => text(a) === 'Выбрать услугу')!;
    expect(start.getAttribute('href')).to.include('mfc=catalog');
    start.click();
    await cabinet.updateComplete;
    expect(cabinet.route.view).to.equal('catalog');
  });

  it('offers its links as buttons when the cabinet leaves the URL to the site (routing off)', async () => {
    const { client } = await citizen();
    const cabinet = await fixture<MfcCabinet>(html`<mfc-cabinet .client=${client}><mfc-login-form heading-level="2"></mfc-login-form></mfc-cabinet>`);
    await waitFor(() => home(cabinet)?.querySelector('[part~="empty"]') != null, patience, 'the greeting');
    const root = home(cabinet)!;
    expect(root.querySelector('a[href*="mfc="]'), 'no address the cabinet would not open').to.equal(null);
    const start = [...root.querySelectorAll('button')].find((button) => text(button) === 'Выбрать услугу')!;
    start.click();
    await cabinet.updateComplete;
    expect(cabinet.route.view).to.equal('catalog');
    expect(location.search).not.to.include('mfc=');
  });

  it('is left out of a cabinet with no-home, which holds a view of its own', async () => {
    const { client } = await citizen();
    const withHome = await mountCabinet(client);
    await waitFor(() => home(withHome) !== null, patience, 'the home of a cabinet without no-home');
    const cabinet = await fixture<MfcCabinet>(
      html`<mfc-cabinet .client=${client} no-home><mfc-login-form heading-level="2"></mfc-login-form></mfc-cabinet>`,
    );
    const form = cabinet.querySelector('mfc-login-form')!;
    await waitFor(() => (form.shadowRoot?.textContent ?? '').includes('Вы вошли как'), patience, 'signed in');
    await cabinet.updateComplete;
    expect(cabinet.shadowRoot!.querySelector('mfc-cabinet-home')).to.equal(null);
  });

  it('shows what was saved while offline, with a notice', async () => {
    let online = true;
    const owner = await citizen(() => online);
    const draft = await owner.client.applications.create((await simpleService(owner.client)).id);
    let cabinet = await mountCabinet(owner.client);
    await waitFor(() => shown(cabinet, 'drafts'), patience, 'the draft');
    fixtureCleanup();

    online = false;
    cabinet = await mountCabinet(owner.client);
    await waitFor(() => shown(cabinet, 'drafts'), patience, 'the saved draft');
    expect(section(cabinet, 'drafts')!.querySelector(`[data-id="${draft.id}"]`)).to.exist;
    await waitFor(() => home(cabinet)!.querySelector('[part~="offline"]') != null, patience, 'the offline notice');
    expect(text(home(cabinet)!.querySelector('[part~="offline"]'))).to.equal('Нет связи — показаны сохранённые данные.');
    await expect(cabinet).to.be.accessible();
    online = true;
  });

  it('opened again without a network, shows what this browser saved for the citizen last signed in', async () => {
    let online = true;
    const account = await createAccount({ secondFactor: null, level: 'standard' });
    const first = newClient(() => online, 'indexeddb');
    await first.auth.login({ identifier: account.phone, password: account.password });
    const draft = await first.applications.create((await simpleService(first)).id);
    let cabinet = await mountCabinet(first);
    await waitFor(() => shown(cabinet, 'drafts'), patience, 'the draft');
    fixtureCleanup();
    first.close();

    // A reload: a new client whose session is not known yet, and no network to ask.
    online = false;
    cabinet = await mountCabinet(newClient(() => online, 'indexeddb'));
    await waitFor(() => shown(cabinet, 'drafts'), patience, 'the saved draft');
    expect(section(cabinet, 'drafts')!.querySelector(`[data-id="${draft.id}"]`)).to.exist;
    expect(home(cabinet)!.querySelector('[part~="base"]')!.hasAttribute('hidden')).to.equal(false);
    await waitFor(() => home(cabinet)!.querySelector('[part~="offline"]') != null, patience, 'the offline notice');
    online = true;
  });

  it('opened without a network by a browser that saved nothing, shows no home', async () => {
    localStorage.clear();
    const cabinet = await mountCabinet(newClient(() => false, 'indexeddb'));
    await waitFor(() => home(cabinet) !== null, patience, 'the home, waiting for saved data');
    await cabinet.updateComplete;
    expect(home(cabinet)!.querySelector('[part~="base"]')!.hasAttribute('hidden'), 'nothing saved: nothing shown').to.equal(true);
  });
});
