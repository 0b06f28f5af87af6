import { createCabinetClient, normalizePhone, type CabinetClient } from '@mfc-cabinet/core';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createAccount, latestCode, outbox, unusedPhone, waitFor } from '../../../../test-support/cabinet-api.js';
import type { MfcErrorDetail, MfcLoginDetail, MfcNavigateDetail } from '../base/events.js';
import '../mfc-registration-form.js';
import type { MfcRegistrationForm } from './registration-form.js';

const clients: CabinetClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) {
    if (client.auth.state.status === 'signed-in') await client.auth.logout().catch(() => undefined);
    client.close();
  }
});

const $ = (form: MfcRegistrationForm, selector: string) => form.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (form: MfcRegistrationForm) => form.shadowRoot!.textContent!.replace(/\s+/g, ' ');

async function mount(): Promise<{ form: MfcRegistrationForm; client: CabinetClient }> {
  const client = createCabinetClient({ baseUrl: '/api/v1' });
  clients.push(client);
  const form = await fixture<MfcRegistrationForm>(html`<mfc-registration-form .client=${client}></mfc-registration-form>`);
  await waitFor(() => $(form, 'details.document') !== null, 5000, 'the consent text');
  return { form, client };
}

async function type(form: MfcRegistrationForm, id: string, value: string): Promise<void> {
  const input = $(form, `#${id}`) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await form.updateComplete;
}

async function check(form: MfcRegistrationForm, id: string): Promise<void> {
  const box = $(form, `#${id}`) as HTMLInputElement;
  box.click();
  await form.updateComplete;
}

async function submit(form: MfcRegistrationForm): Promise<void> {
  $(form, '[part~="primary-button"]')!.click();
  await form.updateComplete;
}

async function fillContacts(form: MfcRegistrationForm, contacts: { phone: string; email?: string; password?: string }) {
  const password = contacts.password ?? 'Zarechny-2026!';
  await type(form, 'phone', contacts.phone);
  if (contacts.email) await type(form, 'email', contacts.email);
  await type(form, 'password', password);
  await type(form, 'passwordRepeat', password);
  await check(form, 'consent');
}

async function enterCode(form: MfcRegistrationForm, code: string): Promise<void> {
  await waitFor(() => $(form, '#code') !== null, 5000, 'the code step');
  await type(form, 'code', code);
  await submit(form);
}

