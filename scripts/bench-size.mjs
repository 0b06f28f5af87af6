#!/usr/bin/env node
// Size benchmark: min+gzip of the JavaScript a page fetches when it opens, from the built
// packages/widgets/cdn/ folder as a browser fetches it, next to the budgets of
// docs/budgets.md; over a budget it exits 1 (npm test runs it after the build).
// - The example site's pages are opened in Chromium against the real server (signed out,
//   nothing cached, a phone's screen): every file of cdn/ fetched before the network is idle
//   counts, the chunks the SDK and the elements load at once among them; chunks that only a
//   later action loads (reachable through import() from what was fetched) are listed apart.
// - The standalone entries count their file and what it imports statically.
// - The SDK's own figures (no CDN file) are built in memory with the CDN build's plugins.
// BENCH_FILES=1 also lists the files of each first load. `npm run bench:size` builds first.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { rollup } from 'rollup';
import { plugins as cdnPlugins } from '../rollup.config.mjs';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { startTestServer } from './test-server.mjs';
import { leadingStaticImports } from '../packages/server/dist/http/module-preload.js';

const kb = (bytes) => (process.env.BENCH_BYTES ? `${Math.round(bytes)} B` : `${(bytes / 1024).toFixed(bytes < 1024 ? 2 : 1)} KB`);
const gzipSize = (code) => gzipSync(code, { level: 9 }).length;

// ------------------------------------------------------------------ the CDN folder

const cdn = resolve('packages/widgets/cdn');
if (!existsSync(join(cdn, 'manifest.json'))) {
  console.error('packages/widgets/cdn is not built: run npm run build:bundle (npm run bench:size does).');
  process.exit(1);
}
/** @type {{ loader: string, elements: Record<string, string> }} */
const manifest = JSON.parse(readFileSync(join(cdn, 'manifest.json'), 'utf8'));

/** A CDN file as the browser gets it: its code, its gzip size, what it imports (statically, lazily). */
const files = new Map();
function cdnFile(name) {
  let file = files.get(name);
  if (!file) {
    const code = readFileSync(join(cdn, name), 'utf8');
    const at = (specifier) => posix.normalize(posix.join(posix.dirname(name), specifier));
    // The static imports as the demo host reads them to preload; `import("./x.js")` are lazy.
    const statics = leadingStaticImports(code).filter((specifier) => specifier.startsWith('.')).map(at);
    const lazy = [...code.matchAll(/\bimport\(\s*"(\.{1,2}\/[^"]+\.js)"\s*\)/g)].map((match) => at(match[1]));
    file = { bytes: gzipSize(code), imports: [...new Set(statics)], dynamicImports: [...new Set(lazy)] };
    files.set(name, file);
  }
  return file;
}

/** A file and every file it imports statically. */
function closure(name, seen = new Set()) {
  if (!seen.has(name)) {
    seen.add(name);
    for (const next of cdnFile(name).imports) closure(next, seen);
  }
  return seen;
}

const size = (names) => [...names].reduce((sum, name) => sum + cdnFile(name).bytes, 0);

/**
 * A first load of `first` (file names), and the lazy parts left: each chunk that an
 * `import()` of a fetched file (or of a lazy part, in turn) would load, costing what it
 * imports that the first load did not bring.
 */
function withLazyParts(first) {
  const lazyEntries = new Set();
  const visit = (names) => {
    for (const name of names.flatMap((file) => cdnFile(file).dynamicImports)) {
      if (first.has(name) || lazyEntries.has(name)) continue;
      lazyEntries.add(name);
      visit([...closure(name)]);
    }
  };
  visit([...first]);
  const lazy = [...lazyEntries].map((name) => ({ name, bytes: size([...closure(name)].filter((file) => !first.has(file))) }));
  return { files: [...first], bytes: size(first), lazy };
}

/** What the browser fetched from cdn/ while opening each page, signed out, before the network was idle. */
async function fetchedByPages(paths) {
  const server = await startTestServer({ mode: 'demo' });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const fetched = new Map();
    for (const path of paths) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, locale: 'ru-RU' });
      const page = await context.newPage();
      const files = new Set();
      page.on('request', (request) => {
        const { pathname } = new URL(request.url());
        if (pathname.startsWith('/mfc-cabinet/') && pathname.endsWith('.js')) files.add(pathname.slice('/mfc-cabinet/'.length));
      });
      await page.goto(server.url + path);
      // Every element of the page defined, then nothing more on its way.
      const tags = await page.evaluate(() => [...new Set([...document.querySelectorAll('*')].map((element) => element.localName).filter((name) => name.startsWith('mfc-')))]);
      await page.waitForFunction((names) => names.every((name) => customElements.get(name)), tags, { timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      fetched.set(path, files);
      await context.close();
    }
    return fetched;
  } finally {
    await browser.close();
    await server.stop();
  }
}

// ------------------------------------------------------------------ in-memory builds (the SDK)

async function build(input, extraPlugins = []) {
  const bundle = await rollup({ input, plugins: [...extraPlugins, ...cdnPlugins], onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'es', chunkFileNames: 'chunks/[name]-[hash:6].js', hashCharacters: 'hex' });
  await bundle.close();
  return new Map(output.filter((item) => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
}

/** The first load of an in-memory build's entry: its chunk and what it imports statically. */
function builtFirstLoad(chunks, entryName) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const next of chunks.get(name).imports) visit(next);
  };
  visit(`${entryName}.js`);
  return { files: [...seen], bytes: [...seen].reduce((sum, name) => sum + gzipSize(chunks.get(name).code), 0), lazy: [] };
}

