import { expect, fixture, html } from '@open-wc/testing';
import { advanceClock, createAccount, waitFor } from '../../../../test-support/cabinet-api.js';
import { closeSharedClients } from '../base/clients.js';
import { features } from '../features.js';
import { headerItems } from '../features/header-items.js';
import '../mfc-cabinet.js';
import '../mfc-header-items.js';
import '../mfc-login-form.js';
import type { MfcCabinet } from './cabinet.js';
import { cabinetRoutes, defineRoute, readRoute } from './cabinet-route.js';
import { homeSections } from './home-sections.js';

declare module './cabinet-route.js' {
  interface CabinetRouteParams {
    'test-profile': { tab: string };
  }
}

const idleTimeoutMs = 5 * 60 * 1000;

describe('the features list', () => {
  it('loads every feature’s module, which defines its tags', async () => {
    for (const feature of features) {
      await feature.load();
      for (const tag of feature.tags) expect(customElements.get(tag), tag).to.exist;
    }
  });
});

describe('<mfc-cabinet> extension points', () => {
  const start = location.href;
  const stops: (() => void)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) stop();
    history.replaceState(null, '', start);
    closeSharedClients();
    await advanceClock(idleTimeoutMs + 1000);
  });

  it('opens a contributed route from the URL, and from navigate()', async () => {
    let loaded = 0;
    stops.push(
      cabinetRoutes.add(
        defineRoute({
          id: 'test-profile',
          parse: (value) => (value.startsWith('test-profile:') ? { tab: value.slice('test-profile:'.length) } : undefined),
          format: ({ tab }) => `test-profile:${tab}`,
          load: async () => void loaded++,
          render: ({ tab }) => html`<p id="profile">Профиль: ${tab}</p>`,
        }),
      ),
    );
    expect(readRoute('query', new URL('/?mfc=test-profile:contacts', location.href))).to.deep.equal({ view: 'test-profile', tab: 'contacts' });
    history.replaceState(null, '', `${location.pathname}?mfc=test-profile:contacts`);
    const cabinet = await fixture<MfcCabinet>(html`<mfc-cabinet api-base="/api/v1" routing="query"><p>Главная</p></mfc-cabinet>`);
    const view = () => cabinet.shadowRoot!.querySelector('[part~="view"]');
    expect(view()!.querySelector('#profile')!.textContent).to.equal('Профиль: contacts');
    expect(loaded).to.be.greaterThan(0);

    cabinet.navigate({ view: 'test-profile', tab: 'documents' });
    await cabinet.updateComplete;
    expect(view()!.querySelector('#profile')!.textContent).to.equal('Профиль: documents');
    expect(new URL(location.href).searchParams.get('mfc')).to.equal('test-profile:documents');
    view()!.querySelector<HTMLButtonElement>('[part~="back-button"]')!.click();
    // Back pops the history: to the deep link the page was opened with.
    await waitFor(() => view()?.querySelector('#profile')?.textContent === 'Профиль: contacts', 10_000, 'the route before');
  });

  it('shows contributed home sections to a signed-in citizen only', async () => {
    stops.push(homeSections.add({ id: 'test-section', render: () => html`<p id="section">Мои платежи</p>` }));
    const cabinet = await fixture<MfcCabinet>(html`<mfc-cabinet api-base="/api/v1"><mfc-login-form></mfc-login-form></mfc-cabinet>`);
    // The sections are in the cabinet's home, `<mfc-cabinet-home>` in its shadow root.
    const section = () => cabinet.shadowRoot!.querySelector('mfc-cabinet-home')?.shadowRoot?.querySelector('[part~="home-section"] #section') ?? null;
    await cabinet.updateComplete;
    expect(section(), 'nobody signed in').to.equal(null);

    const account = await createAccount({ secondFactor: null });
    await cabinet.client!.auth.login({ identifier: account.phone, password: account.password });
    await waitFor(() => section() !== null, 10_000, 'the section');
    expect(section()!.textContent).to.equal('Мои платежи');
    await expect(cabinet).to.be.accessible();

    stops.pop()!();
    await waitFor(() => section() === null, 10_000, 'the section removed');
  });

  it('shows contributed header items in <mfc-header-items>, also those added later', async () => {
    const header = await fixture(html`<header><mfc-header-items api-base="/api/v1"></mfc-header-items></header>`);
    const items = header.querySelector('mfc-header-items')!;
    await items.updateComplete;
    expect(items.shadowRoot!.querySelectorAll('[part~="item"]').length).to.equal(0);

    stops.push(headerItems.add({ id: 'b-bell', order: 10, render: (host) => html`<button type="button">Уведомления ${host.apiBase}</button>` }));
    stops.push(headerItems.add({ id: 'a-help', order: 20, render: () => html`<a href="#help">Помощь</a>` }));
    await items.updateComplete;
    const shown = [...items.shadowRoot!.querySelectorAll('[part~="item"]')].map((item) => item.textContent!.trim());
    expect(shown).to.deep.equal(['Уведомления /api/v1', 'Помощь']);
    await expect(header).to.be.accessible();
  });
});
