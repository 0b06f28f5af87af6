import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Profile } from '@mfc-cabinet/core/schemas';
import { assertProblem, signIn, snapshot, startServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startServer({ ALLOWED_ORIGINS: 'https://gorod.example' })));
after(() => server.close());

const minute = 60_000;

describe('the session cookie', () => {
  test('is __Host-, HttpOnly, Secure, SameSite=Lax, for the absolute lifetime', async () => {
    const account = await server.createAccount();
    const response = await server.browser().login(account.phone, account.password);
    const setCookie = [response.headers['set-cookie']].flat().find((value) => value?.startsWith('__Host-mfc_session='));
    assert.ok(setCookie, 'a session cookie is set');
    const attributes = setCookie.split(/;\s*/).slice(1).map((attribute) => attribute.toLowerCase());
    assert.deepEqual(attributes.sort(), ['httponly', 'max-age=28800', 'path=/', 'samesite=lax', 'secure']);
    assert.match(setCookie, /^__Host-mfc_session=[A-Za-z0-9_-]{43};/, '32 random bytes');

    const device = [response.headers['set-cookie']].flat().find((value) => value?.startsWith('__Host-mfc_device='));
    assert.match(String(device), /Max-Age=15552000; Path=\/; HttpOnly; Secure; SameSite=Lax/);
  });

  test('stores only the hash of the token', async () => {
    const account = await server.createAccount();
    const browser = server.browser();
    await signIn(browser, account);
    const token = browser.cookies.get('__Host-mfc_session')!;
    const rows = await server.db.selectFrom('sessions').selectAll().where('accountId', '=', account.id).execute();
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]!.tokenHash, token);
    assert.ok(!JSON.stringify(rows).includes(token));
  });
});

