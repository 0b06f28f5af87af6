import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LoginResponse, SessionResponse } from '@mfc-cabinet/core/schemas';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createTestDatabase } from './database.js';
import { assertProblem, demo, signIn, startServer, TestBrowser, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startServer()));
after(() => server.close());

describe('sign-in without a second factor', () => {
  test('answers authenticated with the session, and the cookie names it', async () => {
    const browser = server.browser();
    const account = await server.createAccount();
    const response = await browser.login(account.phone, account.password);
    assert.equal(response.statusCode, 200);
    const body = LoginResponse.parse(response.json());
    assert.equal(body.status, 'authenticated');
    if (body.status !== 'authenticated') return;
    assert.equal(body.session.user.id, account.id);
    assert.equal(body.session.user.displayName, 'Тест Т.');
    assert.equal(body.session.user.level, 'standard');
    assert.ok(body.session.csrfToken.length >= 32);

    const current = SessionResponse.parse((await browser.get('/api/v1/auth/session')).json());
    assert.equal(current.session?.user.id, account.id);
    assert.equal(current.session?.csrfToken, body.session.csrfToken);
  });

  test('a demo citizen without a second factor signs in', async () => {
    const response = await server.browser().login('+7 900 000-00-03', demo.password);
    assert.equal(response.json().status, 'authenticated');
    assert.equal(response.json().session.user.displayName, 'Пётр С.');
    assert.equal(response.json().session.user.level, 'simplified');
  });

  test('each sign-in starts a new session with new tokens, and ends the previous one of the browser', async () => {
    const browser = server.browser();
    const account = await server.createAccount();
    const first = await signIn(browser, account);
    const firstCookie = browser.cookies.get('__Host-mfc_session');
    const second = await signIn(browser, account);
    assert.notEqual(browser.cookies.get('__Host-mfc_session'), firstCookie);
    assert.notEqual(second.csrfToken, first.csrfToken);

    const stale = server.browser();
    stale.cookies.set('__Host-mfc_session', firstCookie!);
    assert.equal((await stale.get('/api/v1/auth/session')).json().session, null);
  });
});

describe('the login may be a phone, an e-mail or a СНИЛС, in any usual spelling', () => {
  const spellings = (account: { phone: string; email: string; snils: string }) => [
    account.phone,
    `8 (${account.phone.slice(2, 5)}) ${account.phone.slice(5, 8)}-${account.phone.slice(8, 10)}-${account.phone.slice(10)}`,
    account.phone.slice(1),
    account.email,
    `  ${account.email.toUpperCase()}  `,
    account.snils,
    account.snils.replace(/\D/g, ''),
  ];

  test('every spelling finds the account', async () => {
    const account = await server.createAccount();
    for (const identifier of spellings(account)) {
      const response = await server.browser().login(identifier, account.password);
      assert.equal(response.statusCode, 200, `${identifier}: ${response.body}`);
      assert.equal(response.json().session.user.id, account.id, identifier);
    }
  });
});

