// Fails when a source file of a package is over the limit of lines: every
// `packages/*/src/**/*.ts` (styles included) but tests (`*.test.ts`), data (a `data/`
// folder) and migrations (a path containing `migration`). Prints each file over the limit
// with its count. Usage: node scripts/check-file-sizes.mjs [limit]  (400 by default)
//
// Files still waiting to be split are listed in file-size-exceptions.json with the count
// they had when listed: such a file may shrink but not grow, and an entry whose file is
// back under the limit must be removed, so the list only ever gets shorter.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const limit = Number(process.argv[2] ?? 400);

/** Every file under `dir`, recursively. */
function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

function counted(path) {
  const rel = relative(root, path).split(sep).join('/');
  if (!rel.endsWith('.ts') || rel.endsWith('.test.ts')) return false;
  if (rel.includes('/data/') || rel.includes('migration')) return false;
  return true;
}

/** Lines as an editor numbers them: a final newline does not start another line. */
function lineCount(text) {
  if (text === '') return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

const exceptions = JSON.parse(readFileSync(new URL('file-size-exceptions.json', import.meta.url), 'utf8'));
const over = [];
const stale = [];
let checked = 0;
for (const pkg of readdirSync(join(root, 'packages'), { withFileTypes: true })) {
  if (!pkg.isDirectory()) continue;
  const src = join(root, 'packages', pkg.name, 'src');
  let files;
  try {
    files = [...walk(src)];
  } catch {
    continue; // a package without src/
  }
  for (const file of files.filter(counted)) {
    checked += 1;
    const lines = lineCount(readFileSync(file, 'utf8'));
    const rel = relative(root, file).split(sep).join('/');
    const allowed = exceptions[rel];
    if (allowed !== undefined && lines <= limit) stale.push(rel);
    if (lines > Math.max(limit, allowed ?? 0)) over.push({ file: rel, lines, allowed });
  }
}

if (over.length > 0 || stale.length > 0) {
  over.sort((a, b) => b.lines - a.lines);
  if (over.length > 0) console.error(`${over.length} of ${checked} source files are over ${limit} lines:`);
  for (const { file, lines, allowed } of over) {
    console.error(`  ${file}: ${lines} lines (limit ${limit}${allowed ? `; listed as waiting to be split at ${allowed}, so it may not grow` : ''})`);
  }
  for (const file of stale) console.error(`  ${file} is at most ${limit} lines now: remove it from scripts/file-size-exceptions.json`);
  process.exit(1);
}
const waiting = Object.keys(exceptions).length;
console.log(`${checked - waiting} of ${checked} source files are at most ${limit} lines; ${waiting} listed as waiting to be split, none grown.`);
