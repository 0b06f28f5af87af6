#!/usr/bin/env node
// Size benchmark: min+gzip of what a page loads first (an entry and every chunk it imports
// statically), next to the budgets of DESIGN.md. Lazily loaded chunks are listed apart.
// Builds in memory from the tsc output, so run `npm run build:ts` first (npm run bench:size
// does it).
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import config from '../rollup.config.mjs';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gzipSize = (code) => gzipSync(code, { level: 9 }).length;

async function build(input) {
  const bundle = await rollup({ ...config, input, plugins: [nodeResolve({ browser: true }), terser({ ecma: 2022, module: true, format: { comments: false } })] });
  const { output } = await bundle.generate({ format: 'es', chunkFileNames: 'chunks/[name]-[hash].js' });
  await bundle.close();
  return new Map(output.filter((item) => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
}

function firstLoad(chunks, entryName) {
  const seen = new Set();
  const lazy = new Set();
  const visit = (fileName) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    const chunk = chunks.get(fileName);
    chunk.imports.forEach(visit);
    chunk.dynamicImports.forEach((name) => lazy.add(name));
  };
  visit(`${entryName}.js`);
  for (const name of seen) lazy.delete(name);
  const size = (names) => [...names].reduce((sum, name) => sum + gzipSize(chunks.get(name).code), 0);
  return { files: [...seen], bytes: size(seen), lazy: [...lazy].map((name) => ({ name, bytes: size([name]) })) };
}

const rows = [];
const measure = async (label, input, entryName, budgetKb) => {
  const chunks = await build(input);
  const result = firstLoad(chunks, entryName);
  rows.push({ label, ...result, budget: budgetKb * 1024 });
};

// Core: every export of the SDK kept (a page that uses all of it).
await measure('@mfc-cabinet/core, every sub-client', { core: 'packages/core/dist/index.js' }, 'core', 25);
await measure('login form entry (lit + core + element + ru)', { 'mfc-login-form': 'packages/widgets/dist/mfc-login-form.js' }, 'mfc-login-form', 35);
await measure('mfc-cabinet.js with every widget', { 'mfc-cabinet': 'packages/widgets/dist/bundle/mfc-cabinet.js' }, 'mfc-cabinet', 70);

let over = false;
console.log('\nFirst load, min+gzip (budget from DESIGN.md)\n');
for (const row of rows) {
  const ok = row.bytes <= row.budget;
  over ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'}  ${row.label.padEnd(48)} ${kb(row.bytes).padStart(9)}  / ${kb(row.budget)}`);
  for (const lazy of row.lazy) console.log(`        lazy: ${lazy.name.padEnd(40)} ${kb(lazy.bytes).padStart(9)}`);
}
console.log(over ? '\nSome first loads are over budget.' : '\nEvery first load is within budget.');
