// End to end, as a newcomer would on the example site: register (the phone confirmed with
// the code from the dev outbox page), sign out, recover the forgotten password, and sign
// in with the new one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeFromOutbox, demoAndBrowser, watchForProblems } from './support.mjs';

const running = demoAndBrowser();

test('a newcomer registers, signs out, recovers the password and signs in with the new one', async () => {
  const context = await running.browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  const siteUrl = (path) => running.demo.siteUrl(path);
  const digits = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
  const phone = `+7 958 ${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
  const outboxPhone = `+7958${digits}`;
  const firstPassword = 'Zarechny-2026!';
  const newPassword = 'Novyi-Parol-77?';

  await page.goto(siteUrl('/'));
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await page.getByRole('heading', { name: 'Регистрация' }).waitFor();
  await page.getByLabel('Мобильный телефон').fill(phone);
  await page.getByLabel('Новый пароль', { exact: true }).fill(firstPassword);
  await page.getByLabel('Повторите пароль').fill(firstPassword);
  await page.getByLabel(/Я даю согласие на обработку моих персональных данных/).check();
  await page.getByRole('button', { name: 'Получить код' }).click();

  await page.getByRole('heading', { name: 'Подтвердите телефон' }).waitFor();
  const registrationCode = await codeFromOutbox(context, siteUrl, outboxPhone);
  await page.getByLabel('Код подтверждения').fill(registrationCode);
  await page.getByRole('button', { name: 'Подтвердить' }).click();

  await page.getByRole('heading', { name: 'Личные данные' }).waitFor();
  await page.getByRole('button', { name: 'Заполнить позже' }).click();
  await page.getByRole('heading', { name: 'Учётная запись создана' }).waitFor();
  await page.getByRole('button', { name: 'Перейти в личный кабинет' }).click();
  await page.getByText('Вы вошли как').waitFor();
  await page.getByText('Учётная запись: упрощённая').waitFor();

  await page.getByRole('button', { name: 'Выйти' }).click();
  await page.getByRole('button', { name: 'Забыли пароль?' }).click();
  await page.getByRole('heading', { name: 'Восстановление пароля' }).waitFor();
  await page.getByLabel('Телефон, почта или СНИЛС').fill(phone);
  await page.getByRole('button', { name: 'Получить код' }).click();
  await page.getByText('Если учётная запись с такими данными существует').waitFor();
  const recoveryCode = await codeFromOutbox(context, siteUrl, outboxPhone, { after: registrationCode });
  await page.getByLabel('Код подтверждения').fill(recoveryCode);
  await page.getByRole('button', { name: 'Подтвердить' }).click();

  await page.getByLabel('Новый пароль', { exact: true }).fill(newPassword);
  await page.getByLabel('Повторите пароль').fill(newPassword);
  await page.getByRole('button', { name: 'Сохранить пароль' }).click();
  await page.getByRole('heading', { name: 'Пароль изменён' }).waitFor();
  await page.getByRole('button', { name: 'Войти' }).click();

  await page.getByText('Пароль изменён. Войдите с новым паролем.').waitFor();
  assert.equal(await page.getByLabel('Телефон, почта или СНИЛС').inputValue(), phone, 'the login is filled in');
  await page.getByLabel('Пароль', { exact: true }).fill(firstPassword);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByText('Неверный логин или пароль').waitFor();

  await page.getByLabel('Пароль', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('heading', { name: 'Подтвердите вход' }).waitFor();
  const loginCode = await codeFromOutbox(context, siteUrl, outboxPhone, { after: recoveryCode });
  await page.getByLabel('Код подтверждения').fill(loginCode);
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  await page.getByText('Вы вошли как').waitFor();

  assert.deepEqual(problems, [], 'no console errors, CSP or Trusted Types violations');
  await context.close();
});
