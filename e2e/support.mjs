// Shared by the end-to-end tests: the demo server, Debian's Chromium, and reading codes
// from the dev outbox page the way a newcomer does.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { startTestServer } from '../scripts/test-server.mjs';

export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/**
 * The demo server (seeded accounts, dev outbox) on a free port, and its site's URLs on
 * http://localhost. `mode: 'test'` adds the test endpoints (e.g. `POST /api/v1/test/accounts`).
 */
export async function startDemo({ mode = 'demo' } = {}) {
  const server = await startTestServer({ mode });
  const origin = server.url.replace('127.0.0.1', 'localhost');
  return { ...server, siteUrl: (path = '/') => origin + path };
}

/**
 * Starts the demo server and Chromium before the file's tests and stops both after them.
 * The returned object has `demo` and `browser` once the tests run.
 */
export function demoAndBrowser({ mode = 'demo' } = {}) {
  const running = { demo: undefined, browser: undefined };
  before(async () => {
    running.demo = await startDemo({ mode });
    running.browser = await launchChromium();
  });
  after(async () => {
    await running.browser?.close();
    await running.demo?.stop();
  });
  return running;
}

/**
 * Collects console errors and page errors of a page (CSP and Trusted Types violations
 * among them). Chromium also logs every 4xx answer as an error; the API answers a wrong
 * password or code with one by design, so those are left out — a 5xx still counts.
 */
export function watchForProblems(page, problems = []) {
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
    problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error}`));
  return problems;
}

/**
 * Opens the dev outbox page in a new tab and reads the newest six-digit code sent to
 * `recipient` (as the page shows it: +79001234567 or the e-mail). Codes are sent in the
 * background, so it reloads for a few seconds until one shows.
 */
export async function codeFromOutbox(context, siteUrl, recipient, { after } = {}) {
  const outbox = await context.newPage();
  try {
    // The outbox is a page: it is read again until the message is there (an upper bound, not a wait).
    const deadline = Date.now() + 20_000;
    for (;;) {
      await outbox.goto(siteUrl('/dev/outbox'));
      const rows = await outbox.locator('tbody tr', { hasText: recipient }).allTextContents();
      const code = rows.map((row) => row.match(/\b\d{6}\b/)?.[0]).find((found) => found && found !== after);
      if (code) return code;
      if (Date.now() > deadline) throw new Error(`No code for ${recipient} on the outbox page:\n${rows.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await outbox.close();
  }
}

/** In the page: whether `element` has the focus, looking through the shadow roots on the way. */
function hasFocus(element) {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active === element;
}

/** In the page: the focused element as `tag#id «text»`, for a failure's message. */
function describeFocus() {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!active) return 'nothing';
  const text = (active.getAttribute('aria-label') ?? active.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
  return `${active.localName}${active.id ? `#${active.id}` : ''} «${text}»`;
}

/** Waits until the element of `locator` has the focus (inside shadow roots too), e.g. moved there after a render. */
export async function waitForFocus(locator, { timeout = 5000 } = {}) {
  await locator.waitFor({ timeout });
  const element = await locator.elementHandle();
  try {
    await locator.page().waitForFunction(hasFocus, element, { timeout });
  } catch (error) {
    throw new Error(`${locator} did not get the focus; it is on ${await locator.page().evaluate(describeFocus)}`, { cause: error });
  } finally {
    await element.dispose();
  }
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until the element of `locator` has the focus, as
 * a keyboard user moves through the page; fails after `maxPresses`. Answers the presses.
 */
export async function tabTo(page, locator, { backwards = false, maxPresses = 100 } = {}) {
  await locator.waitFor();
  for (let presses = 0; ; presses += 1) {
    if (await locator.evaluate(hasFocus)) return presses;
    if (presses === maxPresses) {
      throw new Error(`${maxPresses} presses of ${backwards ? 'Shift+Tab' : 'Tab'} did not reach ${locator}; the focus is on ${await page.evaluate(describeFocus)}`);
    }
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
}

const axeSource = readFileSync(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/**
 * Runs axe-core on the page (WCAG 2.0 and 2.1, A and AA) once its `mfc-` elements have
 * rendered, and fails with the violations found. axe-core is evaluated through the DevTools
 * protocol rather than added with page.addScriptTag: the site's CSP allows no inline script
 * and requires Trusted Types, so a script tag with axe-core's text is refused.
 */
export async function assertAxeClean(page, where = page.url()) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const elements = [];
    const collect = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.localName.startsWith('mfc-')) elements.push(element);
        if (element.shadowRoot) collect(element.shadowRoot);
      }
    };
    collect(document);
    await Promise.all(elements.map((element) => element.updateComplete));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes.map((node) => `  ${node.target.join(' ')}: ${node.failureSummary}`).join('\n')}`);
  });
  assert.deepEqual(violations, [], `axe-core found violations on ${where}:\n${violations.join('\n')}`);
}
