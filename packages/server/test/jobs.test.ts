import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createTestDatabase, onPostgres, type TestDatabase } from './database.js';
import { snilsFromBody } from '../src/accounts/test-citizens.js';
import { randomDigits } from '../src/security/tokens.js';
import { signIn, startServer, TestBrowser, type TestAccount, type TestServer } from './helpers.js';

/** A server on `database`, which outlives it (unlike `startServer`'s): a restart, or two instances. */
async function serverOn(database: TestDatabase, env: Record<string, string> = {}): Promise<App> {
  return buildApp(
    loadConfig({ MFC_MODE: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', REGISTRY_CHECK_DELAY_MS: '0', ...database.env, ...env }),
  );
}

const jobsOf = (app: App, kind: string) => app.db.selectFrom('jobs').selectAll().where('kind', '=', kind).orderBy('id').execute();

describe('durable jobs', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  test('a job queued runs once, and is kept as finished', async () => {
    const ran: unknown[] = [];
    server.jobs.define('test:once', async (payload) => void ran.push(payload));
    assert.equal(await server.jobs.enqueue('test:once', { n: 1 }), true);
    await server.settled();
    await server.settled();
    assert.deepEqual(ran, [{ n: 1 }]);
    const [row] = await jobsOf(server, 'test:once');
    assert.ok(row && row.finishedAt !== null && row.lastError === null);
    assert.equal(row.attempts, 1);
  });

  test('a failing job runs again after its backoff, then is given up with its error', async () => {
    let runs = 0;
    server.jobs.define(
      'test:failing',
      async () => {
        runs += 1;
        throw new Error(`failure ${runs}`);
      },
      { maxAttempts: 3, backoff: (attempt) => attempt * 1000 },
    );
    await server.jobs.enqueue('test:failing', null);
    await server.settled();
    assert.equal(runs, 1);
    let [row] = await jobsOf(server, 'test:failing');
    assert.equal(row?.finishedAt, null);
    assert.match(row?.lastError ?? '', /failure 1/);

    await server.advance(999);
    await server.settled();
    assert.equal(runs, 1, 'not before its backoff');
    await server.advance(1);
    await server.settled();
    assert.equal(runs, 2);
    await server.advance(2000);
    await server.settled();
    assert.equal(runs, 3);
    [row] = await jobsOf(server, 'test:failing');
    assert.ok(row && row.finishedAt !== null, 'given up after its last attempt');
    assert.match(row.lastError ?? '', /failure 3/);
    assert.equal(row.attempts, 3);
    await server.advance(60_000);
    await server.settled();
    assert.equal(runs, 3);
  });

  test('a key queues one unfinished job; once it ran, the key may be queued again', async () => {
    let runs = 0;
    server.jobs.define('test:keyed', async () => void (runs += 1));
    const runAt = server.clock.now() + 5000;
    assert.equal(await server.jobs.enqueue('test:keyed', null, { key: 'reminder:a', runAt }), true);
    assert.equal(await server.jobs.enqueue('test:keyed', null, { key: 'reminder:a', runAt }), false);
    assert.equal(await server.jobs.enqueue('test:keyed', null, { key: 'reminder:b', runAt }), true);
    await server.advance(5000);
    await server.settled();
    assert.equal(runs, 2);
    assert.equal(await server.jobs.enqueue('test:keyed', null, { key: 'reminder:a' }), true);
    await server.settled();
    assert.equal(runs, 3);
  });

  test('a job queued in a transaction that rolls back is not queued', async () => {
    let runs = 0;
    server.jobs.define('test:in-transaction', async () => void (runs += 1));
    await assert.rejects(
      server.db.transaction().execute(async (trx) => {
        await server.jobs.enqueue('test:in-transaction', null, { db: trx });
        throw new Error('rolled back');
      }),
      /rolled back/,
    );
    await server.db.transaction().execute((trx) => server.jobs.enqueue('test:in-transaction', null, { db: trx }));
    await server.settled();
    assert.equal(runs, 1);
    assert.equal((await jobsOf(server, 'test:in-transaction')).length, 1);
  });

  test('a recurring job has one run queued, and the next after each run', async () => {
    let runs = 0;
    server.jobs.define('test:tick', async () => void (runs += 1));
    await server.jobs.every('test:tick', 60_000);
    await server.jobs.every('test:tick', 60_000);
    await server.settled();
    assert.equal(runs, 1);
    let rows = await jobsOf(server, 'test:tick');
    assert.deepEqual(rows.map(({ finishedAt }) => finishedAt === null), [false, true]);
    assert.equal(rows[1]?.runAt, server.clock.now() + 60_000);
    await server.advance(59_999);
    await server.settled();
    assert.equal(runs, 1);
    await server.advance(1);
    await server.settled();
    assert.equal(runs, 2);
    rows = await jobsOf(server, 'test:tick');
    assert.equal(rows.filter(({ finishedAt }) => finishedAt === null).length, 1);
  });

  test('a job leased by an instance that died is taken again when its lease expires', async () => {
    let runs = 0;
    server.jobs.define('test:orphan', async () => void (runs += 1));
    const now = server.clock.now();
    await server.db
      .insertInto('jobs')
      .values({ id: 'orphan', kind: 'test:orphan', key: null, payload: 'null', runAt: now, attempts: 1, maxAttempts: 5, leaseOwner: 'dead', leaseUntil: now + 1000, lastError: null, createdAt: now, finishedAt: null })
      .execute();
    await server.settled();
    assert.equal(runs, 0, 'not while its lease holds');
    await server.advance(1000);
    await server.settled();
    assert.equal(runs, 1);
    const [row] = await jobsOf(server, 'test:orphan');
    assert.equal(row?.attempts, 2);
  });
});

test('a job survives a restart, and one a stopped instance had taken runs when its lease expires', async () => {
  const database = await createTestDatabase();
  try {
    const first = await serverOn(database);
    first.jobs.define('test:durable', async () => {});
    // An hour ahead: the next server's clock starts at the real time, later than this one's.
    const runAt = first.clock.now() + 3_600_000;
    await first.jobs.enqueue('test:durable', { queued: true }, { runAt });
    await first.jobs.enqueue('test:durable', { taken: true }, { runAt, key: 'taken' });
    // As if the first instance had taken it and died before it finished.
    await first.db.updateTable('jobs').set({ leaseOwner: first.jobs.owner, leaseUntil: runAt + 300_000, attempts: 1 }).where('key', '=', 'taken').execute();
    await first.close();

    const second = await serverOn(database);
    try {
      const ran: unknown[] = [];
      second.jobs.define('test:durable', async (payload) => void ran.push(payload));
      const clock = second.clock as unknown as { advance(ms: number): number };
      await second.settled();
      assert.deepEqual(ran, []);
      clock.advance(3_600_000);
      await second.settled();
      assert.deepEqual(ran, [{ queued: true }]);
      clock.advance(300_000);
      await second.settled();
      assert.deepEqual(ran, [{ queued: true }, { taken: true }]);
      const rows = await jobsOf(second, 'test:durable');
      assert.deepEqual(rows.map(({ attempts, finishedAt }) => [attempts, finishedAt !== null]), [[1, true], [2, true]]);
    } finally {
      await second.close();
    }
  } finally {
    await database.drop();
  }
});

test('a registry check queued before a restart is done by the next server', async () => {
  const database = await createTestDatabase();
  try {
    const first = await serverOn(database);
    const created = await new TestBrowser(first).post('/api/v1/test/accounts', {});
    assert.equal(created.statusCode, 200, created.body);
    const account = created.json() as TestAccount;
    // The first server takes no more jobs: the check it queues waits in the database.
    await first.jobs.stop();
    const browser = new TestBrowser(first);
    const { csrfToken } = await signIn(browser, account);
    const formatted = snilsFromBody(`3${randomDigits(8)}`);
    const snils = formatted.replace(/\D/g, '');
    const passport = { series: '45 10', number: '123456', issuedAt: '2010-06-01', issuedBy: 'ОВД района Заречный' };
    const form = { lastName: 'Заречная', firstName: 'Анна', middleName: 'Сергеевна', birthDate: '1990-05-17', passport, snils, inn: '500100732259' };
    const response = await browser.request({ method: 'PUT', url: '/api/v1/profile/personal-data', payload: form, headers: { 'x-csrf-token': csrfToken } });
    assert.equal(response.statusCode, 200, response.body);
    await first.settled();
    const waiting = await first.db.selectFrom('accounts').select(['registryStatus']).where('id', '=', account.id).executeTakeFirstOrThrow();
    assert.equal(waiting.registryStatus, 'pending');
    await first.close();

    const second = await serverOn(database);
    try {
      await second.settled();
      const checked = await second.db.selectFrom('accounts').select(['registryStatus', 'snils', 'level']).where('id', '=', account.id).executeTakeFirstOrThrow();
      assert.deepEqual(checked, { registryStatus: 'verified', snils: formatted, level: 'standard' });
    } finally {
      await second.close();
    }
  } finally {
    await database.drop();
  }
});

test('two instances on one PostgreSQL database run each job exactly once', { skip: onPostgres ? false : 'PostgreSQL only (SQLite has one instance): run npm run test:server:pg' }, async () => {
  const database = await createTestDatabase();
  const env = { JOB_POLL_MS: '5' };
  const [a, b] = [await serverOn(database, env), await serverOn(database, env)];
  try {
    const runs = new Map<number, string[]>();
    for (const [name, app] of [['a', a], ['b', b]] as const) {
      app.jobs.define('test:shared', async ({ n }: { n: number }) => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        runs.set(n, [...(runs.get(n) ?? []), name]);
      });
    }
    const count = 60;
    await Promise.all(Array.from({ length: count }, (_, n) => a.jobs.enqueue('test:shared', { n })));
    await Promise.all([a.settled(), b.settled()]);
    assert.equal(runs.size, count);
    assert.deepEqual([...runs.values()].filter((by) => by.length !== 1), [], 'jobs run more than once');
    const rows = await jobsOf(a, 'test:shared');
    assert.ok(rows.every(({ finishedAt, attempts }) => finishedAt !== null && attempts === 1));
    const byB = [...runs.values()].filter(([by]) => by === 'b').length;
    assert.ok(byB > 0 && byB < count, `both instances took jobs (b ran ${byB} of ${count})`);
  } finally {
    await Promise.all([a.close(), b.close()]);
    await database.drop();
  }
});
