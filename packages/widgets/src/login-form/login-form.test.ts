import { createCabinetClient, type CabinetClient } from '@mfc-cabinet/core';
import { operatorClient } from '@mfc-cabinet/core/operator';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { advanceClock, createAccount, latestCode, patience, switchableNetwork, waitFor, waitForAsync, type TestAccount } from '../../../../test-support/cabinet-api.js';
import { closeSharedClients, sharedClient } from '../base/clients.js';
import type { MfcErrorDetail, MfcLoginDetail, MfcLogoutDetail } from '../base/events.js';
import '../mfc-cabinet.js';
import '../mfc-login-form.js';
import type { MfcLoginForm } from './login-form.js';

const clients: CabinetClient[] = [];
function newClient(locale: 'ru' | 'en' = 'ru'): CabinetClient {
  const client = createCabinetClient({ baseUrl: '/api/v1', locale });
  clients.push(client);
  return client;
}

afterEach(async () => {
  for (const client of clients.splice(0)) {
    if (client.auth.state.status === 'signed-in') await client.auth.logout().catch(() => undefined);
    client.close();
  }
  closeSharedClients();
});

const part = (form: MfcLoginForm, selector: string) => form.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (form: MfcLoginForm) => form.shadowRoot!.textContent!.replace(/\s+/g, ' ');

async function ready(form: MfcLoginForm): Promise<MfcLoginForm> {
  await waitFor(() => part(form, '#identifier') !== null || part(form, '[part~="user"]') !== null, 5000, 'the form to settle');
  await form.updateComplete;
  return form;
}

async function type(form: MfcLoginForm, id: string, value: string): Promise<void> {
  const input = part(form, `#${id}`) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await form.updateComplete;
}

async function submit(form: MfcLoginForm): Promise<void> {
  part(form, '[part~="primary-button"]')!.click();
  await form.updateComplete;
}

async function signInToCodeStep(form: MfcLoginForm, account: TestAccount, identifier = account.phone): Promise<void> {
  await type(form, 'identifier', identifier);
  await type(form, 'password', account.password);
  await submit(form);
  await waitFor(() => part(form, '#code') !== null, 5000, 'the code step');
}

async function mount(locale: 'ru' | 'en' = 'ru'): Promise<MfcLoginForm> {
  const client = newClient(locale);
  return ready(await fixture<MfcLoginForm>(html`<mfc-login-form .client=${client} locale=${locale}></mfc-login-form>`));
}

