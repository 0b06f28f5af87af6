// Shared by the end-to-end tests: the demo server, Debian's Chromium, and reading codes
// from the dev outbox page the way a newcomer does.
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { startTestServer } from '../scripts/test-server.mjs';

export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** The demo server (seeded accounts, dev outbox) on a free port, and its site's URLs on http://localhost. */
export async function startDemo() {
  const server = await startTestServer({ mode: 'demo' });
  const origin = server.url.replace('127.0.0.1', 'localhost');
  return { ...server, siteUrl: (path = '/') => origin + path };
}

/**
 * Starts the demo server and Chromium before the file's tests and stops both after them.
 * The returned object has `demo` and `browser` once the tests run.
 */
export function demoAndBrowser() {
  const running = { demo: undefined, browser: undefined };
  before(async () => {
    running.demo = await startDemo();
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
