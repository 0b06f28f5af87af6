// End to end, as a newcomer would on the example site: a demo citizen signs in on «Услуги»,
// finds a service in the catalog, applies through the step-by-step form, sees the sent
// application in the tracker (what was sent, its printable copy; Back and the address work),
// and finds it on «Мои заявления»;
// and a draft left half-way waits on the cabinet's home, which leads back to finish it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { codeFromOutbox, demoAndBrowser, watchForProblems } from './support.mjs';

const running = demoAndBrowser();
const siteUrl = (path) => running.demo.siteUrl(path);

/** Signs a demo citizen in on the page open, with the code the outbox shows for `codeTo`. */
async function signIn(page, { login, codeTo }) {
  await page.getByLabel('Телефон, почта или СНИЛС').fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill('Demo-2026!');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByLabel('Код подтверждения').fill(await codeFromOutbox(page.context(), siteUrl, codeTo));
  await page.getByRole('button', { name: 'Подтвердить' }).click();
}

test('from the catalog to a submitted application, then seen in the tracker', async () => {
  const context = await running.browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  const problems = watchForProblems(page);

  await page.goto(siteUrl('/services.html'));
  await signIn(page, { login: '+7 900 000-00-01', codeTo: '+79000000001' });
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

  // «Что вы отправили»: the answers as entered (the date as ДД.ММ.ГГГГ), and the copy to print, a PDF.
  const tracker = page.locator('mfc-application-tracker');
  await tracker.getByText('Что вы отправили').click();
  await tracker.locator('[part~="answer"]').filter({ hasText: 'На какую дату' }).getByText('20.11.2026').waitFor();
  const downloaded = page.waitForEvent('download');
  await tracker.getByRole('button', { name: 'Распечатать копию (PDF)' }).click();
  const copy = await downloaded;
  assert.equal(copy.suggestedFilename(), `copy-${trackingNumber}.pdf`);
  assert.equal(readFileSync(await copy.path()).subarray(0, 5).toString('latin1'), '%PDF-');

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

test('a draft left half-way is on the home, and is finished from there', async () => {
  const context = await running.browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  const problems = watchForProblems(page);

  await page.goto(siteUrl('/'));
  // Another demo citizen than the first test's, so the outbox's newest code is this sign-in's.
  await signIn(page, { login: '+7 900 000-00-02', codeTo: 'petrova@example.ru' });
  await page.getByRole('heading', { name: 'Главное сейчас' }).waitFor();

  // From the home into the catalog; the form is begun and left after its first step.
  await page.getByRole('link', { name: 'Каталог услуг' }).click();
  await page.waitForURL(/mfc=catalog/);
  await page.getByRole('searchbox').fill('справку об отсутствии задолженности по налогам');
  await page.getByRole('button', { name: /Справка об отсутствии задолженности по налогам/ }).first().click();
  await page.getByRole('button', { name: 'Подать заявление' }).click();
  await page.getByText(/Шаг 1 из/).first().waitFor();
  await page.getByRole('button', { name: 'Далее' }).click();
  await page.getByLabel('На какую дату').fill('21.11.2026');
  await page.getByRole('button', { name: 'Далее' }).click();
  await page.getByLabel('Как получить результат').waitFor();
  // Left as a citizen would leave it: once the form says the draft is saved.
  await page.getByText('Черновик сохранён').first().waitFor();

  // Back on the home (a new visit), the draft waits under «Черновики».
  await page.goto(siteUrl('/'));
  await page.getByRole('heading', { name: 'Черновики' }).waitFor();
  await page.getByRole('link', { name: /Продолжить заполнение/ }).first().click();
  await page.waitForURL(/mfc=apply/);
  await page.getByText(/Шаг \d из/).first().waitFor();
  // One «Назад» (the cabinet's, back to where the form was opened from); the form's own is «Предыдущий шаг».
  assert.equal(await page.getByRole('button', { name: /Назад/ }).count(), 1);
  // Whatever step the draft reopens at, the date typed before is kept (shown as typed).
  let datesSeen = 0;
  while (!(await page.getByLabel('Как получить результат').isVisible())) {
    if (await page.getByLabel('На какую дату').isVisible()) {
      assert.equal(await page.getByLabel('На какую дату').inputValue(), '21.11.2026');
      datesSeen += 1;
    }
    await page.getByRole('button', { name: 'Далее' }).click();
  }
  if (datesSeen === 0) {
    // Reopened past the date's step: one step back shows it, as typed.
    const form = page.locator('mfc-application-form');
    await form.getByRole('button', { name: 'Предыдущий шаг' }).click();
    await page.getByLabel('На какую дату').waitFor();
    assert.equal(await page.getByLabel('На какую дату').inputValue(), '21.11.2026');
    await form.getByRole('button', { name: 'Далее' }).click();
  }
  await page.getByLabel('Как получить результат').selectOption({ index: 1 });
  await page.getByLabel('Подтверждаю, что сведения в заявлении достоверны').check();
  await page.getByRole('button', { name: 'Далее' }).click();
  await page.getByRole('button', { name: 'Отправить заявление' }).click();
  await page.getByText('Заявление отправлено').first().waitFor();

  // The home no longer lists it as a draft.
  await page.goto(siteUrl('/'));
  await page.getByRole('heading', { name: 'Главное сейчас' }).waitFor();
  await page.getByRole('heading', { name: 'В работе' }).waitFor();
  assert.equal(await page.getByRole('link', { name: /Продолжить заполнение/ }).count(), 0, 'no draft left');

  assert.deepEqual(problems, [], 'no console errors, CSP or Trusted Types violations');
  await context.close();
});