describe('<mfc-login-form>', () => {
  it('starts with the login step, in Russian, accessible', async () => {
    const form = await mount();
    expect(text(form)).to.include('Вход в личный кабинет');
    expect(part(form, 'label[for="identifier"]')!.textContent).to.include('Телефон, почта или СНИЛС');
    expect(part(form, '#password')!.getAttribute('type')).to.equal('password');
    expect(part(form, '#identifier')!.getAttribute('autocomplete')).to.equal('username');
    await expect(form).to.be.accessible();
  });

  it('speaks English when asked', async () => {
    const form = await mount('en');
    await waitFor(() => text(form).includes('Sign in to your account'), 5000, 'English strings');
    await expect(form).to.be.accessible();
  });

  it('takes strings from the strings property', async () => {
    const form = await mount();
    form.strings = { signIn: 'Войти в кабинет' };
    await form.updateComplete;
    expect(part(form, '[part~="primary-button"]')!.textContent).to.include('Войти в кабинет');
  });

  it('shows what is missing without asking the server', async () => {
    const form = await mount();
    await submit(form);
    expect(part(form, '#identifier-error')!.textContent).to.include('Введите телефон, почту или СНИЛС');
    expect(part(form, '#password-error')!.textContent).to.include('Введите пароль');
    expect(part(form, '#identifier')!.getAttribute('aria-invalid')).to.equal('true');
    expect(part(form, '#identifier')!.getAttribute('aria-describedby')).to.include('identifier-error');
    expect(form.shadowRoot!.activeElement?.id).to.equal('identifier');
    await expect(form).to.be.accessible();

    await type(form, 'identifier', '112-233-445 96');
    await type(form, 'password', 'x');
    await submit(form);
    expect(part(form, '#identifier-error')!.textContent).to.include('ошибка');
  });

  it('shows the server\'s field errors of the sign-in step in place', async () => {
    // Before any account view was opened, so the password-rule strings are not loaded.
    const problem = {
      type: 'about:blank',
      title: 'Проверьте введённые данные',
      status: 400,
      code: 'validation_failed',
      errors: [{ field: 'password', code: 'too_long', message: 'Пароль не может быть длиннее 128 символов' }],
    };
    const client = createCabinetClient({
      baseUrl: '/api/v1',
      fetch: async (input) =>
        String(input instanceof Request ? input.url : input).endsWith('/auth/session')
          ? new Response(JSON.stringify({ session: null }), { headers: { 'content-type': 'application/json' } })
          : new Response(JSON.stringify(problem), { status: 400, headers: { 'content-type': 'application/problem+json' } }),
    });
    clients.push(client);
    const form = await ready(await fixture<MfcLoginForm>(html`<mfc-login-form .client=${client}></mfc-login-form>`));
    await type(form, 'identifier', '+7 900 000-00-01');
    await type(form, 'password', 'x');
    const failed = oneEvent(form, 'mfc-error');
    await submit(form);
    await failed;
    await form.updateComplete;
    expect(part(form, '#password-error')!.textContent).to.include('Пароль не может быть длиннее 128 символов');
  });

  it('shows and hides the password', async () => {
    const form = await mount();
    const toggle = part(form, '[part~="password-toggle"]')!;
    toggle.click();
    await form.updateComplete;
    expect(part(form, '#password')!.getAttribute('type')).to.equal('text');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
  });

  it('signs in with the code from the SMS and fires mfc-login, then signs out with mfc-logout', async () => {
    const account = await createAccount({ secondFactor: 'sms' });
    const form = await mount();
    await signInToCodeStep(form, account);
    expect(text(form)).to.include('Подтвердите вход');
    expect(text(form)).to.match(/Новый код можно получить через 0:[0-5]\d|1:00/);
    expect(part(form, '#code')!.getAttribute('autocomplete')).to.equal('one-time-code');
    await expect(form).to.be.accessible();

    await type(form, 'code', await latestCode(account.phone));
    const login = oneEvent(form, 'mfc-login');
    await submit(form);
    const { detail } = (await login) as CustomEvent<MfcLoginDetail>;
    expect(detail.session.user.id).to.equal(account.id);
    await form.updateComplete;
    expect(text(form)).to.include('Вы вошли как');
    await expect(form).to.be.accessible();

    const logout = oneEvent(form, 'mfc-logout');
    part(form, '[part~="user"] button')!.click();
    expect(((await logout) as CustomEvent<MfcLogoutDetail>).detail.reason).to.equal('logout');
    await waitFor(() => part(form, '#identifier') !== null, 5000, 'the login step');
  });

  it('fires mfc-logout with reason account-deleted when the citizen closes the account, and shows the login step', async () => {
    const account = await createAccount({ secondFactor: null });
    const form = await mount();
    await form.client!.auth.login({ identifier: account.phone, password: account.password });
    await waitFor(() => text(form).includes('Вы вошли как'), 5000, 'the signed-in view');
    const logout = oneEvent(form, 'mfc-logout');
    await form.client!.profile.close({ currentPassword: account.password });
    expect(((await logout) as CustomEvent<MfcLogoutDetail>).detail.reason).to.equal('account-deleted');
    await waitFor(() => part(form, '#identifier') !== null, 5000, 'the login step');
  });

  it('after too many unused codes in an hour, says so and how long to wait, in the language of the form', async () => {
    const account = await createAccount({ secondFactor: 'sms' });
    for (let i = 0; i < 5; i++) {
      const attempt = await newClient().auth.login({ identifier: account.phone, password: account.password });
      expect(attempt.status).to.equal('code_required');
    }
    const form = await mount();
    await type(form, 'identifier', account.phone);
    await type(form, 'password', account.password);
    await submit(form);
    await waitFor(() => part(form, '#form-error') !== null, 5000, 'the refusal');
    // The server's own sentence: what was limited and the wait.
    expect(part(form, '#form-error')!.textContent!.replace(/\s+/g, ' ')).to.match(/Слишком много кодов за час\. Новый код можно запросить через (1 ч|\d+ мин)\./);

    const english = await mount('en');
    await type(english, 'identifier', account.phone);
    await type(english, 'password', account.password);
    await submit(english);
    await waitFor(() => part(english, '#form-error') !== null, 5000, 'the refusal');
    expect(part(english, '#form-error')!.textContent!.replace(/\s+/g, ' ')).to.match(/Too many requests\. Try again in (1:00:00|59:\d\d)\./);
    await expect(english).to.be.accessible();
  });

  it('signs in without a code when the account has no second factor', async () => {
    const account = await createAccount({ secondFactor: null });
    const form = await mount();
    await type(form, 'identifier', account.email);
    await type(form, 'password', account.password);
    const login = oneEvent(form, 'mfc-login');
    await submit(form);
    await login;
  });

  it('warns before signing out with writes made offline not yet sent, then deletes them', async () => {
    const account = await createAccount({ secondFactor: null });
    const { network, fetch } = switchableNetwork();
    const client = createCabinetClient({ baseUrl: '/api/v1', fetch });
    clients.push(client);
    await client.auth.login({ identifier: account.phone, password: account.password });
    const { items } = await client.catalog.list({ availability: 'available' }, { limit: 100 });
    const draft = await client.applications.create(items.find((service) => service.requiredLevel === 'simplified')!.id);
    network.offline = true;
    expect((await client.applications.saveDraft(draft.id, {})).status).to.equal('queued');

    const form = await ready(await fixture<MfcLoginForm>(html`<mfc-login-form .client=${client}></mfc-login-form>`));
    part(form, '[part~="user"] button')!.click();
    await waitFor(() => text(form).includes('1 изменение ещё не отправлено'), 5000, 'the warning');
    expect(client.auth.state.status, 'not signed out yet').to.equal('signed-in');
    expect(part(form, '[part~="user"] button')!.textContent).to.include('Всё равно выйти');
    await expect(form).to.be.accessible();

    const logout = oneEvent(form, 'mfc-logout');
    part(form, '[part~="user"] button')!.click();
    await logout;
    const stillThere = async () => (await indexedDB.databases()).some((database) => database.name?.includes(account.id));
    await waitForAsync(async () => !(await stillThere()), 'the citizen’s database to be deleted');
    expect(await client.applications.pending()).to.deep.equal([]);
  });

  it('shows a wrong password with the attempts left and fires mfc-error', async () => {
    const account = await createAccount();
    const form = await mount();
    await type(form, 'identifier', account.phone);
    await type(form, 'password', 'Not-the-password-1');
    const failed = oneEvent(form, 'mfc-error');
    await submit(form);
    const { detail } = (await failed) as CustomEvent<MfcErrorDetail>;
    expect(detail.error.code).to.equal('invalid_credentials');
    expect(detail.action).to.equal('login');
    await form.updateComplete;
    expect(part(form, '[role="alert"]')!.textContent).to.include('Неверный логин или пароль');
    expect(text(form)).to.include('Осталось 4 попытки');
    expect(part(form, '#identifier')!.matches('input') && (part(form, '#identifier') as HTMLInputElement).value).to.equal(account.phone);
    await expect(form).to.be.accessible();
  });

  it('shows the lockout with a countdown and blocks the button until it ends', async () => {
    const account = await createAccount();
    const form = await mount();
    await type(form, 'identifier', account.phone);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      await type(form, 'password', `Wrong-password-${i}`);
      const failed = oneEvent(form, 'mfc-error');
      await submit(form);
      codes.push(((await failed) as CustomEvent<MfcErrorDetail>).detail.error.code);
      await form.updateComplete;
    }
    expect(codes).to.deep.equal([...Array(4).fill('invalid_credentials'), 'account_locked']);
    expect(text(form)).to.include('Вход временно заблокирован');
    expect(text(form)).to.match(/через 1[45]:\d\d/);
    const button = part(form, '[part~="primary-button"]')!;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    await expect(form).to.be.accessible();

    // While locked, the form does not even ask the server.
    let asked = false;
    form.addEventListener('mfc-error', () => (asked = true), { once: true });
    await type(form, 'password', account.password);
    await submit(form);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(asked).to.be.false;
    expect(text(form)).to.include('Вход временно заблокирован');

    // Another login may be tried at once: the lockout is for the one that was locked.
    await type(form, 'identifier', '+7 900 000-00-99');
    expect(part(form, '[part~="primary-button"]')!.getAttribute('aria-disabled'), 'another login: «Войти» works').not.to.equal('true');
    expect(part(form, '#lockout'), 'no lockout notice for another login').to.equal(null);
    await type(form, 'identifier', account.phone);
    expect(part(form, '[part~="primary-button"]')!.getAttribute('aria-disabled'), 'the locked login again').to.equal('true');

    // The way out is a link in the notice: password recovery.
    const recover = [...part(form, '#lockout')!.querySelectorAll('button')].find((each) => each.textContent!.trim() === 'Забыли пароль?')!;
    recover.click();
    await waitFor(() => part(form, 'mfc-password-recovery') !== null, 5000, 'the recovery, from the lockout');
    await advanceClock(60 * 60 * 1000);
  });

  it('shows a wrong code with the tries left, and the end of the tries', async () => {
    const account = await createAccount({ secondFactor: 'email' });
    const form = await mount();
    await signInToCodeStep(form, account, account.email);
    const code = await latestCode(account.email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (const expected of ['Осталось 2 попытки', 'Осталась 1 попытка']) {
      await type(form, 'code', wrong);
      const failed = oneEvent(form, 'mfc-error');
      await submit(form);
      await failed;
      await form.updateComplete;
      expect(part(form, '#code-error')!.textContent).to.include(expected);
      await expect(form).to.be.accessible();
    }
    await type(form, 'code', wrong);
    const failed = oneEvent(form, 'mfc-error');
    await submit(form);
    expect(((await failed) as CustomEvent<MfcErrorDetail>).detail.error.code).to.equal('otp_attempts_exceeded');
    await form.updateComplete;
    expect(part(form, '#code')).to.equal(null);
    expect(text(form)).to.include('Начать вход заново');
    await expect(form).to.be.accessible();
  });

  it('re-sends the code when the timer runs out', async () => {
    const account = await createAccount({ secondFactor: 'sms' });
    const form = await mount();
    await signInToCodeStep(form, account);
    await advanceClock(61_000);
    // A minute passes in the browser too: its clock is moved, and the form's one-second tick shows the button.
    const realNow = Date.now;
    Date.now = () => realNow() + 61_000;
    let resend: HTMLButtonElement | undefined;
    try {
      await waitFor(() => {
        resend = [...form.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent!.includes('Получить новый код'));
        return resend !== undefined;
      }, 3000, 'the resend button');
    } finally {
      Date.now = realNow;
    }
    await expect(form).to.be.accessible();
    resend!.click();
    await waitFor(() => text(form).includes('Новый код отправлен'), 5000, 'the resend notice');
    await type(form, 'code', await latestCode(account.phone));
    const login = oneEvent(form, 'mfc-login');
    await submit(form);
    await login;
  });

  it('shows that the citizen signed out in another tab', async () => {
    const account = await createAccount({ secondFactor: null });
    const form = await mount();
    await type(form, 'identifier', account.phone);
    await type(form, 'password', account.password);
    const login = oneEvent(form, 'mfc-login');
    await submit(form);
    await login;

    const otherTab = newClient();
    const logout = oneEvent(form, 'mfc-logout');
    await otherTab.auth.refresh();
    await otherTab.auth.logout();
    expect(((await logout) as CustomEvent<MfcLogoutDetail>).detail.reason).to.equal('other-tab');
    await form.updateComplete;
    expect(text(form)).to.include('Вы вышли из личного кабинета в другой вкладке');
    await expect(form).to.be.accessible();
  });

  it('after a temporary password from an operator, asks for the citizen\'s own before signing in', async () => {
    const citizen = await createAccount({ secondFactor: null });
    const operatorAccount = await createAccount({ role: 'operator', secondFactor: null });
    const operator = newClient();
    await operator.auth.login({ identifier: operatorAccount.phone, password: operatorAccount.password });
    const { temporaryPassword } = await operatorClient(operator).issueTemporaryPassword(citizen.id);
    await operator.auth.logout();

    const form = await mount();
    await type(form, 'identifier', citizen.phone);
    await type(form, 'password', temporaryPassword);
    await submit(form);
    await waitFor(() => text(form).includes('Придумайте свой пароль'), 5000, 'the password change step');
    expect(form.shadowRoot!.activeElement?.id).to.equal('password');
    await expect(form).to.be.accessible();

    await type(form, 'password', 'Svoi-Parol-2026!');
    await type(form, 'passwordRepeat', 'Svoi-Parol-2026!');
    const login = oneEvent(form, 'mfc-login');
    await submit(form);
    expect(((await login) as CustomEvent<MfcLoginDetail>).detail.session.user.id).to.equal(citizen.id);

    const again = await newClient().auth.login({ identifier: citizen.phone, password: temporaryPassword }).catch((error: unknown) => error);
    expect((again as { code?: string }).code, 'the temporary password works once').to.equal('invalid_credentials');
  });

  it('leads to password recovery with the login typed so far, and back', async () => {
    const form = await mount();
    await type(form, 'identifier', '+7 900 000-00-09');
    (part(form, '#to-recovery') as HTMLElement).focus();
    part(form, '#to-recovery')!.click();
    await waitFor(() => part(form, 'mfc-password-recovery') !== null, 5000, 'the recovery form');
    const recovery = part(form, 'mfc-password-recovery') as HTMLElement & { identifier: string; updateComplete: Promise<boolean> };
    await recovery.updateComplete;
    expect(recovery.identifier).to.equal('+7 900 000-00-09');
    await waitFor(() => recovery.shadowRoot!.activeElement?.id === 'heading', 5000, 'focus on the recovery’s heading, not lost');
    const back = [...recovery.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent!.includes('Вернуться ко входу'))!;
    back.click();
    await waitFor(() => part(form, '#identifier') !== null, 5000, 'the sign-in form again');
    expect((part(form, '#identifier') as HTMLInputElement).value).to.equal('+7 900 000-00-09');
  });

  it('leads to registration', async () => {
    const form = await mount();
    (part(form, '#to-registration') as HTMLElement).focus();
    part(form, '#to-registration')!.click();
    await waitFor(() => part(form, 'mfc-registration-form') !== null, 5000, 'the registration form');
    const registration = part(form, 'mfc-registration-form')!;
    await waitFor(() => registration.shadowRoot?.activeElement?.id === 'heading', 5000, 'focus on the registration’s heading, not lost');
  });

  it('hides the links with no-links', async () => {
    const form = await mount();
    form.noLinks = true;
    await form.updateComplete;
    expect(part(form, '#to-recovery')).to.equal(null);
    expect(part(form, '#to-registration')).to.equal(null);
  });

  it('works standalone with its own api-base, inside a shadow root', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<mfc-login-form api-base="/api/v1"></mfc-login-form>';
    const form = await ready(root.querySelector('mfc-login-form')!);
    expect(text(form)).to.include('Вход в личный кабинет');
  });

  it('follows the lang of the page around it, also from inside another shadow root', async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="en-GB"><div></div></div>`);
    const root = page.querySelector('div')!.attachShadow({ mode: 'open' });
    const form = document.createElement('mfc-login-form');
    form.client = newClient();
    root.append(form);
    await ready(form);
    await waitFor(() => text(form).includes('Sign in to your account'), 5000, 'English from the lang attribute');
  });

  it('takes the client and the language from <mfc-cabinet>', async () => {
    const cabinet = await fixture(html`<mfc-cabinet api-base="/api/v1" locale="en"><mfc-login-form></mfc-login-form></mfc-cabinet>`);
    const form = await ready(cabinet.querySelector('mfc-login-form')!);
    await waitFor(() => text(form).includes('Sign in to your account'), 5000, 'English from the cabinet');
  });

  it('shares one client, and one request for the session, with <mfc-cabinet> of the same api-base', async () => {
    const asked = () => performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname === '/api/v1/auth/session').length;
    performance.clearResourceTimings();
    const page = await fixture<HTMLDivElement>(
      html`<div><mfc-cabinet api-base="/api/v1"></mfc-cabinet><mfc-login-form api-base="/api/v1" locale="en"></mfc-login-form></div>`,
    );
    const cabinet = page.querySelector('mfc-cabinet')!;
    const form = await ready(page.querySelector('mfc-login-form')!);
    await waitFor(() => text(form).includes('Sign in to your account'), patience, 'the form, in English');
    expect(cabinet.client, 'one client per API root, whatever the language').to.equal(sharedClient('/api/v1'));
    expect(asked()).to.equal(1);
  });
});
