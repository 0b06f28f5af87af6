import { createCabinetClient, type CabinetClient } from '@mfc-cabinet/core';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { advanceClock, createAccount, patience, waitFor } from '../../../../test-support/cabinet-api.js';
import { closeSharedClients } from '../base/clients.js';
import '../mfc-cabinet.js';
import '../mfc-login-form.js';
import type { MfcCabinet } from './cabinet.js';

const idleTimeoutMs = 5 * 60 * 1000;

async function signedInCabinet(): Promise<{ cabinet: MfcCabinet; client: CabinetClient }> {
  const account = await createAccount({ secondFactor: null });
  const cabinet = await fixture<MfcCabinet>(html`<mfc-cabinet api-base="/api/v1"><mfc-login-form></mfc-login-form></mfc-cabinet>`);
  const client = cabinet.client!;
  await client.auth.login({ identifier: account.phone, password: account.password });
  await homeSettled(cabinet);
  return { cabinet, client };
}

/**
 * The home's sections read the citizen's applications as the citizen arrives, which is use
 * of the session: the tests that move the clock wait for them first.
 */
async function homeSettled(cabinet: MfcCabinet): Promise<void> {
  const home = () => cabinet.shadowRoot!.querySelector('mfc-cabinet-home')?.shadowRoot;
  await waitFor(() => {
    const root = home();
    return root != null && root.querySelector('[part~="home-section"]') !== null && root.querySelector('[part~="status"]') === null;
  }, 10_000, 'the home');
}

const dialog = (cabinet: MfcCabinet) => cabinet.shadowRoot!.querySelector('dialog')!;
/** Whether «still there?» is open (its code loads once signed in: before, there is no dialog). */
const warningOpen = (cabinet: MfcCabinet) => cabinet.shadowRoot!.querySelector('dialog')?.open ?? false;

afterEach(async () => {
  closeSharedClients();
  // Sessions idle out on the server's clock; start every test with a fresh minute.
  await advanceClock(idleTimeoutMs + 1000);
});

