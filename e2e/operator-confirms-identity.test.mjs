// End to end: a citizen with a «standard» account opens «Безопасность» (or the profile's
// level) on the example site and gets a code for the МФЦ; an operator, at the counter,
// confirms the identity through the operator API with the code and the passport; the
// citizen's open page shows the account as «confirmed» without a reload. The server runs in
// test mode, whose test endpoints make a fresh «standard» account for the second test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeFromOutbox, demoAndBrowser, watchForProblems } from './support.mjs';

const running = demoAndBrowser({ mode: 'test' });

/** The operator's side: the API with a cookie jar of its own, as the МФЦ's desk software would use it. */
async function operatorSession(context) {
  const api = context.request;
  const origin = running.demo.siteUrl('').replace(/\/$/, '');
  const login = await api.post(running.demo.siteUrl('/api/v1/auth/login'), {
    data: { identifier: 'operator@mfc.example', password: 'Mfc-Desk-2026!' },
    headers: { origin },
  });
  assert.equal(login.status(), 200, await login.text());
  const body = await login.json();
  assert.equal(body.status, 'authenticated', 'the demo operator has no second factor');
  assert.equal(body.session.user.role, 'operator');
  return {
    post: (path, data) =>
      api.post(running.demo.siteUrl(`/api/v1/${path}`), { data, headers: { origin, 'x-csrf-token': body.session.csrfToken } }),
  };
}

test('an operator confirms a citizen\'s identity and the citizen\'s open page shows the new level', async () => {
  const citizenContext = await running.browser.newContext({ locale: 'ru-RU' });
  const page = await citizenContext.newPage();
  const problems = watchForProblems(page);

  await page.goto(running.demo.siteUrl('/'));
  await page.getByLabel('Телефон, почта или СНИЛС').fill('+7 900 000-00-01');
  await page.getByLabel('Пароль', { exact: true }).fill('Demo-2026!');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByLabel('Код подтверждения').fill(await codeFromOutbox(citizenContext, running.demo.siteUrl, '+79000000001'));
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  await page.getByText('Учётная запись: стандартная').waitFor();

  await page.getByRole('button', { name: 'Безопасность' }).click();
  await page.getByRole('button', { name: 'Получить код для МФЦ' }).click();
  const code = (await page.locator('[part="identity-code"]').textContent()).trim();
  assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await page.getByRole('img', { name: `QR-код с кодом ${code}` }).waitFor();

  const operatorContext = await running.browser.newContext();
  const operator = await operatorSession(operatorContext);
  const wrongPassport = await operator.post('operator/identity-confirmations', { code, passport: { series: '4510', number: '999999' } });
  assert.equal(wrongPassport.status(), 409, 'another passport is refused');
  const confirmed = await operator.post('operator/identity-confirmations', { code, passport: { series: '4510', number: '123456' } });
  assert.equal(confirmed.status(), 200, await confirmed.text());
  assert.equal((await confirmed.json()).citizen.level, 'confirmed');

  await page.getByText('Личность подтверждена: учётная запись подтверждённая.').waitFor({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Назад' }).click();
  await page.getByText('Учётная запись: подтверждённая').waitFor();

  assert.deepEqual(problems, [], 'no console errors, CSP or Trusted Types violations');
  await operatorContext.close();
  await citizenContext.close();
});

test('the operator\'s confirmation reaches the citizen\'s open profile page', async () => {
  const citizenContext = await running.browser.newContext({ locale: 'ru-RU' });
  const origin = running.demo.siteUrl('').replace(/\/$/, '');
  const created = await citizenContext.request.post(running.demo.siteUrl('/api/v1/test/accounts'), { data: { level: 'standard' }, headers: { origin } });
  assert.equal(created.status(), 200, await created.text());
  const citizen = await created.json();
  const page = await citizenContext.newPage();
  const problems = watchForProblems(page);

  await page.goto(running.demo.siteUrl('/profile.html'));
  await page.getByLabel('Телефон, почта или СНИЛС').fill(citizen.phone);
  await page.getByLabel('Пароль', { exact: true }).fill(citizen.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('heading', { name: 'Уровень учётной записи' }).waitFor();
  await page.getByText('Ваша учётная запись — стандартная.').waitFor();
  // The passport the operator sees at the counter: the profile's own, read as the page reads it.
  const { passport } = await page.evaluate(async () => (await fetch('/api/v1/profile', { headers: { accept: 'application/json' } })).json());

  await page.getByRole('button', { name: 'Получить код для МФЦ' }).click();
  const code = (await page.locator('[part="identity-code"]').textContent()).trim();
  assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

  const operatorContext = await running.browser.newContext();
  const operator = await operatorSession(operatorContext);
  const confirmed = await operator.post('operator/identity-confirmations', { code, passport: { series: passport.series, number: passport.number } });
  assert.equal(confirmed.status(), 200, await confirmed.text());

  await page.getByText('Ваша учётная запись — подтверждённая.').waitFor({ timeout: 10_000 });
  assert.equal(await page.getByRole('button', { name: 'Получить код для МФЦ' }).count(), 0, 'nothing left to raise');

  assert.deepEqual(problems, [], 'no console errors, CSP or Trusted Types violations');
  await operatorContext.close();
  await citizenContext.close();
});
