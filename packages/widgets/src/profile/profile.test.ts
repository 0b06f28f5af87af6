import { createCabinetClient, type CabinetClient } from '@mfc-cabinet/core';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { createAccount, latestCode, outbox, unusedPhone, waitFor, type TestAccount } from '../../../../test-support/cabinet-api.js';
import type { MfcErrorDetail } from '../base/events.js';
import '../mfc-cabinet.js';
import '../mfc-profile.js';
import type { MfcCabinet } from '../cabinet/cabinet.js';
import type { MfcProfile } from './profile.js';

const clients: CabinetClient[] = [];
afterEach(async () => {
  fixtureCleanup();
  for (const client of clients.splice(0)) {
    if (client.auth.state.status === 'signed-in') await client.auth.logout().catch(() => undefined);
    client.close();
  }
});

async function citizen(options: { level?: string; secondFactor?: 'sms' | 'email' | null } = {}): Promise<{ client: CabinetClient; account: TestAccount }> {
  const account = await createAccount({ secondFactor: null, level: 'standard', ...options });
  const client = createCabinetClient({ baseUrl: '/api/v1', cache: 'memory' });
  clients.push(client);
  await client.auth.login({ identifier: account.phone, password: account.password });
  return { client, account };
}

async function mount(client: CabinetClient, locale = 'ru'): Promise<MfcProfile> {
  const profile = await fixture<MfcProfile>(html`<mfc-profile .client=${client} locale=${locale}></mfc-profile>`);
  await waitFor(() => section(profile, 'mfc-profile-closure') !== null, 10_000, 'the profile');
  return profile;
}

/** The shadow root of a section (`mfc-profile-personal`, …); the profile's own for `'profile'`. */
function section(profile: MfcProfile, tag: string): ShadowRoot | null {
  if (tag === 'profile') return profile.shadowRoot;
  const element = profile.shadowRoot!.querySelector(tag) ?? profile.shadowRoot!.querySelector('mfc-security')?.shadowRoot?.querySelector(tag);
  return element?.shadowRoot ?? null;
}

const text = (root: ShadowRoot | null) => (root?.textContent ?? '').replace(/\s+/g, ' ');

function button(root: ShadowRoot, label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((candidate) => candidate.textContent!.replace(/\s+/g, ' ').includes(label));
  if (!found) throw new Error(`no button «${label}» in ${text(root).slice(0, 300)}`);
  return found;
}

