// End to end: a citizen with a «standard» account opens «Безопасность» on the example site
// and gets a code for the МФЦ; an operator, at the counter, confirms the identity through
// the operator API with the code and the passport; the citizen's open page shows the
// account as «confirmed» without a reload.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeFromOutbox, demoAndBrowser, watchForProblems } from './support.mjs';

const running = demoAndBrowser();

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
