import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PasswordChanged, ProfileChangePage } from '@mfc-cabinet/core/schemas';
import { assertProblem, goodPassword, signIn, signedIn, snapshot, startServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startServer()));
after(() => server.close());

const change = (citizen: Awaited<ReturnType<typeof signedIn>>, body: Record<string, unknown>) =>
  citizen.browser.post('/api/v1/profile/password', { currentPassword: citizen.account.password, endOtherSessions: false, ...body }, citizen.csrf);

describe('changing the password while signed in', () => {
  test('the new password works, the old one does not, the contacts are told, the history records it', async () => {
    const citizen = await signedIn(server);
    const other = server.browser();
    await signIn(other, citizen.account);
    const response = await change(citizen, { password: goodPassword(1) });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(PasswordChanged.parse(response.json()), { endedSessions: 0 });
    assert.equal((await other.get('/api/v1/profile')).statusCode, 200, 'other sessions stay unless asked');
    assert.equal((await citizen.browser.get('/api/v1/profile')).statusCode, 200, 'this session stays');

    assert.equal((await server.browser().login(citizen.account.phone, goodPassword(1))).statusCode, 200);
    assertProblem(await server.browser().login(citizen.account.phone, citizen.account.password), 401, 'invalid_credentials');
    await server.settled();
    for (const to of [citizen.account.phone, citizen.account.email]) {
      assert.equal(server.messagesTo(to)[0]?.purpose, 'password_changed_in_cabinet', to);
    }
    const { changes } = ProfileChangePage.parse((await citizen.browser.get('/api/v1/profile/changes')).json());
    assert.deepEqual(
      changes.map(({ kind, fields, changes }) => ({ kind, fields, changes })),
      [{ kind: 'password', fields: ['password'], changes: [{ field: 'password', before: null, after: null }] }],
    );
    assert.doesNotMatch(JSON.stringify(await server.db.selectFrom('profileChanges').selectAll().execute()), /Zarechny|scrypt/, 'no password in the history');
  });

  test('with endOtherSessions every other session ends and its cookie stops working', async () => {
    const citizen = await signedIn(server);
    const others = [server.browser(), server.browser()];
    for (const browser of others) await signIn(browser, citizen.account);
    const response = await change(citizen, { password: goodPassword(2), endOtherSessions: true });
    assert.deepEqual(PasswordChanged.parse(response.json()), { endedSessions: 2 });
    for (const browser of others) assertProblem(await browser.get('/api/v1/profile'), 401, 'session_expired');
    assert.equal((await citizen.browser.get('/api/v1/profile')).statusCode, 200);
  });

  test('a wrong current password is refused, changes nothing, and counts towards the lockout', async () => {
    const citizen = await signedIn(server);
    const before = await snapshot(server.db);
    const refused = assertProblem(await change(citizen, { currentPassword: 'Wrong-password-1', password: goodPassword(3) }), 401, 'invalid_credentials');
    assert.equal(refused.attemptsLeft, 4);
    const after = await snapshot(server.db);
    assert.deepEqual(after.accounts, before.accounts);
    assert.deepEqual(after.passwordHistory, before.passwordHistory);
    assert.deepEqual(after.profileChanges, before.profileChanges);
    assert.equal((await citizen.browser.get('/api/v1/profile')).statusCode, 200, 'the session stays');

    for (let left = 3; left >= 1; left--) {
      const again = assertProblem(await change(citizen, { currentPassword: 'Wrong-password-1', password: goodPassword(3) }), 401, 'invalid_credentials');
      assert.equal(again.attemptsLeft, left);
    }
    assertProblem(await change(citizen, { currentPassword: 'Wrong-password-1', password: goodPassword(3) }), 423, 'account_locked');
    assertProblem(await change(citizen, { password: goodPassword(3) }), 423, 'account_locked');
    assertProblem(await server.browser().login(citizen.account.phone, citizen.account.password), 423, 'account_locked');
  });

  test('a reused password and one breaking the rules are field errors on password', async () => {
    const citizen = await signedIn(server);
    const reused = assertProblem(await change(citizen, { password: citizen.account.password }), 400, 'validation_failed');
    assert.deepEqual((reused.errors as Array<{ field: string; code: string }>).map(({ field, code }) => `${field}:${code}`), ['password:password_reused']);

    assert.equal((await change(citizen, { password: goodPassword(4) })).statusCode, 200);
    const back = assertProblem(
      await citizen.browser.post('/api/v1/profile/password', { currentPassword: goodPassword(4), password: citizen.account.password, endOtherSessions: false }, citizen.csrf),
      400,
      'validation_failed',
    );
    assert.ok((back.errors as Array<{ code: string }>).some(({ code }) => code === 'password_reused'), 'one of the last five');

    const weak = assertProblem(
      await citizen.browser.post('/api/v1/profile/password', { currentPassword: goodPassword(4), password: 'short', endOtherSessions: false }, citizen.csrf),
      400,
      'validation_failed',
    );
    assert.ok((weak.errors as Array<{ field: string }>).every(({ field }) => field === 'password'));
  });

  test('the request needs a session, its CSRF token and every field', async () => {
    const citizen = await signedIn(server);
    assertProblem(await server.browser().post('/api/v1/profile/password', { currentPassword: 'x', password: goodPassword(5), endOtherSessions: false }), 401, 'unauthenticated');
    assertProblem(await citizen.browser.post('/api/v1/profile/password', { currentPassword: citizen.account.password, password: goodPassword(5), endOtherSessions: false }), 403, 'csrf_failed');
    assertProblem(await citizen.browser.post('/api/v1/profile/password', { password: goodPassword(5) }, citizen.csrf), 400, 'validation_failed');
  });
});
