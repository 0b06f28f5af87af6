import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AuditLog, IdentityConfirmation, IdentityConfirmed } from '@mfc-cabinet/core/schemas';
import { assertProblem, signIn, signedIn, snapshot, startServer, type TestBrowser, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startServer()));
after(() => server.close());

const minute = 60_000;
const url = '/api/v1/profile/identity-confirmation';
const idleHeader = 'cabinet-session-idle-expires-in';

/** A signed-in «standard» citizen and their passport as stored. */
async function standardCitizen() {
  const citizen = await signedIn(server, { level: 'standard' });
  const { passportSeries, passportNumber } = await server.db
    .selectFrom('accounts')
    .select(['passportSeries', 'passportNumber'])
    .where('id', '=', citizen.account.id)
    .executeTakeFirstOrThrow();
  return { ...citizen, passport: { series: passportSeries!, number: passportNumber! } };
}

async function requestCode(browser: TestBrowser, csrf: Record<string, string>): Promise<IdentityConfirmation> {
  const response = await browser.post(url, undefined, csrf);
  assert.equal(response.statusCode, 200, response.body);
  return IdentityConfirmation.parse(response.json());
}

async function stateOf(browser: TestBrowser): Promise<IdentityConfirmation> {
  const response = await browser.get(url);
  assert.equal(response.statusCode, 200, response.body);
  return IdentityConfirmation.parse(response.json());
}

/** An operator at the counter. */
const operatorDesk = () => signedIn(server, { role: 'operator', level: 'confirmed' });

/** An operator (a new one unless `desk` is given) confirms with `code` and `passport`. */
async function confirm(code: string, passport: { series: string; number: string }, desk?: Awaited<ReturnType<typeof operatorDesk>>) {
  const { browser, csrf } = desk ?? (await operatorDesk());
  return browser.post('/api/v1/operator/identity-confirmations', { code, passport }, csrf);
}