describe('<mfc-registration-form>', () => {
  it('starts with contacts, password, the rules and the consent text, accessible', async () => {
    const { form } = await mount();
    expect(text(form)).to.include('Регистрация');
    expect(text(form)).to.include('Шаг 1 из 3');
    expect($(form, 'label[for="consent"]')!.textContent).to.include('152-ФЗ');
    expect($(form, '.document-text')!.textContent!.length).to.be.greaterThan(200);
    expect($(form, '#password')!.getAttribute('aria-describedby')).to.include('password-rules');
    await expect(form).to.be.accessible();
  });

  it('ticks the password rules as the citizen types', async () => {
    const { form } = await mount();
    const met = () => [...form.shadowRoot!.querySelectorAll('#password-rules li.met')].length;
    expect(met()).to.equal(0);
    await type(form, 'password', 'abc');
    expect(met(), 'lower case and not the login').to.equal(2);
    await type(form, 'password', 'Zarechny-2026');
    expect(met()).to.equal(6);
    await type(form, 'phone', '+7 900 202-60-26');
    await type(form, 'password', 'Pw-9002026026');
    expect($(form, '#password-rules li:last-child')!.classList.contains('met'), 'contains the phone').to.be.false;
  });

  it('says what is wrong before asking the server', async () => {
    const { form } = await mount();
    await type(form, 'phone', '+1 555 123');
    await type(form, 'email', 'ivanov@');
    await type(form, 'password', 'short');
    await type(form, 'passwordRepeat', 'other');
    await submit(form);
    expect($(form, '#phone-error')!.textContent).to.include('Номер телефона указан с ошибкой');
    expect($(form, '#email-error')!.textContent).to.include('Адрес почты указан с ошибкой');
    expect($(form, '#password-error')!.textContent).to.include('от 8 до 128 символов');
    expect($(form, '#passwordRepeat-error')!.textContent).to.include('Пароли не совпадают');
    expect($(form, '#consent-error')!.textContent).to.include('Необходимо согласие');
    expect(form.shadowRoot!.activeElement?.id).to.equal('phone');
    await type(form, 'passwordRepeat', '');
    await submit(form);
    expect($(form, '#passwordRepeat-error')!.textContent, 'an empty repeat is asked for, not «do not match»').to.include('Введите пароль ещё раз');
    await expect(form).to.be.accessible();
  });

  it('shows the server refusing a common password on the password field', async () => {
    const { form } = await mount();
    await fillContacts(form, { phone: unusedPhone(), password: 'Qwerty123!' });
    const failed = oneEvent(form, 'mfc-error');
    await submit(form);
    expect(((await failed) as CustomEvent<MfcErrorDetail>).detail.error.code).to.equal('validation_failed');
    await form.updateComplete;
    expect($(form, '#password-error')!.textContent).to.include('слишком распространён');
  });

  it('registers: phone code, e-mail code, personal data, and the registry check makes the account standard', async () => {
    const { form, client } = await mount();
    const phone = unusedPhone();
    const email = `new-${Date.now()}@example.test`;
    await fillContacts(form, { phone, email });
    await submit(form);
    await waitFor(() => text(form).includes('Подтвердите телефон'), 5000, 'the phone code step');
    expect(text(form)).to.include('Шаг 2 из 3');
    await expect(form).to.be.accessible();

    const login = oneEvent(form, 'mfc-login');
    await enterCode(form, await latestCode(normalizePhone(phone)!));
    expect(((await login) as CustomEvent<MfcLoginDetail>).detail.session.user.level).to.equal('simplified');
    expect(client.auth.state.status).to.equal('signed-in');

    await waitFor(() => text(form).includes('Подтвердите почту'), 5000, 'the e-mail code step');
    await enterCode(form, await latestCode(email));
    await waitFor(() => text(form).includes('Личные данные'), 5000, 'the personal data step');
    expect((await client.profile.get()).email).to.equal(email);
    await expect(form).to.be.accessible();

    await type(form, 'lastName', 'Новикова');
    await type(form, 'firstName', 'Мария');
    await type(form, 'middleName', 'Олеговна');
    await type(form, 'birthDate', '1990-03-15');
    await type(form, 'passport', '45 12 345678');
    await type(form, 'passport-issuedAt', '2010-04-01');
    await type(form, 'snils', validSnils());
    await submit(form);
    await waitFor(() => text(form).includes('Учётная запись создана'), 5000, 'the last step');
    await waitFor(() => text(form).includes('Учётная запись стала стандартной'), 10000, 'the registry check');
    await expect(form).to.be.accessible();

    const profile = await client.profile.get();
    expect(profile).to.include({ level: 'standard', lastName: 'Новикова', firstName: 'Мария', birthDate: '1990-03-15' });
    expect(profile.passport).to.include({ series: '4512', number: '345678' });

    const navigate = oneEvent(form, 'mfc-navigate');
    await submit(form);
    expect(((await navigate) as CustomEvent<MfcNavigateDetail>).detail).to.include({ to: 'login', reason: 'registered' });
  });

  it('checks personal data before sending it', async () => {
    const { form } = await mount();
    const phone = unusedPhone();
    await fillContacts(form, { phone });
    await submit(form);
    const login = oneEvent(form, 'mfc-login');
    await enterCode(form, await latestCode(normalizePhone(phone)!));
    await login;
    await waitFor(() => text(form).includes('Личные данные'), 5000, 'the personal data step');

    await type(form, 'lastName', 'Иванов1');
    await type(form, 'birthDate', new Date().toISOString().slice(0, 10));
    await type(form, 'passport', '45 12 3456');
    await type(form, 'snils', '112-233-445 96');
    await type(form, 'inn', '500100732258');
    await submit(form);
    expect($(form, '#lastName-error')!.textContent).to.include('Допустимы буквы');
    expect($(form, '#firstName-error')!.textContent).to.include('как в паспорте');
    expect($(form, '#birthDate-error')!.textContent).to.include('с 14 лет');
    expect($(form, '#passport-error')!.textContent).to.include('Серия — 4 цифры, номер — 6 цифр');
    expect($(form, '#snils-error')!.textContent).to.include('СНИЛС указан с ошибкой');
    expect($(form, '#inn-error')!.textContent).to.include('ИНН указан с ошибкой');
    await expect(form).to.be.accessible();
  });

  it('does not reveal that a phone is registered: its owner gets a notice, and no code works', async () => {
    const existing = await createAccount();
    const { form } = await mount();
    await fillContacts(form, { phone: existing.phone });
    await submit(form);
    await waitFor(() => text(form).includes('Подтвердите телефон'), 5000, 'the same code step');
    const messages = await outbox(existing.phone);
    expect(messages[0]!.code).to.equal(null);
    expect(messages[0]!.purpose).to.not.equal('login');
    const failed = oneEvent(form, 'mfc-error');
    await enterCode(form, '123456');
    expect(((await failed) as CustomEvent<MfcErrorDetail>).detail.error.code).to.equal('otp_invalid');
  });

  it('leads back to sign-in', async () => {
    const { form } = await mount();
    const navigate = oneEvent(form, 'mfc-navigate');
    [...form.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent!.includes('Вернуться ко входу'))!.click();
    expect(((await navigate) as CustomEvent<MfcNavigateDetail>).detail.to).to.equal('login');
  });
});

/** A СНИЛС with a correct checksum and a random body, so that tests never collide. */
function validSnils(): string {
  const body = String(2_000_000 + Math.floor(Math.random() * 997_000_000)).padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (9 - i);
  const check = sum % 101 === 100 ? 0 : sum % 101;
  return `${body.slice(0, 3)}-${body.slice(3, 6)}-${body.slice(6)} ${String(check).padStart(2, '0')}`;
}
