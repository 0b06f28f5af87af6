// End to end, as a newcomer would: the example municipal site served by the demo server
// (strict CSP), a demo account signs in with the code from the dev outbox page, a second
// tab is signed in too, and signing out in the first tab reaches the second.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeFromOutbox, demoAndBrowser, watchForProblems } from './support.mjs';

const demoPhone = '+7 900 000-00-01';
const demoPassword = 'Demo-2026!';

const running = demoAndBrowser();

/** The site on http://localhost (a secure context, so the __Host- cookie is kept). */
const siteUrl = (path) => running.demo.siteUrl(path);

test('a demo citizen signs in with the code from the outbox, and signing out reaches the other tab', async () => {
  const context = await running.browser.newContext({ locale: 'ru-RU' });
  const firstTab = await context.newPage();
  const problems = watchForProblems(firstTab);

  const response = await firstTab.goto(siteUrl('/'));
  const csp = response.headers()['content-security-policy'];
  assert.match(csp, /script-src 'nonce-[^']+' 'strict-dynamic'/, 'the page is served with a nonce-based CSP');
  assert.match(csp, /require-trusted-types-for 'script'/);
  await firstTab.getByRole('heading', { name: 'Личный кабинет жителя' }).waitFor();

  await firstTab.getByLabel('Телефон, почта или СНИЛС').fill(demoPhone);
  await firstTab.getByLabel('Пароль', { exact: true }).fill(demoPassword);
  await firstTab.getByRole('button', { name: 'Войти' }).click();
  await firstTab.getByText('Мы отправили код в SMS').waitFor();

  // The code a real deployment sends by SMS is on the dev outbox page in demo mode.
  const code = await codeFromOutbox(context, siteUrl, '+79000000001');

  await firstTab.getByLabel('Код подтверждения').fill(code);
  await firstTab.getByRole('button', { name: 'Подтвердить' }).click();
  await firstTab.getByText('Вы вошли как').waitFor();

  const secondTab = await context.newPage();
  watchForProblems(secondTab, problems);
  await secondTab.goto(siteUrl('/'));
  await secondTab.getByText('Вы вошли как').waitFor();

  await firstTab.getByRole('button', { name: 'Выйти' }).click();
  await firstTab.getByLabel('Телефон, почта или СНИЛС').waitFor();
  await secondTab.getByText('Вы вышли из личного кабинета в другой вкладке.').waitFor();
  await secondTab.getByLabel('Телефон, почта или СНИЛС').waitFor();

  // Signed out for real: the other tab's next visit finds no session.
  await secondTab.reload();
  await secondTab.getByLabel('Телефон, почта или СНИЛС').waitFor();

  assert.deepEqual(problems, [], 'no console errors, CSP or Trusted Types violations');
  await context.close();
});