describe('the code for confirming the identity', () => {
  test('needs a «standard» account: a «simplified» one is told what to do first', async () => {
    const { browser, csrf } = await signedIn(server, { level: 'simplified' });
    const problem = assertProblem(await browser.post(url, undefined, csrf), 409, 'conflict');
    assert.equal(problem.detail, 'Сначала укажите паспорт и СНИЛС и дождитесь их проверки.');
    assert.deepEqual(await stateOf(browser), { status: 'none', code: null, expiresIn: null });
  });

  test('a «confirmed» account is confirmed already', async () => {
    const { browser, csrf } = await signedIn(server, { level: 'confirmed' });
    assert.deepEqual(await requestCode(browser, csrf), { status: 'confirmed', code: null, expiresIn: null });
    assert.deepEqual(await stateOf(browser), { status: 'confirmed', code: null, expiresIn: null });
  });

  test('a «standard» account gets a short readable code, valid 10 minutes, stored hashed', async () => {
    const { account, browser, csrf } = await standardCitizen();
    const started = await requestCode(browser, csrf);
    assert.equal(started.status, 'waiting');
    assert.match(started.code!, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    assert.equal(started.expiresIn, 600);
    assert.deepEqual(await stateOf(browser), started, 'shown again to this browser');

    const rows = await server.db.selectFrom('identityConfirmations').selectAll().where('accountId', '=', account.id).execute();
    assert.equal(rows.length, 1);
    assert.ok(!JSON.stringify(rows).includes(started.code!.replace('-', '')) && !JSON.stringify(rows).includes(started.code!));

    await server.advance(4 * minute);
    assert.equal((await stateOf(browser)).expiresIn, 360);
  });

  test('asking again replaces the code', async () => {
    const { browser, csrf, passport } = await standardCitizen();
    const first = await requestCode(browser, csrf);
    const second = await requestCode(browser, csrf);
    assert.notEqual(second.code, first.code);
    assert.equal((await stateOf(browser)).code, second.code);
    assertProblem(await confirm(first.code!, passport), 404, 'not_found');
  });

  test('another browser of the account sees no code', async () => {
    const { account, browser, csrf } = await standardCitizen();
    await requestCode(browser, csrf);
    const other = server.browser();
    await signIn(other, account);
    assert.deepEqual(await stateOf(other), { status: 'none', code: null, expiresIn: null });
    assertProblem(await other.get(`${url}/qr.svg`), 404, 'not_found');
  });

  test('polling the state needs a live session but does not extend it', async () => {
    const { browser, csrf } = await standardCitizen();
    await requestCode(browser, csrf);
    await server.advance(4 * minute);
    const polled = await browser.get(url);
    assert.equal(polled.headers[idleHeader], '60', 'polling tells the time left without extending it');
    await server.advance(minute);
    assertProblem(await browser.get(url), 401, 'session_expired');
    assertProblem(await server.browser().get(url), 401, 'unauthenticated');
  });

  test('expires after 10 minutes', async () => {
    const { browser, csrf, passport } = await standardCitizen();
    const { code } = await requestCode(browser, csrf);
    for (let i = 0; i < 5; i++) {
      await server.advance(2 * minute);
      await browser.post('/api/v1/auth/session/extend', undefined, csrf);
    }
    assert.deepEqual(await stateOf(browser), { status: 'expired', code: null, expiresIn: null });
    assertProblem(await browser.get(`${url}/qr.svg`), 404, 'not_found');
    const problem = assertProblem(await confirm(code!, passport), 404, 'not_found');
    assert.match(String(problem.detail), /новый код/);
  });

  test('needs the CSRF token', async () => {
    const { browser } = await standardCitizen();
    assertProblem(await browser.post(url), 403, 'csrf_failed');
  });
});

describe('the QR code', () => {
  test('is an SVG image of the waiting code, never cached', async () => {
    const { browser, csrf } = await standardCitizen();
    assertProblem(await browser.get(`${url}/qr.svg`), 404, 'not_found');
    await requestCode(browser, csrf);
    const response = await browser.get(`${url}/qr.svg`);
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers['content-type']), /^image\/svg\+xml/);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.match(response.body, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 (\d+) \1"/);
    assert.match(response.body, /<path d="M\d/);
    assert.doesNotMatch(response.body, /<script|on\w+=/i);

    const other = await standardCitizen();
    await requestCode(other.browser, other.csrf);
    assert.notEqual((await other.browser.get(`${url}/qr.svg`)).body, response.body, 'each code its own image');
  });
});

describe('the operator confirms the identity', () => {
  test('with the live code and the passport the account holds; the citizen sees «confirmed»', async () => {
    const { account, browser, csrf, passport } = await standardCitizen();
    const { code } = await requestCode(browser, csrf);
    const typed = ` ${code!.toLowerCase().replace('-', ' ')} `;
    const desk = await operatorDesk();
    const response = await confirm(typed, { series: `${passport.series.slice(0, 2)} ${passport.series.slice(2)}`, number: passport.number }, desk);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(IdentityConfirmed.parse(response.json()).citizen, {
      id: account.id,
      fullName: 'Тестов Тест Тестович',
      phone: account.phone,
      level: 'confirmed',
      passport,
    });

    assert.equal((await browser.get('/api/v1/auth/session')).json().session.user.level, 'confirmed');
    assert.deepEqual(await stateOf(browser), { status: 'confirmed', code: null, expiresIn: null });
    assertProblem(await confirm(code!, passport), 404, 'not_found');

    const { entries } = AuditLog.parse((await desk.browser.get(`/api/v1/operator/audit?accountId=${account.id}`)).json());
    const confirmed = entries.find(({ event }) => event === 'identity_confirmed');
    assert.equal(confirmed?.actorId, desk.account.id);
    assert.equal(confirmed?.accountId, account.id);
  });

  test('another passport is refused and changes nothing; the right one still works', async () => {
    const { browser, csrf, passport } = await standardCitizen();
    const { code } = await requestCode(browser, csrf);
    const wrong = { series: passport.series, number: String((Number(passport.number) + 1) % 1_000_000).padStart(6, '1') };
    const desk = await operatorDesk();
    const before = await snapshot(server.db);
    const problem = assertProblem(await confirm(code!, wrong, desk), 409, 'conflict');
    assert.equal(problem.detail, 'Паспорт не совпадает с данными учётной записи.');
    const after = await snapshot(server.db);
    assert.deepEqual({ ...after, sessions: [] }, { ...before, sessions: [] }, 'nothing but the desk session changed');
    assert.equal((await stateOf(browser)).status, 'waiting');
    assert.equal((await confirm(code!, passport, desk)).statusCode, 200);
  });

  test('an unknown or malformed code is not_found; an empty one a field error', async () => {
    const { passport } = await standardCitizen();
    assertProblem(await confirm('ZZZZ-ZZZZ', passport), 404, 'not_found');
    assertProblem(await confirm('K7QF', passport), 404, 'not_found');
    const empty = assertProblem(await confirm('  ', passport), 400, 'validation_failed');
    assert.deepEqual(empty.errors, [{ field: 'code', code: 'invalid', message: 'Введите код с экрана гражданина, например K7QF-2MZX' }]);
  });
});
