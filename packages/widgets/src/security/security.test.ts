import { createCabinetClient, type CabinetClient } from '@mfc-cabinet/core';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createAccount, waitFor } from '../../../../test-support/cabinet-api.js';
import type { MfcNavigateDetail } from '../base/events.js';
import '../mfc-security.js';
import type { MfcSecurity } from './security.js';

const clients: CabinetClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) {
    if (client.auth.state.status === 'signed-in') await client.auth.logout().catch(() => undefined);
    client.close();
  }
});

/** The identity confirmation inside the security settings. */
const identityOf = (element: MfcSecurity) => element.shadowRoot!.querySelector('mfc-identity-confirmation')!.shadowRoot!;
const text = (element: MfcSecurity) => `${element.shadowRoot!.textContent!} ${identityOf(element).textContent!}`.replace(/\s+/g, ' ');
const button = (element: MfcSecurity, label: string) =>
  [...element.shadowRoot!.querySelectorAll('button'), ...identityOf(element).querySelectorAll('button')].find((candidate) =>
    candidate.textContent!.includes(label),
  );

async function signedIn(level: 'simplified' | 'standard' | 'confirmed', otherDevices = 0): Promise<CabinetClient> {
  const account = await createAccount({ secondFactor: null, level });
  // Other devices: sign-ins whose session cookie this browser does not keep.
  for (let i = 0; i < otherDevices; i++) {
    const response = await fetch('/api/v1/auth/login', {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: account.phone, password: account.password }),
    });
    expect(response.status).to.equal(200);
  }
  const client = createCabinetClient({ baseUrl: '/api/v1' });
  clients.push(client);
  await client.auth.login({ identifier: account.phone, password: account.password });
  return client;
}

async function mount(client: CabinetClient): Promise<MfcSecurity> {
  const element = await fixture<MfcSecurity>(html`<mfc-security .client=${client}></mfc-security>`);
  await waitFor(() => element.shadowRoot!.querySelector('[part="sessions"]') !== null, 5000, 'the sessions');
  return element;
}

describe('<mfc-security>', () => {
  it('lists where the citizen is signed in, this device first, and ends the others', async () => {
    const client = await signedIn('standard', 2);
    const element = await mount(client);
    const items = [...element.shadowRoot!.querySelectorAll('[part="session"]')];
    expect(items).to.have.length(3);
    expect(items[0]!.textContent).to.include('Это устройство');
    expect(items[1]!.textContent).to.not.include('Это устройство');
    await expect(element).to.be.accessible();

    const endOne = items[1]!.querySelector('button')!;
    expect(endOne.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^Завершить сеанс: \S/);
    endOne.click();
    await waitFor(() => element.shadowRoot!.querySelectorAll('[part="session"]').length === 2, 5000, 'one session fewer');
    await waitFor(() => element.shadowRoot!.activeElement?.id === 'sessions-heading', 10_000, 'focus kept on the list');

    button(element, 'Выйти на всех других устройствах')!.click();
    await waitFor(() => text(element).includes('Завершено сеансов: 1'), 5000, 'the others ended');
    await waitFor(() => element.shadowRoot!.activeElement?.id === 'message', 10_000, 'focus on the result');
    await waitFor(() => text(element).includes('Вход выполнен только на этом устройстве'), 5000, 'only this device');
    expect(client.auth.state.status).to.equal('signed-in');
    await expect(element).to.be.accessible();
  });

  it('gives a «standard» citizen a code and its QR code for the МФЦ', async () => {
    const client = await signedIn('standard');
    const element = await mount(client);
    button(element, 'Получить код для МФЦ')!.click();
    await waitFor(() => identityOf(element).querySelector('[part="identity-code"]') !== null, 5000, 'the code');
    const code = identityOf(element).querySelector('[part="identity-code"]')!.textContent!.trim();
    await waitFor(() => identityOf(element).activeElement?.id === 'identity-code', 10_000, 'focus on the code');
    expect(code).to.match(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const qr = identityOf(element).querySelector<HTMLImageElement>('img[part="qr"]')!;
    await waitFor(() => qr.complete && qr.naturalWidth > 0, 5000, 'the QR code image');
    expect(qr.alt).to.include(code);
    expect(text(element)).to.match(/Код действует (9|10):\d\d/);
    expect((await client.profile.identityConfirmation()).status).to.equal('waiting');
    await expect(element).to.be.accessible();
  });

  it('tells a «simplified» citizen what comes first, and a «confirmed» one that it is done', async () => {
    const simplified = await mount(await signedIn('simplified'));
    expect(text(simplified)).to.include('Сначала укажите паспорт и СНИЛС');
    expect(button(simplified, 'Получить код для МФЦ')).to.equal(undefined);
    await expect(simplified).to.be.accessible();

    const confirmed = await mount(await signedIn('confirmed'));
    expect(text(confirmed)).to.include('Личность подтверждена');
  });

  it('goes back to the sign-in form', async () => {
    const element = await mount(await signedIn('standard'));
    const navigate = oneEvent(element, 'mfc-navigate');
    button(element, 'Назад')!.click();
    expect(((await navigate) as CustomEvent<MfcNavigateDetail>).detail.to).to.equal('login');
  });
});
