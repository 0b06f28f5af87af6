#!/usr/bin/env node
// API benchmark over loopback: the catalog read the service-catalog widget makes when it
// opens (anonymous, as a browser sends it), through the real reference server, next to a
// bare Fastify route and a raw node:http server answering the very same bytes and headers.
// autocannon, 20 connections, a warm-up then a measured run per target; it prints req/s and
// latency p50/p99, and the API as a share of raw (goal in docs/budgets.md: ≥ 75 % of raw).
// Numbers, not a test. Runs the tsc output: `npm run bench:api` builds it first.
//
// `node scripts/bench-api.mjs --serve fastify|raw <reply.json>` is the replaying server,
// run as a child process so that it has a core of its own, as the real server has.
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './test-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const self = fileURLToPath(import.meta.url);

// The widget's first page: no filters, popular first, 30 services (catalog-listing.ts).
const path = '/api/v1/catalog/services?limit=30';
const requestHeaders = { accept: 'application/json', 'accept-language': 'ru' };
const connections = 20;
const warmUpSeconds = 2;
const seconds = 5;
const goalPercent = 75;
// The per-IP limit still runs on every request; only its ceiling is out of the way of one
// client sending tens of thousands of requests a minute.
const rateLimitPerMinute = 100_000_000;
// The production default: a JSON line on stderr as each request comes and as it is answered.
const logLevel = process.env.LOG_LEVEL ?? 'info';

if (process.argv[2] === '--serve') await serve(process.argv[3], process.argv[4]);
else {
  // Interrupted, it still stops its servers: exiting runs the 'exit' handlers below.
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
  await bench();
}

/** A server answering every request with the recorded reply; tells its port to the parent and ends with it. */
async function serve(kind, replyFile) {
  const { body: text, headers } = JSON.parse(readFileSync(replyFile, 'utf8'));
  const body = Buffer.from(text);
  let port;
  if (kind === 'raw') {
    const server = createServer((_request, response) => {
      response.writeHead(200, headers);
      response.end(body);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = server.address().port;
  } else {
    const { default: Fastify } = await import('fastify');
    const app = Fastify();
    app.get('/api/v1/catalog/services', (_request, reply) => reply.headers(headers).send(body));
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = app.server.address().port;
  }
  process.send({ port });
  process.on('disconnect', () => process.exit(0));
}

/** The real server: demo mode (the seeded catalog), a fresh temporary database, a free port. */
async function startApi() {
  const dataDir = mkdtempSync(join(tmpdir(), 'mfc-cabinet-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'packages/server/dist/main.js')], {
    cwd: root,
    env: { ...process.env, MFC_MODE: 'demo', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: logLevel, RATE_LIMIT_PER_MINUTE: String(rateLimitPerMinute) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The log goes to a pipe, as under a container runtime or systemd; only its tail is kept, for errors.
  let output = '';
  const keep = (chunk) => (output = (output + chunk).slice(-4000));
  child.stderr.on('data', keep);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', () => {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  child.stdout.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output}`);
    if (await fetch(`${url}/api/v1/health`).then((response) => response.ok, () => false)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not start in 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, pid: child.pid, stop, output: () => output };
}

/** A replaying server of {@link serve} in a child process. */
async function startReplay(kind, replyFile) {
  const child = fork(self, ['--serve', kind, replyFile], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  process.once('exit', () => child.kill('SIGKILL'));
  const { port } = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`The ${kind} server exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

async function load(url, duration) {
  const { default: autocannon } = await import('autocannon');
  return autocannon({ url: `${url}${path}`, connections, duration, headers: requestHeaders });
}

/**
 * The CPU time a process has used, in seconds, from /proc (Linux; `undefined` elsewhere):
 * what one request costs the server, which a busy machine changes less than req/s.
 */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

async function measure({ url, pid }) {
  await load(url, warmUpSeconds);
  const cpuBefore = cpuSeconds(pid);
  const result = await load(url, seconds);
  const cpuAfter = cpuSeconds(pid);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMicros: cpuBefore === undefined || cpuAfter === undefined ? undefined : ((cpuAfter - cpuBefore) * 1e6) / result.requests.total,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

async function bench() {
  const stops = [];
  const work = (async () => {
    const api = await startApi();
    stops.push(api.stop);

    // What the widget gets: the bytes and the headers the replaying servers answer too.
    const response = await fetch(`${api.url}${path}`, { headers: requestHeaders });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${body}`);
    const skipped = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
    const headers = Object.fromEntries([...response.headers].filter(([name]) => !skipped.has(name)));
    const replyDir = mkdtempSync(join(tmpdir(), 'mfc-cabinet-bench-reply-'));
    const removeReply = () => rmSync(replyDir, { recursive: true, force: true });
    process.once('exit', removeReply);
    stops.push(async () => removeReply());
    const replyFile = join(replyDir, 'reply.json');
    writeFileSync(replyFile, JSON.stringify({ body, headers }));

    const rows = [];
    rows.push({ label: 'Cabinet API (packages/server, demo mode)', ...(await measure(api)) });
    for (const [kind, label] of [
      ['fastify', 'bare Fastify route, same bytes and headers'],
      ['raw', 'raw node:http, same bytes and headers'],
    ]) {
      const replay = await startReplay(kind, replyFile);
      stops.push(replay.stop);
      rows.push({ label, ...(await measure(replay)) });
      await replay.stop();
    }

    const anonymous = !('cookie' in requestHeaders);
    console.log(
      `\nCatalog read over loopback: GET ${path} (${anonymous ? 'anonymous' : 'signed in'}, accept-language: ru), ` +
        `${Buffer.byteLength(body).toLocaleString('en')} bytes of JSON`,
    );
    console.log(`autocannon, ${connections} connections, ${seconds} s measured after ${warmUpSeconds} s of warm-up per target`);
    console.log(`the API with its rate limit on (ceiling ${rateLimitPerMinute.toLocaleString('en')}/min per IP) and LOG_LEVEL=${logLevel}, its log to a pipe\n`);
    console.log(`${''.padEnd(48)}    req/s      p50      p99  of raw  server CPU per request`);
    const raw = rows.at(-1).rps;
    const ms = (value) => `${value} ms`.padStart(8);
    for (const { label, rps, p50, p99, cpuMicros, failed } of rows) {
      const share = `${((100 * rps) / raw).toFixed(0)} %`.padStart(7);
      const cpu = (cpuMicros === undefined ? '–' : `${cpuMicros.toFixed(0)} µs`).padStart(10);
      console.log(`${label.padEnd(48)} ${rps.toFixed(0).padStart(8)} ${ms(p50)} ${ms(p99)} ${share}  ${cpu}${failed ? `  (${failed} not 2xx or failed)` : ''}`);
    }
    const percent = (100 * rows[0].rps) / raw;
    console.log(`\n${percent >= goalPercent ? 'ok  ' : 'BELOW'}  API ${percent.toFixed(0)} % of raw (goal: ≥ ${goalPercent} % of raw)`);
    if (rows[0].failed) console.log(`\nThe API answered ${rows[0].failed} requests with an error; the end of its log:\n${api.output()}`);
  })();
  try {
    await work;
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}
