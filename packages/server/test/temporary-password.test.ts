import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AuditLog, LoginResponse, TemporaryPasswordIssued } from '@mfc-cabinet/core/schemas';
import { readablePasswordPattern } from '../src/security/readable-password.js';
import {
  assertProblem,
  goodPassword,
  signIn,
  signedIn,
  snapshot,
  startServer,
  type TestAccount,
  type TestBrowser,
  type TestServer,
} from './helpers.js';

let server: TestServer;
before(async () => (server = await startServer()));
after(() => server.close());

const minute = 60_000;
const hour = 60 * minute;

/** An operator signed in at the counter. */
const operatorDesk = () => signedIn(server, { role: 'operator', level: 'confirmed' });

/** An operator issues a temporary password for `citizen`. */
async function issue(citizen: { id: string }, desk?: Awaited<ReturnType<typeof operatorDesk>>): Promise<string> {
  const { browser, csrf } = desk ?? (await operatorDesk());
  const response = await browser.post(`/api/v1/operator/citizens/${citizen.id}/temporary-password`, { passportChecked: true }, csrf);
  assert.equal(response.statusCode, 200, response.body);
  const issued = TemporaryPasswordIssued.parse(response.json());
  assert.equal(issued.expiresIn, 24 * 3600);
  return issued.temporaryPassword;
}

/** Signs in with the temporary password; returns the change token. */
async function changeToken(browser: TestBrowser, account: TestAccount, password: string): Promise<string> {
  const response = await browser.login(account.phone, password);
  assert.equal(response.statusCode, 200, response.body);
  const body = LoginResponse.parse(response.json());
  assert.equal(body.status, 'password_change_required');
  if (body.status !== 'password_change_required') throw new Error('unreachable');
  assert.equal(body.expiresIn, 15 * 60);
  return body.changeToken;
}

function change(browser: TestBrowser, token: string, password: string) {
  return browser.post('/api/v1/auth/password/temporary', { changeToken: token, password });
}

describe('issuing a temporary password', () => {
  test('a readable password that meets the rules; the citizen’s sessions end and they are told, without it', async () => {
    const citizen = await server.createAccount();
    const before = server.browser();
    await signIn(before, citizen);

    const password = await issue(citizen);
    assert.match(password, readablePasswordPattern);
    assert.match(password, /[a-z]/);
    assert.match(password, /[A-Z]/);
    assert.match(password, /\d/);

    assertProblem(await before.get('/api/v1/profile'), 401, 'session_expired');
    assertProblem(await server.browser().login(citizen.phone, citizen.password), 401, 'invalid_credentials');

    await server.settled();
    for (const contact of [citizen.phone, citizen.email]) {
      const [notice] = server.messagesTo(contact);
      assert.deepEqual([notice?.code, notice?.purpose], [null, 'temporary_password_issued'], contact);
      assert.match(notice!.text, /^Сотрудник МФЦ выдал временный пароль/);
      assert.ok(!notice!.text.includes(password), 'the password is not in the notice');
    }
    const stored = await server.db.selectFrom('accounts').select(['passwordHash', 'temporaryPasswordExpiresAt']).where('id', '=', citizen.id).executeTakeFirstOrThrow();
    assert.ok(!stored.passwordHash.includes(password), 'stored hashed');
    assert.equal(stored.temporaryPasswordExpiresAt, server.clock.now() + 24 * hour);
  });

  test('is audited with the operator as actor, and clears the lockout', async () => {
    const citizen = await server.createAccount();
    for (let i = 0; i < 5; i++) await server.browser().login(citizen.phone, 'wrong');
    assertProblem(await server.browser().login(citizen.phone, citizen.password), 423, 'account_locked');
    const desk = await operatorDesk();
    const password = await issue(citizen, desk);
    await changeToken(server.browser(), citizen, password);

    const { entries } = AuditLog.parse((await desk.browser.get(`/api/v1/operator/audit?accountId=${citizen.id}`)).json());
    const ours = entries.filter(({ event }) => event.startsWith('temporary_password'));
    assert.deepEqual(ours.map(({ event, actorId }) => [event, actorId]), [
      ['temporary_password_used', null],
      ['temporary_password_issued', desk.account.id],
    ]);
    assert.equal(ours[1]?.details?.sessionsEnded, 0);
    assert.equal(ours[1]?.ip, '127.0.0.1');
    assert.ok(!JSON.stringify(entries).includes(password), 'never the password');
  });

  test('only for citizens', async () => {
    const desk = await operatorDesk();
    const before = await snapshot(server.db);
    const url = (id: string) => `/api/v1/operator/citizens/${id}/temporary-password`;
    assertProblem(await desk.browser.post(url('no-such-id'), { passportChecked: true }, desk.csrf), 404, 'not_found');
    assertProblem(await desk.browser.post(url(desk.account.id), { passportChecked: true }, desk.csrf), 404, 'not_found');
    const unchecked = assertProblem(await desk.browser.post(url(desk.account.id), { passportChecked: false }, desk.csrf), 400, 'validation_failed');
    assert.deepEqual(unchecked.errors, [{ field: 'passportChecked', code: 'invalid', message: 'Подтвердите, что проверили паспорт гражданина' }]);
    const after = await snapshot(server.db);
    assert.deepEqual({ ...after, sessions: [] }, { ...before, sessions: [] });
  });
});

