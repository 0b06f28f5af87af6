import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { RevokedSessions, SessionList, SessionResponse } from '@mfc-cabinet/core/schemas';
import { assertProblem, signIn, signedIn, startServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startServer({ ALLOWED_ORIGINS: 'https://gorod.example' })));
after(() => server.close());

const second = 1000;
const minute = 60 * second;
const idleHeader = 'cabinet-session-idle-expires-in';

const chromeOnWindows =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const safariOnIphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

async function sessionsOf(browser: ReturnType<TestServer['browser']>) {
  const response = await browser.get('/api/v1/auth/sessions');
  assert.equal(response.statusCode, 200, response.body);
  return SessionList.parse(response.json()).sessions;
}

describe('the session figures', () => {
  test('every session carries its role and the seconds left, counted by the server clock', async () => {
    const { browser, session } = await signedIn(server);
    assert.equal(session.user.role, 'citizen');
    assert.deepEqual([session.idleExpiresIn, session.expiresIn, session.idleTimeout], [300, 8 * 3600, 300]);

    await server.advance(100 * second);
    const current = SessionResponse.parse((await browser.get('/api/v1/auth/session')).json()).session!;
    assert.deepEqual([current.idleExpiresIn, current.expiresIn, current.idleTimeout], [200, 8 * 3600 - 100, 300]);
    assert.equal(Date.parse(current.idleExpiresAt) - server.clock.now(), 200 * second, 'the same moment as the absolute time');
  });

  test('the idle header is on every answer that used a live session, and only there', async () => {
    const { browser, csrf } = await signedIn(server);
    await server.advance(40 * second);
    const peeked = await browser.get('/api/v1/auth/session');
    assert.equal(peeked.headers[idleHeader], '260', 'the session check tells without extending');

    const used = await browser.get('/api/v1/profile');
    assert.equal(used.headers[idleHeader], '300', 'a use extends it to the full timeout');

    await server.advance(10 * second);
    const refused = await browser.request({ method: 'PUT', url: '/api/v1/profile/personal-data', payload: {}, headers: csrf });
    assertProblem(refused, 400, 'validation_failed');
    assert.equal(refused.headers[idleHeader], '300', 'also on a refused request that used the session');

    const signedOut = await server.browser().get('/api/v1/auth/session');
    assert.equal(signedOut.headers[idleHeader], undefined);
    assert.equal((await server.browser().get('/api/v1/health')).headers[idleHeader], undefined);

    const logout = await browser.post('/api/v1/auth/logout', undefined, csrf);
    assert.equal(logout.statusCode, 204);
    assert.equal(logout.headers[idleHeader], undefined, 'not once the session ended');
  });

  test('the header is exposed to the allowed origins', async () => {
    const response = await server.browser().get('/api/v1/auth/session', { origin: 'https://gorod.example' });
    const exposed = String(response.headers['access-control-expose-headers']).split(',').map((name) => name.trim());
    // With a download's file name and when to ask again for a file being prepared.
    assert.deepEqual(exposed, [idleHeader, 'content-disposition', 'retry-after']);
    const preflight = await server.browser().request({
      method: 'OPTIONS',
      url: '/api/v1/auth/sessions/some-id',
      headers: { origin: 'https://gorod.example', 'access-control-request-method': 'DELETE' },
    });
    assert.match(String(preflight.headers['access-control-allow-methods']), /DELETE/);
  });
});

describe('staying signed in', () => {
  test('extend moves the idle deadline back to the full timeout', async () => {
    const { browser, csrf } = await signedIn(server);
    await server.advance(4 * minute);
    const response = await browser.post('/api/v1/auth/session/extend', undefined, csrf);
    assert.equal(response.statusCode, 200, response.body);
    const { session } = SessionResponse.parse(response.json());
    assert.equal(session?.idleExpiresIn, 300);
    assert.equal(response.headers[idleHeader], '300');

    await server.advance(4 * minute);
    assert.ok((await browser.get('/api/v1/auth/session')).json().session, 'alive 8 minutes after sign-in');
  });

  test('never past the absolute end', async () => {
    const { browser, csrf } = await signedIn(server);
    for (let elapsed = 4; elapsed <= 8 * 60 - 4; elapsed += 4) {
      await server.advance(4 * minute);
      assert.equal((await browser.post('/api/v1/auth/session/extend', undefined, csrf)).statusCode, 200);
    }
    await server.advance(2 * minute);
    // 7 h 58 min after sign-in: 2 minutes are left, not 5.
    const { session } = SessionResponse.parse((await browser.post('/api/v1/auth/session/extend', undefined, csrf)).json());
    assert.equal(session?.idleExpiresIn, 2 * 60);
    assert.equal(session?.expiresIn, 2 * 60);
    assert.equal(session?.idleExpiresAt, session?.expiresAt);
    await server.advance(2 * minute);
    assertProblem(await browser.post('/api/v1/auth/session/extend', undefined, csrf), 401, 'session_expired');
  });

  test('needs the CSRF token and a live session', async () => {
    const { browser } = await signedIn(server);
    assertProblem(await browser.post('/api/v1/auth/session/extend'), 403, 'csrf_failed');
    assertProblem(await server.browser().post('/api/v1/auth/session/extend'), 401, 'unauthenticated');
  });

  test('without use the session ends after the idle timeout', async () => {
    const { browser, csrf } = await signedIn(server);
    await server.advance(5 * minute - second);
    assert.equal((await browser.get('/api/v1/auth/session')).headers[idleHeader], '1');
    await server.advance(second);
    assertProblem(await browser.post('/api/v1/auth/session/extend', undefined, csrf), 401, 'session_expired');
  });
});

