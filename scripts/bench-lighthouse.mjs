#!/usr/bin/env node
// Lighthouse benchmark of the example municipal site: every page (/, /services.html,
// /applications.html; LH_PAGES=/,/services.html picks some) through Lighthouse's default
// mobile preset (a mid-range phone, simulated slow 4G and CPU throttling), LH_RUNS runs
// each (3 by default), median, next to the goals of docs/budgets.md. For each page it also
// names the Largest Contentful Paint element, the largest layout shifts, every failing
// accessibility or best-practices audit (console errors, …) and the performance audits
// that would save the most, so a reader knows what to fix.
// Starts the built demo server (npm run build first; npm run bench:lighthouse does it) on
// 127.0.0.1 with a fresh database, and Chromium (CHROME_PATH, /usr/bin/chromium by default)
// through Lighthouse's chrome-launcher. Reports; exits 0 unless it could not run at all.
import { readFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startTestServer } from './test-server.mjs';

const runs = Math.max(1, Number(process.env.LH_RUNS ?? 3));
const pages = process.env.LH_PAGES?.split(',') ?? ['/', '/services.html', '/applications.html'];
const chromePath = (process.env.CHROME_PATH ??= '/usr/bin/chromium');
const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-gpu'];
const lighthouseVersion = JSON.parse(readFileSync(new URL('../node_modules/lighthouse/package.json', import.meta.url), 'utf8')).version;

/** The goals, as each column is measured: a score 0–100, milliseconds, or a layout shift. */
const columns = [
  { id: 'performance', label: 'performance', read: (lhr) => score(lhr, 'performance'), goal: (value) => value >= 95, goalText: '≥ 95', show: String },
  { id: 'tbt', label: 'TBT', read: (lhr) => lhr.audits['total-blocking-time'].numericValue, goal: (value) => value <= 200, goalText: '≤ 200 ms', show: (value) => `${Math.round(value)} ms` },
  { id: 'lcp', label: 'LCP', read: (lhr) => lhr.audits['largest-contentful-paint'].numericValue, goal: (value) => value <= 2500, goalText: '≤ 2.5 s', show: (value) => `${(value / 1000).toFixed(2)} s` },
  { id: 'cls', label: 'CLS', read: (lhr) => lhr.audits['cumulative-layout-shift'].numericValue, goal: (value) => value <= 0.1, goalText: '≤ 0.1', show: (value) => value.toFixed(3) },
  { id: 'a11y', label: 'accessibility', read: (lhr) => score(lhr, 'accessibility'), goal: (value) => value >= 100, goalText: '100', show: String },
  { id: 'bp', label: 'best practices', read: (lhr) => score(lhr, 'best-practices'), goal: (value) => value >= 100, goalText: '100', show: String },
];

function score(lhr, category) {
  const value = lhr.categories[category]?.score;
  return value == null ? NaN : Math.round(value * 100);
}

const median = (values) => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The LCP element as Lighthouse describes it: its selector and markup. */
function lcpElement(lhr) {
  const details = lhr.audits['largest-contentful-paint-element']?.details;
  const tables = details?.type === 'list' ? details.items : [details];
  for (const table of tables) {
    const node = table?.items?.find((item) => item.node)?.node;
    if (node) return `${node.selector ?? node.nodeLabel} — ${node.snippet ?? ''}`.trim();
  }
  return '(none reported)';
}

/** A short line for each item of a failing audit (console errors, offending nodes, …). */
function auditItems(audit) {
  const items = audit.details?.items ?? [];
  return items.slice(0, 5).map((item) => {
    if (item.node) return item.node.snippet ?? item.node.selector ?? '';
    const text = item.description ?? item.text ?? item.issueType ?? item.value?.formattedDefault ?? '';
    const source = typeof item.source === 'string' ? item.source : '';
    const url = item.sourceLocation?.url ?? item.url ?? (typeof item.source === 'object' ? item.source?.url : '') ?? '';
    return [source, url, text].filter(Boolean).join(': ');
  });
}

/** Scored audits of `category` that did not pass, with what they point at. */
function failingAudits(lhr, category) {
  return (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit && audit.score !== null && audit.score < 1)
    .map((audit) => ({ id: audit.id, title: audit.title, items: auditItems(audit) }));
}