describe('sign-in with a second factor', () => {
  test('SMS: a code goes to the phone and the challenge shows where, masked', async () => {
    const browser = server.browser();
    const response = await browser.login('ivanov@example.ru', demo.password);
    assert.equal(response.statusCode, 200);
    const body = LoginResponse.parse(response.json());
    assert.equal(body.status, 'code_required');
    if (body.status !== 'code_required') return;
    assert.deepEqual(
      { ...body.challenge, id: undefined },
      { id: undefined, channel: 'sms', destination: '+7 *** ***-00-01', codeLength: 6, expiresIn: 300, resendAfter: 60, attemptsLeft: 3 },
    );
    assert.match(body.challenge.id, /^[A-Za-z0-9_-]{43}$/, '32 random bytes, base64url');
    assert.equal(browser.cookies.has('__Host-mfc_session'), false, 'no session before the code');

    const code = server.latestCode(demo.ivanov.phone);
    assert.match(code, /^\d{6}$/);
    const verified = await browser.verifyCode(body.challenge.id, code);
    assert.equal(verified.statusCode, 200, verified.body);
    const session = LoginResponse.parse(verified.json());
    assert.equal(session.status === 'authenticated' && session.session.user.displayName, 'Иван И.');
    assert.equal((await browser.get('/api/v1/auth/session')).json().session.user.displayName, 'Иван И.');
  });

  test('e-mail: a code goes to the address, masked in the challenge', async () => {
    const browser = server.browser();
    const body = (await browser.login(demo.petrova.phone, demo.password)).json();
    assert.equal(body.challenge.channel, 'email');
    assert.equal(body.challenge.destination, 'p***@example.ru');
    const verified = await browser.verifyCode(body.challenge.id, server.latestCode(demo.petrova.email));
    assert.equal(verified.json().session.user.level, 'confirmed');
  });

  test('test accounts may ask for a second factor', async () => {
    const account = await server.createAccount({ secondFactor: 'email' });
    const body = (await server.browser().login(account.snils, account.password)).json();
    assert.equal(body.status, 'code_required');
    assert.match(server.latestCode(account.email), /^\d{6}$/);
  });
});

describe('wrong credentials', () => {
  test('a wrong password and an unknown login get byte-identical answers', async () => {
    const account = await server.createAccount();
    const wrongPassword = await server.browser().login(account.phone, 'not-the-password');
    const unknownLogin = await server.browser().login('+7 800 000-00-99', 'not-the-password');
    const problem = assertProblem(wrongPassword, 401, 'invalid_credentials');
    assert.equal(problem.attemptsLeft, 4);
    assert.equal(unknownLogin.statusCode, wrongPassword.statusCode);
    assert.equal(unknownLogin.body, wrongPassword.body);
    assert.equal(unknownLogin.headers['content-type'], wrongPassword.headers['content-type']);
  });

  test('an unknown login takes as long as a wrong password (a decoy hash is checked)', async () => {
    const database = await createTestDatabase('mfc-timing-');
    // Production-strength hashing, so that the hash dominates the time of an answer.
    const config = { ...loadConfig({ MFC_MODE: 'test', ...database.env, LOG_LEVEL: 'silent' }), passwordHashCost: 15 };
    const strong = await buildApp(config);
    try {
      // The CPU this process spends on the answer (scrypt runs on libuv's threads, which
      // are counted too), not the wall clock: other processes on a busy machine do not move it.
      const timed = async (identifier: string) => {
        const started = process.cpuUsage();
        const response = await new TestBrowser(strong).login(identifier, 'wrong password');
        assert.equal(response.statusCode, 401);
        const spent = process.cpuUsage(started);
        return (spent.user + spent.system) / 1000;
      };
      const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 4; i++) {
        known.push(await timed(demo.ivanov.email));
        unknown.push(await timed(`+7 800 000-00-1${i}`));
      }
      assert.ok(median(unknown) > median(known) / 2, `unknown ${median(unknown)} ms of CPU, known ${median(known)} ms`);
    } finally {
      await strong.close();
      await database.drop();
    }
  });

  test('garbage that is no phone, e-mail or СНИЛС is just a wrong login', async () => {
    const response = await server.browser().login('not a login', 'whatever');
    assertProblem(response, 401, 'invalid_credentials');
  });

  test('sign-in events are audited with the account when known', async () => {
    const account = await server.createAccount();
    await server.browser().login(account.phone, 'wrong');
    await signIn(server.browser(), account);
    const events = await server.db
      .selectFrom('auditEvents')
      .select(['event', 'ip'])
      .where('accountId', '=', account.id)
      .orderBy('at')
      .execute();
    assert.deepEqual(
      events.map(({ event }) => event),
      ['login_failed', 'login_succeeded'],
    );
    assert.ok(events.every(({ ip }) => ip === '127.0.0.1'));
  });
});