describe('signing in with a temporary password', () => {
  test('gives no session but the permission to choose a password; it works once', async () => {
    const citizen = await server.createAccount();
    const password = await issue(citizen);
    const browser = server.browser();
    const token = await changeToken(browser, citizen, password);
    assert.equal(browser.cookies.has('__Host-mfc_session'), false, 'no session yet');
    assert.equal((await browser.get('/api/v1/auth/session')).json().session, null);

    const again = assertProblem(await server.browser().login(citizen.phone, password), 401, 'invalid_credentials');
    const wrong = assertProblem(await server.browser().login(citizen.phone, 'Not-the-password-1'), 401, 'invalid_credentials');
    assert.equal(again.detail?.toString().replace(/\d+\.$/, ''), wrong.detail?.toString().replace(/\d+\.$/, ''), 'like any wrong password');
    assert.equal(again.attemptsLeft, 4, 'it counts toward the lockout');
    assert.ok(token.length >= 40);
  });

  test('expires after 24 hours, then answers like a wrong password', async () => {
    const citizen = await server.createAccount();
    const password = await issue(citizen);
    await server.advance(24 * hour);
    const problem = assertProblem(await server.browser().login(citizen.phone, password), 401, 'invalid_credentials');
    assert.equal(problem.attemptsLeft, 4);
  });

  test('is still valid just before 24 hours', async () => {
    const citizen = await server.createAccount();
    const password = await issue(citizen);
    await server.advance(24 * hour - minute);
    await changeToken(server.browser(), citizen, password);
  });

  test('with a second factor, the code comes first', async () => {
    const citizen = await server.createAccount({ secondFactor: 'sms' });
    const password = await issue(citizen);
    const browser = server.browser();
    const login = LoginResponse.parse((await browser.login(citizen.phone, password)).json());
    assert.equal(login.status, 'code_required');
    if (login.status !== 'code_required') return;
    const verified = LoginResponse.parse((await browser.verifyCode(login.challenge.id, server.latestCode(citizen.phone))).json());
    assert.equal(verified.status, 'password_change_required');
    if (verified.status !== 'password_change_required') return;
    assert.equal((await change(browser, verified.changeToken, goodPassword(41))).statusCode, 200);
  });
});

describe('choosing the new password', () => {
  test('follows the rules and the history, the temporary password included; then the citizen is signed in', async () => {
    const citizen = await server.createAccount();
    const password = await issue(citizen);
    const browser = server.browser({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0' });
    const token = await changeToken(browser, citizen, password);

    const codes = async (candidate: string) =>
      (assertProblem(await change(browser, token, candidate), 400, 'validation_failed').errors as Array<{ field: string; code: string }>).map(
        ({ field, code }) => `${field}:${code}`,
      );
    assert.deepEqual(await codes(password), ['password:password_reused'], 'not the temporary one');
    assert.deepEqual(await codes(citizen.password), ['password:password_reused'], 'not the old one');
    assert.deepEqual(await codes('short'), ['password:password_length', 'password:password_uppercase', 'password:password_digit', 'password:password_special']);
    assert.deepEqual(await codes('Qwerty2025!'), ['password:password_common']);

    const response = await change(browser, token, goodPassword(42));
    assert.equal(response.statusCode, 200, response.body);
    const body = LoginResponse.parse(response.json());
    assert.equal(body.status === 'authenticated' && body.session.user.id, citizen.id);
    assert.equal((await browser.get('/api/v1/profile')).statusCode, 200, 'signed in');
    const { sessions } = (await browser.get('/api/v1/auth/sessions')).json();
    assert.equal(sessions[0].device, 'Firefox, Linux');

    const stored = await server.db.selectFrom('accounts').select('temporaryPasswordExpiresAt').where('id', '=', citizen.id).executeTakeFirstOrThrow();
    assert.equal(stored.temporaryPasswordExpiresAt, null, 'no longer temporary');
    const normal = LoginResponse.parse((await server.browser().login(citizen.email, goodPassword(42))).json());
    assert.equal(normal.status, 'authenticated', 'a normal sign-in with the new password');
    assertProblem(await server.browser().login(citizen.phone, password), 401, 'invalid_credentials');

    const events = await server.db.selectFrom('auditEvents').select('event').where('accountId', '=', citizen.id).execute();
    assert.ok(events.some(({ event }) => event === 'temporary_password_replaced'));
  });

  test('the permission works once', async () => {
    const citizen = await server.createAccount();
    const browser = server.browser();
    const token = await changeToken(browser, citizen, await issue(citizen));
    assert.equal((await change(browser, token, goodPassword(43))).statusCode, 200);
    assertProblem(await change(server.browser(), token, goodPassword(44)), 400, 'otp_expired');
    assertProblem(await change(server.browser(), 'made-up-token', goodPassword(44)), 400, 'otp_expired');
  });

  test('the permission lasts 15 minutes', async () => {
    const citizen = await server.createAccount();
    const browser = server.browser();
    const token = await changeToken(browser, citizen, await issue(citizen));
    await server.advance(15 * minute);
    const before = await snapshot(server.db);
    assertProblem(await change(browser, token, goodPassword(45)), 400, 'otp_expired');
    const after = await snapshot(server.db);
    assert.deepEqual({ ...after, sessions: [] }, { ...before, sessions: [] }, 'nothing changed');
  });

  test('a recovery permission is no change permission, and the other way round', async () => {
    const citizen = await server.createAccount();
    const browser = server.browser();
    const token = await changeToken(browser, citizen, await issue(citizen));
    assertProblem(await browser.post('/api/v1/auth/recovery/password', { resetToken: token, password: goodPassword(46) }), 400, 'otp_expired');
    assert.equal((await change(browser, token, goodPassword(46))).statusCode, 200, 'still usable for its own purpose');
  });
});
