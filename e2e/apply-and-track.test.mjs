// End to end, as a newcomer would on the example site: a demo citizen signs in on «Услуги»,
// finds a service in the catalog, applies through the step-by-step form, sees the sent
// application in the tracker (Back and the address work), and finds it on «Мои заявления».
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeFromOutbox, demoAndBrowser, watchForProblems } from './support.mjs';

const running = demoAndBrowser();
const siteUrl = (path) => running.demo.siteUrl(path);

test('from the catalog to a submitted application, then seen in the tracker', async () => {
  const context = await running.browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  const problems = watchForProblems(page);

  await page.goto(siteUrl('/services.html'));
  await page.getByLabel('Телефон, почта или СНИЛС').fill('+7 900 000-00-01');
  await page.getByLabel('Пароль', { exact: true }).fill('Demo-2026!');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByText('Мы отправили код в SMS').waitFor();
  await page.getByLabel('Код подтверждения').fill(await codeFromOutbox(context, siteUrl, '+79000000001'));
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  await page.getByText('Вы вошли как').waitFor();

  // The catalog: search as you type, open the service, apply.
  await page.getByRole('searchbox').fill('справку об отсутствии задолженности по налогам');
  await page.getByRole('button', { name: /Справка об отсутствии задолженности по налогам/ }).first().click();
  await page.getByRole('button', { name: 'Подать заявление' }).click();
  await page.waitForURL(/mfc=apply%3Atax-debt-certificate|mfc=apply:tax-debt-certificate/);

  // The form: the applicant's data comes from the profile; the date and the result method are asked.
  await page.getByRole('heading', { name: /Шаг 1 из/ }).or(page.getByText(/Шаг 1 из/)).first().waitFor();
  await page.getByRole('button', { name: 'Далее' }).click();
  await page.getByLabel('На какую дату').fill('20.11.2026');
  await page.getByRole('button', { name: 'Далее' }).click();
  await page.getByLabel('Как получить результат').selectOption({ index: 1 });
  await page.getByLabel('Подтверждаю, что сведения в заявлении достоверны').check();
  await page.getByRole('button', { name: 'Далее' }).click();
  await page.getByRole('button', { name: 'Отправить заявление' }).click();

  // Sent: the tracking number, and the cabinet shows the application in the tracker.
  await page.getByText('Заявление отправлено').first().waitFor();
  const trackingNumber = (await page.getByText(/MFC-\d{4}-\d{6}/).first().textContent()).match(/MFC-\d{4}-\d{6}/)[0];
  await page.waitForURL(/mfc=application/);
  await page.locator('mfc-application-tracker').getByText(trackingNumber).first().waitFor();

  // Back leaves the application for the catalog, at the service card the citizen came from.
  await page.goBack();
  await page.getByRole('button', { name: 'Подать заявление' }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('mfc'), null);

  // «Мои заявления» lists it, with its status.
  await page.goto(siteUrl('/applications.html'));
  const item = page.locator('mfc-application-tracker').getByRole('listitem').filter({ hasText: trackingNumber }).first();
  await item.waitFor();
  assert.match(await item.innerText(), /Подано/);

  assert.deepEqual(problems, [], 'no console errors, CSP or Trusted Types violations');
  await context.close();
});
