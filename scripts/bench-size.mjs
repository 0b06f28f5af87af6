#!/usr/bin/env node
// Size benchmark: min+gzip of what a page loads first (an entry, every chunk it imports
// statically, and the chunks of the elements it defines at once), next to the budgets of
// docs/budgets.md; over a budget it exits 1 (npm test runs it). Lazily loaded chunks are
// listed apart; BENCH_FILES=1 also lists the files of each first load. Builds in memory from
// the tsc output with the CDN build's plugins, so run `npm run build:ts` first (npm run
// bench:size does it).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import config from '../rollup.config.mjs';

const kb = (bytes) => `${(bytes / 1024).toFixed(bytes < 1024 ? 2 : 1)} KB`;
const gzipSize = (code) => gzipSync(code, { level: 9 }).length;

async function build(input, extraPlugins = []) {
  const plugins = [...extraPlugins, ...config.plugins.filter((plugin) => plugin.name !== 'copy-themes')];
  const bundle = await rollup({ ...config, input, plugins });
  const { output } = await bundle.generate({ format: 'es', chunkFileNames: 'chunks/[name]-[hash].js' });
  await bundle.close();
  return new Map(output.filter((item) => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
}

/** A chunk and every chunk it imports statically. */
function closure(chunks, fileName, seen = new Set()) {
  if (!seen.has(fileName)) {
    seen.add(fileName);
    for (const name of chunks.get(fileName).imports) closure(chunks, name, seen);
  }
  return seen;
}

/**
 * What a page loads when an entry starts: its chunk, what that imports statically, and the
 * chunks of the modules it loads at once (`loadedAtOnce`: the registration files of the
 * elements mfc-cabinet.js defines on that page), with what they import.
 */
function firstLoad(chunks, entryName, loadedAtOnce = []) {
  const first = closure(chunks, `${entryName}.js`);
  for (const chunk of chunks.values()) {
    if (chunk.facadeModuleId && loadedAtOnce.includes(chunk.facadeModuleId)) closure(chunks, chunk.fileName, first);
  }
  const size = (names) => [...names].reduce((sum, name) => sum + gzipSize(chunks.get(name).code), 0);
  // Lazy parts, and the parts they load lazily in turn (the upload client of the documents store).
  const lazyEntries = new Set();
  const visit = (names) => {
    for (const name of names.flatMap((file) => chunks.get(file).dynamicImports)) {
      if (first.has(name) || lazyEntries.has(name)) continue;
      lazyEntries.add(name);
      visit([...closure(chunks, name)]);
    }
  };
  visit([...first]);
  // A lazy part costs its chunk and whatever it imports that the first load did not bring.
  const lazy = [...lazyEntries].map((name) => ({
    name,
    bytes: size([...closure(chunks, name)].filter((file) => !first.has(file))),
  }));
  return { files: [...first], bytes: size(first), lazy };
}

const rows = [];
const measure = async (label, input, entryName, budgetKb, loadedAtOnce) => {
  const chunks = await build(input);
  const result = firstLoad(chunks, entryName, loadedAtOnce);
  rows.push({ label, ...result, budget: budgetKb === null ? null : budgetKb * 1024 });
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
await measure('@mfc-cabinet/core, every sub-client', { core: 'packages/core/dist/index.js' }, 'core', 25);
await measure('login form entry (lit + core + element + ru)', { 'mfc-login-form': 'packages/widgets/dist/mfc-login-form.js' }, 'mfc-login-form', 35);
await measure('uploader entry (lit + core + element + ru)', { 'mfc-document-uploader': 'packages/widgets/dist/mfc-document-uploader.js' }, 'mfc-document-uploader', 35);
// mfc-cabinet.js defines the eager features as it starts and the in-page ones when their
// tag is in the page: their chunks are part of a page's first load.
const { features: widgetFeatures } = await import(pathToFileURL(resolve('packages/widgets/dist/features.js')).href);
const registration = (feature) => resolve(`packages/widgets/dist/${feature.tags[0]}.js`);
const cabinetEntry = { 'mfc-cabinet': 'packages/widgets/dist/bundle/mfc-cabinet.js' };
const pageLoads = (tags) => widgetFeatures.filter((feature) => feature.bundle === 'eager' || feature.tags.some((tag) => tags.includes(tag))).map(registration);
// The example site's pages with mfc-cabinet.js. A budget is enforced; a goal not yet met is
// reported beside the figure (the shared runtime chunk is the work that meets it).
const pages = [
  ['index.html', { goal: 40 }],
  ['services.html', { budget: 60 }],
  ['applications.html', { goal: 55 }],
];
for (const [page, { budget = null, goal }] of pages) {
  const tags = [...new Set([...readFileSync(`examples/municipal-site/${page}`, 'utf8').matchAll(/<(mfc-[a-z-]+)/g)].map((match) => match[1]))];
  await measure(`page ${page} (${tags.join(', ')})`, cabinetEntry, 'mfc-cabinet', budget, pageLoads(tags));
  rows.at(-1).goal = goal;
}
{
  const sub = Object.keys(realFeatures).length;
  const entry = { 'mfc-login-form': 'packages/widgets/dist/mfc-login-form.js' };
  const size = async (total) => firstLoad(await build(entry, [syntheticFeatures(total)]), 'mfc-login-form').bytes;
  const base = await size(sub);
  const twelve = await size(12);
  rows.push({ label: `sign-in entry: cost per sub-client (${sub} → 12 synthetic)`, bytes: (twelve - base) / (12 - sub), budget: 0.3 * 1024, files: [], lazy: [] });
}
// Staff pages only; no budget, reported so that its growth is seen.
await measure('@mfc-cabinet/core/operator (staff pages)', { operator: 'packages/core/dist/operator/index.js' }, 'operator', null);

let over = false;
console.log('\nFirst load, min+gzip (budgets: docs/budgets.md)\n');
for (const row of rows) {
  const ok = row.budget === null || row.bytes <= row.budget;
  over ||= !ok;
  const budget = row.budget !== null ? `/ ${kb(row.budget)}` : row.goal ? `(goal ${row.goal} KB${row.bytes > row.goal * 1024 ? ', not yet met' : ''})` : '(no budget)';
  const missed = row.goal && row.bytes > row.goal * 1024;
  console.log(`${!ok ? 'OVER' : missed ? 'goal' : 'ok  '}  ${row.label.padEnd(56)} ${kb(row.bytes).padStart(9)}  ${budget}`);
  if (process.env.BENCH_FILES) for (const file of row.files) console.log('        first:', file);
  for (const lazy of row.lazy) console.log(`        lazy: ${lazy.name.padEnd(40)} ${kb(lazy.bytes).padStart(9)}`);
}
console.log(over ? '\nSome first loads are over budget.' : '\nEvery first load is within budget.');
// Sizes are deterministic: over budget fails the build (npm test runs this).
if (over) process.exitCode = 1;
