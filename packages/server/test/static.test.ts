import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { registerCompression } from '../src/http/compression.js';
import { leadingStaticImports } from '../src/http/module-preload.js';
import { startServer, type TestServer } from './helpers.js';

let server: TestServer;
let root: string;
let widgets: string;

/** A module big enough to be worth compressing. */
const bigModule = (name: string): string => `export const ${name} = ${JSON.stringify('Заречный '.repeat(300))};\n`;
const loader = [
  '/*! a banner */',
  'import{a as t}from"./chunks/mfc-element-Ab12Cd34.js";',
  'export{b as format}from"./chunks/format-Ef56Gh78.js";',
  'import"./chunks/mfc-element-Ab12Cd34.js";',
  'const lazy=()=>import("./chunks/lazy-Ij90Kl12.js");',
  'import.meta.url;',
  bigModule('loader'),
].join('');

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'mfc-static-test-'));
  const site = join(root, 'site');
  widgets = join(root, 'widgets');
  mkdirSync(join(site, 'news'), { recursive: true });
  mkdirSync(join(widgets, 'chunks'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<script type="module" src="/app.js" nonce="{{nonce}}"></script><p nonce="{{nonce}}">Главная</p>');
  writeFileSync(join(site, 'news', 'index.html'), '<h1>Новости</h1>');
  writeFileSync(join(site, 'services.html'), `<head>{{preload}}<script type="module" nonce="{{nonce}}"></script></head>${'<p>Услуги</p>'.repeat(200)}`);
  writeFileSync(join(site, 'site.css'), 'body { color: black; }');
  writeFileSync(join(site, '.env'), 'SECRET=1');
  writeFileSync(join(root, 'outside.html'), 'outside');
  writeFileSync(join(widgets, 'mfc-cabinet.js'), loader);
  writeFileSync(join(widgets, 'chunks', 'catalog-Bx3_k9Qa.js'), bigModule('catalog'));
  writeFileSync(join(widgets, 'chunks', 'mfc-element-Ab12Cd34.js'), `import"./lit-Mn34Op56.js";${bigModule('element')}`);
  writeFileSync(join(widgets, 'chunks', 'lit-Mn34Op56.js'), 'import"../mfc-cabinet.js";export{};');
  writeFileSync(join(widgets, 'chunks', 'format-Ef56Gh78.js'), 'export const b = 1;');
  writeFileSync(join(widgets, 'chunks', 'lazy-Ij90Kl12.js'), 'export {};');
  writeFileSync(join(widgets, 'chunks', 'search-5c9524.js'), 'export {};');
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
    const hex = await server.browser().get('/mfc-cabinet/chunks/search-5c9524.js');
    assert.equal(hex.headers['cache-control'], 'public, max-age=31536000, immutable', 'the build’s 6 hex characters');
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
    const page = '<title>Storybook</title><script>window.CONFIG_TYPE = "PRODUCTION";</script><script type="module" src="./a.js"></script>';
    writeFileSync(join(storybook, 'index.html'), page);
    writeFileSync(join(storybook, 'iframe.html'), '<script>window.LOGLEVEL = "info";</script>');
    const built = await startServer({ STORYBOOK_DIR: storybook, SITE_DIR: join(root, 'nothing') });
    try {
      const response = await built.browser().get('/storybook/');
      assert.equal(response.statusCode, 200);
      assert.equal(response.body, page);
      const hash = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
      const policy = String(response.headers['content-security-policy']);
      assert.match(policy, /default-src 'self'/);
      assert.ok(policy.includes(`script-src 'self' ${hash('window.CONFIG_TYPE = "PRODUCTION";')};`), `the manager's inline script only: ${policy}`);
      assert.doesNotMatch(policy.split('; ').find((directive) => directive.startsWith('script-src')) ?? '', /unsafe/, 'no other inline script, no eval');
      const preview = String((await built.browser().get('/storybook/iframe.html')).headers['content-security-policy']);
      assert.ok(preview.includes(`script-src 'self' ${hash('window.LOGLEVEL = "info";')};`), preview);
      assert.match(preview, /frame-ancestors 'self'/, 'the manager on the same origin may frame the preview');
      assert.equal((await built.browser().get('/storybook')).statusCode, 301);
      assert.equal((await built.browser().get('/')).statusCode, 404, 'a missing site is a 404, not a crash');
    } finally {
      await built.close();
    }
  });
});

