import { createCabinetClient, isCabinetError, type CabinetClient } from '@mfc-cabinet/core';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createAccount, latestCode, waitFor } from '../../../../test-support/cabinet-api.js';
import type { MfcErrorDetail, MfcNavigateDetail } from '../base/events.js';
import '../mfc-password-recovery.js';
import type { MfcPasswordRecovery } from './password-recovery.js';

const clients: CabinetClient[] = [];
function newClient(): CabinetClient {
  const client = createCabinetClient({ baseUrl: '/api/v1' });
  clients.push(client);
  return client;
}
afterEach(async () => {
  for (const client of clients.splice(0)) {
    if (client.auth.state.status === 'signed-in') await client.auth.logout().catch(() => undefined);
    client.close();
  }
});

const $ = (form: MfcPasswordRecovery, selector: string) => form.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (form: MfcPasswordRecovery) => form.shadowRoot!.textContent!.replace(/\s+/g, ' ');

async function type(form: MfcPasswordRecovery, id: string, value: string): Promise<void> {
  const input = $(form, `#${id}`) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await form.updateComplete;
}

async function submit(form: MfcPasswordRecovery): Promise<void> {
  $(form, '[part~="primary-button"]')!.click();
  await form.updateComplete;
}

async function mount(identifier = ''): Promise<MfcPasswordRecovery> {
  return fixture<MfcPasswordRecovery>(
    html`<mfc-password-recovery .client=${newClient()} .identifier=${identifier}></mfc-password-recovery>`,
  );
}

async function toCodeStep(form: MfcPasswordRecovery): Promise<void> {
  await submit(form);
  await waitFor(() => $(form, '#code') !== null, 5000, 'the code step');
}

describe('<mfc-password-recovery>', () => {
  it('starts with the login the sign-in form passed, accessible', async () => {
    const form = await mount('+7 900 000-00-01');
    expect(text(form)).to.include('Восстановление пароля');
    expect(($(form, '#identifier') as HTMLInputElement).value).to.equal('+7 900 000-00-01');
    await expect(form).to.be.accessible();
  });

  it('sets a new password with the code; every session ends; the new password signs in, the old does not', async () => {
    const account = await createAccount({ secondFactor: null });
    const elsewhere = newClient();
    await elsewhere.auth.login({ identifier: account.phone, password: account.password });

    const form = await mount(account.phone);
    await toCodeStep(form);
    expect(text(form)).to.include('Если учётная запись с такими данными существует');
    await expect(form).to.be.accessible();
    await type(form, 'code', await latestCode(account.phone));
    await submit(form);
    await waitFor(() => $(form, '#passwordRepeat') !== null, 5000, 'the new password step');
    await expect(form).to.be.accessible();

    const newPassword = 'Novyi-parol-2026!';
    await type(form, 'password', newPassword);
    await type(form, 'passwordRepeat', newPassword);
    await submit(form);
    await waitFor(() => text(form).includes('Пароль изменён'), 5000, 'the done step');
    await expect(form).to.be.accessible();

    const navigate = oneEvent(form, 'mfc-navigate');
    await submit(form);
    expect(((await navigate) as CustomEvent<MfcNavigateDetail>).detail).to.deep.equal({
      to: 'login',
      reason: 'password-changed',
      identifier: account.phone,
    });

    const old = await elsewhere.profile.get().catch((error: unknown) => error);
    expect(isCabinetError(old) && ['unauthenticated', 'session_expired'].includes(old.code), 'the other session ended').to.be.true;
    const wrong = await newClient().auth.login({ identifier: account.phone, password: account.password }).catch((error: unknown) => error);
    expect(isCabinetError(wrong) && wrong.code).to.equal('invalid_credentials');
    expect((await newClient().auth.login({ identifier: account.phone, password: newPassword })).status).to.equal('authenticated');
  });

  it('says the same for a login nobody has', async () => {
    const form = await mount('nobody-' + Date.now() + '@example.test');
    await toCodeStep(form);
    expect(text(form)).to.include('Если учётная запись с такими данными существует');
  });

  it('refuses the current password as the new one', async () => {
    const account = await createAccount({ secondFactor: null });
    const form = await mount(account.email);
    await toCodeStep(form);
    await type(form, 'code', await latestCode(account.email));
    await submit(form);
    await waitFor(() => $(form, '#passwordRepeat') !== null, 5000, 'the new password step');
    await type(form, 'password', account.password);
    await type(form, 'passwordRepeat', account.password);
    const failed = oneEvent(form, 'mfc-error');
    await submit(form);
    expect(((await failed) as CustomEvent<MfcErrorDetail>).detail.error.code).to.equal('validation_failed');
    await form.updateComplete;
    expect($(form, '#password-error')!.textContent).to.include('уже использовался');
  });

  it('checks the new password and its repetition before asking the server', async () => {
    const account = await createAccount({ secondFactor: null });
    const form = await mount(account.phone);
    await toCodeStep(form);
    await type(form, 'code', await latestCode(account.phone));
    await submit(form);
    await waitFor(() => $(form, '#passwordRepeat') !== null, 5000, 'the new password step');
    await type(form, 'password', 'alllowercase1!');
    await type(form, 'passwordRepeat', 'different');
    await submit(form);
    expect($(form, '#password-error')!.textContent).to.include('заглавную букву');
    expect($(form, '#passwordRepeat-error')!.textContent).to.include('Пароли не совпадают');
    await expect(form).to.be.accessible();
  });
});
