// Every story of the built Storybook, in Chromium: it renders, its play function passes,
// nothing is logged as an error, and axe-core finds no WCAG 2.1 A/AA violation in it. The
// Docs pages render without errors too. Every page is served under the Content-Security-
// Policy the demo server gives Storybook, and any violation of it fails the story. Storybook is (re)built first when its build is
// missing or older than what it is built from.
//
// Then an English pass: the stories of the files in `englishTitles` once more with the
// toolbar's Language set to English, as a reader who switches it sees them.
//
// STORIES=text keeps only the stories and Docs pages whose id contains `text`, e.g.
// `STORIES=widgets-profile node --test e2e/storybook.test.mjs` for those of `<mfc-profile>`.
// LOCALES=en (or ru) runs only that pass (the Docs pages go with `ru`); both by default.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { storybookPolicy } from '../packages/server/dist/http/storybook-policy.js';
import { launchChromium } from './support.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const staticDir = join(root, 'storybook-static');
const indexFile = join(staticDir, 'index.json');
const axePath = join(root, 'node_modules/axe-core/axe.min.js');

/** Pages open at once: stories mostly wait on timers and the fake API, not on the CPU. */
const pages = 4;
/**
 * Bounds for «this story is stuck», not how long a story takes: on a busy machine (the CPU
 * shared with other builds) a story that takes 2 s quiet may take ten times as long.
 */
const storyTimeout = 30_000;

// ------------------------------------------------------------------ build

/** The newest modification time of the files under `path` (a file or a folder). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sources = [
  'stories',
  '.storybook',
  'packages/widgets/src',
  'packages/widgets/themes.css',
  'packages/widgets/custom-elements.json',
  'packages/core/dist',
].map((path) => join(root, path));

if (!existsSync(indexFile) || statSync(indexFile).mtimeMs < Math.max(...sources.map(newest))) {
  const build = spawnSync('npm', ['run', 'build:storybook'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build:storybook failed (exit ${build.status})`);
}

/** @type {{ entries: Record<string, { id: string, title: string, name: string, type: 'story' | 'docs' }> }} */
const index = JSON.parse(readFileSync(indexFile, 'utf8'));
/** `STORIES`: only the entries whose id contains it (all when unset or empty). */
const only = process.env['STORIES'] ?? '';
const entries = Object.values(index.entries).filter((entry) => entry.id.includes(only));
const stories = entries.filter((entry) => entry.type === 'story');
const docs = entries.filter((entry) => entry.type === 'docs');
/** `LOCALES`: the passes to run, `ru` (the toolbar's default) and `en`. */
const locales = (process.env['LOCALES'] || 'ru,en').split(',').map((locale) => locale.trim());

/**
 * The story files (by title) whose play functions take their expected text from the widgets'
 * strings for the language the story renders in (`stories/support/story-text.ts`), so that
 * they pass with the toolbar in English too. A file joins the English pass once its play
 * functions no longer assert Russian text (every widget file has by now).
 */
const englishTitles = [
  'Widgets/Application form',
  'Widgets/Application tracker',
  'Widgets/Cabinet',
  'Widgets/Document uploader',
  'Widgets/Login form',
  'Widgets/Password recovery',
  'Widgets/Profile',
  'Widgets/Registration form',
  'Widgets/Security',
  'Widgets/Service catalog',
];
const englishStories = stories.filter((entry) => englishTitles.includes(entry.title));

// ------------------------------------------------------------------ static server

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `storybook-static` on 127.0.0.1 and a free port. */
function serveStatic() {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(staticDir, path.endsWith('/') ? `${path}index.html` : path));
    if (path === '/favicon.ico') {
      // Chromium asks for it; the build has favicon.svg only.
      response.writeHead(204).end();
      return;
    }
    if (!file.startsWith(staticDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'max-age=3600',
      // As the demo server serves Storybook (packages/server/src/http/storybook-policy.ts).
      ...(extname(file) === '.html' ? { 'content-security-policy': storybookPolicy(readFileSync(file, 'utf8')) } : {}),
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.unref(); // never keeps the test process alive
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({
        url: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done(undefined));
          }),
      });
    });
  });
}

