import { createCabinetClient, type CabinetClient, type SearchIndex, type ServiceSummary } from '@mfc-cabinet/core';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createAccount, waitFor } from '../../../../test-support/cabinet-api.js';
import type { MfcCabinet } from '../cabinet/cabinet.js';
import '../mfc-cabinet.js';
import '../mfc-service-catalog.js';
import type { MfcServiceCatalog } from './service-catalog.js';
import type { MfcServiceSelectDetail } from './service-select-event.js';

const clients: CabinetClient[] = [];
afterEach(async () => {
  window.scrollTo(0, 0);
  for (const client of clients.splice(0)) {
    if (client.auth.state.status === 'signed-in') await client.auth.logout().catch(() => undefined);
    client.close();
  }
});

/** A client of the real server; `online()` false makes every request fail as `fetch` does offline. */
function newClient(online: () => boolean = () => true, locale: 'ru' | 'en' = 'ru'): CabinetClient {
  const client = createCabinetClient({
    baseUrl: '/api/v1',
    cache: 'memory',
    locale,
    fetch: (input, init) => (online() ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'))),
  });
  clients.push(client);
  return client;
}

async function signedIn(level: 'simplified' | 'standard' | 'confirmed' = 'standard'): Promise<CabinetClient> {
  const account = await createAccount({ secondFactor: null, level });
  const client = newClient();
  await client.auth.login({ identifier: account.phone, password: account.password });
  return client;
}

let catalog: Map<string, ServiceSummary> | undefined;
/** Every service of the seeded catalog, by id. */
async function services(): Promise<Map<string, ServiceSummary>> {
  if (!catalog) {
    const index: SearchIndex = await (await fetch('/api/v1/catalog/search-index?lang=ru')).json();
    catalog = new Map(index.services.map((service) => [service.id, service]));
  }
  return catalog;
}

const root = (element: MfcServiceCatalog) => element.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const status = (element: MfcServiceCatalog) => text(root(element).querySelector('[part~="status"]'));
const titles = (element: MfcServiceCatalog) => [...root(element).querySelectorAll('[part~="item-button"]')].map((button) => text(button));
const part = <T extends Element = HTMLElement>(element: MfcServiceCatalog, name: string) => root(element).querySelector<T>(`[part~="${name}"]`);
const findService = async (title: string) => [...(await services()).values()].find((service) => service.title === title)!;

/** Waits until the list shows services (or says why none). */
async function listed(element: MfcServiceCatalog, what = 'the list'): Promise<void> {
  await element.updateComplete;
  await waitFor(() => /Найден|found|ничего|нет|No |пусто/.test(status(element)) && root(element).querySelector('#results[aria-busy="false"]') !== null, 8000, what);
  await element.updateComplete;
  // The virtualizer renders only the services on screen, a frame or two later.
  const count = /\d+/.exec(status(element))?.[0];
  if (!part(element, 'list') || !count) return;
  await waitFor(
    () => {
      const list = part(element, 'list');
      const items = [...(list?.querySelectorAll('[role="listitem"]') ?? [])];
      const box = list?.getBoundingClientRect();
      if (box && (box.top > innerHeight / 2 || box.bottom < 0)) list!.scrollIntoView({ block: 'start' });
      return items.length > 0 && items.every((item) => item.getAttribute('aria-setsize') === count);
    },
    3000,
    `${what}: the services on screen`,
  );
}

async function mount(template: ReturnType<typeof html>): Promise<MfcServiceCatalog> {
  const element = await fixture<MfcServiceCatalog>(template);
  await listed(element);
  return element;
}

/** Types into the search field one character at a time, as the citizen does. */
async function type(element: MfcServiceCatalog, query: string): Promise<void> {
  const input = root(element).querySelector<HTMLInputElement>('#search')!;
  for (const character of query) {
    input.value += character;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await element.updateComplete;
  }
  await listed(element, `results for «${query}»`);
}

async function chooseFilter(element: MfcServiceCatalog, name: string, value: string): Promise<void> {
  const select = root(element).querySelector<HTMLSelectElement>(`#filter-${name}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await element.updateComplete;
  await listed(element, `the list filtered by ${name}`);
}

async function openService(element: MfcServiceCatalog, title: string): Promise<void> {
  const button = [...root(element).querySelectorAll<HTMLButtonElement>('[part~="item-button"]')].find((candidate) => text(candidate) === title);
  if (!button) throw new Error(`«${title}» is not listed`);
  button.click();
  await waitFor(() => part(element, 'documents') !== null || text(part(element, 'detail')).includes('Документы не нужны'), 5000, 'the card in full');
}

describe('<mfc-service-catalog> against the real catalog', () => {
  it('finds «справку о доходах» as the citizen types, by the word form', async () => {
    const element = await mount(html`<mfc-service-catalog .client=${newClient()}></mfc-service-catalog>`);
    expect(status(element)).to.match(/^Найдено \d+ услуг/);
    await expect(element).to.be.accessible();

    await type(element, 'справку о доходах');
    expect(titles(element)[0]).to.equal('Справка о доходах и суммах налога');
    expect(status(element)).to.match(/^Найден/);
    await expect(element).to.be.accessible();

    await type(element, ' zzqx');
    expect(titles(element)[0]).to.equal('Справка о доходах и суммах налога');
    expect(text(root(element))).to.include('Точных совпадений нет');
  });

  it('says so when nothing is found, and in English too', async () => {
    const element = await mount(html`<mfc-service-catalog .client=${newClient()}></mfc-service-catalog>`);
    await type(element, 'щщщщщщ');
    expect(status(element)).to.equal('По запросу «щщщщщщ» ничего не нашлось.');
    expect(part(element, 'list')).to.equal(null);
    await expect(element).to.be.accessible();

    const english = await mount(html`<mfc-service-catalog locale="en" .client=${newClient()}></mfc-service-catalog>`);
    await waitFor(() => text(part(english, 'heading')) === 'Services', 5000, 'the English strings');
    expect(status(english)).to.match(/^\d+ services found$/);
  });

  it('shows the catalog’s English to a client in English: categories, results, the card', async () => {
    const element = await mount(html`<mfc-service-catalog locale="en" .client=${newClient(undefined, 'en')}></mfc-service-catalog>`);
    const chips = [...root(element).querySelectorAll('[part~="category"]')].map((chip) => text(chip));
    for (const category of ['Passports and documents', 'Certificates and extracts', 'Streets and public spaces']) {
      expect(chips.some((chip) => chip.startsWith(category)), `${category} among ${chips.join('; ')}`).to.be.true;
    }
    expect(chips.join(' ')).not.to.match(/[а-яё]/i);
    await type(element, 'tax debt');
    expect(titles(element)[0]).to.equal('Certificate of no tax debt');
    await openService(element, 'Certificate of no tax debt');
    const card = text(part(element, 'detail'));
    expect(card).to.include('Federal Tax Service (FNS) of Russia for Enskaya Oblast');
    expect(text(part(element, 'documents'))).to.include('Russian passport');
    expect(card, 'no Russian left in the card').not.to.match(/[а-яё]/i);
  });

  it('narrows the list by filters and categories without a reload', async () => {
    const element = await mount(html`<mfc-service-catalog .client=${newClient()}></mfc-service-catalog>`);
    const all = Number(/\d+/.exec(status(element))![0]);
    expect(all).to.equal((await services()).size);
    const byTitle = new Map([...(await services()).values()].map((service) => [service.title, service]));

    await chooseFilter(element, 'delivery', 'mail');
    const byMail = Number(/\d+/.exec(status(element))![0]);
    expect(byMail).to.be.greaterThan(0).and.lessThan(all);
    expect(titles(element).every((title) => byTitle.get(title)!.deliveryMethods.includes('mail'))).to.be.true;
    expect(text(part(element, 'filters-toggle'))).to.equal('Фильтры · 1');

    await chooseFilter(element, 'delivery', '');
    await chooseFilter(element, 'level', 'municipal');
    await chooseFilter(element, 'maxTermDays', '10');
    expect(titles(element).length).to.be.greaterThan(0);
    expect(titles(element).every((title) => byTitle.get(title)!.level === 'municipal' && byTitle.get(title)!.termDays <= 10)).to.be.true;

    const education = [...root(element).querySelectorAll<HTMLButtonElement>('[part~="category"]')].find((button) =>
      text(button).startsWith('Образование'),
    )!;
    education.click();
    await listed(element, 'the category');
    expect(education.getAttribute('aria-pressed')).to.equal('true');
    expect(titles(element).every((title) => byTitle.get(title)!.categoryId === 'education')).to.be.true;
    await expect(element).to.be.accessible();

    expect(text(part(element, 'filters-toggle'))).to.equal('Фильтры · 3');

    // «Сбросить фильтры» resets the category too; the focus goes to the toggle.
    root(element).querySelector<HTMLButtonElement>('#reset-filters')!.click();
    await listed(element, 'the filters reset');
    expect(Number(/\d+/.exec(status(element))![0])).to.equal(all);
    expect(text(part(element, 'filters-toggle'))).to.equal('Фильтры');
    expect(root(element).activeElement?.id).to.equal('filters-toggle');
  });

  it('keeps the filters behind one «Фильтры» toggle, the chosen ones as chips that remove them', async () => {
    const element = await mount(html`<mfc-service-catalog .client=${newClient()}></mfc-service-catalog>`);
    const all = status(element);
    const toggle = part<HTMLButtonElement>(element, 'filters-toggle')!;
    const panel = root(element).querySelector<HTMLElement>('#filters')!;
    const visible = (node: Element | null | undefined) => node?.checkVisibility() ?? false;
    const chips = () => [...root(element).querySelectorAll<HTMLButtonElement>('[part~="active-filter"]')];

    // Collapsed at first: the results come right after the search box and the toggle.
    expect(toggle.localName).to.equal('button');
    expect(text(toggle)).to.equal('Фильтры');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal(panel.id);
    expect(panel.hidden).to.be.true;
    expect(visible(root(element).querySelector('#filter-delivery'))).to.be.false;
    expect(visible(part(element, 'category'))).to.be.false;
    expect(chips()).to.have.length(0);

    // It opens; the focus stays on it, and Tab leads into the panel, to its first control.
    toggle.focus();
    toggle.click();
    await element.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(visible(panel)).to.be.true;
    expect(visible(root(element).querySelector('#filter-delivery'))).to.be.true;
    expect(root(element).activeElement).to.equal(toggle);
    await sendKeys({ press: 'Tab' });
    expect(root(element).activeElement).to.equal(part(element, 'category'));
    await expect(element).to.be.accessible();

    // The count of the filters chosen, and a chip for each.
    await chooseFilter(element, 'delivery', 'mail');
    await chooseFilter(element, 'level', 'municipal');
    expect(text(toggle)).to.equal('Фильтры · 2');
    expect(chips().map((chip) => text(chip))).to.deep.equal(['Муниципальная ×', 'По почте ×']);
    expect(chips()[1]!.getAttribute('aria-label')).to.equal('Убрать фильтр: По почте');

    // Closed again, the chips stay in sight.
    toggle.click();
    await element.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(panel.hidden).to.be.true;
    expect(chips().every(visible)).to.be.true;
    await expect(element).to.be.accessible();

    // A chip removes its filter; the focus goes to the toggle, not lost with the chip.
    chips()[1]!.click();
    await listed(element, 'the delivery filter removed');
    expect(text(toggle)).to.equal('Фильтры · 1');
    expect(chips().map((chip) => text(chip))).to.deep.equal(['Муниципальная ×']);
    expect(root(element).querySelector<HTMLSelectElement>('#filter-delivery')!.value).to.equal('');
    expect(root(element).activeElement).to.equal(toggle);
    chips()[0]!.click();
    await listed(element, 'no filters');
    expect(status(element)).to.equal(all);
    expect(text(toggle)).to.equal('Фильтры');
  });

  it('«Подать заявление» fires mfc-service-select with the service', async () => {
    const element = await mount(html`<mfc-service-catalog .client=${newClient()}></mfc-service-catalog>`);
    await type(element, 'справка о доходах');
    await openService(element, 'Справка о доходах и суммах налога');
    await waitFor(() => root(element).activeElement?.id === 'detail-heading', 10_000, 'focus on the card');
    expect(element.serviceId).to.equal('income-certificate');
    expect(element.getAttribute('service-id')).to.equal('income-certificate');
    const facts = text(part(element, 'facts'));
    expect(facts).to.include('1 рабочий день');
    expect(facts).to.include('Бесплатно');
    expect(facts).to.include('Онлайн, В МФЦ');
    expect(facts).to.include('стандартная или подтверждённая');
    expect(text(part(element, 'level-notice'))).to.include('войдите');
    await expect(element).to.be.accessible();

    const selected = oneEvent(document, 'mfc-service-select');
    part<HTMLButtonElement>(element, 'apply-button')!.click();
    const event = (await selected) as CustomEvent<MfcServiceSelectDetail>;
    expect(event.bubbles && event.composed).to.be.true;
    expect(event.detail.serviceId).to.equal('income-certificate');
    expect('requiredDocuments' in event.detail.service && event.detail.service.requiredDocuments.length).to.be.greaterThan(0);

    root(element).querySelector<HTMLButtonElement>('#back')!.click();
    await waitFor(() => root(element).activeElement?.getAttribute('part') === 'item-button', 10_000, 'focus back on the service');
    expect(text(root(element).activeElement)).to.equal('Справка о доходах и суммах налога');
    expect(element.hasAttribute('service-id')).to.be.false;
  });

  it('shows no favourites to a visitor', async () => {
    const element = await mount(html`<mfc-service-catalog .client=${newClient()}></mfc-service-catalog>`);
    expect(part(element, 'favourite-button')).to.equal(null);
    expect(part(element, 'views')).to.equal(null);
    expect(text(part(element, 'filters'))).to.not.include('подборку');
    await openService(element, titles(element)[0]!);
    expect(part(element, 'favourite-button')).to.equal(null);
  });

  it('keeps a signed-in citizen’s favourites, recently viewed and filter sets', async () => {
    const client = await signedIn();
    const element = await mount(html`<mfc-service-catalog popular-first .client=${client}></mfc-service-catalog>`);
    await waitFor(() => part(element, 'favourite-button') !== null, 5000, 'the stars');
    const star = part<HTMLButtonElement>(element, 'favourite-button')!;
    const title = text(star.closest('[part~="item"]')!.querySelector('[part~="item-button"]'));
    const service = await findService(title);
    expect(star.getAttribute('aria-pressed')).to.equal('false');
    expect(text(star)).to.equal(`☆ В избранное: ${title}`);
    await expect(element).to.be.accessible();

    star.click();
    await waitFor(() => star.getAttribute('aria-pressed') === 'true', 10_000, 'the star pressed');
    await waitFor(() => text(part(element, 'views')).includes('Избранное 1'), 5000, 'one favourite');
    expect((await client.catalog.personal()).favourites).to.deep.equal([service.id]);

    // Another page of the same citizen sees it.
    const again = await mount(html`<mfc-service-catalog .client=${client}></mfc-service-catalog>`);
    await waitFor(() => part(again, 'views') !== null, 5000, 'the views');
    const favourites = [...root(again).querySelectorAll<HTMLButtonElement>('[part~="view"]')].find((button) => text(button).startsWith('Избранное'))!;
    favourites.click();
    await listed(again, 'the favourites');
    expect(titles(again)).to.deep.equal([title]);
    expect(part(again, 'favourite-button')!.getAttribute('aria-pressed')).to.equal('true');
    expect(part(again, 'categories')).to.equal(null);

    // Opening a service puts it among the recently viewed.
    await openService(again, title);
    root(again).querySelector<HTMLButtonElement>('#back')!.click();
    await waitFor(() => text(part(again, 'views')).includes('Вы смотрели 1'), 5000, 'one recently viewed');

    // Removing it persists too.
    await waitFor(() => root(again).activeElement?.getAttribute('part') === 'item-button', 10_000, 'focus back on the service');
    part<HTMLButtonElement>(again, 'favourite-button')!.click();
    await waitFor(() => text(part(again, 'status')).startsWith('В избранном пока пусто'), 5000, 'no favourites');
    expect((await client.catalog.personal()).favourites).to.deep.equal([]);
    await expect(again).to.be.accessible();
  });

  it('saves the chosen filters as a named set and applies it again', async () => {
    const client = await signedIn();
    const element = await mount(html`<mfc-service-catalog .client=${client}></mfc-service-catalog>`);
    await waitFor(() => part(element, 'views') !== null, 5000, 'signed in');
    part<HTMLButtonElement>(element, 'filters-toggle')!.click();
    await chooseFilter(element, 'delivery', 'online');
    await chooseFilter(element, 'municipality', 'zarechny');
    const filtered = status(element);
    [...root(element).querySelectorAll<HTMLButtonElement>('.filter-actions button')].find((button) => text(button).startsWith('Сохранить'))!.click();
    await waitFor(() => root(element).activeElement?.id === 'presetName', 10_000, 'focus on the name');
    root(element).querySelector<HTMLFormElement>('[part~="preset-form"]')!.requestSubmit();
    await waitFor(() => text(root(element)).includes('Введите название подборки'), 10_000, 'the name required');

    const name = root(element).querySelector<HTMLInputElement>('#presetName')!;
    name.value = 'Онлайн в Заречном';
    name.dispatchEvent(new InputEvent('input'));
    root(element).querySelector<HTMLFormElement>('[part~="preset-form"]')!.requestSubmit();
    await waitFor(() => text(root(element).querySelector('#message')) === 'Подборка «Онлайн в Заречном» сохранена.', 5000, 'saved');
    expect((await client.catalog.personal()).presets.map((preset) => preset.filters)).to.deep.equal([{ delivery: 'online', municipality: 'zarechny' }]);

    root(element).querySelector<HTMLButtonElement>('#reset-filters')!.click();
    await listed(element, 'reset');
    expect(status(element)).to.not.equal(filtered);
    const preset = part(element, 'preset')!.querySelector('button')!;
    expect(preset.getAttribute('aria-pressed')).to.equal('false');
    preset.click();
    await listed(element, 'the set applied');
    expect(status(element)).to.equal(filtered);
    expect(preset.getAttribute('aria-pressed')).to.equal('true');
    await expect(element).to.be.accessible();
  });

  it('tells a citizen whose account is not enough what to do', async () => {
    const element = await fixture<MfcServiceCatalog>(
      html`<mfc-service-catalog service-id="legal-entity-registration" .client=${await signedIn('simplified')}></mfc-service-catalog>`,
    );
    await waitFor(() => part(element, 'level-notice') !== null && part(element, 'documents') !== null, 5000, 'the notice');
    const notice = text(part(element, 'level-notice'));
    expect(notice).to.include('нужна учётная запись: подтверждённая');
    expect(notice).to.include('Ваша учётная запись — упрощённая');
    expect(notice).to.include('паспорт и СНИЛС');
    expect(notice).to.include('в любой МФЦ');
    // «Подать заявление» would lead to a refusal: not offered. Outside a cabinet there is no profile to link to.
    expect(part(element, 'apply-button')).to.equal(null);
    expect(part(element, 'profile-link')).to.equal(null);
    await expect(element).to.be.accessible();

    const confirmed = await fixture<MfcServiceCatalog>(
      html`<mfc-service-catalog service-id="legal-entity-registration" .client=${await signedIn('confirmed')}></mfc-service-catalog>`,
    );
    await waitFor(() => part(confirmed, 'apply-button') !== null && part(confirmed, 'documents') !== null, 5000, 'the card');
    await confirmed.updateComplete;
    expect(part(confirmed, 'level-notice')).to.equal(null);
  });

  it('leads a citizen whose account is not enough to the profile inside the cabinet, instead of «Подать заявление»', async () => {
    const address = location.href;
    const cabinet = await fixture<MfcCabinet>(
      html`<mfc-cabinet routing="query" .client=${await signedIn('standard')}><mfc-service-catalog service-id="legal-entity-registration"></mfc-service-catalog></mfc-cabinet>`,
    );
    const element = cabinet.querySelector<MfcServiceCatalog>('mfc-service-catalog')!;
    try {
      await waitFor(() => part(element, 'profile-link') !== null && part(element, 'documents') !== null, 5000, 'the link to the profile');
      const link = part<HTMLAnchorElement>(element, 'profile-link')!;
      expect(text(link)).to.equal('Повысить уровень учётной записи');
      expect(link.getAttribute('part')).to.include('primary-button');
      expect(new URL(link.href).searchParams.get('mfc')).to.equal('profile');
      expect(part(element, 'apply-button')).to.equal(null);
      const notice = text(part(element, 'level-notice'));
      expect(notice).to.include('нужна учётная запись: подтверждённая').and.include('Ваша учётная запись — стандартная').and.include('в любой МФЦ');
      expect(notice).to.not.include('паспорт и СНИЛС');
      await expect(element).to.be.accessible();
      link.click();
      await waitFor(() => cabinet.route.view === 'profile', 5000, 'the profile');
    } finally {
      history.replaceState(null, '', address);
    }
  });

  it('works with the keyboard alone', async () => {
    const element = await mount(html`<mfc-service-catalog .client=${newClient()}></mfc-service-catalog>`);
    root(element).querySelector<HTMLInputElement>('#search')!.focus();
    await sendKeys({ type: 'детсад' });
    await listed(element, 'results for «детсад»');
    await waitFor(() => titles(element).some((title) => title === 'Запись в детский сад'), 10_000, 'the kindergarten');
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => root(element).activeElement?.getAttribute('data-index') === '0', 2000, 'the first service focused');
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => root(element).activeElement?.getAttribute('data-index') === '1', 2000, 'the second service focused');
    await sendKeys({ press: 'ArrowUp' });
    await waitFor(() => root(element).activeElement?.getAttribute('data-index') === '0', 2000, 'back to the first');
    const title = text(root(element).activeElement);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => root(element).activeElement?.id === 'detail-heading', 10_000, 'the card focused');
    expect(text(part(element, 'detail-heading'))).to.equal(title);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(root(element).activeElement?.id).to.equal('back');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text(root(element).activeElement) === title, 10_000, 'focus back on the service');
  });

  it('lists popular services first, page by page as the list scrolls', async () => {
    const element = await mount(html`<mfc-service-catalog popular-first .client=${newClient()}></mfc-service-catalog>`);
    const all = await services();
    expect(status(element)).to.equal(`Найдено ${all.size} услуг`);
    const popularity = [...all.values()].map((service) => service.popularity).sort((a, b) => b - a);
    const first = [...all.values()].find((service) => service.title === titles(element)[0])!;
    expect(first.popularity).to.equal(popularity[0]);
    // The list is rendered anew once the virtualizer's code has arrived: asked for each time.
    const items = () => [...part(element, 'list')!.querySelectorAll('[role="listitem"]')];
    expect(items()[0]!.getAttribute('aria-setsize')).to.equal(String(all.size));

    // Scrolled to the end, the next pages come until every service is there.
    const lastShown = () => Math.max(...items().map((item) => Number(item.getAttribute('aria-posinset'))));
    for (let step = 0; step < 40 && lastShown() < all.size; step++) {
      window.scrollTo(0, document.documentElement.scrollHeight);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(lastShown()).to.equal(all.size);
    // Only what is on screen is rendered.
    expect(titles(element).length).to.be.lessThan(all.size);
  });

  it('restricts the catalog to a municipality, a category or a list of services', async () => {
    const all = await services();
    const inTown = await mount(html`<mfc-service-catalog municipality="verkhnerechinsk" .client=${newClient()}></mfc-service-catalog>`);
    const expected = [...all.values()].filter((service) => service.municipalityId === null || service.municipalityId === 'verkhnerechinsk');
    expect(status(inTown)).to.include(String(expected.length));
    expect(root(inTown).querySelector('#filter-municipality')).to.equal(null);

    const education = await mount(html`<mfc-service-catalog category="education" .client=${newClient()}></mfc-service-catalog>`);
    expect(part(education, 'categories')).to.equal(null);
    expect(status(education)).to.include(String([...all.values()].filter((service) => service.categoryId === 'education').length));

    const chosen = await mount(
      html`<mfc-service-catalog services="kindergarten-zarechny, income-certificate" .client=${newClient()}></mfc-service-catalog>`,
    );
    expect(titles(chosen)).to.deep.equal([all.get('kindergarten-zarechny')!.title, all.get('income-certificate')!.title]);
    expect(chosen.services).to.deep.equal(['kindergarten-zarechny', 'income-certificate']);
  });

  it('keeps working offline from the cached catalog', async () => {
    let online = true;
    const element = await mount(html`<mfc-service-catalog popular-first .client=${newClient(() => online)}></mfc-service-catalog>`);
    expect(part(element, 'offline')).to.equal(null);
    online = false;

    await chooseFilter(element, 'delivery', 'office');
    await waitFor(() => part(element, 'offline') !== null, 10_000, 'the offline note');
    expect(text(part(element, 'offline'))).to.include('сохранённый на этом устройстве');
    await type(element, 'загранпаспорт');
    expect(titles(element).some((title) => title.includes('паспорт'))).to.be.true;

    const title = titles(element)[0]!;
    root(element).querySelector<HTMLButtonElement>('[part~="item-button"]')!.click();
    await waitFor(() => text(part(element, 'detail')).includes('когда вернётся связь'), 5000, 'the card without the network');
    expect(text(part(element, 'detail-heading'))).to.equal(title);
    await expect(element).to.be.accessible();
    const selected = oneEvent(element, 'mfc-service-select');
    part<HTMLButtonElement>(element, 'apply-button')!.click();
    expect(((await selected) as CustomEvent<MfcServiceSelectDetail>).detail.service.title).to.equal(title);
  });

  it('shows the catalog cached on this device at once, while the server’s list is on its way', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held: string[] = [];
    const client = createCabinetClient({
      baseUrl: '/api/v1',
      cache: 'memory',
      fetch: async (input, init) => {
        const url = new Request(input, init).url;
        if (url.includes('/catalog/services?')) {
          held.push(url);
          await released;
        }
        return fetch(input, init);
      },
    });
    clients.push(client);
    // A visit before this one cached the catalog.
    await client.catalog.searchIndex();

    const element = await fixture<MfcServiceCatalog>(html`<mfc-service-catalog popular-first .client=${client}></mfc-service-catalog>`);
    const all = await services();
    // Shown while the server's list is held back: they come from the cache.
    await waitFor(() => titles(element).length > 0 && held.length === 1, 5000, 'the cached services, the server’s list asked for');
    expect(status(element)).to.equal(`Найдено ${all.size} услуг`);
    const mostPopular = [...all.values()].sort((a, b) => b.popularity - a.popularity)[0]!;
    expect(titles(element)[0]).to.equal(mostPopular.title);

    // The server's answer takes its place: the same services, in the same order.
    const early = titles(element).slice(0, 5);
    release();
    await listed(element, 'the server’s list');
    expect(titles(element).slice(0, 5)).to.deep.equal(early);
  });

  it('says in Russian what went wrong when there is nothing to show', async () => {
    const element = await fixture<MfcServiceCatalog>(html`<mfc-service-catalog .client=${newClient(() => false)}></mfc-service-catalog>`);
    await waitFor(() => part(element, 'alert') !== null, 8000, 'the error');
    expect(text(part(element, 'alert'))).to.include('сохранённого каталога на этом устройстве пока нет');
    await expect(element).to.be.accessible();

    const unknown = await fixture<MfcServiceCatalog>(
      html`<mfc-service-catalog popular-first municipality="atlantis" .client=${newClient()}></mfc-service-catalog>`,
    );
    await waitFor(() => part(unknown, 'alert') !== null, 8000, 'the refusal');
    expect(text(part(unknown, 'alert'))).to.include('Проверьте введённые данные. Такого муниципалитета в каталоге нет');
  });
});

describe('fees', () => {
  it('writes roubles as Intl does in Russian, without loading its currency data; other languages through Intl', async () => {
    const { formatFee } = await import('./catalog-view.js');
    const t = { feeFree: 'Бесплатно' } as Parameters<typeof formatFee>[0];
    const intl = (locale: string) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'RUB', maximumFractionDigits: 0 });
    for (const fee of [5, 160, 1500, 65000, 1234567, 2000000]) {
      expect(formatFee(t, 'ru', fee)).to.equal(intl('ru').format(fee));
      expect(formatFee(t, 'ru-RU', fee)).to.equal(intl('ru').format(fee));
      expect(formatFee(t, 'en', fee)).to.equal(intl('en').format(fee));
    }
    expect(formatFee(t, 'ru', 0)).to.equal('Бесплатно');
    expect(formatFee(t, 'ru', null)).to.equal('Бесплатно');
  });
});
