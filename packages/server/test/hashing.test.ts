/**
 * Password hashing under a flood of sign-ins: a few hashes at once, fairly per client
 * address, known browsers first, so that the rest of the server keeps answering. Orders
 * of events are asserted, never durations.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { HashingBusy, HashingQueue } from '../src/security/hashing-queue.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { assertProblem, startServer, TestBrowser, type TestServer } from './helpers.js';

/** A settable promise, to hold a hash until the test lets it finish. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('the hashing queue', () => {
  test('waiting hashes are taken from the addresses in turn, not in arrival order', async () => {
    const queue = new HashingQueue({ slots: 1, reservedSlots: 0, perClient: 10, maxWaiting: 10 });
    const order: string[] = [];
    const first = gate();
    const hashes = [queue.run(() => first.promise.then(() => void order.push('a0')), { client: 'a', priority: false })];
    for (const name of ['a1', 'a2', 'a3', 'b0', 'b1', 'c0']) {
      hashes.push(queue.run(async () => void order.push(name), { client: name[0]!, priority: false }));
    }
    assert.equal(queue.running, 1);
    assert.equal(queue.waiting, 6);
    first.open();
    await Promise.all(hashes);
    assert.deepEqual(order, ['a0', 'a1', 'b0', 'c0', 'a2', 'b1', 'a3']);
  });

  test('a known browser goes first and has a slot of its own', async () => {
    const queue = new HashingQueue({ slots: 1, reservedSlots: 1, perClient: 10, maxWaiting: 10 });
    const order: string[] = [];
    const held = gate();
    const hashes = [queue.run(() => held.promise.then(() => void order.push('flood-0')), { client: 'x', priority: false })];
    hashes.push(queue.run(async () => void order.push('flood-1'), { client: 'y', priority: false }));
    hashes.push(queue.run(async () => void order.push('owner'), { client: 'z', priority: true }));
    // The owner runs in the reserved slot while the ordinary one is still taken.
    await hashes[2];
    assert.deepEqual(order, ['owner']);
    assert.equal(queue.waiting, 1);
    held.open();
    await Promise.all(hashes);
    assert.deepEqual(order, ['owner', 'flood-0', 'flood-1']);
  });

  test('an address beyond its share, or a full queue, is refused; a known browser only by its share', async () => {
    const queue = new HashingQueue({ slots: 1, reservedSlots: 1, perClient: 2, maxWaiting: 2 });
    const held = gate();
    const hold = () => held.promise;
    const hashes = [queue.run(hold, { client: 'a', priority: false }), queue.run(hold, { client: 'a', priority: false })];
    assert.throws(() => queue.admit({ client: 'a', priority: false }), HashingBusy);
    hashes.push(queue.run(hold, { client: 'b', priority: false }));
    assert.throws(() => queue.admit({ client: 'c', priority: false }), HashingBusy, 'one running and two waiting');
    const owner = queue.admit({ client: 'c', priority: true });
    owner.release();
    // The server's own hashes are never refused.
    hashes.push(queue.run(hold));
    held.open();
    await Promise.all(hashes);
    queue.admit({ client: 'a', priority: false }).release();
  });
});

describe('sign-in over the limit of one address', () => {
  let server: TestServer;
  before(async () => (server = await startServer()));
  after(() => server.close());

  test('one address gets 4 password checks at a time; beyond, 429 with Retry-After, and the lockout counts no try', async () => {
    const account = await server.createAccount();
    const other = await server.createAccount();
    const flooder = () => server.browser({ remoteAddress: '192.0.2.50' });
    const [neighbour, ...burst] = await Promise.all([
      server.browser({ remoteAddress: '192.0.2.51' }).login(other.phone, other.password),
      ...Array.from({ length: 10 }, (_, i) => flooder().login(account.phone, `wrong-${i}`)),
    ]);
    assert.equal(neighbour!.statusCode, 200, 'another address is not held up');
    const checked = burst.filter(({ statusCode }) => statusCode === 401);
    const refused = burst.filter(({ statusCode }) => statusCode === 429);
    assert.equal(checked.length, 4);
    assert.equal(refused.length, 6);
    for (const response of refused) {
      const problem = assertProblem(response, 429, 'rate_limited');
      assert.ok(Number(response.headers['retry-after']) >= 1);
      assert.equal(String(problem.retryAfter), response.headers['retry-after']);
      assert.match(String(problem.detail), /Попробуйте снова через/);
    }
    // Only the four checked guesses counted: the fifth locks.
    assertProblem(await flooder().login(account.phone, 'wrong-again'), 423, 'account_locked');
  });
});

describe('a flood of sign-ins with production-strength hashing', () => {
  let database: TestDatabase;
  let strong: App;
  before(async () => {
    database = await createTestDatabase('mfc-flood-');
    // Production-strength hashing (almost), so that hashes take long enough to queue.
    const config = { ...loadConfig({ MFC_MODE: 'test', ...database.env, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000' }), passwordHashCost: 14 };
    strong = await buildApp(config);
  });
  after(async () => {
    await strong.close();
    await database.drop();
  });

  const floodSize = 24;

  /**
   * Sends `floodSize` wrong sign-ins from as many addresses; resolves once the first is
   * answered, when the others are hashing or waiting to. `answered()` counts the answers so far.
   */
  async function flood(network: string) {
    let answered = 0;
    let first!: () => void;
    const firstAnswered = new Promise<void>((resolve) => (first = resolve));
    const all = Promise.all(
      Array.from({ length: floodSize }, async (_, i) => {
        const browser = new TestBrowser(strong, { remoteAddress: `${network}.${i + 1}` });
        const response = await browser.login(`+7 800 ${network.replaceAll('.', '').slice(-3)}-${String(i).padStart(2, '0')}-00`, 'wrong');
        answered++;
        first();
        return response;
      }),
    );
    await firstAnswered;
    return { answered: () => answered, all };
  }

  test('a catalog read is answered while hashes are queued, not after them', async () => {
    const { answered, all } = await flood('10.20.0');
    const catalog = await new TestBrowser(strong, { remoteAddress: '10.30.0.1' }).get('/api/v1/catalog/services', { 'accept-encoding': 'gzip' });
    const answeredBefore = answered();
    assert.equal(catalog.statusCode, 200);
    assert.equal(catalog.headers['content-encoding'], 'gzip', 'compressed, on the thread pool the hashes use too');
    const responses: LightMyRequestResponse[] = await all;
    assert.ok(responses.every(({ statusCode }) => statusCode === 401));
    assert.ok(answeredBefore <= floodSize / 2, `${answeredBefore} of ${floodSize} sign-ins were answered before the catalog`);
  });

  test('a browser known to the account signs in ahead of the flood', async () => {
    const citizen = new TestBrowser(strong, { remoteAddress: '10.40.0.1' });
    const created = await new TestBrowser(strong).post('/api/v1/test/accounts', {});
    const account = created.json() as { phone: string; password: string };
    assert.equal((await citizen.login(account.phone, account.password)).statusCode, 200);

    const { answered, all } = await flood('10.50.0');
    const own = await citizen.login(account.phone, account.password);
    const answeredBefore = answered();
    assert.equal(own.statusCode, 200, own.body);
    await all;
    assert.ok(answeredBefore <= floodSize / 2, `${answeredBefore} of ${floodSize} sign-ins were answered before the citizen's`);
  });
});