// ------------------------------------------------------------------ what the page records

/**
 * Runs in the page before Storybook: records the channel's events that say how a story
 * ended. Storybook keeps its channel in `__STORYBOOK_ADDONS_CHANNEL__`; a setter catches it.
 */
function recordStorybookEvents() {
  const names = [
    'storyRendered',
    'storyFinished',
    'storyErrored',
    'storyMissing',
    'storyThrewException',
    'playFunctionThrewException',
    'unhandledErrorsWhilePlaying',
    'docsRendered',
  ];
  const events = [];
  Object.defineProperty(window, '__mfcStoryEvents', { value: events });
  const violations = [];
  Object.defineProperty(window, '__mfcPolicyViolations', { value: violations });
  document.addEventListener('securitypolicyviolation', (event) =>
    violations.push(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`),
  );
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(next) {
      channel = next;
      if (!next || next.__mfcRecorded) return;
      next.__mfcRecorded = true;
      for (const name of names) {
        next.on(name, (...args) => {
          let detail;
          try {
            detail = JSON.parse(JSON.stringify(args[0] ?? null));
          } catch {
            detail = String(args[0]);
          }
          events.push({ name, detail });
        });
      }
    },
  });
}

/** In the page: waits until every `mfc-` element (also in shadow roots) has rendered. */
async function settleWidgets() {
  const all = [];
  const collect = (rootNode) => {
    for (const element of rootNode.querySelectorAll('*')) {
      if (element.localName.startsWith('mfc-')) all.push(element);
      if (element.shadowRoot) collect(element.shadowRoot);
    }
  };
  collect(document);
  await Promise.all(all.map((element) => element.updateComplete));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** In the page: axe-core on the story's root, WCAG 2.0 and 2.1, A and AA. */
async function runAxe() {
  const result = await window.axe.run('#storybook-root', {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  });
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({ target: node.target, summary: node.failureSummary })),
  }));
}

// ------------------------------------------------------------------ browser and pages

/** Sizes of the viewports a story may ask for in `globals.viewport` (Storybook's defaults). */
const viewports = {
  mobile1: { width: 320, height: 568 },
  mobile2: { width: 414, height: 896 },
  tablet: { width: 834, height: 1112 },
};
const desktop = { width: 1024, height: 800 };

let server;
let browser;
/** Pages not in use by a test. */
const idle = [];
const waiting = [];

/**
 * A page for one test; give it back with {@link releasePage}. Each page loads Storybook's
 * iframe once and then switches stories as the Storybook UI does (`setCurrentStory` on the
 * channel): much faster than loading the preview and axe-core again for every story.
 */
async function borrowPage() {
  const page = idle.pop() ?? (await new Promise((resolve) => waiting.push(resolve)));
  page.problems = [];
  return page;
}

function releasePage(page) {
  const next = waiting.shift();
  if (next) next(page);
  else idle.push(page);
}

async function newPage(context) {
  const page = await context.newPage();
  page.problems = [];
  page.ready = false;
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) => {
    // Leaving a page aborts what it was still loading; that is not the story's fault.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') {
      page.problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) page.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return page;
}

before(async () => {
  server = await serveStatic();
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'ru-RU', viewport: desktop });
  await context.addInitScript(recordStorybookEvents);
  // An init script, not a script tag: the page's CSP allows no inline script, and axe-core is not Storybook's.
  await context.addInitScript({ path: axePath });
  for (let i = 0; i < pages; i += 1) idle.push(await newPage(context));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * Loads the preview without a story, and axe-core, once per page, with the toolbar's Language
 * set to `locale`. The globals of the iframe's URL (`&globals=locale:en`) only count with a
 * story's id, so the page changes them as the toolbar does: `updateGlobals` on the channel.
 */
async function preparePreview(page, locale) {
  if (page.ready && page.locale === locale) return;
  await page.goto(`${server.url}/iframe.html`);
  await page.waitForFunction(() => window.__STORYBOOK_PREVIEW__?.storyStoreValue, undefined, { timeout: storyTimeout });
  await page.evaluate((value) => window.__STORYBOOK_ADDONS_CHANNEL__.emit('updateGlobals', { globals: { locale: value } }), locale);
  await page.waitForFunction(
    (value) => window.__STORYBOOK_PREVIEW__.storyStoreValue.userGlobals.get().locale === value,
    locale,
    { timeout: storyTimeout },
  );
  page.ready = true;
  page.locale = locale;
}

/**
 * Whether the story sets its language itself (`globals.locale`, or a `locale` arg other than
 * `toolbar`): then the toolbar's does not change it.
 */
function pinsLanguage(page, storyId) {
  return page.evaluate(async (id) => {
    const story = await window.__STORYBOOK_PREVIEW__.storyStoreValue.loadStory({ storyId: id });
    const arg = story.initialArgs?.locale;
    return Boolean(story.storyGlobals?.locale) || (arg !== undefined && arg !== 'toolbar');
  }, storyId);
}

/**
 * Shows `storyId` in the prepared preview, with the toolbar's Language `locale`, and waits
 * until Storybook says how it ended.
 */
async function showStory(page, storyId, locale = 'ru') {
  await preparePreview(page, locale);
  const viewport = await page.evaluate(async (id) => {
    const story = await window.__STORYBOOK_PREVIEW__.storyStoreValue.loadStory({ storyId: id });
    return story.storyGlobals?.viewport ?? null;
  }, storyId);
  const size = viewports[viewport?.value] ?? desktop;
  await page.setViewportSize(viewport?.isRotated ? { width: size.height, height: size.width } : size);
  await page.evaluate((id) => {
    window.__mfcStoryEvents.length = 0;
    window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
  }, storyId);
  await page.waitForFunction(
    (id) =>
      window.__mfcStoryEvents.some(
        (event) =>
          (event.name === 'storyFinished' && event.detail?.storyId === id) || ['storyErrored', 'storyMissing'].includes(event.name),
      ),
    storyId,
    { timeout: storyTimeout, polling: 25 },
  );
  return page.evaluate(() => [...window.__mfcStoryEvents]);
}

/** Opens a Docs page (a full load) and waits until it and every story on it have finished. */
async function showDocs(page, docsId) {
  page.ready = false; // the next story loads the preview afresh
  await page.setViewportSize(desktop);
  await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(docsId)}&viewMode=docs`);
  await page.waitForFunction(
    () => window.__mfcStoryEvents?.some((event) => ['docsRendered', 'storyErrored', 'storyMissing'].includes(event.name)),
    undefined,
    { timeout: storyTimeout, polling: 50 },
  );
  // Every story of a Docs page plays at once; wait until all have finished.
  await page.waitForFunction(
    () => (window.__STORYBOOK_PREVIEW__?.storyRenders ?? []).every((render) => ['finished', 'aborted'].includes(render.phase)),
    undefined,
    { timeout: storyTimeout * 2, polling: 100 },
  );
  return page.evaluate(() => [...window.__mfcStoryEvents]);
}

/** The CSP violations the page has seen since the last call. */
const policyViolations = (page) => page.evaluate(() => window.__mfcPolicyViolations.splice(0));

/** The failures among Storybook's events, as text. */
function failuresIn(events) {
  return events
    .filter(
      (event) =>
        ['storyErrored', 'storyMissing', 'storyThrewException', 'playFunctionThrewException', 'unhandledErrorsWhilePlaying'].includes(event.name) ||
        (event.name === 'storyFinished' && event.detail?.status !== 'success'),
    )
    .map((event) => `${event.name}: ${describeDetail(event.detail)}`);
}

/** An event's detail as text, an error without the DOM dump Testing Library appends. */
function describeDetail(detail) {
  if (detail && typeof detail === 'object' && 'message' in detail) {
    const message = String(detail.message).split('\n\nIgnored nodes:')[0];
    const stack = String(detail.stack ?? '').split('\n').slice(1, 6).join('\n');
    return `${detail.name ?? 'Error'}: ${message}\n${stack}`;
  }
  return JSON.stringify(detail, null, 2);
}

function formatViolations(violations) {
  return violations
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n` +
        violation.nodes.map((node) => `    at ${JSON.stringify(node.target)}\n      ${node.summary?.replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n');
}

// ------------------------------------------------------------------ the tests

// The Docs pages first, one at a time: each loads the preview afresh and plays all its
// stories at once, which is most of the CPU a busy machine has.
describe('Storybook Docs pages', { concurrency: 1 }, () => {
  for (const entry of locales.includes('ru') ? docs : []) {
    test(`${entry.title} › ${entry.name} (Docs page)`, { timeout: storyTimeout * 3 }, async () => {
      const page = await borrowPage();
      try {
        const events = await showDocs(page, entry.id);
        assert.deepEqual(failuresIn(events), [], `a story on ${entry.id} failed`);
        assert.ok(await page.locator('#storybook-docs h1').count(), `${entry.id} has no title`);
        assert.deepEqual(page.problems, [], `errors while showing ${entry.id}`);
        assert.deepEqual(await policyViolations(page), [], `${entry.id} broke the page's CSP`);
      } finally {
        releasePage(page);
      }
    });
  }
});

/** Shows the story with the toolbar's Language `locale` and checks it: play function, errors, CSP, axe-core. */
async function checkStory(page, story, locale) {
  try {
    const events = await showStory(page, story.id, locale);
    assert.deepEqual(failuresIn(events), [], `the story or its play function failed (${story.id}, ${locale})`);
    await page.evaluate(settleWidgets);
    assert.ok(await page.locator('#storybook-root > *').count(), `${story.id} rendered nothing`);
    const violations = await page.evaluate(runAxe);
    assert.deepEqual(page.problems, [], `errors while showing ${story.id}`);
    assert.deepEqual(await policyViolations(page), [], `${story.id} broke the page's CSP`);
    assert.equal(violations.length, 0, `axe-core found violations in ${story.id}:\n${formatViolations(violations)}`);
  } catch (error) {
    page.ready = false; // start the next story on a freshly loaded preview
    throw error;
  }
}

if (locales.includes('ru')) {
  describe('Storybook', { concurrency: pages }, () => {
    for (const story of stories) {
      test(`${story.title} › ${story.name}`, { timeout: storyTimeout * 2 }, async () => {
        const page = await borrowPage();
        try {
          await checkStory(page, story, 'ru');
        } finally {
          releasePage(page);
        }
      });
    }
  });
}

// A story that sets its own language shows the same in both passes: the English one skips it.
if (locales.includes('en')) {
  describe('Storybook, toolbar in English', { concurrency: pages }, () => {
    for (const story of englishStories) {
      test(`${story.title} › ${story.name} (en)`, { timeout: storyTimeout * 2 }, async (t) => {
        const page = await borrowPage();
        try {
          await preparePreview(page, 'en');
          if (await pinsLanguage(page, story.id)) {
            t.skip('the story sets its own language');
            return;
          }
          await checkStory(page, story, 'en');
        } finally {
          releasePage(page);
        }
      });
    }
  });
}

describe('Storybook manager', () => {
  test('the manager shows the sidebar and a story in its preview, under its CSP', { timeout: storyTimeout * 2 }, async () => {
    const page = await borrowPage();
    page.ready = false;
    try {
      const first = stories[0];
      await page.goto(`${server.url}/?path=/story/${encodeURIComponent(first.id)}`);
      await page.locator(`[data-item-id="${first.id}"]`).first().waitFor({ timeout: storyTimeout });
      const preview = page.frames().find((frame) => frame.url().includes('iframe.html')) ??
        (await page.waitForEvent('frameattached', { timeout: storyTimeout }));
      await preview.waitForFunction(
        (id) => window.__mfcStoryEvents?.some((event) => event.name === 'storyFinished' && event.detail?.storyId === id),
        first.id,
        { timeout: storyTimeout, polling: 50 },
      );
      assert.deepEqual(page.problems, [], 'errors while showing the manager');
      assert.deepEqual(await policyViolations(page), [], "the manager broke its page's CSP");
      assert.deepEqual(await preview.evaluate(() => window.__mfcPolicyViolations.splice(0)), [], "the preview broke its page's CSP");
    } finally {
      releasePage(page);
    }
  });
});
