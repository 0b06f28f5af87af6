import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { NotMeReported, ProfileChangePage, RecoveryVerified, type ProfileChange } from '@mfc-cabinet/core/schemas';
import { snilsFromBody } from '../src/accounts/test-citizens.js';
import { randomDigits } from '../src/security/tokens.js';
import { assertProblem, goodPassword, newPhone, signIn, signedIn, startServer, type TestBrowser, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startServer()));
after(() => server.close());

const chrome = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

const newSnils = () => snilsFromBody(`${2 + (Number(randomDigits(1)) % 8)}${randomDigits(8)}`);

const form = (snils: string, changes: Record<string, unknown> = {}) => ({
  lastName: 'Заречная',
  firstName: 'Анна',
  birthDate: '1990-05-17',
  passport: { series: '45 10', number: '123478', issuedAt: '2010-06-01' },
  snils: snils.replace(/\D/g, ''),
  ...changes,
});

async function historyOf(browser: TestBrowser, query = ''): Promise<ProfileChangePage> {
  const response = await browser.get(`/api/v1/profile/changes${query}`);
  assert.equal(response.statusCode, 200, response.body);
  return ProfileChangePage.parse(response.json());
}

async function putPersonalData(browser: TestBrowser, body: unknown, csrf: Record<string, string>) {
  const response = await browser.request({ method: 'PUT', url: '/api/v1/profile/personal-data', payload: body as object, headers: csrf });
  assert.equal(response.statusCode, 200, response.body);
  await server.settled();
}

async function changePhone(citizen: Awaited<ReturnType<typeof signedIn>>): Promise<string> {
  const phone = newPhone();
  const started = await citizen.browser.post('/api/v1/profile/contacts/phone', { phone, currentPassword: citizen.account.password }, citizen.csrf);
  const { challenge } = started.json();
  const confirmed = await citizen.browser.post('/api/v1/profile/contacts/confirm', { challengeId: challenge.id, code: server.latestCode(phone) }, citizen.csrf);
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  return phone;
}