describe('compression', () => {
  const chunk = '/mfc-cabinet/chunks/catalog-Bx3_k9Qa.js';
  const decoders = { br: brotliDecompressSync, gzip: gunzipSync };

  test('static files in brotli or gzip, as Accept-Encoding asks, with Vary, cached the same way', async () => {
    const plain = await server.browser().get(chunk, { 'accept-encoding': 'identity' });
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['br;q=0.5, gzip', 'gzip'],
      ['gzip', 'gzip'],
      ['*', 'br'],
    ] as const) {
      const response = await server.browser().get(chunk, { 'accept-encoding': accept });
      assert.equal(response.statusCode, 200, accept);
      assert.equal(response.headers['content-encoding'], encoding, accept);
      assert.match(String(response.headers.vary), /accept-encoding/i, accept);
      assert.match(String(response.headers['content-type']), /javascript/, accept);
      assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable', accept);
      assert.equal(Number(response.headers['content-length']), response.rawPayload.length, accept);
      assert.ok(response.rawPayload.length < plain.rawPayload.length / 4, accept);
      assert.equal(decoders[encoding](response.rawPayload).toString(), plain.body, accept);
    }
    for (const url of ['/site.css', '/mfc-cabinet/mfc-cabinet.js']) {
      assert.equal((await server.browser().get(url, { 'accept-encoding': 'br' })).headers['content-encoding'], url === '/site.css' ? undefined : 'br', url);
    }
  });

  test('identity when no coding is accepted, still with Vary', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'br;q=0, gzip;q=0' }, { 'accept-encoding': 'deflate' }] as Record<string, string>[]) {
      const response = await server.browser().get(chunk, headers);
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-encoding'], undefined, JSON.stringify(headers));
      assert.match(String(response.headers.vary), /accept-encoding/i);
      assert.match(response.body, /export const catalog/);
    }
  });

  test('each coding has its own ETag, and a current one is a 304', async () => {
    const tags = new Set<string>();
    for (const accept of ['br', 'gzip', 'identity']) {
      const first = await server.browser().get('/mfc-cabinet/mfc-cabinet.js', { 'accept-encoding': accept });
      const etag = String(first.headers.etag);
      tags.add(etag);
      const again = await server.browser().get('/mfc-cabinet/mfc-cabinet.js', { 'accept-encoding': accept, 'if-none-match': etag });
      assert.equal(again.statusCode, 304, accept);
      assert.equal(again.rawPayload.length, 0);
      assert.equal(again.headers['cache-control'], 'no-cache');
      const other = await server.browser().get('/mfc-cabinet/mfc-cabinet.js', { 'accept-encoding': accept, 'if-none-match': '"stale"' });
      assert.equal(other.statusCode, 200, accept);
    }
    assert.equal(tags.size, 3);
    const head = await server.browser().request({ method: 'HEAD', url: chunk, headers: { 'accept-encoding': 'br' } });
    assert.equal(head.statusCode, 200);
    assert.equal(head.headers['content-encoding'], 'br');
    assert.equal(head.rawPayload.length, 0);
  });

  test('a rebuilt file is sent as it is now', async () => {
    const file = join(widgets, 'chunks', 'rebuilt-Qr78St90.js');
    writeFileSync(file, bigModule('before'));
    const before = await server.browser().get('/mfc-cabinet/chunks/rebuilt-Qr78St90.js', { 'accept-encoding': 'br' });
    assert.match(brotliDecompressSync(before.rawPayload).toString(), /before/);
    writeFileSync(file, bigModule('afterwards'));
    const after = await server.browser().get('/mfc-cabinet/chunks/rebuilt-Qr78St90.js', { 'accept-encoding': 'br' });
    assert.match(brotliDecompressSync(after.rawPayload).toString(), /afterwards/);
    assert.notEqual(after.headers.etag, before.headers.etag);
  });

  test('pages and API answers are compressed as they are sent; tiny bodies are not', async () => {
    const page = await server.browser().get('/services.html', { 'accept-encoding': 'gzip, br' });
    assert.equal(page.headers['content-encoding'], 'br');
    assert.match(String(page.headers.vary), /accept-encoding/i);
    assert.match(brotliDecompressSync(page.rawPayload).toString(), /Услуги/);
    const api = await server.browser().get('/api/v1/openapi.json', { 'accept-encoding': 'gzip' });
    assert.equal(api.headers['content-encoding'], 'gzip');
    assert.equal(JSON.parse(gunzipSync(api.rawPayload).toString()).openapi.slice(0, 2), '3.');
    const plainPage = await server.browser().get('/services.html');
    assert.equal(plainPage.headers['content-encoding'], undefined);
    assert.match(String(plainPage.headers.vary), /accept-encoding/i);
    for (const url of ['/news/', '/api/v1/health']) {
      const tiny = await server.browser().get(url, { 'accept-encoding': 'br, gzip' });
      assert.equal(tiny.statusCode, 200, url);
      assert.equal(tiny.headers['content-encoding'], undefined, url);
    }
  });

  test('an event stream is never compressed', async () => {
    const app = Fastify();
    await registerCompression(app);
    const body = `data: ${'событие '.repeat(500)}\n\n`;
    app.get('/events', (_request, reply) => reply.type('text/event-stream').send(body));
    app.get('/json', (_request, reply) => reply.type('application/json').send(JSON.stringify({ body })));
    app.post('/echo', (request) => request.body);
    try {
      const events = await app.inject({ url: '/events', headers: { 'accept-encoding': 'br, gzip' } });
      assert.equal(events.headers['content-encoding'], undefined);
      assert.equal(events.body, body);
      const json = await app.inject({ url: '/json', headers: { 'accept-encoding': 'br, gzip' } });
      assert.equal(json.headers['content-encoding'], 'br', 'the same setup compresses JSON');
      const compressedBody = await app.inject({
        method: 'POST',
        url: '/echo',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        payload: gzipSync(JSON.stringify({ a: 1 })),
      });
      assert.equal(compressedBody.statusCode, 400, 'request bodies are not inflated');
    } finally {
      await app.close();
    }
  });
});

