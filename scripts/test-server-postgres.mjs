#!/usr/bin/env node
/**
 * The server's test suite on PostgreSQL: the same files as `npm run test:server`, with
 * `TEST_DATABASE=postgres` (each test server gets a database of its own, dropped when it
 * closes: `packages/server/test/database.ts`).
 *
 * Which PostgreSQL:
 * - `PG_TEST_URL` (`postgres://user:password@host:port/db`, a role that may create databases): that one;
 * - else a throwaway cluster made with `initdb` of `/usr/lib/postgresql/<version>/bin` (the
 *   Debian packages; as the `postgres` user when run as root), on a free 127.0.0.1 port with
 *   trust authentication, in a temporary folder removed at the end — on failure and Ctrl-C too;
 * - else the suite is skipped, saying so: exit 0, but 1 with `CI=true` (CI must run both halves).
 *   (`POSTGRES_LIB_DIR` replaces `/usr/lib/postgresql`, e.g. to see this case.)
 *
 * `--keep-cluster` only starts the cluster, prints its URL and waits for Ctrl-C (to run single
 * test files against it: `TEST_DATABASE=postgres PG_TEST_URL=… node --import tsx --test …`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const testDir = join(root, 'packages/server/test');
const keepCluster = process.argv.includes('--keep-cluster');

/** The newest `initdb` of the Debian layout, if any. */
function findInitdb() {
  const base = process.env.POSTGRES_LIB_DIR || '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((version) => existsSync(join(base, version, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(base, versions[0], 'bin') : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const isRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program, as `postgres` when this is root (they refuse root). */
function pgRun(bin, args) {
  const [command, fullArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(command, fullArgs, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
}

/** A cluster of its own in a temporary folder; `stop()` stops it and removes the folder. */
async function startCluster(bin) {
  const folder = mkdtempSync(join(tmpdir(), 'mfc-pg-test-'));
  chmodSync(folder, 0o755);
  if (isRoot) spawnSync('chown', ['postgres:postgres', folder]);
  const data = join(folder, 'data');
  const port = await freePort();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      pgRun(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Not started, or already gone.
    }
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    pgRun(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    // Throwaway data: no durability, which makes the suite faster.
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    pgRun(join(bin, 'pg_ctl'), ['-D', data, '-l', join(folder, 'log'), '-o', options, '-w', '-t', '60', 'start']);
  } catch (error) {
    stop();
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

let cluster;
const cleanUp = () => cluster?.stop();
process.on('exit', cleanUp);

let url = process.env.PG_TEST_URL;
if (!url) {
  const bin = findInitdb();
  if (!bin) {
    const ci = process.env.CI === 'true';
    console.log(`PostgreSQL not found: the PostgreSQL half of the server tests is SKIPPED${ci ? ' — and CI=true needs it: failing' : ''} (no PG_TEST_URL, no /usr/lib/postgresql/*/bin/initdb).`);
    process.exit(ci ? 1 : 0);
  }
  cluster = await startCluster(bin);
  url = cluster.url;
  console.log(`PostgreSQL: a throwaway cluster of ${bin} at ${url}`);
} else {
  console.log(`PostgreSQL: PG_TEST_URL (${new URL(url).host})`);
}

if (keepCluster) {
  console.log(`TEST_DATABASE=postgres PG_TEST_URL=${url}  (Ctrl-C stops and removes the cluster)`);
  const finish = () => process.exit(0);
  process.on('SIGINT', finish);
  process.on('SIGTERM', finish);
  setInterval(() => {}, 1 << 30);
} else {
  const files = readdirSync(testDir)
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => join('packages/server/test', name));
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE: 'postgres', PG_TEST_URL: url },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    console.log(`Server tests on PostgreSQL: ${code === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s.`);
    process.exit(code ?? (signal ? 1 : 0));
  });
}