/** The performance audits with the largest estimated savings. */
function opportunities(lhr) {
  return Object.values(lhr.audits)
    .filter((audit) => audit.score !== null && audit.score < 0.9 && (audit.metricSavings?.LCP > 0 || audit.metricSavings?.TBT > 0 || audit.metricSavings?.FCP > 0))
    .map((audit) => ({ audit, savings: Math.max(audit.metricSavings.LCP ?? 0, audit.metricSavings.TBT ?? 0, audit.metricSavings.FCP ?? 0) }))
    .sort((a, b) => b.savings - a.savings)
    .slice(0, 4)
    .map(({ audit, savings }) => `${audit.title} (${audit.id}, about ${Math.round(savings)} ms${audit.displayValue ? `; ${audit.displayValue}` : ''})`);
}

const pad = (text, width) => String(text).padEnd(width);

/**
 * Asks for every page and the files it names once, so that no measured run pays for the
 * server compressing a bundle for the first time.
 */
async function warmUp(origin) {
  const urls = new Set();
  for (const path of pages) {
    const html = await (await fetch(origin + path)).text();
    for (const [, url] of html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css|svg))"/g)) urls.add(url);
  }
  for (const url of urls) await (await fetch(origin + url, { headers: { 'accept-encoding': 'br, gzip' } })).arrayBuffer();
}

const server = await startTestServer({ mode: 'demo' });
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags });
const results = [];
try {
  const origin = server.url.replace('127.0.0.1', 'localhost');
  await warmUp(server.url);
  for (const path of pages) {
    const reports = [];
    for (let run = 0; run < runs; run += 1) {
      const result = await lighthouse(origin + path, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      });
      if (!result?.lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
      if (result.lhr.runtimeError) console.warn(`${path}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
      reports.push(result.lhr);
    }
    results.push({ path, reports });
  }
} finally {
  await chrome.kill();
  await server.stop();
}

const userAgent = results[0]?.reports[0]?.environment?.hostUserAgent ?? '';
console.log(`\nLighthouse ${lighthouseVersion}, default mobile preset (simulated throttling), median of ${runs} runs per page`);
console.log(`${/(?:Headless)?Chrome\/[\d.]+/.exec(userAgent)?.[0] ?? 'Chromium'} at ${chromePath}, flags ${chromeFlags.join(' ')}\n`);
const widths = [22, 13, 11, 10, 9, 15, 15];
const row = (cells) => cells.map((cell, index) => pad(cell, widths[index])).join('');
console.log(row(['page', ...columns.map((column) => column.label)]));
console.log(row(['goal', ...columns.map((column) => column.goalText)]));
console.log('-'.repeat(widths.reduce((sum, width) => sum + width, 0)));
for (const { path, reports } of results) {
  const cells = columns.map((column) => {
    const value = median(reports.map((lhr) => column.read(lhr)));
    if (!Number.isFinite(value)) return 'n/a';
    return `${column.show(value)} ${column.goal(value) ? '✓' : '✗'}`;
  });
  console.log(row([path, ...cells]));
}

for (const { path, reports } of results) {
  console.log(`\n${path}`);
  console.log(`  every run: ${reports.map((lhr) => `perf ${score(lhr, 'performance')}, LCP ${(lhr.audits['largest-contentful-paint'].numericValue / 1000).toFixed(2)} s`).join(' | ')}`);
  console.log(`  LCP element: ${lcpElement(reports[0])}`);
  for (const [category, label] of [
    ['accessibility', 'accessibility'],
    ['best-practices', 'best practices'],
  ]) {
    const failing = new Map();
    for (const lhr of reports) {
      for (const audit of failingAudits(lhr, category)) {
        const seen = failing.get(audit.id) ?? { ...audit, runs: 0 };
        seen.runs += 1;
        failing.set(audit.id, seen);
      }
    }
    if (failing.size === 0) console.log(`  ${label}: every audit passes`);
    for (const audit of failing.values()) {
      console.log(`  ${label} fails: ${audit.title} (${audit.id}, ${audit.runs} of ${runs} runs)`);
      for (const item of audit.items) console.log(`      ${item.replace(/\s+/g, ' ').slice(0, 200)}`);
    }
  }
  const shifts = (reports[0].audits['layout-shifts']?.details?.items ?? []).filter((item) => item.node).slice(0, 3);
  for (const shift of shifts) {
    console.log(`  layout shift ${Number(shift.score).toFixed(3)}: ${shift.node.selector ?? ''} — ${(shift.node.snippet ?? '').slice(0, 120)}`);
  }
  const savings = opportunities(reports[0]);
  if (savings.length > 0) console.log(`  performance, largest savings: ${savings.join('; ')}`);
}
console.log('\nGoals: performance ≥ 95, TBT ≤ 200 ms, LCP ≤ 2.5 s, CLS ≤ 0.1, accessibility 100, best practices 100 (docs/budgets.md).');
