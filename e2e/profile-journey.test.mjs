// End to end, by keyboard alone, on the example site's «Профиль» page against the demo
// server: a citizen edits the personal data and the e-mail, turns sign-in with a code off
// and on, changes the password and finds the sign-in in its history; reports a change with
// «Это был не я» and recovers the password; downloads the data and closes the account; and
// the same profile in English. Each test has a demo account of its own.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertAxeClean, codeFromOutbox, demoAndBrowser, tabTo, waitForFocus, watchForProblems } from './support.mjs';

const running = demoAndBrowser();
const siteUrl = (path) => running.demo.siteUrl(path);
const demoPassword = 'Demo-2026!';
const signInFirst = 'Войдите в личный кабинет, чтобы открыть профиль.';

async function openProfile({ english = false } = {}) {
  const context = await running.browser.newContext({ locale: english ? 'en-GB' : 'ru-RU' });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  if (english) {
    // The Russian site with the cabinet in English: `locale="en"` on the cabinet (which marks
    // itself lang="en"), and `lang="en"` on the standalone sign-in form, as the README says.
    await page.route('**/profile.html', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('<mfc-cabinet ', '<mfc-cabinet locale="en" ').replace('<mfc-login-form ', '<mfc-login-form lang="en" ');
      await route.fulfill({ response, body });
    });
  }
  await page.goto(siteUrl('/profile.html'));
  return { context, page, problems };
}