async function type(root: ShadowRoot, id: string, value: string): Promise<void> {
  const input = root.getElementById(id) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await (root.host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

function submit(root: ShadowRoot): void {
  root.querySelector('form')!.requestSubmit();
}

describe('<mfc-profile>', () => {
  it('shows the personal data and saves a correction, checked as in registration; the history shows it', async () => {
    const { client } = await citizen();
    const profile = await mount(client);
    const personal = section(profile, 'mfc-profile-personal')!;
    expect(text(personal)).to.include('Тестов Тест Тестович');
    expect(text(personal)).to.include('01.01.1990');
    await expect(profile).to.be.accessible();

    button(personal, 'Изменить').click();
    await waitFor(() => personal.activeElement?.id === 'lastName', 10_000, 'focus on the first field');
    expect((personal.getElementById('lastName') as HTMLInputElement).value).to.equal('Тестов');
    await type(personal, 'passport-issuedAt', '2015-03-01');
    await type(personal, 'snils', '123-456-789 00');
    submit(personal);
    await waitFor(() => personal.getElementById('snils-error') !== null, 10_000, 'the СНИЛС error');
    expect(text(personal)).to.include('СНИЛС указан с ошибкой');
    expect(personal.activeElement?.id).to.equal('snils');

    await type(personal, 'snils', '112-233-445 95');
    await type(personal, 'lastName', 'Новиков');
    await type(personal, 'registrationAddress', 'г. Заречный, ул. Ленина, д. 1');
    submit(personal);
    await waitFor(() => text(personal).includes('Новиков Тест Тестович'), 10_000, 'the saved name');
    expect(text(personal)).to.include('г. Заречный, ул. Ленина, д. 1');
    const saved = await client.profile.get();
    expect([saved.lastName, saved.registrationAddress]).to.deep.equal(['Новиков', 'г. Заречный, ул. Ленина, д. 1']);
    const history = section(profile, 'mfc-profile-history')!;
    await waitFor(() => text(history).includes('Фамилия: '), 10_000, 'the change in the history');
    expect(text(history)).to.include('Это устройство');
    expect(text(history)).to.include('Это был не я');
    await expect(profile).to.be.accessible();
  });

  it('changes the phone only with the current password and the code sent to the new one; the old one is told', async () => {
    const { client, account } = await citizen();
    const profile = await mount(client);
    const contacts = section(profile, 'mfc-profile-contacts')!;
    button(contacts, 'Изменить мобильный телефон').click();
    await waitFor(() => contacts.activeElement?.id === 'phone', 10_000, 'focus on the new phone');
    const phone = unusedPhone();
    await type(contacts, 'phone', phone);
    await type(contacts, 'currentPassword', 'Wrong-password-1');
    submit(contacts);
    await waitFor(() => contacts.getElementById('currentPassword-error') !== null, 10_000, 'the wrong password');
    expect(text(contacts)).to.match(/Неверный пароль\..*попыт/);

    await type(contacts, 'currentPassword', account.password);
    submit(contacts);
    await waitFor(() => contacts.getElementById('code') !== null, 10_000, 'the code step');
    await type(contacts, 'code', '000000');
    submit(contacts);
    await waitFor(() => contacts.getElementById('code-error') !== null, 10_000, 'the wrong code');
    expect((await client.profile.get()).phone!.replace(/\D/g, ''), 'unchanged without the code').to.equal(account.phone.replace(/\D/g, ''));

    await type(contacts, 'code', await latestCode(phone));
    submit(contacts);
    await waitFor(() => contacts.getElementById('message') !== null, 10_000, 'the change');
    expect(contacts.activeElement?.id).to.equal('message');
    expect(text(contacts)).to.include('Мы сообщили об этом на прежний номер');
    const saved = (await client.profile.get()).phone!;
    expect(saved.replace(/\D/g, '')).to.equal(phone.replace(/\D/g, ''));
    const digits = saved.replace(/\D/g, '');
    const written = `+7 ${digits.slice(1, 4)} ${digits.slice(4, 7)}-${digits.slice(7, 9)}-${digits.slice(9)}`;
    expect(text(contacts), 'the phone as people write it').to.include(written);
    expect((await outbox(account.phone)).some((message) => message.purpose === 'phone_changed'), 'the old phone was told').to.equal(true);
    await expect(profile).to.be.accessible();
  });

  it('changes the password with the current one and the rules, ending the other sessions', async () => {
    const { client, account } = await citizen();
    const other = createCabinetClient({ baseUrl: '/api/v1', cache: 'memory' });
    clients.push(other);
    const profile = await mount(client);
    const password = section(profile, 'mfc-profile-password')!;
    button(password, 'Сменить пароль').click();
    await waitFor(() => password.activeElement?.id === 'currentPassword', 10_000, 'focus on the current password');
    await type(password, 'currentPassword', account.password);
    await type(password, 'password', 'short');
    await type(password, 'passwordRepeat', 'short');
    submit(password);
    await waitFor(() => password.getElementById('password-error') !== null, 10_000, 'the rule broken');

    const next = `New-${account.password}`;
    await type(password, 'password', next);
    await type(password, 'passwordRepeat', next);
    submit(password);
    await waitFor(() => password.getElementById('message') !== null, 10_000, 'the change');
    expect(text(password)).to.include('Пароль изменён');
    await other.auth.login({ identifier: account.phone, password: next });
    expect(other.auth.state.status).to.equal('signed-in');
    await other.auth.logout();
  });

  it('turns sign-in with a code on with the current password, and lists the sign-ins', async () => {
    const { client, account } = await citizen();
    const profile = await mount(client);
    const signIns = section(profile, 'mfc-profile-sign-ins')!;
    await waitFor(() => signIns.querySelector('[part="sign-in"]') !== null, 10_000, 'the sign-ins');
    expect(text(signIns)).to.include('Вход');
    expect(signIns.querySelector('[part="sign-in"]')!.textContent, 'this sign-in first, marked').to.include('Это устройство');

    const factor = section(profile, 'mfc-profile-second-factor')!;
    expect(text(factor)).to.include('Выключен');
    button(factor, 'Изменить').click();
    await waitFor(() => factor.getElementById('channel-sms') !== null, 10_000, 'the choices');
    (factor.getElementById('channel-sms') as HTMLInputElement).click();
    submit(factor);
    await waitFor(() => factor.getElementById('currentPassword-error') !== null, 10_000, 'the password asked');
    await type(factor, 'currentPassword', account.password);
    submit(factor);
    await waitFor(() => factor.getElementById('message') !== null, 10_000, 'the change');
    expect(text(factor)).to.include('Код по SMS');
    expect((await client.profile.get()).secondFactor).to.equal('sms');
    const history = section(profile, 'mfc-profile-history')!;
    await waitFor(() => text(history).includes('Без кода → Код по SMS'), 10_000, 'the change in the history, in words');
  });

  it('«Это был не я» ends every session and continues to a new password with the code', async () => {
    const { client, account } = await citizen();
    await client.profile.changePassword({ currentPassword: account.password, password: `Other-${account.password}`, endOtherSessions: false });
    const profile = await mount(client);
    const history = section(profile, 'mfc-profile-history')!;
    await waitFor(() => history.querySelector('[part="change"]') !== null, 10_000, 'the change');
    button(history, 'Это был не я').click();
    await waitFor(() => history.activeElement?.id === 'not-me-question', 10_000, 'the question');
    button(history, 'Да, завершить все сеансы').click();
    await waitFor(() => client.auth.state.status === 'signed-out', 10_000, 'signed out');
    expect(client.auth.state.status === 'signed-out' && client.auth.state.reason).to.equal('not-me');
    await waitFor(() => text(section(profile, 'profile')).includes('Все сеансы завершены'), 10_000, 'the notice');
    // The recovery's code loads now, after «Это был не я».
    const recoveryRoot = () => profile.shadowRoot!.querySelector('mfc-password-recovery')?.shadowRoot ?? null;
    await waitFor(() => recoveryRoot()?.getElementById('code') != null, 10_000, 'the code step of the recovery');
    const recovery = recoveryRoot()!;
    await type(recovery, 'code', await latestCode(account.phone));
    recovery.querySelector('form')!.requestSubmit();
    await waitFor(() => recovery.getElementById('password') !== null, 10_000, 'the new password step');
  });

  it('downloads the data, then closes the account only with the password and the tick; it cannot sign in again', async () => {
    const { client, account } = await citizen();
    const profile = await mount(client);
    const closure = section(profile, 'mfc-profile-closure')!;
    expect(text(closure)).to.include('5 лет');

    const original = HTMLAnchorElement.prototype.click;
    const downloaded = new Promise<HTMLAnchorElement>((resolve) => {
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        resolve(this);
      };
    });
    try {
      button(closure, 'Скачать JSON').click();
      const link = await downloaded;
      expect(link.download).to.match(/\.json$/);
      const content = JSON.parse(await (await fetch(link.href)).text());
      expect(JSON.stringify(content)).to.include(account.snils.replace(/\D/g, '').slice(0, 3));
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }

    button(closure, 'Удалить учётную запись').click();
    await waitFor(() => closure.activeElement?.id === 'currentPassword', 10_000, 'focus on the password');
    await type(closure, 'currentPassword', account.password);
    submit(closure);
    await waitFor(() => closure.getElementById('understood-error') !== null, 10_000, 'the tick asked');
    expect(client.auth.state.status).to.equal('signed-in');
    (closure.getElementById('understood') as HTMLInputElement).click();
    submit(closure);
    await waitFor(() => text(section(profile, 'profile')).includes('Учётная запись удалена'), 10_000, 'the closure');
    expect(client.auth.state.status === 'signed-out' && client.auth.state.reason).to.equal('account-deleted');
    const again = await client.auth.login({ identifier: account.phone, password: account.password }).catch((failure: { code: string }) => failure.code);
    expect(again).to.equal('invalid_credentials');
  });

  it('shows a «simplified» citizen what raises the level, with the services each level opens', async () => {
    const { client } = await citizen({ level: 'simplified' });
    const profile = await mount(client);
    const level = section(profile, 'mfc-profile-level')!;
    expect(text(level)).to.include('Ваша учётная запись — упрощённая');
    await waitFor(() => /Доступно \d+ услуг/.test(text(level)), 10_000, 'the services of each level');
    button(level, 'Указать личные данные').click();
    const personal = section(profile, 'mfc-profile-personal')!;
    await waitFor(() => personal.activeElement?.id === 'lastName', 10_000, 'the form of personal data, focused');
    await expect(profile).to.be.accessible();
  });

  it('speaks English, and asks a signed-out visitor to sign in', async () => {
    const { client } = await citizen();
    const profile = await mount(client, 'en');
    await waitFor(() => text(section(profile, 'mfc-profile-personal')).includes('Personal details'), 10_000, 'the English strings');
    expect(text(section(profile, 'mfc-profile-closure'))).to.include('Delete the account');
    await client.auth.logout();
    await waitFor(() => text(section(profile, 'profile')).includes('Sign in to your account to open your profile'), 5000, 'the invitation');
  });

  it('says when the profile cannot be loaded, and loads it on «Повторить»', async () => {
    const { account } = await citizen();
    let online = false;
    const client = createCabinetClient({
      baseUrl: '/api/v1',
      cache: 'memory',
      fetch: (input, init) => (online || !String(input instanceof Request ? input.url : input).includes('/profile') ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'))),
    });
    clients.push(client);
    await client.auth.login({ identifier: account.phone, password: account.password });
    const errors: MfcErrorDetail[] = [];
    const profile = await fixture<MfcProfile>(html`<mfc-profile .client=${client} @mfc-error=${(event: CustomEvent<MfcErrorDetail>) => errors.push(event.detail)}></mfc-profile>`);
    await waitFor(() => profile.shadowRoot!.getElementById('load-error') !== null, 20_000, 'the failure');
    expect(errors[0]?.action).to.equal('profile');
    online = true;
    button(profile.shadowRoot!, 'Повторить').click();
    await waitFor(() => section(profile, 'mfc-profile-personal') !== null, 10_000, 'the profile');
  });

  it('is the cabinet\'s «Профиль», and the home of a «simplified» account leads to it', async () => {
    const start = location.href;
    try {
      const { client } = await citizen({ level: 'simplified' });
      const cabinet = await fixture<MfcCabinet>(html`<mfc-cabinet .client=${client} routing="query"></mfc-cabinet>`);
      const homeSection = () => cabinet.shadowRoot!.querySelector('mfc-cabinet-home')?.shadowRoot?.querySelector('mfc-home-profile')?.shadowRoot ?? null;
      await waitFor(() => homeSection()?.querySelector('a') != null, 10_000, 'the section of the level on the home');
      expect(text(homeSection())).to.include('Учётная запись упрощённая');
      homeSection()!.querySelector('a')!.click();
      await cabinet.updateComplete;
      expect(cabinet.route.view).to.equal('profile');
      expect(new URL(location.href).searchParams.get('mfc')).to.equal('profile');
      await waitFor(() => cabinet.shadowRoot!.querySelector('mfc-profile')?.shadowRoot?.querySelector('mfc-profile-personal') != null, 10_000, 'the profile in the cabinet');
    } finally {
      history.replaceState(null, '', start);
    }
  });
});