const rows = [];
const measureBuilt = async (label, input, entryName, budgetKb) => {
  rows.push({ label, ...builtFirstLoad(await build(input), entryName), budget: budgetKb === null ? null : budgetKb * 1024 });
};
const measureCdn = (label, entry, budgetKb) => {
  rows.push({ label, ...withLazyParts(closure(entry)), budget: budgetKb * 1024 });
};

/**
 * The facade's cost per sub-client: the sign-in entry built with the SDK's features list
 * grown to `total` entries by synthetic features shaped like the real ones (a factory that
 * makes a lazily loaded sub-client with one eager member, its store a chunk of its own).
 */
const coreFeatures = resolve('packages/core/dist/features.js');
const syntheticFeatures = (total) => ({
  name: 'synthetic-features',
  resolveId(source, importer) {
    if (source.startsWith('\0synthetic')) return source;
    if (importer && !importer.startsWith('\0') && resolve(dirname(importer), source) === coreFeatures) return '\0synthetic-features';
    return null;
  },
  load(id) {
    if (id === '\0synthetic-features') {
      const names = [];
      let code = `import real from ${JSON.stringify(coreFeatures)};\nimport { lazySubClient } from ${JSON.stringify(resolve('packages/core/dist/lazy.js'))};\nexport * from ${JSON.stringify(coreFeatures)};\n`;
      for (let i = 0; Object.keys(realFeatures).length + i < total; i++) {
        names.push(`synthetic${i}`);
        code += `const synthetic${i} = ({ http }) => lazySubClient(http, () => import('\\0synthetic-store-${i}').then(({ Store }) => new Store(http)), { exportUrl: (format) => http.url(\`synthetic${i}/export.\${format}\`) });\n`;
      }
      return `${code}export default { ...real, ${names.join(', ')} };\n`;
    }
    const store = /^\0synthetic-store-(\d+)$/.exec(id);
    if (store) return `export class Store { constructor(http) { this.http = http; } list() { return this.http.get('synthetic${store[1]}', undefined); } }\n`;
    return null;
  },
});
const realFeatures = (await import(pathToFileURL(coreFeatures).href)).default;

// Core: every export of the SDK kept (a page that uses all of it).
await measureBuilt('@mfc-cabinet/core, every sub-client', { core: 'packages/core/dist/index.js' }, 'core', 25);
// The standalone entries, each alone on a page.
measureCdn('mfc-login-form.js alone (lit + core + element + ru)', 'mfc-login-form.js', 35);
measureCdn('mfc-document-uploader.js alone', 'mfc-document-uploader.js', 35);
// The example site's pages, as Chromium opens them.
const pages = [
  ['/', 'index.html', 40],
  ['/services.html', 'services.html', 60],
  ['/applications.html', 'applications.html', 56],
  ['/profile.html', 'profile.html', 63],
];
const fetched = await fetchedByPages(pages.map(([path]) => path));
for (const [path, file, budget] of pages) {
  const tags = [...new Set([...readFileSync(`examples/municipal-site/${file}`, 'utf8').matchAll(/<(mfc-[a-z-]+)/g)].map((match) => match[1]))];
  rows.push({ label: `page ${path} (${tags.join(', ')})`, ...withLazyParts(fetched.get(path)), budget: budget * 1024 });
}
// Each in-page widget's own chunk (the eager ones are in the loader's file, measured above).
for (const [tag, name] of Object.entries(manifest.elements)) {
  if (name !== manifest.loader) rows.push({ label: `  chunk of <${tag}>`, bytes: cdnFile(name).bytes, budget: 15 * 1024, files: [name], lazy: [] });
}
{
  const sub = Object.keys(realFeatures).length;
  const entry = { 'mfc-login-form': 'packages/widgets/dist/mfc-login-form.js' };
  const size = async (total) => builtFirstLoad(await build(entry, [syntheticFeatures(total)]), 'mfc-login-form').bytes;
  const base = await size(sub);
  const twelve = await size(12);
  rows.push({ label: `sign-in entry: cost per sub-client (${sub} → 12 synthetic)`, bytes: (twelve - base) / (12 - sub), budget: 0.3 * 1024, files: [], lazy: [] });
}
// Staff pages only; no budget, reported so that its growth is seen.
await measureBuilt('@mfc-cabinet/core/operator (staff pages)', { operator: 'packages/core/dist/operator/index.js' }, 'operator', null);

let over = false;
console.log('\nFirst load, min+gzip (budgets: docs/budgets.md)\n');
for (const row of rows) {
  const ok = row.budget === null || row.bytes <= row.budget;
  over ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'}  ${row.label.padEnd(78)} ${kb(row.bytes).padStart(9)}  ${row.budget === null ? '(no budget)' : `/ ${kb(row.budget)}`}`);
  if (process.env.BENCH_FILES) for (const file of row.files) console.log('        first:', file);
  for (const lazy of row.lazy) console.log(`        lazy: ${lazy.name.padEnd(46)} ${kb(lazy.bytes).padStart(9)}`);
}
console.log(over ? '\nSome first loads are over budget.' : '\nEvery first load is within budget.');
// Sizes are deterministic: over budget fails the build (npm test runs this).
if (over) process.exitCode = 1;
