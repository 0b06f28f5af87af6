import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ChallengeResponse, Profile, ProfileChangePage } from '@mfc-cabinet/core/schemas';
import { assertProblem, newPhone, signedIn, snapshot, startServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startServer()));
after(() => server.close());

type Signed = Awaited<ReturnType<typeof signedIn>>;

async function startPhoneChange({ browser, csrf, account }: Signed, phone: string) {
  const response = await browser.post('/api/v1/profile/contacts/phone', { phone, currentPassword: account.password }, csrf);
  assert.equal(response.statusCode, 200, response.body);
  return ChallengeResponse.parse(response.json()).challenge;
}

const profileOf = async ({ browser }: Signed) => Profile.parse((await browser.get('/api/v1/profile')).json());

describe('changing the phone', () => {
  test('the code goes to the new phone; the old one stays until it comes back, then is told', async () => {
    const citizen = await signedIn(server);
    const phone = newPhone();
    const challenge = await startPhoneChange(citizen, `8 ${phone.slice(2, 5)} ${phone.slice(5)}`);
    assert.equal(challenge.channel, 'sms');
    assert.equal(challenge.destination.slice(-5), `${phone.slice(-4, -2)}-${phone.slice(-2)}`);
    const code = server.latestCode(phone);
    assert.equal((await profileOf(citizen)).phone, citizen.account.phone, 'the old phone stays in use');
    assert.equal(server.messagesTo(citizen.account.phone).length, 0);

    const confirmed = await citizen.browser.post('/api/v1/profile/contacts/confirm', { challengeId: challenge.id, code }, citizen.csrf);
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(Profile.parse(confirmed.json()).phone, phone);
    await server.settled();
    const notices = server.messagesTo(citizen.account.phone);
    assert.equal(notices.length, 1);
    assert.equal(notices[0]!.code, null);
    assert.equal(notices[0]!.purpose, 'phone_changed');

    const signIn = await server.browser().login(phone, citizen.account.password);
    assert.equal(signIn.statusCode, 200, 'the new phone is a login');
    assertProblem(await server.browser().login(citizen.account.phone, citizen.account.password), 401, 'invalid_credentials');
  });

  test('without the code nothing changes, and a wrong code costs a try', async () => {
    const citizen = await signedIn(server);
    const phone = newPhone();
    const challenge = await startPhoneChange(citizen, phone);
    const code = server.latestCode(phone);
    const before = await snapshot(server.db);
    const wrong = code === '000000' ? '111111' : '000000';
    const refused = assertProblem(
      await citizen.browser.post('/api/v1/profile/contacts/confirm', { challengeId: challenge.id, code: wrong }, citizen.csrf),
      400,
      'otp_invalid',
    );
    assert.equal(refused.attemptsLeft, challenge.attemptsLeft - 1);
    const after = await snapshot(server.db);
    assert.deepEqual(after.accounts, before.accounts, 'the phone did not change');
    assert.deepEqual(after.profileChanges, before.profileChanges);
    assert.equal((await profileOf(citizen)).phone, citizen.account.phone);

    assertProblem(await citizen.browser.post('/api/v1/profile/contacts/confirm', { challengeId: challenge.id }, citizen.csrf), 400, 'validation_failed');
    assertProblem(await server.browser().post('/api/v1/profile/contacts/confirm', { challengeId: challenge.id, code }), 401, 'unauthenticated');
    assertProblem(await citizen.browser.post('/api/v1/profile/contacts/confirm', { challengeId: challenge.id, code }), 403, 'csrf_failed');
  });

  test('the current password is asked, and a wrong one counts like a sign-in', async () => {
    const citizen = await signedIn(server);
    const phone = newPhone();
    const before = await snapshot(server.db);
    const refused = assertProblem(
      await citizen.browser.post('/api/v1/profile/contacts/phone', { phone, currentPassword: 'Not-the-password-1' }, citizen.csrf),
      401,
      'invalid_credentials',
    );
    assert.equal(refused.attemptsLeft, 4);
    assert.equal(server.messagesTo(phone).length, 0, 'no code without the password');
    assert.deepEqual((await snapshot(server.db)).codeChallenges, before.codeChallenges);
    const signIn = assertProblem(await server.browser().login(citizen.account.phone, 'Not-the-password-2'), 401, 'invalid_credentials');
    assert.equal(signIn.attemptsLeft, 3, 'the same lockout as the sign-in form');
  });

  test('a malformed phone or the current one is a field error', async () => {
    const citizen = await signedIn(server);
    const bad = assertProblem(
      await citizen.browser.post('/api/v1/profile/contacts/phone', { phone: '12345', currentPassword: citizen.account.password }, citizen.csrf),
      400,
      'validation_failed',
    );
    assert.deepEqual((bad.errors as Array<{ field: string; code: string }>).map(({ field, code }) => `${field}:${code}`), ['phone:invalid']);
    const same = assertProblem(
      await citizen.browser.post('/api/v1/profile/contacts/phone', { phone: citizen.account.phone, currentPassword: citizen.account.password }, citizen.csrf),
      400,
      'validation_failed',
    );
    assert.deepEqual((same.errors as Array<{ code: string }>).map(({ code }) => code), ['unchanged']);
  });

  test('a phone another account has answers alike, but its owner gets a notice and no code', async () => {
    const citizen = await signedIn(server);
    const owner = await server.createAccount();
    const challenge = await startPhoneChange(citizen, owner.phone);
    assert.equal(challenge.channel, 'sms');
    const [notice] = server.messagesTo(owner.phone);
    assert.equal(notice?.code, null);
    assert.equal(notice?.purpose, 'contact_in_use_notice');
    assertProblem(await citizen.browser.post('/api/v1/profile/contacts/confirm', { challengeId: challenge.id, code: '123456' }, citizen.csrf), 400, 'otp_invalid');
    assert.equal((await profileOf(citizen)).phone, citizen.account.phone);
  });

  test('another account cannot confirm or resend this change', async () => {
    const citizen = await signedIn(server);
    const stranger = await signedIn(server);
    const phone = newPhone();
    const challenge = await startPhoneChange(citizen, phone);
    const code = server.latestCode(phone);
    assertProblem(await stranger.browser.post('/api/v1/profile/contacts/confirm', { challengeId: challenge.id, code }, stranger.csrf), 400, 'otp_expired');
    assertProblem(await stranger.browser.post('/api/v1/profile/contacts/resend', { challengeId: challenge.id }, stranger.csrf), 400, 'otp_expired');
    assert.equal((await profileOf(stranger)).phone, stranger.account.phone);
    const confirmed = await citizen.browser.post('/api/v1/profile/contacts/confirm', { challengeId: challenge.id, code }, citizen.csrf);
    assert.equal(confirmed.statusCode, 200, 'the stranger’s tries did not spend the code');
  });

  test('a resend waits, then the old code stops working', async () => {
    const citizen = await signedIn(server);
    const phone = newPhone();
    const challenge = await startPhoneChange(citizen, phone);
    const first = server.latestCode(phone);
    assertProblem(await citizen.browser.post('/api/v1/profile/contacts/resend', { challengeId: challenge.id }, citizen.csrf), 429, 'rate_limited');
    await server.advance(challenge.resendAfter * 1000);
    const resent = await citizen.browser.post('/api/v1/profile/contacts/resend', { challengeId: challenge.id }, citizen.csrf);
    assert.equal(resent.statusCode, 200, resent.body);
    const second = server.latestCode(phone);
    if (first !== second) {
      assertProblem(await citizen.browser.post('/api/v1/profile/contacts/confirm', { challengeId: challenge.id, code: first }, citizen.csrf), 400, 'otp_invalid');
    }
    const confirmed = await citizen.browser.post('/api/v1/profile/contacts/confirm', { challengeId: challenge.id, code: second }, citizen.csrf);
    assert.equal(confirmed.statusCode, 200, confirmed.body);
  });

  test('a code is valid for its lifetime only', async () => {
    const citizen = await signedIn(server);
    const phone = newPhone();
    const challenge = await startPhoneChange(citizen, phone);
    const code = server.latestCode(phone);
    // The session's idle timeout is as long as a code's life: used halfway, it outlives the code.
    await server.advance((challenge.expiresIn / 2) * 1000);
    assert.equal((await citizen.browser.post('/api/v1/auth/session/extend', undefined, citizen.csrf)).statusCode, 200);
    await server.advance((challenge.expiresIn / 2) * 1000);
    assertProblem(await citizen.browser.post('/api/v1/profile/contacts/confirm', { challengeId: challenge.id, code }, citizen.csrf), 400, 'otp_expired');
    assert.equal((await profileOf(citizen)).phone, citizen.account.phone);
  });
});