describe('<mfc-cabinet> session timeout', () => {
  it('loads «still there?» only once signed in', async () => {
    const cabinet = await fixture<MfcCabinet>(html`<mfc-cabinet api-base="/api/v1"><mfc-login-form></mfc-login-form></mfc-cabinet>`);
    const client = cabinet.client!;
    await waitFor(() => client.auth.state.status === 'signed-out', undefined, 'the session check');
    await cabinet.updateComplete;
    expect(cabinet.shadowRoot!.querySelector('dialog'), 'no dialog while signed out').to.equal(null);
    const account = await createAccount({ secondFactor: null });
    await client.auth.login({ identifier: account.phone, password: account.password });
    await waitFor(() => cabinet.shadowRoot!.querySelector('dialog') !== null, undefined, 'the dialog, once signed in');
    expect(warningOpen(cabinet)).to.be.false;
  });

  it('asks a minute before the idle end, and «stay» keeps the session', async () => {
    const { cabinet, client } = await signedInCabinet();
    expect(warningOpen(cabinet)).to.be.false;

    await advanceClock(idleTimeoutMs - 50_000);
    await client.auth.refresh();
    await waitFor(() => warningOpen(cabinet), patience, 'the warning');
    expect(dialog(cabinet).textContent).to.include('Вы ещё здесь?');
    expect(dialog(cabinet).textContent).to.match(/через 0:(4\d|50)/);
    await expect(cabinet).to.be.accessible();

    const stay = [...dialog(cabinet).querySelectorAll('button')].find((button) => button.textContent!.includes('Остаться в кабинете'))!;
    expect(cabinet.shadowRoot!.activeElement).to.equal(stay);
    stay.click();
    await waitFor(() => !warningOpen(cabinet), patience, 'the warning to close');
    await waitFor(() => client.auth.session?.idleExpiresIn === 300, patience, 'the extended session');
    await advanceClock(idleTimeoutMs - 60_000);
    await client.profile.get();
    expect(client.auth.state.status, 'the extended session outlived the old deadline').to.equal('signed-in');
  });

  it('ends the idle session in every tab and the sign-in form says so', async () => {
    const { cabinet, client } = await signedInCabinet();
    const form = cabinet.querySelector('mfc-login-form')!;
    await advanceClock(idleTimeoutMs - 2000);
    await client.auth.refresh();
    await waitFor(() => warningOpen(cabinet), patience, 'the warning');

    await advanceClock(10_000);
    // The SDK asks the server when the deadline passes, a second after it.
    await waitFor(() => client.auth.state.status === 'signed-out', 6000, 'the session to end');
    expect(client.auth.state).to.deep.equal({ status: 'signed-out', reason: 'expired' });
    await waitFor(() => !warningOpen(cabinet), patience, 'the warning to close');
    await waitFor(() => form.shadowRoot!.textContent!.includes('Сеанс завершён из-за бездействия'), patience, 'the notice');
  });

  it('«sign out» in the warning signs out', async () => {
    const { cabinet, client } = await signedInCabinet();
    await advanceClock(idleTimeoutMs - 30_000);
    await client.auth.refresh();
    await waitFor(() => warningOpen(cabinet), patience, 'the warning');
    [...dialog(cabinet).querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Выйти')!.click();
    await waitFor(() => client.auth.state.status === 'signed-out', patience, 'signed out');
    expect(client.auth.state).to.deep.equal({ status: 'signed-out', reason: 'logout' });
  });
});

describe('<mfc-cabinet> signing out with writes not yet sent', () => {
  afterEach(async () => {
    await advanceClock(idleTimeoutMs + 1000);
  });

  it('warns in the «still there?» dialog first, then signs out', async () => {
    const account = await createAccount({ secondFactor: null });
    // Draft saves never get through (the rest does): the save stays in the outbox.
    const savesFail: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      return request.method === 'PUT' ? Promise.reject(new TypeError('Failed to fetch')) : fetch(request);
    };
    const client = createCabinetClient({ baseUrl: '/api/v1', fetch: savesFail });
    await client.auth.login({ identifier: account.phone, password: account.password });
    const { items } = await client.catalog.list({ availability: 'available' }, { limit: 100 });
    const draft = await client.applications.create(items.find((service) => service.requiredLevel === 'simplified')!.id);
    expect((await client.applications.saveDraft(draft.id, {})).status).to.equal('queued');

    const cabinet = await fixture<MfcCabinet>(html`<mfc-cabinet .client=${client}></mfc-cabinet>`);
    await homeSettled(cabinet);
    await advanceClock(idleTimeoutMs - 30_000);
    await client.auth.refresh();
    await waitFor(() => warningOpen(cabinet), patience, 'the warning');
    const signOut = () => [...dialog(cabinet).querySelectorAll('button')].at(-1)!;
    signOut().click();
    await waitFor(() => dialog(cabinet).textContent!.includes('1 изменение ещё не отправлено'), patience, 'the unsent warning');
    expect(client.auth.state.status).to.equal('signed-in');
    expect(signOut().textContent).to.include('Всё равно выйти');
    await expect(cabinet).to.be.accessible();
    signOut().click();
    await waitFor(() => client.auth.state.status === 'signed-out', patience, 'signed out');
    client.close();
  });
});

