// End to end in English, as on the example site's «Услуги» page made English: the page says
// lang="en" (so the shared client asks the API in English, `Accept-Language: en`) and the
// cabinet and the sign-in form are in English. A demo citizen finds a service by an English
// word, opens it, applies through the form and sees the application in the tracker; the
// catalog's data (titles, categories, the service card, the form's labels) is English.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeFromOutbox, demoAndBrowser, watchForProblems } from './support.mjs';

const running = demoAndBrowser();
const siteUrl = (path) => running.demo.siteUrl(path);
const cyrillic = /[а-яё]/i;

/** The text of the part of the page inside `selector`, shadow roots included. */
const textOf = (page, selector) => page.locator(selector).first().evaluate((element) => {
  const parts = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent);
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) if (child.nodeName !== 'STYLE' && child.nodeName !== 'SCRIPT') walk(child);
  };
  walk(element);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
});

/** Russian words in `text`, for the message of a failed check. */
const russianIn = (text) => text.split(/\s+/).filter((word) => cyrillic.test(word));

test('in English: from the catalog to a submitted application, then seen in the tracker', async () => {
  const context = await running.browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  const catalogRequests = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/catalog/')) catalogRequests.push(request.headers()['accept-language']);
  });
  await page.route('**/services.html', async (route) => {
    const response = await route.fetch();
    const body = (await response.text())
      .replace('<html lang="ru">', '<html lang="en">')
      .replace('<mfc-cabinet ', '<mfc-cabinet locale="en" ')
      .replace('<mfc-login-form ', '<mfc-login-form locale="en" ');
    await route.fulfill({ response, body });
  });

  await page.goto(siteUrl('/services.html'));
  await page.getByLabel('Phone, e-mail or SNILS').fill('+7 900 000-00-01');
  await page.getByLabel('Password', { exact: true }).fill('Demo-2026!');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('Confirmation code').fill(await codeFromOutbox(context, siteUrl, '+79000000001'));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.getByText(/Signed in as/).waitFor();

  // The catalog in English: the categories are the data's English, and an English word finds the service.
  const catalog = page.locator('mfc-service-catalog');
  await catalog.getByText(/\d+ services found/).first().waitFor();
  const listing = await textOf(page, 'mfc-service-catalog');
  for (const category of ['Passports and documents', 'Certificates and extracts', 'Streets and public spaces']) assert.ok(listing.includes(category), category);
  assert.deepEqual(russianIn(listing), [], `the catalog is English: ${listing}`);
  await page.getByRole('searchbox').fill('tax debt');
  await catalog.getByRole('button', { name: /Certificate of no tax debt/ }).first().click();
  await catalog.getByText('Federal Tax Service (FNS) of Russia for Enskaya Oblast').first().waitFor();
  const card = await textOf(page, 'mfc-service-catalog');
  assert.deepEqual(russianIn(card), [], `the catalog with the service card open is English: ${card}`);

  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(/mfc=apply%3Atax-debt-certificate|mfc=apply:tax-debt-certificate/);

  // The form: its steps and labels come from the catalog, in English; the values are the same.
  await page.getByText(/Step 1 of/).first().waitFor();
  await page.getByText('Applicant').first().waitFor();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('As of which date').fill('20.11.2026');
  const dateStep = await textOf(page, 'mfc-application-form');
  assert.deepEqual(russianIn(dateStep), [], `the form's step is English: ${dateStep}`);
  await page.getByRole('button', { name: 'Continue' }).click();
  const method = page.getByLabel('How to get the result');
  assert.deepEqual(await method.locator('option').allTextContents().then((texts) => texts.filter((text) => text.trim())).then((texts) => texts.slice(-3)), [
    'In the personal account',
    'At the MFC',
    'By post',
  ]);
  await method.selectOption('office');
  await page.getByLabel('I confirm that the information in the application is true').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Send the application' }).click();

  // Sent: the tracking number, and the cabinet shows the application in the tracker.
  await page.getByText('Application sent').first().waitFor();
  const trackingNumber = (await page.getByText(/MFC-\d{4}-\d{6}/).first().textContent()).match(/MFC-\d{4}-\d{6}/)[0];
  await page.waitForURL(/mfc=application/);
  const tracker = page.locator('mfc-application-tracker');
  await tracker.getByText(trackingNumber).first().waitFor();
  await tracker.getByText('Submitted').first().waitFor();
  // The tracker's texts are English, the service's title (from the applications API) too.
  await tracker.getByText('Certificate of no tax debt').first().waitFor();
  const tracked = await textOf(page, 'mfc-application-tracker');
  assert.deepEqual(russianIn(tracked), [], `the tracker is English: ${tracked}`);

  assert.ok(catalogRequests.length > 0 && catalogRequests.every((language) => language === 'en'), `the catalog asked in English: ${catalogRequests}`);
  assert.deepEqual(problems, [], 'no console errors, CSP or Trusted Types violations');
  await context.close();
});
