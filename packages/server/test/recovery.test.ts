import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { RecoveryChallengeResponse, RecoveryVerified } from '@mfc-cabinet/core/schemas';
import type { OutgoingMessage } from '../src/senders/sender.js';
import {
  assertProblem,
  goodPassword,
  signIn,
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

function startRecovery(browser: TestBrowser, identifier: string) {
  return browser.post('/api/v1/auth/recovery', { identifier });
}

/** Starts recovery for `identifier` and returns the challenge id, after the code (if any) went out. */
async function recoveryChallenge(browser: TestBrowser, identifier: string): Promise<string> {
  const response = await startRecovery(browser, identifier);
  assert.equal(response.statusCode, 200, response.body);
  await server.settled();
  return RecoveryChallengeResponse.parse(response.json()).challenge.id;
}

/** Recovery up to the permission: returns the reset token. */
async function resetToken(browser: TestBrowser, identifier: string, codeTo: string): Promise<string> {
  const challengeId = await recoveryChallenge(browser, identifier);
  const verified = await browser.post('/api/v1/auth/recovery/code', { challengeId, code: server.latestCode(codeTo) });
  assert.equal(verified.statusCode, 200, verified.body);
  return RecoveryVerified.parse(verified.json()).resetToken;
}

function setPassword(browser: TestBrowser, token: string, password: string) {
  return browser.post('/api/v1/auth/recovery/password', { resetToken: token, password });
}

/** A whole recovery to `password`, a quarter of an hour after the last, so that no sending limit is reached. */
async function recoverTo(account: TestAccount, password: string) {
  await server.advance(15 * minute);
  const browser = server.browser();
  const response = await setPassword(browser, await resetToken(browser, account.phone, account.phone), password);
  assert.equal(response.statusCode, 204, response.body);
  // The notice «password changed» is a job: delivered before the next recovery's code.
  await server.settled();
}

describe('password recovery', () => {
  test('by phone: the code goes to the phone, the new password works, the old does not, the citizen is told', async () => {
    const account = await server.createAccount();
    const browser = server.browser();
    const response = await startRecovery(browser, account.phone);
    assert.equal(response.statusCode, 200, response.body);
    const { challenge } = RecoveryChallengeResponse.parse(response.json());
    assert.deepEqual(Object.keys(challenge).sort(), ['attemptsLeft', 'codeLength', 'expiresIn', 'id', 'resendAfter']);
    assert.deepEqual([challenge.codeLength, challenge.expiresIn, challenge.resendAfter, challenge.attemptsLeft], [6, 300, 60, 3]);
    await server.settled();
    const [message] = server.messagesTo(account.phone);
    assert.equal(message?.purpose, 'recovery');

    const verified = await browser.post('/api/v1/auth/recovery/code', { challengeId: challenge.id, code: server.latestCode(account.phone) });
    assert.equal(verified.statusCode, 200, verified.body);
    const { resetToken: token, expiresIn } = RecoveryVerified.parse(verified.json());
    assert.equal(expiresIn, 15 * 60);
    assert.ok(token.length >= 40);
    const stored = await server.db.selectFrom('passwordResets').selectAll().where('accountId', '=', account.id).execute();
    assert.equal(stored.length, 1);
    assert.notEqual(stored[0]!.tokenHash, token, 'stored hashed');

    const done = await setPassword(browser, token, goodPassword(7));
    assert.equal(done.statusCode, 204, done.body);
    assert.equal(done.body, '');
    assertProblem(await server.browser().login(account.phone, account.password), 401, 'invalid_credentials');
    assert.equal((await server.browser().login(account.phone, goodPassword(7))).json().status, 'authenticated');

    await server.settled();
    for (const contact of [account.phone, account.email]) {
      const [notice] = server.messagesTo(contact);
      assert.deepEqual([notice?.code, notice?.purpose], [null, 'password_changed'], contact);
      assert.match(notice!.text, /^Пароль от личного кабинета МФЦ изменён/);
    }
    const events = await server.db.selectFrom('auditEvents').select('event').where('accountId', '=', account.id).execute();
    assert.ok(events.some(({ event }) => event === 'password_reset'));
  });

  test('by e-mail the code goes to the e-mail; by СНИЛС to the phone', async () => {
    const account = await server.createAccount();
    await recoveryChallenge(server.browser(), account.email.toUpperCase());
    assert.equal(server.messagesTo(account.email)[0]?.purpose, 'recovery');
    assert.equal(server.messagesTo(account.phone).length, 0);

    await recoveryChallenge(server.browser(), account.snils.replace(/\D/g, ''));
    assert.equal(server.messagesTo(account.phone)[0]?.purpose, 'recovery');
  });

  test('an unknown login answers exactly like a known one, and nothing is sent', async () => {
    const account = await server.createAccount();
    const known = RecoveryChallengeResponse.parse((await startRecovery(server.browser(), account.phone)).json());
    await server.settled();
    assert.equal(server.messagesTo(account.phone)[0]?.purpose, 'recovery');
    const sent = server.outbox!.entries().length;
    for (const identifier of ['+7 999 000-00-00', 'nobody@example.test', '112-233-445 95'.replace('95', '00'), 'not a login']) {
      const response = await startRecovery(server.browser(), identifier);
      assert.equal(response.statusCode, 200, identifier);
      const unknown = RecoveryChallengeResponse.parse(response.json());
      assert.deepEqual({ ...unknown.challenge, id: '' }, { ...known.challenge, id: '' }, identifier);
      assert.equal(unknown.challenge.id.length, known.challenge.id.length);
    }
    await server.settled();
    assert.equal(server.outbox!.entries().length, sent, 'nothing sent');
  });

  test('the challenge of an unknown login can never be completed; a new code for it answers as usual', async () => {
    const browser = server.browser();
    const challengeId = await recoveryChallenge(browser, 'ghost@example.test');
    const attempt = (code: string) => browser.post('/api/v1/auth/recovery/code', { challengeId, code });
    assert.equal(assertProblem(await attempt('123456'), 400, 'otp_invalid').attemptsLeft, 2);
    assert.equal(assertProblem(await attempt('000000'), 400, 'otp_invalid').attemptsLeft, 1);
    assertProblem(await attempt('999999'), 400, 'otp_attempts_exceeded');

    const other = server.browser();
    const otherId = await recoveryChallenge(other, 'ghost2@example.test');
    await server.advance(minute);
    const resent = await other.post('/api/v1/auth/recovery/code/resend', { challengeId: otherId });
    assert.equal(resent.statusCode, 200, resent.body);
    assert.equal(RecoveryChallengeResponse.parse(resent.json()).challenge.id, otherId);
  });

  test('the answer does not wait for the SMS gateway, so its delay tells nothing', async () => {
    let release = () => {};
    const sent: OutgoingMessage[] = [];
    const gated = await startServer(
      {},
      {
        sender: {
          send: (message) =>
            new Promise<void>((resolve) => {
              sent.push(message);
              release = resolve;
            }),
        },
      },
    );
    try {
      const account = await gated.createAccount();
      const response = await gated.browser().post('/api/v1/auth/recovery', { identifier: account.phone });
      assert.equal(response.statusCode, 200, 'answered while the gateway still holds the code');
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(sent.length, 1);
      release();
      await gated.settled();
      const events = await gated.db.selectFrom('auditEvents').select('event').where('accountId', '=', account.id).execute();
      assert.deepEqual(events.map(({ event }) => event), ['code_sent']);
    } finally {
      release();
      await gated.close();
    }
  });

  test('ends every session of the account and clears the lockout of its logins', async () => {
    const account = await server.createAccount();
    const first = server.browser();
    const second = server.browser();
    await signIn(first, account);
    await signIn(second, account);
    for (let i = 0; i < 5; i++) await server.browser().login(account.email, 'Wrong-password-1');
    assertProblem(await server.browser().login(account.email, account.password), 423, 'account_locked');

    const browser = server.browser();
    assert.equal((await setPassword(browser, await resetToken(browser, account.email, account.email), goodPassword(3))).statusCode, 204);

    assertProblem(await first.get('/api/v1/profile'), 401, 'session_expired');
    assertProblem(await second.get('/api/v1/profile'), 401, 'session_expired');
    assert.equal((await first.get('/api/v1/auth/session')).json().session, null);
    const sessions = await server.db.selectFrom('sessions').select('revokedAt').where('accountId', '=', account.id).execute();
    assert.ok(sessions.length === 2 && sessions.every(({ revokedAt }) => revokedAt !== null));

    const login = await server.browser().login(account.email, goodPassword(3));
    assert.equal(login.json().status, 'authenticated', login.body);
  });

  test('the new password follows the rules, and may not be one of the last 5', async () => {
    const account = await server.createAccount();
    const passwords = [account.password, goodPassword(11), goodPassword(12), goodPassword(13), goodPassword(14), goodPassword(15)];
    for (const password of passwords.slice(1)) await recoverTo(account, password);
    const history = await server.db.selectFrom('passwordHistory').select('serial').where('accountId', '=', account.id).execute();
    assert.deepEqual(history.map(({ serial }) => serial).sort(), [2, 3, 4, 5, 6], 'only the last 5 are kept');

    await server.advance(15 * minute);
    const browser = server.browser();
    const token = await resetToken(browser, account.phone, account.phone);
    for (const password of passwords.slice(1)) {
      const problem = assertProblem(await setPassword(browser, token, password), 400, 'validation_failed');
      assert.deepEqual(problem.errors, [{ field: 'password', code: 'password_reused', message: 'Этот пароль уже использовался. Придумайте новый.' }], password);
    }
    const rules = assertProblem(await setPassword(browser, token, `Zz-${account.phone.slice(2)}`), 400, 'validation_failed');
    assert.deepEqual((rules.errors as Array<{ code: string }>).map(({ code }) => code), ['password_not_login']);
    const common = assertProblem(await setPassword(browser, token, 'Qwerty2025!'), 400, 'validation_failed');
    assert.deepEqual((common.errors as Array<{ code: string }>).map(({ code }) => code), ['password_common']);

    const sixthLast = await setPassword(browser, token, passwords[0]!);
    assert.equal(sixthLast.statusCode, 204, `the 6th-last password is allowed again: ${sixthLast.body}`);
    assert.equal((await server.browser().login(account.phone, passwords[0]!)).json().status, 'authenticated');
  });
});

describe('recovery codes and permissions', () => {
  test('the code expires after 5 minutes', async () => {
    const account = await server.createAccount();
    const browser = server.browser();
    const challengeId = await recoveryChallenge(browser, account.phone);
    const code = server.latestCode(account.phone);
    await server.advance(5 * minute);
    assertProblem(await browser.post('/api/v1/auth/recovery/code', { challengeId, code }), 400, 'otp_expired');
  });

  test('the permission lasts 15 minutes and works once', async () => {
    const account = await server.createAccount();
    const browser = server.browser();
    const late = await resetToken(browser, account.phone, account.phone);
    await server.advance(15 * minute);
    const before = await snapshot(server.db);
    assertProblem(await setPassword(browser, late, goodPassword(21)), 400, 'otp_expired');
    assert.deepEqual(await snapshot(server.db), before, 'nothing changed');

    await server.advance(minute);
    const token = await resetToken(browser, account.phone, account.phone);
    assert.equal((await setPassword(browser, token, goodPassword(22))).statusCode, 204);
    assertProblem(await setPassword(browser, token, goodPassword(23)), 400, 'otp_expired');
    assertProblem(await setPassword(browser, 'made-up-token', goodPassword(23)), 400, 'otp_expired');
  });

  test('a refused password keeps the permission', async () => {
    const account = await server.createAccount();
    const browser = server.browser();
    const token = await resetToken(browser, account.phone, account.phone);
    assertProblem(await setPassword(browser, token, 'short'), 400, 'validation_failed');
    assert.equal((await setPassword(browser, token, goodPassword(31))).statusCode, 204);
  });

  test('a new code not before 60 seconds, and at most 5 an hour per login, whether or not it has an account', async () => {
    const account = await server.createAccount();
    for (const identifier of [account.snils, 'unknown-login@example.test']) {
      const browser = server.browser();
      const challengeId = await recoveryChallenge(browser, identifier);
      const resend = () => browser.post('/api/v1/auth/recovery/code/resend', { challengeId });
      assert.equal(assertProblem(await resend(), 429, 'rate_limited').retryAfter, 60);
      for (let i = 0; i < 3; i++) {
        await server.advance(minute);
        assert.equal((await resend()).statusCode, 200, identifier);
      }
      await server.advance(minute);
      assert.equal((await startRecovery(server.browser(), identifier)).statusCode, 200, 'the fifth');
      await server.advance(minute);
      assert.equal(assertProblem(await startRecovery(server.browser(), identifier), 429, 'rate_limited').retryAfter, 55 * 60, identifier);
    }
    await server.settled();
  });

  test('a recovery code does not sign in, and a sign-in code does not recover', async () => {
    const account = await server.createAccount({ secondFactor: 'sms' });
    const browser = server.browser();
    const challengeId = await recoveryChallenge(browser, account.phone);
    assertProblem(await browser.verifyCode(challengeId, server.latestCode(account.phone)), 400, 'otp_expired');

    const login = (await server.browser().login(account.phone, account.password)).json();
    assertProblem(
      await browser.post('/api/v1/auth/recovery/code', { challengeId: login.challenge.id, code: server.latestCode(account.phone) }),
      400,
      'otp_expired',
    );
  });
});