describe('changing the e-mail', () => {
  test('the code goes to the new address, the old one is told, the history shows both masked', async () => {
    const citizen = await signedIn(server);
    const email = `new-${citizen.account.id.slice(0, 8)}@example.ru`;
    const response = await citizen.browser.post('/api/v1/profile/contacts/email', { email: ` ${email.toUpperCase()} `, currentPassword: citizen.account.password }, citizen.csrf);
    assert.equal(response.statusCode, 200, response.body);
    const { challenge } = ChallengeResponse.parse(response.json());
    assert.equal(challenge.channel, 'email');
    const code = server.latestCode(email);
    const confirmed = await citizen.browser.post('/api/v1/profile/contacts/confirm', { challengeId: challenge.id, code }, citizen.csrf);
    assert.equal(Profile.parse(confirmed.json()).email, email);
    await server.settled();
    assert.equal(server.messagesTo(citizen.account.email)[0]?.purpose, 'email_changed');

    const { changes } = ProfileChangePage.parse((await citizen.browser.get('/api/v1/profile/changes')).json());
    assert.equal(changes.length, 1);
    assert.equal(changes[0]!.kind, 'email');
    assert.deepEqual(changes[0]!.fields, ['email']);
    assert.deepEqual(changes[0]!.changes, [{ field: 'email', before: `${citizen.account.email[0]}***@${citizen.account.email.split('@')[1]}`, after: 'n***@example.ru' }]);
    assert.equal(changes[0]!.current, true);
  });
});