describe('the list of sessions', () => {
  test('names an unknown device and the local network in the language the browser asks for', async () => {
    const account = await server.createAccount();
    const browser = server.browser({ userAgent: 'curl/8.5.0', remoteAddress: '10.0.0.7' });
    await signIn(browser, account);
    const english = await browser.get('/api/v1/auth/sessions', { 'accept-language': 'en-GB,en;q=0.9' });
    assert.deepEqual(
      SessionList.parse(english.json()).sessions.map(({ device, place }) => ({ device, place })),
      [{ device: 'Unknown device', place: 'Local network' }],
    );
    const russian = await sessionsOf(browser);
    assert.deepEqual(russian.map(({ device, place }) => ({ device, place })), [{ device: 'Неизвестное устройство', place: 'Локальная сеть' }]);
  });

  test('shows every signed-in browser with its device and masked address, this one first', async () => {
    const account = await server.createAccount();
    const phone = server.browser({ userAgent: safariOnIphone, remoteAddress: '203.0.113.57' });
    const desktop = server.browser({ userAgent: chromeOnWindows, remoteAddress: '192.168.1.23' });
    await signIn(phone, account);
    await server.advance(minute);
    await signIn(desktop, account);
    await server.advance(minute);
    assert.equal((await phone.get('/api/v1/profile')).statusCode, 200, 'the phone was used last');

    const fromDesktop = await sessionsOf(desktop);
    assert.deepEqual(
      fromDesktop.map(({ current, device, place, ip }) => ({ current, device, place, ip })),
      [
        { current: true, device: 'Chrome, Windows', place: 'Локальная сеть', ip: '192.168.1.*' },
        { current: false, device: 'Safari, iPhone', place: null, ip: '203.0.113.*' },
      ],
    );
    assert.ok(Date.parse(fromDesktop[1]!.lastSeenAt) > Date.parse(fromDesktop[1]!.createdAt), 'last seen when used');
    const listed = JSON.stringify(fromDesktop);
    for (const secret of ['192.168.1.23', '203.0.113.57', ...phone.cookies.values(), ...desktop.cookies.values()]) {
      assert.ok(!listed.includes(secret), `neither the full address nor a secret: ${secret}`);
    }

    const fromPhone = await sessionsOf(phone);
    assert.deepEqual(fromPhone.map(({ device, current }) => [device, current]), [
      ['Safari, iPhone', true],
      ['Chrome, Windows', false],
    ]);
  });

  test('others are listed by when they were last used', async () => {
    const account = await server.createAccount();
    const [first, second, third] = [server.browser(), server.browser(), server.browser()];
    for (const browser of [first, second, third]) {
      await signIn(browser, account);
      await server.advance(minute);
    }
    await first.get('/api/v1/profile');
    const ids = async (browser: typeof first) => (await sessionsOf(browser)).map(({ id }) => id);
    // Used last: the first (just now), then the third (signed in last), then the second.
    const [secondId, firstId, thirdId] = await ids(second);
    assert.equal(new Set([secondId, firstId, thirdId]).size, 3);
    await server.advance(minute);
    assert.deepEqual(await ids(third), [thirdId, secondId, firstId], 'listing used the second');
  });

  test('leaves out sessions that ended and those of other accounts', async () => {
    const { account, browser } = await signedIn(server);
    const idle = server.browser();
    await signIn(idle, account);
    await signedIn(server);
    await server.advance(4 * minute);
    await browser.get('/api/v1/profile');
    await server.advance(2 * minute);
    assert.equal((await sessionsOf(browser)).length, 1, 'the idle one timed out');
  });

  test('needs a session', async () => {
    assertProblem(await server.browser().get('/api/v1/auth/sessions'), 401, 'unauthenticated');
  });
});

