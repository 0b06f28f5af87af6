import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertProblem, startServer, type TestBrowser, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startServer()));
after(() => server.close());

const minute = 60_000;

async function failTimes(browser: TestBrowser, identifier: string, times: number) {
  let last;
  for (let i = 0; i < times; i++) last = await browser.login(identifier, `wrong-${i}`);
  return last!;
}

describe('lockout after wrong passwords', () => {
  test('the attempts count down, and the fifth failure locks for 15 minutes', async () => {
    const account = await server.createAccount();
    const browser = server.browser();
    for (const left of [4, 3, 2, 1]) {
      assert.equal(assertProblem(await browser.login(account.phone, 'wrong'), 401, 'invalid_credentials').attemptsLeft, left);
    }
    const locked = await browser.login(account.phone, 'wrong');
    const problem = assertProblem(locked, 423, 'account_locked');
    assert.equal(problem.retryAfter, 900);
    assert.equal(locked.headers['retry-after'], '900');
    assert.match(String(problem.detail), /15 мин/);
  });

  test('while locked even the right password is refused, and it works again when the lock ends', async () => {
    const account = await server.createAccount();
    await failTimes(server.browser(), account.phone, 5);

    const whileLocked = await server.browser().login(account.phone, account.password);
    assertProblem(whileLocked, 423, 'account_locked');

    await server.advance(14 * minute);
    const almost = assertProblem(await server.browser().login(account.phone, account.password), 423, 'account_locked');
    assert.equal(almost.retryAfter, 60);

    await server.advance(minute);
    const after = await server.browser().login(account.phone, account.password);
    assert.equal(after.statusCode, 200, after.body);
  });

  test('the lock is per login, in every spelling of it', async () => {
    const account = await server.createAccount();
    await failTimes(server.browser(), account.phone, 5);
    const otherSpelling = `8${account.phone.slice(2)}`;
    assertProblem(await server.browser().login(otherSpelling, account.password), 423, 'account_locked');
  });

  test('each later lockout lasts twice as long, up to 24 hours', async () => {
    const account = await server.createAccount();
    const expected = [15, 30, 60, 120, 240, 480, 960, 1440, 1440];
    for (const minutes of expected) {
      const problem = assertProblem(await failTimes(server.browser(), account.email, 5), 423, 'account_locked');
      assert.equal(problem.retryAfter, minutes * 60, `lockout of ${minutes} min`);
      await server.advance(minutes * minute);
    }
  });

  test('a correct password clears the count and the doubling', async () => {
    const account = await server.createAccount();
    await failTimes(server.browser(), account.phone, 5);
    await server.advance(15 * minute);
    assert.equal((await server.browser().login(account.phone, account.password)).statusCode, 200);

    assert.equal(assertProblem(await server.browser().login(account.phone, 'wrong'), 401, 'invalid_credentials').attemptsLeft, 4);
    const problem = assertProblem(await failTimes(server.browser(), account.phone, 4), 423, 'account_locked');
    assert.equal(problem.retryAfter, 15 * 60, 'back to the first lockout');
  });

  test('an unknown login locks exactly like a known one', async () => {
    const account = await server.createAccount();
    const known = await failTimes(server.browser(), account.phone, 5);
    const unknown = await failTimes(server.browser(), '+7 800 000-11-22', 5);
    assert.equal(unknown.statusCode, 423);
    assert.equal(unknown.body, known.body);
    assert.equal(unknown.headers['retry-after'], known.headers['retry-after']);
  });

  test('lockouts are audited', async () => {
    const account = await server.createAccount();
    await failTimes(server.browser(), account.phone, 5);
    const events = await server.db.selectFrom('auditEvents').select('event').where('accountId', '=', account.id).execute();
    assert.equal(events.filter(({ event }) => event === 'login_failed').length, 5);
    assert.equal(events.filter(({ event }) => event === 'login_locked').length, 1);
  });
});

describe('a browser that signed in before is exempt (device cookie)', () => {
  test('a stranger locking the login does not lock out the citizen in their own browser', async () => {
    const account = await server.createAccount();
    const citizen = server.browser();
    assert.equal((await citizen.login(account.phone, account.password)).statusCode, 200);
    assert.ok(citizen.cookies.get('__Host-mfc_device'));

    await failTimes(server.browser(), account.phone, 5);
    assertProblem(await server.browser().login(account.phone, account.password), 423, 'account_locked');

    const own = await citizen.login(account.phone, account.password);
    assert.equal(own.statusCode, 200, own.body);
  });

  test("the known browser has its own counter, with the same rule", async () => {
    const account = await server.createAccount();
    const citizen = server.browser();
    await citizen.login(account.phone, account.password);

    await failTimes(server.browser(), account.phone, 3);
    const own = assertProblem(await citizen.login(account.phone, 'wrong'), 401, 'invalid_credentials');
    assert.equal(own.attemptsLeft, 4, 'the stranger\'s failures do not count here');
    assertProblem(await failTimes(citizen, account.phone, 4), 423, 'account_locked');
  });

  test('the device cookie of one account does not exempt another', async () => {
    const mine = await server.createAccount();
    const theirs = await server.createAccount();
    const browser = server.browser();
    await browser.login(mine.phone, mine.password);
    await failTimes(server.browser(), theirs.phone, 5);
    assertProblem(await browser.login(theirs.phone, theirs.password), 423, 'account_locked');
  });

  test('a made-up device cookie is no exemption and is not adopted', async () => {
    const account = await server.createAccount();
    await failTimes(server.browser(), account.phone, 5);
    const forger = server.browser();
    forger.cookies.set('__Host-mfc_device', 'made-up-token');
    assertProblem(await forger.login(account.phone, account.password), 423, 'account_locked');

    await server.advance(15 * minute);
    await forger.login(account.phone, account.password);
    assert.notEqual(forger.cookies.get('__Host-mfc_device'), 'made-up-token', 'a new token is issued instead');
  });

  test('one browser stays known to several accounts', async () => {
    const first = await server.createAccount();
    const second = await server.createAccount();
    const browser = server.browser();
    await browser.login(first.phone, first.password);
    const token = browser.cookies.get('__Host-mfc_device');
    await browser.login(second.phone, second.password);
    assert.equal(browser.cookies.get('__Host-mfc_device'), token);

    await failTimes(server.browser(), first.phone, 5);
    assert.equal((await browser.login(first.phone, first.password)).statusCode, 200);
  });
});
