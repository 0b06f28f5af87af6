import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { OtpChallenge } from '@mfc-cabinet/core/schemas';
import { assertProblem, startServer, type TestAccount, type TestBrowser, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startServer()));
after(() => server.close());

const minute = 60_000;

/** A citizen with an SMS code pending: the browser, the account, the challenge id and the code. */
async function pendingCode() {
  const account: TestAccount = await server.createAccount({ secondFactor: 'sms' });
  const browser: TestBrowser = server.browser();
  const response = await browser.login(account.phone, account.password);
  assert.equal(response.json().status, 'code_required', response.body);
  const challengeId: string = response.json().challenge.id;
  return { account, browser, challengeId, code: server.latestCode(account.phone) };
}

const wrongCodeFor = (code: string) => (code === '000000' ? '111111' : '000000');

describe('checking the code', () => {
  test('a wrong code costs a try; the right one still works after it', async () => {
    const { browser, challengeId, code } = await pendingCode();
    const problem = assertProblem(await browser.verifyCode(challengeId, wrongCodeFor(code)), 400, 'otp_invalid');
    assert.equal(problem.attemptsLeft, 2);
    assert.equal((await browser.verifyCode(challengeId, code)).statusCode, 200);
  });

  test('the third wrong code ends the sign-in attempt: even the right code is refused then', async () => {
    const { browser, challengeId, code } = await pendingCode();
    const wrong = wrongCodeFor(code);
    assert.equal(assertProblem(await browser.verifyCode(challengeId, wrong), 400, 'otp_invalid').attemptsLeft, 2);
    assert.equal(assertProblem(await browser.verifyCode(challengeId, wrong), 400, 'otp_invalid').attemptsLeft, 1);
    const last = assertProblem(await browser.verifyCode(challengeId, wrong), 400, 'otp_attempts_exceeded');
    assert.equal(last.attemptsLeft, 0);
    assertProblem(await browser.verifyCode(challengeId, code), 400, 'otp_expired');
    assertProblem(await browser.resend(challengeId), 400, 'otp_expired');
  });

  test('a code is valid for 5 minutes', async () => {
    const first = await pendingCode();
    await server.advance(5 * minute - 1000);
    assert.equal((await first.browser.verifyCode(first.challengeId, first.code)).statusCode, 200);

    const second = await pendingCode();
    await server.advance(5 * minute);
    assertProblem(await second.browser.verifyCode(second.challengeId, second.code), 400, 'otp_expired');
  });

  test('a used code cannot be replayed', async () => {
    const { browser, challengeId, code } = await pendingCode();
    assert.equal((await browser.verifyCode(challengeId, code)).statusCode, 200);
    assertProblem(await server.browser().verifyCode(challengeId, code), 400, 'otp_expired');
  });

  test("another sign-in's code does not work, not even for the same account", async () => {
    const first = await pendingCode();
    const secondLogin = await server.browser().login(first.account.phone, first.account.password);
    const secondId: string = secondLogin.json().challenge.id;
    const secondCode = server.latestCode(first.account.phone);
    if (secondCode !== first.code) {
      assertProblem(await first.browser.verifyCode(first.challengeId, secondCode), 400, 'otp_invalid');
    }
    const other = await pendingCode();
    if (other.code !== first.code) {
      assertProblem(await first.browser.verifyCode(first.challengeId, other.code), 400, 'otp_invalid');
    }
    assert.equal((await server.browser().verifyCode(secondId, secondCode)).statusCode, 200);
  });

  test('an unknown challenge is expired, and reveals nothing', async () => {
    assertProblem(await server.browser().verifyCode('no-such-challenge', '123456'), 400, 'otp_expired');
  });

  test('a code that does not look like one is a validation error, not a try', async () => {
    const { browser, challengeId, code } = await pendingCode();
    const problem = assertProblem(await browser.verifyCode(challengeId, '12ab'), 400, 'validation_failed');
    assert.deepEqual(problem.errors, [{ field: 'code', code: 'invalid', message: 'Код — 6 цифр' }]);
    assert.equal((await browser.verifyCode(challengeId, ` ${code} `)).statusCode, 200, 'spaces around the code are fine');
  });

  test('wrong codes are audited', async () => {
    const { account, browser, challengeId, code } = await pendingCode();
    await browser.verifyCode(challengeId, wrongCodeFor(code));
    const events = await server.db.selectFrom('auditEvents').select('event').where('accountId', '=', account.id).execute();
    assert.deepEqual(
      events.map(({ event }) => event),
      ['code_sent', 'code_rejected'],
    );
  });
});

