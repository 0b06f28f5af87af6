// End to end, as a newcomer would: the example municipal site served by the demo server
// (strict CSP), a demo account signs in with the code from the dev outbox page, a second
// tab is signed in too, and signing out in the first tab reaches the second.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { startTestServer } from '../scripts/test-server.mjs';

const demoPhone = '+7 900 000-00-01';
const demoPassword = 'Demo-2026!';

let server;
let browser;

before(async () => {
  server = await startTestServer({ mode: 'demo' });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The site on http://localhost (a secure context, so the __Host- cookie is kept). */
const siteUrl = (path = '/') => server.url.replace('127.0.0.1', 'localhost') + path;

function watchForProblems(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  return problems;
}

test('a demo citizen signs in with the code from the outbox, and signing out reaches the other tab', async () => {
  const context = await browser.newContext({ locale: 'ru-RU' });
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
  const outbox = await context.newPage();
  await outbox.goto(siteUrl('/dev/outbox'));
  const message = outbox.locator('tbody tr', { hasText: '+79000000001' }).first();
  const code = (await message.textContent()).match(/\b\d{6}\b/)?.[0];
  assert.ok(code, 'the outbox shows a six-digit code for the demo phone');
  await outbox.close();

  await firstTab.getByLabel('Код подтверждения').fill(code);
  await firstTab.getByRole('button', { name: 'Подтвердить' }).click();
  await firstTab.getByText('Вы вошли как').waitFor();

  const secondTab = await context.newPage();
  problems.push(...watchForProblems(secondTab));
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