describe('ending a session', () => {
  test('another browser: it is refused with session_expired on its next request, this one goes on', async () => {
    const account = await server.createAccount();
    const mine = server.browser({ userAgent: chromeOnWindows });
    const lost = server.browser({ userAgent: safariOnIphone });
    const { csrfToken } = await signIn(mine, account);
    await signIn(lost, account);
    const target = (await sessionsOf(mine)).find(({ current }) => !current)!;

    const response = await mine.delete(`/api/v1/auth/sessions/${target.id}`, { 'x-csrf-token': csrfToken });
    assert.equal(response.statusCode, 204, response.body);
    assert.equal(response.body, '');
    assert.equal(mine.cookies.has('__Host-mfc_session'), true);

    assertProblem(await lost.get('/api/v1/profile'), 401, 'session_expired');
    assert.equal(lost.cookies.has('__Host-mfc_session'), false, 'its cookie is cleared');
    assert.equal((await mine.get('/api/v1/profile')).statusCode, 200);
    assert.deepEqual((await sessionsOf(mine)).map(({ device }) => device), ['Chrome, Windows']);
    assertProblem(await mine.delete(`/api/v1/auth/sessions/${target.id}`, { 'x-csrf-token': csrfToken }), 404, 'not_found');

    const events = await server.db.selectFrom('auditEvents').selectAll().where('accountId', '=', account.id).where('event', '=', 'session_revoked').execute();
    assert.equal(events.length, 1);
    assert.deepEqual(JSON.parse(events[0]!.details!), { sessionId: target.id, current: false });
    assert.equal(events[0]!.actorId, null, 'the citizen acted');
  });

  test('this browser: allowed, and its cookie is cleared', async () => {
    const { browser, csrf } = await signedIn(server);
    const [own] = await sessionsOf(browser);
    const response = await browser.delete(`/api/v1/auth/sessions/${own!.id}`, csrf);
    assert.equal(response.statusCode, 204, response.body);
    assert.match(String(response.headers['set-cookie']), /__Host-mfc_session=;.*Max-Age=0/);
    assert.equal(response.headers[idleHeader], undefined);
    assert.equal((await browser.get('/api/v1/auth/session')).json().session, null);
  });

  test("another account's session is not_found and stays", async () => {
    const { browser, csrf } = await signedIn(server);
    const stranger = await signedIn(server);
    const [theirs] = await sessionsOf(stranger.browser);
    assertProblem(await browser.delete(`/api/v1/auth/sessions/${theirs!.id}`, csrf), 404, 'not_found');
    assertProblem(await browser.delete('/api/v1/auth/sessions/made-up', csrf), 404, 'not_found');
    assert.equal((await stranger.browser.get('/api/v1/profile')).statusCode, 200);
  });

  test('needs the CSRF token, checked before anything else', async () => {
    const { browser } = await signedIn(server);
    const [own] = await sessionsOf(browser);
    assertProblem(await browser.delete(`/api/v1/auth/sessions/${own!.id}`), 403, 'csrf_failed');
    assertProblem(await server.browser().delete(`/api/v1/auth/sessions/${own!.id}`), 401, 'unauthenticated');
    assert.equal((await browser.get('/api/v1/profile')).statusCode, 200);
  });

  test('every other one at once keeps this one', async () => {
    const account = await server.createAccount();
    const browsers = [server.browser(), server.browser(), server.browser()];
    for (const browser of browsers) await signIn(browser, account);
    const [mine, ...others] = browsers as [ReturnType<TestServer['browser']>, ...Array<ReturnType<TestServer['browser']>>];
    const session = SessionResponse.parse((await mine.get('/api/v1/auth/session')).json()).session!;
    const stranger = await signedIn(server);

    const response = await mine.post('/api/v1/auth/sessions/revoke-others', undefined, { 'x-csrf-token': session.csrfToken });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(RevokedSessions.parse(response.json()), { revoked: 2 });
    for (const other of others) assertProblem(await other.get('/api/v1/profile'), 401, 'session_expired');
    assert.equal((await mine.get('/api/v1/profile')).statusCode, 200);
    assert.equal((await stranger.browser.get('/api/v1/profile')).statusCode, 200, 'other accounts keep theirs');
    assert.deepEqual(
      (await mine.post('/api/v1/auth/sessions/revoke-others', undefined, { 'x-csrf-token': session.csrfToken })).json(),
      { revoked: 0 },
    );
  });
});