describe('module preload', () => {
  test('a page preloads what the loader imports statically, and what those import, with its nonce', async () => {
    const response = await server.browser().get('/services.html');
    const nonce = /'nonce-([^']+)'/.exec(String(response.headers['content-security-policy']))?.[1];
    assert.ok(nonce);
    const links = [...response.body.matchAll(/<link rel="modulepreload" href="([^"]+)" nonce="([^"]+)" \/>/g)];
    assert.deepEqual(
      links.map((link) => link[1]),
      ['/mfc-cabinet/chunks/mfc-element-Ab12Cd34.js', '/mfc-cabinet/chunks/format-Ef56Gh78.js', '/mfc-cabinet/chunks/lit-Mn34Op56.js'],
    );
    assert.ok(links.every((link) => link[2] === nonce));
    assert.doesNotMatch(response.body, /\{\{preload\}\}|lazy-/);
  });

  test('a rebuilt loader changes the list; a missing one leaves it empty', async () => {
    const entry = join(widgets, 'mfc-cabinet.js');
    try {
      writeFileSync(entry, `import"./chunks/catalog-Bx3_k9Qa.js";${bigModule('rebuilt')}`);
      assert.match((await server.browser().get('/services.html')).body, /<link rel="modulepreload" href="\/mfc-cabinet\/chunks\/catalog-Bx3_k9Qa.js"[^>]*>\s*<script/);
      rmSync(entry);
      const page = await server.browser().get('/services.html');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<head><script/);
    } finally {
      writeFileSync(entry, loader);
    }
  });

  test('a page preloads the chunk of each element it holds (the build manifest), with what that imports', async () => {
    const manifest = join(widgets, 'manifest.json');
    const page = join(root, 'site', 'catalog.html');
    try {
      writeFileSync(join(widgets, 'chunks', 'mfc-service-catalog-Qr12St34.js'), `import"./format-Ef56Gh78.js";${bigModule('catalog')}`);
      writeFileSync(manifest, JSON.stringify({ loader: 'mfc-cabinet.js', eager: ['mfc-cabinet'], elements: { 'mfc-cabinet': 'mfc-cabinet.js', 'mfc-service-catalog': 'chunks/mfc-service-catalog-Qr12St34.js', 'mfc-application-tracker': 'chunks/lazy-Ij90Kl12.js' } }));
      writeFileSync(page, '<head>{{preload}}</head><mfc-cabinet><mfc-service-catalog></mfc-service-catalog></mfc-cabinet>');
      // A rebuild writes the manifest with the loader: the lists are read again when the loader changes.
      writeFileSync(join(widgets, 'mfc-cabinet.js'), `${loader}\n`);
      const links = [...(await server.browser().get('/catalog.html')).body.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((link) => link[1]);
      assert.deepEqual(links, [
        '/mfc-cabinet/chunks/mfc-service-catalog-Qr12St34.js',
        '/mfc-cabinet/chunks/mfc-element-Ab12Cd34.js',
        '/mfc-cabinet/chunks/format-Ef56Gh78.js',
        '/mfc-cabinet/chunks/lit-Mn34Op56.js',
      ]);
      // The tracker is not on the page: its chunk is not preloaded.
      assert.ok(!links.some((link) => link!.includes('lazy-')));
    } finally {
      rmSync(manifest, { force: true });
      rmSync(page, { force: true });
      writeFileSync(join(widgets, 'mfc-cabinet.js'), loader);
    }
  });

  test('only the static imports at the top of a module count', () => {
    assert.deepEqual(leadingStaticImports(loader), ['./chunks/mfc-element-Ab12Cd34.js', './chunks/format-Ef56Gh78.js', './chunks/mfc-element-Ab12Cd34.js']);
    assert.deepEqual(
      leadingStaticImports(`// comment\nimport x, { y as z } from './a.js';\nimport * as all from "./b.js" with { type: "json" };\nexport * from './c.js';\nexport * as d from './d.js';\nconst s = 'import "./e.js"';\nimport "./f.js";`),
      ['./a.js', './b.js', './c.js', './d.js'],
    );
    assert.deepEqual(leadingStaticImports('import("./lazy.js");import"./after.js";'), []);
  });
});
