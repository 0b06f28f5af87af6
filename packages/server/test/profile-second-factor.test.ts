import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ChallengeResponse, LoginResponse, Profile, ProfileChangePage, RegistrationCompleted } from '@mfc-cabinet/core/schemas';
import { assertProblem, goodPassword, newPhone, signedIn, snapshot, startServer, type TestBrowser, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startServer()));
after(() => server.close());

type Citizen = { account: { password: string }; browser: TestBrowser; csrf: Record<string, string> };

const setSecondFactor = (citizen: Citizen, body: Record<string, unknown>, headers: Record<string, string> = citizen.csrf) =>
  citizen.browser.request({ method: 'PUT', url: '/api/v1/profile/second-factor', payload: { currentPassword: citizen.account.password, ...body }, headers });

const loginStatus = async (identifier: string, password: string) => LoginResponse.parse((await server.browser().login(identifier, password)).json()).status;

const history = async (citizen: Citizen) => ProfileChangePage.parse((await citizen.browser.get('/api/v1/profile/changes')).json()).changes;

describe('the second factor, turned on and off with the current password', () => {
  test('on by e-mail: the profile says so, the next sign-in asks the code there; off: it does not', async () => {
    const citizen = await signedIn(server);
    const { phone, email, password } = citizen.account;
    assert.equal(await loginStatus(phone, password), 'authenticated');

    const on = await setSecondFactor(citizen, { channel: 'email' });
    assert.equal(on.statusCode, 200, on.body);
    assert.equal(Profile.parse(on.json()).secondFactor, 'email');
    assert.equal(Profile.parse((await citizen.browser.get('/api/v1/profile')).json()).secondFactor, 'email');
    const login = LoginResponse.parse((await server.browser().login(phone, password)).json());
    assert.equal(login.status, 'code_required');
    assert.equal(login.status === 'code_required' && login.challenge.channel, 'email');
    await server.settled();
    assert.equal(server.messagesTo(email)[0]?.purpose, 'login', 'the code went to the e-mail');
    assert.ok(server.messagesTo(phone).some(({ purpose }) => purpose === 'second_factor_on'), 'the phone was told');
    assert.ok(server.messagesTo(email).some(({ purpose }) => purpose === 'second_factor_on'), 'the e-mail was told');

    const off = await setSecondFactor(citizen, { channel: null });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal(Profile.parse(off.json()).secondFactor, null);
    assert.equal(await loginStatus(phone, password), 'authenticated');
    await server.settled();
    assert.equal(server.messagesTo(phone)[0]?.purpose, 'second_factor_off');

    const changes = await history(citizen);
    assert.deepEqual(
      changes.map(({ kind, fields, changes, current }) => ({ kind, fields, changes, current })),
      [
        { kind: 'second_factor', fields: ['secondFactor'], changes: [{ field: 'secondFactor', before: 'email', after: null }], current: true },
        { kind: 'second_factor', fields: ['secondFactor'], changes: [{ field: 'secondFactor', before: null, after: 'email' }], current: true },
      ],
    );
    const audit = await server.db.selectFrom('auditEvents').selectAll().where('event', '=', 'second_factor_changed').where('accountId', '=', citizen.account.id).orderBy('id').execute();
    assert.deepEqual(
      audit.map(({ details }) => JSON.parse(details!)),
      [
        { before: null, after: 'email' },
        { before: 'email', after: null },
      ],
    );
  });

  test('by SMS the code goes to the phone; the same channel again changes nothing', async () => {
    const citizen = await signedIn(server);
    assert.equal((await setSecondFactor(citizen, { channel: 'sms' })).statusCode, 200);
    const login = LoginResponse.parse((await server.browser().login(citizen.account.phone, citizen.account.password)).json());
    assert.equal(login.status === 'code_required' && login.challenge.channel, 'sms');
    const again = await setSecondFactor(citizen, { channel: 'sms' });
    assert.equal(Profile.parse(again.json()).secondFactor, 'sms');
    assert.equal((await history(citizen)).length, 1, 'no second entry for the same channel');
  });

  test('a wrong current password is refused, changes nothing, and counts towards the lockout', async () => {
    const citizen = await signedIn(server);
    const before = await snapshot(server.db);
    const refused = assertProblem(await setSecondFactor(citizen, { channel: 'sms', currentPassword: 'Wrong-password-1' }), 401, 'invalid_credentials');
    assert.equal(refused.attemptsLeft, 4);
    assert.deepEqual((refused.errors as Array<{ field: string }>).map(({ field }) => field), ['currentPassword']);
    const after = await snapshot(server.db);
    assert.deepEqual(after.accounts, before.accounts);
    assert.deepEqual(after.profileChanges, before.profileChanges);

    for (let left = 3; left >= 1; left--) {
      const again = assertProblem(await setSecondFactor(citizen, { channel: 'sms', currentPassword: 'Wrong-password-1' }), 401, 'invalid_credentials');
      assert.equal(again.attemptsLeft, left);
    }
    assertProblem(await setSecondFactor(citizen, { channel: 'sms', currentPassword: 'Wrong-password-1' }), 423, 'account_locked');
    assertProblem(await setSecondFactor(citizen, { channel: 'sms' }), 423, 'account_locked');
    assertProblem(await server.browser().login(citizen.account.phone, citizen.account.password), 423, 'account_locked');
    assert.equal(Profile.parse((await citizen.browser.get('/api/v1/profile')).json()).secondFactor, null);
  });

  test('e-mail is refused on channel while the e-mail is not confirmed; SMS works', async () => {
    const browser = server.browser();
    const phone = newPhone();
    const password = goodPassword(7);
    const started = await browser.register({ phone, password, email: `unconfirmed-${phone.slice(-7)}@example.test` });
    const { challenge } = ChallengeResponse.parse(started.json());
    const done = RegistrationCompleted.parse((await browser.post('/api/v1/auth/registration/code', { challengeId: challenge.id, code: server.latestCode(phone) })).json());
    assert.ok(done.emailChallenge, 'the e-mail waits for its code');
    const citizen: Citizen = { account: { password }, browser, csrf: { 'x-csrf-token': done.session.csrfToken } };

    const refused = assertProblem(await setSecondFactor(citizen, { channel: 'email' }), 400, 'validation_failed');
    assert.deepEqual(
      (refused.errors as Array<{ field: string; code: string }>).map(({ field, code }) => `${field}:${code}`),
      ['channel:contact_missing'],
    );
    assert.match((refused.errors as Array<{ message: string }>)[0]!.message, /подтвердите/);
    // Registration turns the code by SMS on; off and on again works with the phone.
    assert.equal(Profile.parse((await setSecondFactor(citizen, { channel: null })).json()).secondFactor, null);
    assert.equal(Profile.parse((await setSecondFactor(citizen, { channel: 'sms' })).json()).secondFactor, 'sms');
  });

  test('refused without a session, without the CSRF token, and for a malformed body', async () => {
    const citizen = await signedIn(server);
    const stranger = { ...citizen, browser: server.browser() };
    assertProblem(await setSecondFactor(stranger, { channel: 'sms' }), 401, 'unauthenticated');
    assertProblem(await setSecondFactor(citizen, { channel: 'sms' }, {}), 403, 'csrf_failed');
    for (const body of [{ channel: 'fax' }, { channel: 'sms', extra: 1 }, { channel: 'sms', currentPassword: '' }, { currentPassword: 'x' }]) {
      assertProblem(await setSecondFactor(citizen, body), 400, 'validation_failed');
    }
    assert.equal(Profile.parse((await citizen.browser.get('/api/v1/profile')).json()).secondFactor, null);
  });
});