/** Tabs to the field and types `text` into it instead of what it held. */
async function typeInto(page, field, text) {
  await tabTo(page, field);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Tabs to the control and presses `key` on it. */
async function press(page, control, key = 'Enter') {
  await tabTo(page, control);
  await page.keyboard.press(key);
}

/** Types the login and the password into the site's sign-in form and presses Enter. */
async function submitLogin(page, { login, password }) {
  await typeInto(page, page.getByLabel('Телефон, почта или СНИЛС'), login);
  await typeInto(page, page.getByLabel('Пароль', { exact: true }), password);
  await page.keyboard.press('Enter');
}

/** Signs in with the site's form; with `codeTo`, the code sent there is read from the outbox. Answers the code. */
async function signIn(page, { login, password, codeTo, after }) {
  await submitLogin(page, { login, password });
  let code;
  if (codeTo) {
    const field = page.getByLabel('Код подтверждения');
    await field.waitFor();
    code = await codeFromOutbox(page.context(), siteUrl, codeTo, { after });
    await typeInto(page, field, code);
    await page.keyboard.press('Enter');
  }
  await page.getByText('Вы вошли как').waitFor();
  return code;
}

async function signOut(page) {
  await press(page, page.getByRole('button', { name: 'Выйти', exact: true }));
  await page.getByText(signInFirst).waitFor();
}

/** «Изменить» on the personal data, a new address of registration, saved. */
async function changeAddress(page, address) {
  const personal = page.locator('mfc-profile-personal');
  await press(page, personal.getByRole('button', { name: 'Изменить личные данные' }));
  await typeInto(page, personal.getByLabel(/^Адрес регистрации/), address);
  await page.keyboard.press('Enter');
  await personal.getByText(address).waitFor();
}

/**
 * Opens «Вход с кодом», moves from the choice in force (`from`) through the radio group
 * with the arrow keys to `to`, and saves it with the current password.
 */
async function setSecondFactor(page, { from, to, arrow, password, done }) {
  const section = page.locator('mfc-profile-second-factor');
  await press(page, section.getByRole('button', { name: 'Изменить вход с кодом' }));
  await waitForFocus(section.getByRole('radio', { name: from })); // the form opens on the choice in force
  for (let i = 0; i < 3 && !(await section.getByRole('radio', { name: to }).isChecked()); i += 1) await page.keyboard.press(arrow);
  assert.ok(await section.getByRole('radio', { name: to }).isChecked());
  await typeInto(page, section.getByLabel('Текущий пароль'), password);
  await page.keyboard.press('Enter');
  await section.getByText(done).waitFor();
}

test('by keyboard: personal data, e-mail, sign-in with a code, password, and the sign-in history', async () => {
  const { page, problems } = await openProfile();
  const newAddress = 'г. Заречный, ул. Мира, д. 7, кв. 3';
  const newEmail = 'novy.ivanov@zarechny.example';
  const newPassword = 'Zarechny-Novyi-9!';

  await page.getByText(signInFirst).waitFor();
  await signIn(page, { login: '+7 900 000-00-01', password: demoPassword, codeTo: '+79000000001' });
  const personal = page.locator('mfc-profile-personal');
  await personal.getByText('г. Заречный, ул. Ленина, д. 12, кв. 34').waitFor();
  await page.locator('mfc-profile-sign-ins').getByRole('listitem').first().waitFor();
  await assertAxeClean(page, 'the profile');

  // Personal data: the address of registration, kept after a reload.
  await press(page, personal.getByRole('button', { name: 'Изменить личные данные' }));
  await waitForFocus(personal.getByLabel('Фамилия')); // the form opens on its first field
  await assertAxeClean(page, 'the personal data form');
  await typeInto(page, personal.getByLabel(/^Адрес регистрации/), newAddress);
  await page.keyboard.press('Enter');
  await personal.getByText(newAddress).waitFor();
  await page.reload();
  await personal.getByText(newAddress).waitFor();

  // The e-mail: the code sent to the new address; the history shows the change masked.
  const contacts = page.locator('mfc-profile-contacts');
  await press(page, contacts.getByRole('button', { name: 'Изменить электронная почта' }));
  await typeInto(page, contacts.getByLabel('Новый адрес электронной почты'), newEmail);
  await typeInto(page, contacts.getByLabel('Текущий пароль'), demoPassword);
  await page.keyboard.press('Enter');
  await contacts.getByRole('heading', { name: 'Подтвердите новый адрес' }).waitFor();
  await assertAxeClean(page, 'the code for the new e-mail');
  const emailCode = await codeFromOutbox(page.context(), siteUrl, newEmail);
  await typeInto(page, contacts.getByLabel('Код подтверждения'), emailCode);
  await page.keyboard.press('Enter');
  await contacts.getByText('Адрес почты изменён. Мы сообщили об этом на прежний адрес.').waitFor();
  await contacts.getByText(newEmail).waitFor();
  const history = page.locator('mfc-profile-history');
  await history.getByText('Электронная почта: i***@example.ru → n***@zarechny.example').waitFor();
  await history.getByText('Адрес регистрации: г. Заречный, *** → г. Заречный, ***').waitFor();
  assert.doesNotMatch(await history.innerText(), /novy\.ivanov|ivanov@|Мира|Ленина/, 'the history shows no value whole');

  // Sign-in with a code: off, then on with the code to the new e-mail.
  await setSecondFactor(page, { from: /Код по SMS/, to: 'Выключен — только пароль', arrow: 'ArrowUp', password: demoPassword, done: 'Вход с кодом выключен' });
  await setSecondFactor(page, { from: 'Выключен — только пароль', to: /Код на почту/, arrow: 'ArrowDown', password: demoPassword, done: 'Вход с кодом включён' });

  // The password, changed with the current one.
  const passwordSection = page.locator('mfc-profile-password');
  await press(page, passwordSection.getByRole('button', { name: 'Сменить пароль' }));
  await typeInto(page, passwordSection.getByLabel('Текущий пароль'), demoPassword);
  await typeInto(page, passwordSection.getByLabel('Новый пароль', { exact: true }), newPassword);
  await typeInto(page, passwordSection.getByLabel('Повторите пароль'), newPassword);
  await assertAxeClean(page, 'the password form');
  await page.keyboard.press('Enter');
  await passwordSection.getByText(/^Пароль изменён/).waitFor();
  await history.getByText('Пароль изменён', { exact: true }).waitFor();

  // Signed out, the new password signs in, and the code comes to the new e-mail.
  await signOut(page);
  await signIn(page, { login: '+7 900 000-00-01', password: newPassword, codeTo: newEmail, after: emailCode });
  const thisSignIn = page.locator('mfc-profile-sign-ins').getByRole('listitem').filter({ hasText: 'Это устройство' });
  await thisSignIn.waitFor();
  assert.match(await thisSignIn.innerText(), /^Вход\s/);
  assert.equal(await page.locator('mfc-profile-sign-ins').getByRole('listitem').filter({ hasText: 'Это устройство' }).count(), 1);

  // Off again: the password alone signs in.
  await setSecondFactor(page, { from: /Код на почту/, to: 'Выключен — только пароль', arrow: 'ArrowUp', password: newPassword, done: 'Вход с кодом выключен' });
  await page.locator('mfc-profile-second-factor').getByText('Выключен — только пароль').waitFor();
  await signOut(page);
  await signIn(page, { login: newEmail, password: newPassword });
  await personal.getByText(newAddress).waitFor();

  assert.deepEqual(problems, [], 'no console errors, CSP or Trusted Types violations');
  await page.context().close();
});

test('«Это был не я» ends every session and the password is recovered with the code', async (t) => {
  const { page, problems } = await openProfile();
  const newPassword = 'Zarechny-Snova-2026?';
  const login = { login: 'petrova@example.ru', password: demoPassword, codeTo: 'petrova@example.ru' };

  // Signed in on another device too.
  const { page: otherDevice, problems: otherProblems } = await openProfile();
  const otherCode = await signIn(otherDevice, login);
  const firstCode = await signIn(page, { ...login, after: otherCode });
  await changeAddress(page, 'г. Заречный, ул. Садовая, д. 9');

  const history = page.locator('mfc-profile-history');
  await press(page, history.getByRole('button', { name: /^Это был не я\s*: Личные данные/ }));
  await waitForFocus(history.locator('#not-me-question')); // the question takes the focus
  await assertAxeClean(page, 'the question of «Это был не я»');
  await press(page, history.getByRole('button', { name: /^Да, завершить все сеансы/ }));

  await page.getByRole('heading', { name: 'Все сеансы завершены' }).waitFor();
  await page.getByText('Мы завершили все сеансы вашей учётной записи. Задайте новый пароль, чтобы снова войти.').waitFor();
  await page.getByLabel('Телефон, почта или СНИЛС').waitFor();
  await otherDevice.reload();
  await otherDevice.getByText(signInFirst).waitFor();

  // The recovery started: the code went to the phone.
  const recovery = page.locator('mfc-password-recovery');
  await recovery.getByLabel('Код подтверждения').waitFor();
  await assertAxeClean(page, 'the recovery after «Это был не я»');
  await typeInto(page, recovery.getByLabel('Код подтверждения'), await codeFromOutbox(page.context(), siteUrl, '+79000000002'));
  await page.keyboard.press('Enter');
  await t.test('the checklist of the new password knows the login', async () => {
    await typeInto(page, recovery.getByLabel('Новый пароль', { exact: true }), 'Petrova-Snova-2026?');
    const rule = recovery.getByRole('listitem').filter({ hasText: 'не совпадать с телефоном, почтой или СНИЛС' });
    assert.match(await rule.innerText(), /не выполнено/, 'the server refuses a password with «petrova» of petrova@example.ru');
  });
  await typeInto(page, recovery.getByLabel('Новый пароль', { exact: true }), newPassword);
  await typeInto(page, recovery.getByLabel('Повторите пароль'), newPassword);
  await page.keyboard.press('Enter');
  await page.locator('mfc-profile').getByRole('heading', { name: 'Пароль изменён' }).waitFor();

  await submitLogin(page, login);
  await page.getByText('Неверный логин или пароль').waitFor();
  await signIn(page, { ...login, password: newPassword, after: firstCode });
  await history.getByText('вы сообщили, что это были не вы').waitFor();

  assert.deepEqual([...problems, ...otherProblems], [], 'no console errors, CSP or Trusted Types violations');
  await page.context().close();
  await otherDevice.context().close();
});

test('the data downloaded as JSON, then the account closed with the password and the tick', async () => {
  const { page, problems } = await openProfile();
  const login = { login: '+7 900 000-00-03', password: demoPassword };
  await signIn(page, login);

  // The profile's contents take the focus to «Ваши данные».
  const closure = page.locator('mfc-profile-closure');
  await press(page, page.locator('mfc-profile').getByRole('button', { name: 'Ваши данные' }));
  await waitForFocus(closure.getByRole('heading', { name: 'Ваши данные' })); // the section's heading takes the focus
  const downloading = page.waitForEvent('download');
  await press(page, closure.getByRole('button', { name: 'Скачать JSON' }));
  const download = await downloading;
  assert.equal(download.suggestedFilename(), 'cabinet-data.json');
  const data = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(data.profile.lastName, 'Сидоров');
  assert.equal(data.profile.firstName, 'Пётр');
  assert.equal(data.profile.phone, '+79000000003');
  assert.equal(data.profile.email, 'sidorov@example.ru');
  await closure.getByText('Файл скачан.').waitFor();

  await press(page, closure.getByRole('button', { name: 'Удалить учётную запись' }));
  await typeInto(page, closure.getByLabel('Текущий пароль'), demoPassword);
  await press(page, closure.getByRole('button', { name: 'Удалить навсегда' }));
  await closure.getByText('Отметьте, что понимаете последствия удаления').waitFor();
  await assertAxeClean(page, 'the closure without the tick');
  const tick = closure.getByLabel('Я понимаю, что учётная запись будет удалена навсегда');
  await press(page, tick, 'Space');
  assert.ok(await tick.isChecked());
  await press(page, closure.getByRole('button', { name: 'Удалить навсегда' }));

  await page.getByRole('heading', { name: 'Учётная запись удалена' }).waitFor();
  await page.getByLabel('Телефон, почта или СНИЛС').waitFor();
  await assertAxeClean(page, 'the closed account');
  await submitLogin(page, login);
  await page.getByText('Неверный логин или пароль').waitFor();
  await page.reload();
  await page.getByText(signInFirst).waitFor();

  assert.deepEqual(problems, [], 'no console errors, CSP or Trusted Types violations');
  await page.context().close();
});

test('in English: a newcomer registers, reads the profile and adds an e-mail', async (t) => {
  const { page, problems } = await openProfile({ english: true });
  const digits = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
  const email = `newcomer.${digits}@zarechny.example`;
  const password = 'Zarechny-English-1!';

  await page.getByText('Sign in to your account to open your profile.').waitFor();
  await press(page, page.getByRole('button', { name: 'Create an account' }));
  await page.getByRole('heading', { name: 'Create an account' }).waitFor();
  await typeInto(page, page.getByLabel('Mobile phone'), `+7 958 ${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`);
  await typeInto(page, page.getByLabel('New password', { exact: true }), password);
  await typeInto(page, page.getByLabel('Repeat the password'), password);
  await press(page, page.getByLabel(/^I consent to the processing/), 'Space');
  await press(page, page.getByRole('button', { name: 'Get a code' }));
  await page.getByRole('heading', { name: 'Confirm your phone' }).waitFor();
  await typeInto(page, page.getByLabel('Confirmation code'), await codeFromOutbox(page.context(), siteUrl, `+7958${digits}`));
  await page.keyboard.press('Enter');
  await press(page, page.getByRole('button', { name: 'Fill in later' }));
  await press(page, page.getByRole('button', { name: 'Go to your account' }));
  await page.getByText('Signed in as').waitFor();

  const profile = page.locator('mfc-profile');
  await profile.getByRole('heading', { name: 'Profile', exact: true }).waitFor();
  for (const name of ['Personal details', 'Contacts', 'Account level', 'Security', 'Password', 'Sign-in with a code', 'Sign-in history', 'History of changes', 'Your data']) {
    await profile.getByRole('heading', { name, exact: true }).waitFor();
  }
  await profile.getByText('You have not given your personal details yet.').waitFor();
  await assertAxeClean(page, 'the English profile');

  const contacts = page.locator('mfc-profile-contacts');
  await press(page, contacts.getByRole('button', { name: 'Add e-mail' }));
  await typeInto(page, contacts.getByLabel('New e-mail address'), email);
  await typeInto(page, contacts.getByLabel('Current password'), password);
  await page.keyboard.press('Enter');
  await contacts.getByRole('heading', { name: 'Confirm the new address' }).waitFor();
  await typeInto(page, contacts.getByLabel('Confirmation code'), await codeFromOutbox(page.context(), siteUrl, email));
  await page.keyboard.press('Enter');
  await contacts.getByText('Your e-mail has changed. We told your previous address.').waitFor();
  await contacts.getByText(email).waitFor();
  await page.locator('mfc-profile-history').getByText('E-mail: not given → n***@zarechny.example').waitFor();
  await assertAxeClean(page, 'the English profile with the new e-mail');

  // The English parts say so for screen readers: the cabinet marks itself, the sign-in form has its lang.
  assert.equal(await page.locator('mfc-cabinet').getAttribute('lang'), 'en');
  assert.equal(await page.locator('mfc-login-form').evaluate((element) => element.closest('[lang]')?.getAttribute('lang')), 'en');

  assert.deepEqual(problems, [], 'no console errors, CSP or Trusted Types violations');
  await page.context().close();
});