describe('timeouts', () => {
  test('the session ends after 5 minutes without use; the next request says so and clears the cookie', async () => {
    const account = await server.createAccount();
    const browser = server.browser();
    const session = await signIn(browser, account);
    assert.equal(Date.parse(session.idleExpiresAt) - Date.parse(session.expiresAt) + 8 * 60 * minute, 5 * minute);

    await server.advance(5 * minute);
    const response = await browser.get('/api/v1/profile');
    assertProblem(response, 401, 'session_expired');
    assert.match(String(response.headers['set-cookie']), /__Host-mfc_session=;.*Max-Age=0/);
    assert.equal(browser.cookies.has('__Host-mfc_session'), false);
    assertProblem(await browser.get('/api/v1/profile'), 401, 'unauthenticated');
  });

  test('use extends it; asking for the session does not', async () => {
    const account = await server.createAccount();
    const browser = server.browser();
    await signIn(browser, account);

    await server.advance(4 * minute);
    const profile = await browser.get('/api/v1/profile');
    assert.equal(profile.statusCode, 200);
    await server.advance(4 * minute);
    const current = (await browser.get('/api/v1/auth/session')).json().session;
    assert.ok(current, 'alive 8 minutes after sign-in, 4 after the last use');
    assert.equal(Date.parse(current.idleExpiresAt) - Date.parse(current.createdAt), 9 * minute);

    await server.advance(minute);
    assert.equal((await browser.get('/api/v1/auth/session')).json().session, null, 'the session check did not extend it');
    assert.equal(browser.cookies.has('__Host-mfc_session'), false, 'and the stale cookie is cleared');
  });

  test('a request the page made on its own (Cabinet-Background) is answered but does not count as use', async () => {
    const account = await server.createAccount();
    const browser = server.browser();
    await signIn(browser, account);

    // A page left open polls its list: each look is answered, and the idle time keeps running.
    for (let look = 1; look <= 4; look++) {
      await server.advance(minute);
      const polled = await browser.get('/api/v1/applications', { 'cabinet-background': '1' });
      assert.equal(polled.statusCode, 200);
      assert.equal(polled.headers['cabinet-session-idle-expires-in'], String(5 * 60 - look * 60));
    }
    await server.advance(minute);
    assertProblem(await browser.get('/api/v1/applications', { 'cabinet-background': '1' }), 401, 'session_expired');
  });

  test('the background header may be sent from an allowed origin', async () => {
    const preflight = await server.browser().request({
      method: 'OPTIONS',
      url: '/api/v1/applications',
      headers: { origin: 'https://gorod.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'cabinet-background' },
    });
    assert.match(String(preflight.headers['access-control-allow-headers']), /cabinet-background/);
  });

  test('the session ends 8 hours after sign-in however much it is used', async () => {
    const account = await server.createAccount();
    const browser = server.browser();
    await signIn(browser, account);
    for (let elapsed = 0; elapsed < 8 * 60 - 4; elapsed += 4) {
      await server.advance(4 * minute);
      assert.equal((await browser.get('/api/v1/profile')).statusCode, 200, `after ${elapsed + 4} min`);
    }
    await server.advance(4 * minute);
    assertProblem(await browser.get('/api/v1/profile'), 401, 'session_expired');
  });
});

describe('profile', () => {
  test("is the signed-in citizen's own data", async () => {
    const browser = server.browser();
    const login = (await browser.login('+7 900 000-00-02', 'Demo-2026!')).json();
    await browser.verifyCode(login.challenge.id, server.latestCode('petrova@example.ru'));
    const profile = Profile.parse((await browser.get('/api/v1/profile')).json());
    assert.equal(profile.lastName, 'Петрова');
    assert.equal(profile.middleName, 'Сергеевна');
    assert.equal(profile.phone, '+79000000002');
    assert.equal(profile.snils, '234-567-891 00');
    assert.equal(profile.inn, '771234567859');
    assert.deepEqual({ series: profile.passport?.series, number: profile.passport?.number }, { series: '4612', number: '654321' });
    assert.equal(profile.secondFactor, 'email');
    assert.equal(profile.level, 'confirmed');
  });

  test('needs a session', async () => {
    assertProblem(await server.browser().get('/api/v1/profile'), 401, 'unauthenticated');
    const forged = server.browser();
    forged.cookies.set('__Host-mfc_session', 'made-up');
    assertProblem(await forged.get('/api/v1/profile'), 401, 'unauthenticated');
  });
});

describe('logout', () => {
  test('revokes the session and clears the cookie', async () => {
    const account = await server.createAccount();
    const browser = server.browser();
    const { csrfToken } = await signIn(browser, account);
    const token = browser.cookies.get('__Host-mfc_session')!;

    const response = await browser.post('/api/v1/auth/logout', undefined, { 'x-csrf-token': csrfToken });
    assert.equal(response.statusCode, 204, response.body);
    assert.equal(response.body, '');
    assert.equal(browser.cookies.has('__Host-mfc_session'), false);

    const replay = server.browser();
    replay.cookies.set('__Host-mfc_session', token);
    assertProblem(await replay.get('/api/v1/profile'), 401, 'session_expired');
    assertProblem(await replay.get('/api/v1/profile'), 401, 'unauthenticated'); // the ended session's cookie was cleared
    const events = await server.db.selectFrom('auditEvents').select('event').where('accountId', '=', account.id).execute();
    assert.ok(events.some(({ event }) => event === 'logout'));
  });

  test('needs a session', async () => {
    assertProblem(await server.browser().post('/api/v1/auth/logout'), 401, 'unauthenticated');
  });
});

describe('CSRF', () => {
  test('a state-changing request without the token, or with a wrong one, is refused and changes nothing', async () => {
    const browser = server.browser();
    const { csrfToken } = await signIn(browser, await server.createAccount());
    const other = await signIn(server.browser(), await server.createAccount());
    const before = await snapshot(server.db);

    assertProblem(await browser.post('/api/v1/auth/logout'), 403, 'csrf_failed');
    assertProblem(await browser.post('/api/v1/auth/logout', undefined, { 'x-csrf-token': `${csrfToken}x` }), 403, 'csrf_failed');
    assertProblem(await browser.post('/api/v1/auth/logout', undefined, { 'x-csrf-token': other.csrfToken }), 403, 'csrf_failed');

    assert.deepEqual(await snapshot(server.db), before);
    assert.ok((await browser.get('/api/v1/auth/session')).json().session, 'still signed in');
  });

  test('a state-changing request from a foreign origin is refused, signed in or not', async () => {
    const account = await server.createAccount();
    const before = await snapshot(server.db);
    const foreign = { origin: 'https://evil.example' };
    assertProblem(await server.browser().post('/api/v1/auth/login', { identifier: account.phone, password: account.password }, foreign), 403, 'csrf_failed');
    assert.deepEqual(await snapshot(server.db), before);

    const browser = server.browser();
    const { csrfToken } = await signIn(browser, account);
    assertProblem(await browser.post('/api/v1/auth/logout', undefined, { ...foreign, 'x-csrf-token': csrfToken }), 403, 'csrf_failed');
    assert.ok((await browser.get('/api/v1/auth/session')).json().session, 'still signed in');
  });

  test('the own origin and the allowed origins may', async () => {
    const account = await server.createAccount();
    const own = await server.browser().post('/api/v1/auth/login', { identifier: account.phone, password: account.password }, { origin: 'http://localhost' });
    assert.equal(own.statusCode, 200, own.body);
    const allowed = await server.browser().post('/api/v1/auth/login', { identifier: account.phone, password: account.password }, { origin: 'https://gorod.example' });
    assert.equal(allowed.statusCode, 200, allowed.body);
  });
});

describe('behind a trusted reverse proxy', () => {
  test('the public host is the own origin, and the client address is audited', async () => {
    const proxied = await startServer({ TRUST_PROXY: '1' });
    try {
      const account = await proxied.createAccount();
      const response = await proxied.browser().post(
        '/api/v1/auth/login',
        { identifier: account.phone, password: account.password },
        { origin: 'https://gorod.example', 'x-forwarded-host': 'gorod.example', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' },
      );
      assert.equal(response.statusCode, 200, response.body);
      const events = await proxied.db.selectFrom('auditEvents').select('ip').where('accountId', '=', account.id).execute();
      assert.deepEqual(events, [{ ip: '203.0.113.7' }]);
    } finally {
      await proxied.close();
    }
  });

  test('without TRUST_PROXY the forwarded headers are ignored', async () => {
    const response = await server.browser().post(
      '/api/v1/auth/login',
      { identifier: '+79000000003', password: 'Demo-2026!' },
      { origin: 'https://pretend.example', 'x-forwarded-host': 'pretend.example' },
    );
    assertProblem(response, 403, 'csrf_failed');
  });
});

describe('CORS', () => {
  test('credentials only for ALLOWED_ORIGINS', async () => {
    const allowed = await server.browser().request({
      method: 'OPTIONS',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://gorod.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-csrf-token' },
    });
    assert.equal(allowed.headers['access-control-allow-origin'], 'https://gorod.example');
    assert.equal(allowed.headers['access-control-allow-credentials'], 'true');
    assert.match(String(allowed.headers['access-control-allow-headers']), /x-csrf-token/);

    const other = await server.browser().get('/api/v1/auth/session', { origin: 'https://evil.example' });
    assert.equal(other.headers['access-control-allow-origin'], undefined);
    assert.equal(other.headers['access-control-allow-credentials'], undefined);
  });
});
