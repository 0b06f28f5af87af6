import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer, type TestServer } from './helpers.js';

let server: TestServer;
let root: string;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'mfc-static-test-'));
  const site = join(root, 'site');
  const widgets = join(root, 'widgets');
  mkdirSync(join(site, 'news'), { recursive: true });
  mkdirSync(join(widgets, 'chunks'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<script type="module" src="/app.js" nonce="{{nonce}}"></script><p nonce="{{nonce}}">Главная</p>');
  writeFileSync(join(site, 'news', 'index.html'), '<h1>Новости</h1>');
  writeFileSync(join(site, 'site.css'), 'body { color: black; }');
  writeFileSync(join(site, '.env'), 'SECRET=1');
  writeFileSync(join(root, 'outside.html'), 'outside');
  writeFileSync(join(widgets, 'mfc-cabinet.js'), 'export {};');
  writeFileSync(join(widgets, 'chunks', 'catalog-Bx3_k9Qa.js'), 'export {};');
  writeFileSync(join(widgets, 'themes.css'), ':root {}');
  server = await startServer({
    SITE_DIR: site,
    WIDGETS_DIR: widgets,
    STORYBOOK_DIR: join(root, 'storybook-missing'),
  });
});
after(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the municipal site', () => {
  test('pages get a fresh CSP nonce, put in place of every {{nonce}}', async () => {
    const first = await server.browser().get('/');
    assert.equal(first.statusCode, 200);
    assert.match(String(first.headers['content-type']), /^text\/html/);
    const csp = String(first.headers['content-security-policy']);
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.equal(
      csp,
      `default-src 'self'; script-src 'nonce-${nonce}' 'strict-dynamic'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; require-trusted-types-for 'script'; trusted-types lit-html`,
    );
    assert.equal(first.body, `<script type="module" src="/app.js" nonce="${nonce}"></script><p nonce="${nonce}">Главная</p>`);

    const second = await server.browser().get('/index.html');
    assert.notEqual(second.headers['content-security-policy'], csp, 'a new nonce per response');
    assert.doesNotMatch(second.body, /\{\{nonce\}\}/);
  });

  test('folders serve their index page, other files as they are', async () => {
    assert.equal((await server.browser().get('/news/')).body, '<h1>Новости</h1>');
    const css = await server.browser().get('/site.css');
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['content-type']), /^text\/css/);
    assert.equal(css.headers['content-security-policy'], undefined);
  });

  test('nothing outside the folder, and no dotfiles', async () => {
    for (const url of ['/../outside.html', '/%2e%2e/outside.html', '/news/..%2f..%2foutside.html', '/.env', '/missing.html', '/missing.png']) {
      const response = await server.browser().get(url);
      assert.equal(response.statusCode, 404, url);
      assert.doesNotMatch(response.body, /outside|SECRET/, url);
    }
  });

  test('an unknown page is a small Russian HTML page', async () => {
    const response = await server.browser().get('/no/such/page');
    assert.equal(response.statusCode, 404);
    assert.match(String(response.headers['content-type']), /^text\/html/);
    assert.match(response.body, /Страница не найдена/);
  });

  test('every answer has the security headers', async () => {
    for (const url of ['/', '/site.css', '/nothing', '/api/v1/health', '/mfc-cabinet/mfc-cabinet.js']) {
      const response = await server.browser().get(url);
      assert.equal(response.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin', url);
    }
    assert.equal((await server.browser().get('/api/v1/health')).headers['cache-control'], 'no-store');
  });
});

describe('the widget bundles', () => {
  test('the entry file is revalidated, hashed chunks are cached for good', async () => {
    const entry = await server.browser().get('/mfc-cabinet/mfc-cabinet.js');
    assert.equal(entry.statusCode, 200);
    assert.match(String(entry.headers['content-type']), /javascript/);
    assert.equal(entry.headers['cache-control'], 'no-cache');
    const chunk = await server.browser().get('/mfc-cabinet/chunks/catalog-Bx3_k9Qa.js');
    assert.equal(chunk.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal((await server.browser().get('/mfc-cabinet/themes.css')).headers['cache-control'], 'no-cache');
    assert.equal((await server.browser().get('/mfc-cabinet/nope.js')).statusCode, 404);
  });
});

describe('Storybook', () => {
  test('when not built, a page says how to build it', async () => {
    for (const url of ['/storybook/', '/storybook/index.html']) {
      const response = await server.browser().get(url);
      assert.equal(response.statusCode, 404, url);
      assert.match(response.body, /npm run build:storybook/, url);
    }
  });

  test('when built, it is served', async () => {
    const storybook = join(root, 'storybook');
    mkdirSync(storybook, { recursive: true });
    writeFileSync(join(storybook, 'index.html'), '<title>Storybook</title>');
    const built = await startServer({ STORYBOOK_DIR: storybook, SITE_DIR: join(root, 'nothing') });
    try {
      const response = await built.browser().get('/storybook/');
      assert.equal(response.statusCode, 200);
      assert.equal(response.body, '<title>Storybook</title>');
      assert.doesNotMatch(String(response.headers['content-security-policy']), /strict-dynamic/);
      assert.equal((await built.browser().get('/storybook')).statusCode, 301);
      assert.equal((await built.browser().get('/')).statusCode, 404, 'a missing site is a 404, not a crash');
    } finally {
      await built.close();
    }
  });
});
