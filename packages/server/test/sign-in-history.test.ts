import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LoginResponse, SignInPage } from '@mfc-cabinet/core/schemas';
import { assertProblem, signIn, signedIn, startServer, type TestBrowser, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startServer()));
after(() => server.close());

const chromeOnWindows = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const safariOnIphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

async function signIns(browser: TestBrowser, query = '', headers: Record<string, string> = {}) {
  const response = await browser.get(`/api/v1/profile/sign-ins${query}`, headers);
  assert.equal(response.statusCode, 200, response.body);
  return SignInPage.parse(response.json());
}

describe('the sign-in history', () => {
  test('lists a wrong password and the sign-in with device, masked address, place and this one marked', async () => {
    const account = await server.createAccount();
    const phone = server.browser({ userAgent: safariOnIphone, remoteAddress: '203.0.113.57' });
    assertProblem(await phone.login(account.phone, 'Wrong-password-1'), 401, 'invalid_credentials');
    const desktop = server.browser({ userAgent: chromeOnWindows, remoteAddress: '192.168.1.23' });
    await signIn(desktop, account);

    const { signIns: list, nextCursor } = await signIns(desktop);
    assert.equal(nextCursor, null);
    assert.deepEqual(
      list.map(({ outcome, device, ip, place, current }) => ({ outcome, device, ip, place, current })),
      [
        { outcome: 'signed_in', device: 'Chrome, Windows', ip: '192.168.1.*', place: 'Локальная сеть', current: true },
        { outcome: 'wrong_password', device: 'Safari, iPhone', ip: '203.0.113.*', place: null, current: false },
      ],
    );
    assert.ok(Date.parse(list[0]!.at) >= Date.parse(list[1]!.at));

    const other = server.browser({ userAgent: 'curl/8.5.0', remoteAddress: '10.0.0.7' });
    await signIn(other, account);
    const seenThere = await signIns(other, '', { 'accept-language': 'en' });
    assert.deepEqual(
      seenThere.signIns.map(({ outcome, device, place, current }) => ({ outcome, device, place, current })),
      [
        { outcome: 'signed_in', device: 'Unknown device', place: 'Local network', current: true },
        { outcome: 'signed_in', device: 'Chrome, Windows', place: 'Local network', current: false },
        { outcome: 'wrong_password', device: 'Safari, iPhone', place: null, current: false },
      ],
    );
  });

  test('a wrong code, and the lockout, are there too; an unknown login is nobody’s', async () => {
    const account = await server.createAccount({ secondFactor: 'sms' });
    const browser = server.browser();
    const login = LoginResponse.parse((await browser.login(account.phone, account.password)).json());
    assert.equal(login.status, 'code_required');
    if (login.status !== 'code_required') return;
    const right = server.latestCode(account.phone);
    assertProblem(await browser.verifyCode(login.challenge.id, right === '000000' ? '111111' : '000000'), 400, 'otp_invalid');
    assert.equal((await browser.verifyCode(login.challenge.id, right)).statusCode, 200);

    const attacker = server.browser({ remoteAddress: '198.51.100.9' });
    for (let left = 4; left >= 1; left--) assertProblem(await attacker.login(account.phone, 'Wrong-password-1'), 401, 'invalid_credentials');
    assertProblem(await attacker.login(account.phone, 'Wrong-password-1'), 423, 'account_locked');
    assertProblem(await attacker.login(account.phone, account.password), 423, 'account_locked');
    assertProblem(await attacker.login('+79000000000', 'Wrong-password-1'), 401, 'invalid_credentials');

    const { signIns: list } = await signIns(browser, '?limit=50');
    assert.deepEqual(
      list.map(({ outcome, current }) => `${outcome}${current ? ' (this one)' : ''}`),
      ['locked', 'locked', 'wrong_password', 'wrong_password', 'wrong_password', 'wrong_password', 'signed_in (this one)', 'wrong_code'],
    );
    const rows = await server.db.selectFrom('signIns').select('accountId').distinct().where('ip', '=', '198.51.100.9').execute();
    assert.deepEqual(rows, [{ accountId: account.id }], 'the unknown login recorded nothing');
  });

  test('never shows another account’s sign-ins', async () => {
    const mine = await signedIn(server);
    const theirs = await signedIn(server);
    await server.browser().login(theirs.account.phone, 'Wrong-password-1');
    const { signIns: list } = await signIns(mine.browser);
    assert.deepEqual(list.map(({ outcome }) => outcome), ['signed_in']);
    assert.deepEqual((await signIns(theirs.browser)).signIns.map(({ outcome }) => outcome), ['wrong_password', 'signed_in']);
  });

  test('pages newest first with a cursor; a cursor not the server’s and a limit past 50 are refused', async () => {
    const citizen = await signedIn(server);
    for (let n = 0; n < 4; n++) {
      await server.advance(1000);
      await signIn(server.browser(), citizen.account);
    }
    const all = (await signIns(citizen.browser)).signIns;
    assert.equal(all.length, 5);
    const first = await signIns(citizen.browser, '?limit=2');
    assert.equal(first.signIns.length, 2);
    assert.ok(first.nextCursor);
    const second = await signIns(citizen.browser, `?limit=2&cursor=${first.nextCursor}`);
    const third = await signIns(citizen.browser, `?limit=2&cursor=${second.nextCursor}`);
    assert.equal(third.nextCursor, null);
    assert.deepEqual([...first.signIns, ...second.signIns, ...third.signIns].map(({ id }) => id), all.map(({ id }) => id));
    assert.deepEqual(all.map(({ current }) => current), [false, false, false, false, true]);

    const stale = assertProblem(await citizen.browser.get('/api/v1/profile/sign-ins?cursor=bm90LWEtY3Vyc29y'), 400, 'validation_failed');
    assert.deepEqual((stale.errors as Array<{ field: string }>).map(({ field }) => field), ['cursor']);
    assertProblem(await citizen.browser.get('/api/v1/profile/sign-ins?limit=51'), 400, 'validation_failed');
    assertProblem(await citizen.browser.get('/api/v1/profile/sign-ins?limit=0'), 400, 'validation_failed');
  });

  test('needs a session; the closure of the account deletes its history', async () => {
    assertProblem(await server.browser().get('/api/v1/profile/sign-ins'), 401, 'unauthenticated');
    const citizen = await signedIn(server);
    const closed = await citizen.browser.post('/api/v1/profile/close', { currentPassword: citizen.account.password }, citizen.csrf);
    assert.equal(closed.statusCode, 204, closed.body);
    assert.deepEqual(await server.db.selectFrom('signIns').selectAll().where('accountId', '=', citizen.account.id).execute(), []);
  });
});