describe('the history of changes', () => {
  test('personal data are recorded, masked, by the fields that changed, newest first', async () => {
    const citizen = await signedIn(server, { identity: { userAgent: chrome, remoteAddress: '192.168.1.10' } });
    const snils = newSnils();
    await putPersonalData(citizen.browser, form(snils), citizen.csrf);
    await putPersonalData(citizen.browser, form(snils), citizen.csrf);
    await putPersonalData(citizen.browser, form(snils, { lastName: 'Иванова', passport: { series: '4511', number: '654301', issuedAt: '2010-06-01' } }), citizen.csrf);

    const { changes, nextCursor } = await historyOf(citizen.browser);
    assert.equal(nextCursor, null);
    assert.equal(changes.length, 2, 'the same data again is no change');
    const [latest, first] = changes as [ProfileChange, ProfileChange];
    assert.equal(latest.kind, 'personal_data');
    assert.deepEqual(latest.fields, ['lastName', 'passport.series', 'passport.number']);
    assert.deepEqual(latest.changes, [
      { field: 'lastName', before: 'З***', after: 'И***' },
      { field: 'passport.series', before: '45**', after: '45**' },
      { field: 'passport.number', before: '****78', after: '****01' },
    ]);
    // A test citizen has a name (Тестов Тест Тестович), a birth date and a СНИЛС.
    assert.deepEqual(first.fields, ['lastName', 'firstName', 'middleName', 'birthDate', 'passport.series', 'passport.number', 'passport.issuedAt', 'snils']);
    assert.deepEqual(first.changes.find(({ field }) => field === 'middleName'), { field: 'middleName', before: 'Т***', after: null });
    assert.equal(first.changes.find(({ field }) => field === 'snils')?.after, `***-***-*** ${snils.slice(-2)}`);
    assert.equal(first.changes.find(({ field }) => field === 'birthDate')?.after, '**.**.1990', 'a date by its year');
    assert.equal(latest.device, 'Chrome, Windows');
    assert.equal(latest.ip, '192.168.1.*');
    assert.equal(latest.current, true);
    assert.equal(latest.reportedAt, null);
    assert.ok(Date.parse(latest.at) >= Date.parse(first.at));

    const stored = JSON.stringify(await server.db.selectFrom('profileChanges').selectAll().where('accountId', '=', citizen.account.id).execute());
    assert.doesNotMatch(stored, /654301|123478|Заречная|Иванова/, 'only masked values are stored');

    const other = server.browser();
    await signIn(other, citizen.account);
    assert.equal((await historyOf(other)).changes[0]!.current, false, 'made from another session');
  });

  test('pages follow the cursor without gaps or repeats', async () => {
    const citizen = await signedIn(server);
    const phones: string[] = [];
    for (let i = 0; i < 5; i++) {
      phones.push(await changePhone(citizen));
      await server.advance(1000);
    }
    const seen: ProfileChange[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: ProfileChangePage = await historyOf(citizen.browser, `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.ok(page.changes.length <= 2);
      seen.push(...page.changes);
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    assert.equal(pages, 3);
    assert.deepEqual(
      seen.map(({ changes }) => changes[0]!.after),
      phones.reverse().map((phone) => `+7 ${phone.slice(2, 3)}** ***-**-${phone.slice(-2)}`),
      'newest first',
    );
    assert.equal(new Set(seen.map(({ id }) => id)).size, 5);
    const bad = assertProblem(await citizen.browser.get('/api/v1/profile/changes?cursor=nonsense'), 400, 'validation_failed');
    assert.deepEqual((bad.errors as Array<{ field: string }>).map(({ field }) => field), ['cursor']);
    assertProblem(await citizen.browser.get('/api/v1/profile/changes?limit=500'), 400, 'validation_failed');
  });

  test('another account neither reads nor reports this history', async () => {
    const citizen = await signedIn(server);
    await changePhone(citizen);
    const [change] = (await historyOf(citizen.browser)).changes;
    const stranger = await signedIn(server);
    assert.deepEqual((await historyOf(stranger.browser)).changes, []);
    assertProblem(await stranger.browser.post(`/api/v1/profile/changes/${change!.id}/not-me`, undefined, stranger.csrf), 404, 'not_found');
    assert.equal((await stranger.browser.get('/api/v1/profile')).statusCode, 200, 'the stranger stays signed in');
    assert.equal((await citizen.browser.get('/api/v1/profile')).statusCode, 200, 'and so does the citizen');
    assertProblem(await server.browser().get('/api/v1/profile/changes'), 401, 'unauthenticated');
  });
});

describe('«Это был не я»', () => {
  test('every session ends, this one too, and a recovery code arrives', async () => {
    const citizen = await signedIn(server);
    const others = [server.browser(), server.browser()];
    for (const browser of others) await signIn(browser, citizen.account);
    await citizen.browser.post('/api/v1/profile/password', { currentPassword: citizen.account.password, password: goodPassword(7), endOtherSessions: false }, citizen.csrf);
    const [change] = (await historyOf(others[0]!)).changes;
    assert.equal(change!.kind, 'password');

    const response = await others[0]!.post(`/api/v1/profile/changes/${change!.id}/not-me`, undefined, { 'x-csrf-token': (await sessionOf(others[0]!)).csrfToken });
    assert.equal(response.statusCode, 200, response.body);
    const reported = NotMeReported.parse(response.json());
    assert.equal(reported.signedOut, true);
    assert.match(String(response.headers['set-cookie']), /mfc_session=;/, 'the answer clears the cookie');

    assertProblem(await citizen.browser.get('/api/v1/profile'), 401, 'session_expired');
    assertProblem(await others[1]!.get('/api/v1/profile'), 401, 'session_expired');
    assertProblem(await others[0]!.get('/api/v1/profile'), 401, 'unauthenticated');

    await server.settled();
    const code = server.latestCode(citizen.account.phone);
    assert.ok(reported.challenge);
    const verified = await server.browser().post('/api/v1/auth/recovery/code', { challengeId: reported.challenge.id, code });
    assert.equal(verified.statusCode, 200, verified.body);
    const { resetToken } = RecoveryVerified.parse(verified.json());
    const reset = await server.browser().post('/api/v1/auth/recovery/password', { resetToken, password: goodPassword(8) });
    assert.equal(reset.statusCode, 204, reset.body);
    assert.equal((await server.browser().login(citizen.account.phone, goodPassword(8))).statusCode, 200);

    const audit = await server.db.selectFrom('auditEvents').select('event').where('accountId', '=', citizen.account.id).where('event', '=', 'not_me_reported').execute();
    assert.equal(audit.length, 1);
    const fresh = server.browser();
    await signIn(fresh, { ...citizen.account, password: goodPassword(8) });
    const again = (await historyOf(fresh)).changes.find(({ id }) => id === change!.id);
    assert.ok(again?.reportedAt, 'the change is marked as reported');
  });

  test('after a phone change the recovery code goes to the e-mail, not the new phone', async () => {
    const citizen = await signedIn(server);
    const phone = await changePhone(citizen);
    const [change] = (await historyOf(citizen.browser)).changes;
    const response = await citizen.browser.post(`/api/v1/profile/changes/${change!.id}/not-me`, undefined, citizen.csrf);
    assert.equal(response.statusCode, 200, response.body);
    await server.settled();
    assert.ok(server.latestCode(citizen.account.email));
    assert.ok(server.messagesTo(phone).every(({ purpose }) => purpose !== 'recovery'));
  });

  test('past the hourly limit of codes the sessions still end, without a challenge', async () => {
    const citizen = await signedIn(server);
    const phone = await changePhone(citizen);
    const [change] = (await historyOf(citizen.browser)).changes;
    const answers: Array<NotMeReported['challenge']> = [];
    for (let i = 0; i < 6; i++) {
      const browser = server.browser();
      const { csrfToken } = await signIn(browser, { ...citizen.account, phone });
      const response = await browser.post(`/api/v1/profile/changes/${change!.id}/not-me`, undefined, { 'x-csrf-token': csrfToken });
      assert.equal(response.statusCode, 200, response.body);
      answers.push(NotMeReported.parse(response.json()).challenge);
      assertProblem(await browser.get('/api/v1/profile'), 401, 'unauthenticated');
    }
    assert.deepEqual(answers.map((challenge) => challenge !== null), [true, true, true, true, true, false]);
    assertProblem(await citizen.browser.get('/api/v1/profile'), 401, 'session_expired');
  });

  test('needs a session and its CSRF token; an unknown change is not_found', async () => {
    const citizen = await signedIn(server);
    assertProblem(await citizen.browser.post('/api/v1/profile/changes/nope/not-me', undefined, citizen.csrf), 404, 'not_found');
    assertProblem(await citizen.browser.post('/api/v1/profile/changes/nope/not-me'), 403, 'csrf_failed');
    assertProblem(await server.browser().post('/api/v1/profile/changes/nope/not-me'), 401, 'unauthenticated');
    assert.equal((await citizen.browser.get('/api/v1/profile')).statusCode, 200);
  });
});

async function sessionOf(browser: TestBrowser) {
  const { session } = (await browser.get('/api/v1/auth/session')).json();
  return session as { csrfToken: string };
}
