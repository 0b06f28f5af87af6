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

/** The audit events of `event` written for `accountId`. */
async function auditCount(accountId: string, event: string): Promise<number> {
  const rows = await server.db.selectFrom('auditEvents').select('event').where('accountId', '=', accountId).execute();
  return rows.filter((row) => row.event === event).length;
}

/**
 * A browser of its own address, the `i`th of a burst: one address may have only a few
 * password checks waiting at once (the hashing queue), and these tests are about the lockout.
 */
const burstBrowser = (i: number, network = '10.1') => server.browser({ remoteAddress: `${network}.${Math.floor(i / 250)}.${(i % 250) + 1}` });

/** How many answers have each status. */
function statuses(responses: ReadonlyArray<{ statusCode: number }>): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { statusCode } of responses) counts[statusCode] = (counts[statusCode] ?? 0) + 1;
  return counts;
}

describe('concurrent guesses (a burst sent at once)', () => {
  test('a burst of 30 wrong passwords gets 5 password checks; the rest are refused unchecked', async () => {
    const account = await server.createAccount();
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => burstBrowser(i).login(account.phone, `wrong-${i}`)));
    assert.deepEqual(statuses(burst), { 401: 4, 423: 26 });
    assert.equal(await auditCount(account.id, 'login_failed'), 5, 'five passwords were checked');
    assert.equal(await auditCount(account.id, 'login_locked'), 1);
    for (const response of burst.filter(({ statusCode }) => statusCode === 423)) {
      assert.equal(assertProblem(response, 423, 'account_locked').retryAfter, 900);
    }
  });

  test('the right password sent after the threshold within a burst is refused like any other', async () => {
    const account = await server.createAccount();
    const attempts = [...Array.from({ length: 29 }, (_, i) => `wrong-${i}`), account.password];
    const burst = await Promise.all(attempts.map((password, i) => burstBrowser(i).login(account.phone, password)));
    const right = burst.at(-1)!;
    assertProblem(right, 423, 'account_locked');
    assert.equal(right.body, burst.at(-2)!.body, 'the same answer as any refused guess');
    assert.equal(right.headers['retry-after'], burst.at(-2)!.headers['retry-after']);
    assert.equal(await auditCount(account.id, 'login_succeeded'), 0);
    assert.equal(await auditCount(account.id, 'login_failed'), 5);
  });

  test('one burst of 45 locks for one round (15 min), not 24 hours, and the round after is the second', async () => {
    const account = await server.createAccount();
    const burst = await Promise.all(Array.from({ length: 45 }, (_, i) => burstBrowser(i).login(account.email, `wrong-${i}`)));
    assert.deepEqual(statuses(burst), { 401: 4, 423: 41 });
    assert.ok(burst.every((response) => response.statusCode !== 423 || response.headers['retry-after'] === '900'));

    await server.advance(15 * minute);
    const next = await Promise.all(Array.from({ length: 45 }, (_, i) => burstBrowser(i).login(account.email, `again-${i}`)));
    assert.deepEqual(statuses(next), { 401: 4, 423: 41 });
    assert.ok(next.every((response) => response.statusCode !== 423 || response.headers['retry-after'] === '1800'), 'the second lockout: 30 min');
    assert.equal(await auditCount(account.id, 'login_failed'), 10);
  });

  test('an unknown login gets the same number of checks in a burst', async () => {
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => burstBrowser(i, '10.77').login('+7 800 000-33-44', `wrong-${i}`)));
    assert.deepEqual(statuses(burst), { 401: 4, 423: 26 });
    const failed = await server.db
      .selectFrom('auditEvents')
      .select('event')
      .where('ip', 'like', '10.77.%')
      .where('event', '=', 'login_failed')
      .execute();
    assert.equal(failed.length, 5);
  });

  test('the right password among the first guesses of a burst signs in and clears the count', async () => {
    const account = await server.createAccount();
    const attempts = [account.password, ...Array.from({ length: 3 }, (_, i) => `wrong-${i}`)];
    const burst = await Promise.all(attempts.map((password, i) => burstBrowser(i).login(account.phone, password)));
    assert.equal(burst[0]!.statusCode, 200, burst[0]!.body);
    // The wrong ones checked alongside count as usual, but the success cleared those before it.
    const after = assertProblem(await server.browser().login(account.phone, 'wrong'), 401, 'invalid_credentials');
    assert.ok(Number(after.attemptsLeft) >= 1);
  });
});

describe('one account, several logins (phone, e-mail, СНИЛС)', () => {
  test('the wrong passwords of every login of an account count together', async () => {
    const account = await server.createAccount();
    assert.equal(assertProblem(await server.browser().login(account.phone, 'wrong'), 401, 'invalid_credentials').attemptsLeft, 4);
    assert.equal(assertProblem(await server.browser().login(account.email, 'wrong'), 401, 'invalid_credentials').attemptsLeft, 3);
    assert.equal(assertProblem(await server.browser().login(account.snils, 'wrong'), 401, 'invalid_credentials').attemptsLeft, 2);
    assert.equal(assertProblem(await server.browser().login(account.email, 'wrong'), 401, 'invalid_credentials').attemptsLeft, 1);
    const locked = assertProblem(await server.browser().login(account.snils, 'wrong'), 423, 'account_locked');
    assert.equal(locked.retryAfter, 900);

    for (const login of [account.phone, account.email, account.snils]) {
      assertProblem(await server.browser().login(login, account.password), 423, 'account_locked');
    }
    assert.equal(await auditCount(account.id, 'login_failed'), 5);
    await server.advance(15 * minute);
    assert.equal((await server.browser().login(account.email, account.password)).statusCode, 200);
  });

  test('a burst over all three logins at once gets 5 checks in all', async () => {
    const account = await server.createAccount();
    const logins = [account.phone, account.email, account.snils];
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => burstBrowser(i).login(logins[i % 3]!, `wrong-${i}`)),
    );
    assert.deepEqual(statuses(burst), { 401: 4, 423: 26 });
    assert.equal(await auditCount(account.id, 'login_failed'), 5);
  });

  test('a browser known to the account keeps its own counter while the account is locked', async () => {
    const account = await server.createAccount();
    const citizen = server.browser();
    assert.equal((await citizen.login(account.email, account.password)).statusCode, 200);
    await failTimes(server.browser(), account.phone, 2);
    await failTimes(server.browser(), account.snils, 3);
    assertProblem(await server.browser().login(account.email, account.password), 423, 'account_locked');
    assert.equal((await citizen.login(account.snils, account.password)).statusCode, 200);
  });

  test('signing in with one login clears the count of the account and of its other logins', async () => {
    const account = await server.createAccount();
    await failTimes(server.browser(), account.email, 4);
    assert.equal((await server.browser().login(account.phone, account.password)).statusCode, 200);
    assert.equal(assertProblem(await server.browser().login(account.snils, 'wrong'), 401, 'invalid_credentials').attemptsLeft, 4);
    assert.equal(assertProblem(await server.browser().login(account.email, 'wrong'), 401, 'invalid_credentials').attemptsLeft, 3);
  });
});
