// The example site's «Услуги» page shows results first: at 1280×800 the first service of the
// catalog starts within the first screen (the filters wait behind «Фильтры»), and on a phone
// (390×844) the catalog's search box comes before the sign-in form, the page's main content first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoAndBrowser, watchForProblems } from './support.mjs';

const running = demoAndBrowser();

/** The page's services.html at `viewport`, once the catalog lists its services. */
async function servicesPage(viewport) {
  const context = await running.browser.newContext({ locale: 'ru-RU', viewport });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(running.demo.siteUrl('/services.html'));
  await page.locator('mfc-service-catalog [part~="item"]').first().waitFor();
  await page.locator('mfc-login-form form').first().waitFor();
  return { context, page, problems };
}

/** The top of the first element `selector` finds (through shadow roots), from the top of the page, in px. */
const topOf = (page, selector) =>
  page.locator(selector).first().evaluate((element) => Math.round(element.getBoundingClientRect().top + window.scrollY));

test('at 1280×800 the first service is on the first screen, the filters collapsed', async () => {
  const { context, page, problems } = await servicesPage({ width: 1280, height: 800 });
  const search = await topOf(page, 'mfc-service-catalog #search');
  const firstService = await topOf(page, 'mfc-service-catalog [part~="item"]');
  console.log(`1280×800: search box at ${search} px, first service at ${firstService} px`);
  assert.ok(search < 600, `the search box starts at ${search} px`);
  assert.ok(firstService < 600, `the first service starts at ${firstService} px, below the first screen`);

  const toggle = page.getByRole('button', { name: /^Фильтры/ });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('mfc-service-catalog #filter-delivery').isVisible(), false);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.locator('mfc-service-catalog #filter-delivery').waitFor();

  assert.deepEqual(problems, [], 'no console errors, CSP or Trusted Types violations');
  await context.close();
});

test('at 390×844 the catalog comes before the sign-in form', async () => {
  const { context, page, problems } = await servicesPage({ width: 390, height: 844 });
  const search = await topOf(page, 'mfc-service-catalog #search');
  const signIn = await topOf(page, 'mfc-login-form form');
  const firstService = await topOf(page, 'mfc-service-catalog [part~="item"]');
  console.log(`390×844: search box at ${search} px, first service at ${firstService} px, sign-in form at ${signIn} px`);
  assert.ok(search < signIn, `the search box (${search} px) comes after the sign-in form (${signIn} px)`);
  assert.ok(search < 844, `the search box starts at ${search} px, below the first screen`);

  assert.deepEqual(problems, [], 'no console errors, CSP or Trusted Types violations');
  await context.close();
});