describe('<mfc-cabinet> composition and routing', () => {
  const start = location.href;
  afterEach(() => history.replaceState(null, '', start));

  const view = (cabinet: MfcCabinet) => cabinet.shadowRoot!.querySelector<HTMLElement>('[part~="view"]');
  const select = (from: Element, serviceId: string) =>
    from.dispatchEvent(new CustomEvent('mfc-service-select', { detail: { serviceId }, bubbles: true, composed: true }));

  it('opens the form of a selected service over its content, with the address, and Back returns focus to the opener', async () => {
    const cabinet = await fixture<MfcCabinet>(
      html`<mfc-cabinet api-base="/api/v1" routing="query"><p id="content">Каталог <button id="opener">Подать заявление</button></p></mfc-cabinet>`,
    );
    const opener = cabinet.querySelector<HTMLButtonElement>('#opener')!;
    opener.focus();
    select(opener, 'passport-rf');
    await cabinet.updateComplete;
    expect(view(cabinet)!.querySelector('mfc-application-form')!.getAttribute('service-id')).to.equal('passport-rf');
    expect(new URL(location.href).searchParams.get('mfc')).to.equal('apply:passport-rf');
    expect(cabinet.shadowRoot!.querySelector('slot')!.parentElement!.hidden, 'the content is hidden').to.equal(true);
    expect(cabinet.shadowRoot!.activeElement, 'focus moves to the view').to.equal(view(cabinet));
    await expect(cabinet).to.be.accessible();

    const back = view(cabinet)!.querySelector<HTMLButtonElement>('[part~="back-button"]')!;
    expect(back.textContent).to.include('Назад');
    back.click();
    await waitFor(() => view(cabinet) === null, patience, 'home after Back');
    expect(new URL(location.href).searchParams.has('mfc')).to.equal(false);
    await cabinet.updateComplete;
    expect(document.activeElement, 'focus returns to what opened the view').to.equal(opener);
  });

  it('replaces the form by the application once it is submitted, and opens deep links', async () => {
    history.replaceState(null, '', `${location.pathname}?mfc=apply:passport-rf`);
    const cabinet = await fixture<MfcCabinet>(html`<mfc-cabinet api-base="/api/v1" routing="query"><p>Каталог</p></mfc-cabinet>`);
    expect(view(cabinet)!.querySelector('mfc-application-form')).to.exist;
    view(cabinet)!.dispatchEvent(new CustomEvent('mfc-application-submit', { detail: { application: { id: 'app-1' }, queued: false }, bubbles: true, composed: true }));
    await cabinet.updateComplete;
    expect(view(cabinet)!.querySelector('mfc-application-tracker')!.getAttribute('application-id')).to.equal('app-1');
    expect(new URL(location.href).searchParams.get('mfc')).to.equal('application:app-1');
  });

  it('says its language with lang, so an English cabinet on a Russian page is read as English', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="ru"><mfc-cabinet api-base="/api/v1" locale="en"><mfc-login-form></mfc-login-form></mfc-cabinet></div>`,
    );
    const cabinet = wrapper.querySelector<MfcCabinet>('mfc-cabinet')!;
    await cabinet.updateComplete;
    expect(cabinet.getAttribute('lang')).to.equal('en');
    cabinet.locale = undefined;
    await cabinet.updateComplete;
    expect(cabinet.hasAttribute('lang'), 'without locale, the page’s lang is in force').to.equal(false);
  });

  it('shows where focus went with a ring when the view was opened from the keyboard', async () => {
    const cabinet = await fixture<MfcCabinet>(
      html`<mfc-cabinet api-base="/api/v1"><button id="apply" @click=${(event: Event) => select(event.target as Element, 'passport-rf')}>Подать заявление</button></mfc-cabinet>`,
    );
    cabinet.querySelector<HTMLButtonElement>('#apply')!.focus();
    await sendKeys({ press: 'Enter' });
    await cabinet.updateComplete;
    const opened = view(cabinet)!;
    expect(cabinet.shadowRoot!.activeElement).to.equal(opened);
    expect(opened.matches(':focus-visible'), 'focus-visible after a key').to.equal(true);
    expect(getComputedStyle(opened).outlineStyle).to.equal('solid');
  });

  it('leaves the address alone with routing off', async () => {
    const before = location.href;
    const cabinet = await fixture<MfcCabinet>(html`<mfc-cabinet api-base="/api/v1"><p id="content">Каталог</p></mfc-cabinet>`);
    select(cabinet.querySelector('#content')!, 'passport-rf');
    await cabinet.updateComplete;
    expect(view(cabinet)).to.exist;
    expect(location.href).to.equal(before);
    view(cabinet)!.querySelector<HTMLButtonElement>('[part~="back-button"]')!.click();
    await cabinet.updateComplete;
    expect(view(cabinet)).to.equal(null);
    expect(cabinet.shadowRoot!.activeElement, 'focus stays in the cabinet, on its home').to.equal(cabinet.shadowRoot!.querySelector('.home'));
  });
});
