// Fails when a source file of a package is over the limit of lines: every
// `packages/*/src/**/*.ts` (styles included) but tests (`*.test.ts`), data (a `data/`
// folder) and migrations (a path containing `migration`). Prints each file over the limit
// with its count. Usage: node scripts/check-file-sizes.mjs [limit]  (400 by default)
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

const over = [];
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
    if (lines > limit) over.push({ file: relative(root, file).split(sep).join('/'), lines });
  }
}

if (over.length > 0) {
  over.sort((a, b) => b.lines - a.lines);
  console.error(`${over.length} of ${checked} source files are over ${limit} lines:`);
  for (const { file, lines } of over) console.error(`  ${file}: ${lines} lines (limit ${limit})`);
  process.exit(1);
}
console.log(`All ${checked} source files are at most ${limit} lines.`);