describe('sending a new code', () => {
  test('not before 60 seconds', async () => {
    const { browser, challengeId } = await pendingCode();
    await server.advance(20_000);
    const response = await browser.resend(challengeId);
    const problem = assertProblem(response, 429, 'rate_limited');
    assert.equal(problem.retryAfter, 40);
    assert.equal(response.headers['retry-after'], '40');
  });

  test('a new code replaces the old one and the tries start over', async () => {
    const { account, browser, challengeId, code } = await pendingCode();
    await browser.verifyCode(challengeId, wrongCodeFor(code));
    await browser.verifyCode(challengeId, wrongCodeFor(code));
    await server.advance(minute);
    const response = await browser.resend(challengeId);
    assert.equal(response.statusCode, 200, response.body);
    const challenge = OtpChallenge.parse(response.json());
    assert.equal(challenge.id, challengeId);
    assert.equal(challenge.attemptsLeft, 3);
    assert.equal(challenge.expiresIn, 300);
    assert.equal(challenge.resendAfter, 60);
    const fresh = server.latestCode(account.phone);
    if (fresh !== code) assertProblem(await browser.verifyCode(challengeId, code), 400, 'otp_invalid');
    assert.equal((await browser.verifyCode(challengeId, fresh)).statusCode, 200);
  });

  test('a code can be re-sent after the first one expired, within the 15 minutes of the sign-in attempt', async () => {
    const { account, browser, challengeId } = await pendingCode();
    await server.advance(6 * minute);
    assert.equal((await browser.resend(challengeId)).statusCode, 200);
    assert.equal((await browser.verifyCode(challengeId, server.latestCode(account.phone))).statusCode, 200);
  });

  test('the sign-in attempt itself ends after 15 minutes', async () => {
    const { browser, challengeId } = await pendingCode();
    await server.advance(15 * minute);
    assertProblem(await browser.resend(challengeId), 400, 'otp_expired');
  });

  test('at most 5 codes an hour per account, sign-in sends included', async () => {
    const { account, browser, challengeId } = await pendingCode();
    for (let i = 0; i < 3; i++) {
      await server.advance(minute);
      assert.equal((await browser.resend(challengeId)).statusCode, 200);
    }
    await server.advance(minute);
    const otherLogin = await server.browser().login(account.phone, account.password);
    assert.equal(otherLogin.json().status, 'code_required', 'the fifth code, from a new sign-in');

    await server.advance(minute);
    const sixth = await browser.resend(challengeId);
    const problem = assertProblem(sixth, 429, 'rate_limited');
    assert.equal(problem.retryAfter, 55 * 60, 'until the first send is an hour old');
    assertProblem(await server.browser().login(account.phone, account.password), 429, 'rate_limited');

    const sent = await server.db
      .selectFrom('auditEvents')
      .select('id')
      .where('accountId', '=', account.id)
      .where('event', '=', 'code_sent')
      .execute();
    assert.equal(sent.length, 5);
  });

  test('a code that was entered does not count: a citizen who signs in again and again always gets a code', async () => {
    const account = await server.createAccount({ secondFactor: 'sms' });
    for (let i = 0; i < 8; i++) {
      await server.advance(minute);
      const browser = server.browser();
      const login = await browser.login(account.phone, account.password);
      assert.equal(login.json().status, 'code_required', `sign-in ${i + 1}: ${login.body}`);
      const verified = await browser.verifyCode(login.json().challenge.id, server.latestCode(account.phone));
      assert.equal(verified.statusCode, 200, `sign-in ${i + 1}: ${verified.body}`);
    }
  });

  test('the codes re-sent before the one entered still count', async () => {
    const { account, browser, challengeId } = await pendingCode();
    for (let i = 0; i < 3; i++) {
      await server.advance(minute);
      assert.equal((await browser.resend(challengeId)).statusCode, 200);
    }
    assert.equal((await browser.verifyCode(challengeId, server.latestCode(account.phone))).statusCode, 200);
    // Three unused codes count; two more unused ones reach the limit of five.
    for (let i = 0; i < 2; i++) {
      await server.advance(minute);
      assert.equal((await server.browser().login(account.phone, account.password)).json().status, 'code_required');
    }
    await server.advance(minute);
    const refused = assertProblem(await server.browser().login(account.phone, account.password), 429, 'rate_limited');
    assert.ok(Number(refused.retryAfter) > 0 && Number(refused.retryAfter) <= 60 * 60, `retryAfter ${refused.retryAfter}`);
    assert.match(String(refused.detail), /Новый код можно запросить через/);
  });
});
