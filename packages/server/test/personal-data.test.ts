import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Profile } from '@mfc-cabinet/core/schemas';
import { snilsFromBody } from '../src/accounts/test-citizens.js';
import type { PersonalData } from '../src/profile/personal-data.js';
import { registryRefusal, type RegistryAnswer, type RegistryChecker } from '../src/profile/registry.js';
import { randomDigits } from '../src/security/tokens.js';
import { assertProblem, signIn, snapshot, startServer, type TestAccount, type TestBrowser, type TestServer } from './helpers.js';

/** Registries that answer when the test says so, and what it says. */
class GatedRegistry implements RegistryChecker {
  readonly calls: PersonalData[] = [];
  answer: RegistryAnswer | Error = { ok: true };
  #open: Promise<void> = Promise.resolve();
  #release = () => {};

  /** Checks wait until {@link release}. */
  hold(): void {
    this.#open = new Promise((resolve) => (this.#release = resolve));
  }

  release(): void {
    this.#release();
  }

  async check(data: PersonalData): Promise<RegistryAnswer> {
    this.calls.push(data);
    await this.#open;
    if (this.answer instanceof Error) throw this.answer;
    return this.answer;
  }
}

const registry = new GatedRegistry();
let server: TestServer;
before(async () => (server = await startServer({}, { registry })));
after(async () => {
  registry.release();
  await server.close();
});

const newSnils = () => snilsFromBody(`${2 + Number(randomDigits(1)) % 8}${randomDigits(8)}`);

/** A valid form; the СНИЛС as 11 bare digits. */
const form = (snils: string, changes: Record<string, unknown> = {}) => ({
  lastName: 'Заречная',
  firstName: 'Анна-Мария',
  middleName: 'Сергеевна',
  birthDate: '1990-05-17',
  passport: { series: '45 10', number: '123456', issuedAt: '2010-06-01', issuedBy: 'ОВД  района Заречный' },
  snils: snils.replace(/\D/g, ''),
  inn: '500100732259',
  ...changes,
});

/** A signed-in citizen of `level`, and the CSRF header of the session. */
async function citizen(level: 'simplified' | 'standard' | 'confirmed' = 'simplified') {
  const account: TestAccount = await server.createAccount({ level });
  const browser: TestBrowser = server.browser();
  const { csrfToken } = await signIn(browser, account);
  return { account, browser, csrf: { 'x-csrf-token': csrfToken } };
}

function put(browser: TestBrowser, body: unknown, headers: Record<string, string>) {
  return browser.request({ method: 'PUT', url: '/api/v1/profile/personal-data', payload: body as object, headers });
}

async function profileOf(browser: TestBrowser) {
  const response = await browser.get('/api/v1/profile');
  assert.equal(response.statusCode, 200, response.body);
  return Profile.parse(response.json());
}

describe('personal data', () => {
  test('is stored normalised with the check pending; the check after the answer verifies it and raises the level', async () => {
    const { browser, csrf } = await citizen();
    const snils = newSnils();
    registry.hold();
    const response = await put(browser, form(snils), csrf);
    assert.equal(response.statusCode, 200, response.body);
    const pending = Profile.parse(response.json());
    assert.deepEqual(pending.registryCheck, { status: 'pending', reason: null });
    assert.equal(pending.level, 'simplified');
    assert.deepEqual([pending.lastName, pending.firstName, pending.middleName, pending.birthDate], ['Заречная', 'Анна-Мария', 'Сергеевна', '1990-05-17']);
    assert.equal(pending.snils, snils, 'as XXX-XXX-XXX YY');
    assert.deepEqual(pending.passport, { series: '4510', number: '123456', issuedAt: '2010-06-01', issuedBy: 'ОВД района Заречный' });
    assert.equal(pending.inn, '500100732259');
    assert.deepEqual(await profileOf(browser), pending, 'still pending until the registries answer');
    assertProblem(await server.browser().login(snils, 'anything-1A!'), 401, 'invalid_credentials');

    registry.release();
    await server.settled();
    const verified = await profileOf(browser);
    assert.deepEqual(verified.registryCheck, { status: 'verified', reason: null });
    assert.equal(verified.level, 'standard');
    assert.equal((await browser.get('/api/v1/auth/session')).json().session.user.displayName, 'Анна-Мария З.');
    assert.equal(registry.calls.at(-1)?.snils, snils);
  });

  test('the address of registration is kept tidied; a new address alone is saved without a registry check, the level stays', async () => {
    const { browser, csrf } = await citizen();
    const snils = newSnils();
    const first = await put(browser, form(snils, { registrationAddress: '  г. Заречный,  ул. Ленина, д. 1 ' }), csrf);
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(Profile.parse(first.json()).registrationAddress, 'г. Заречный, ул. Ленина, д. 1');
    await server.settled();
    assert.equal((await profileOf(browser)).level, 'standard');
    const calls = registry.calls.length;

    const moved = await put(browser, form(snils, { registrationAddress: 'г. Заречный, ул. Садовая, д. 5' }), csrf);
    assert.equal(moved.statusCode, 200, moved.body);
    const profile = Profile.parse(moved.json());
    assert.deepEqual([profile.registrationAddress, profile.level, profile.registryCheck.status], ['г. Заречный, ул. Садовая, д. 5', 'standard', 'verified']);
    await server.settled();
    assert.equal(registry.calls.length, calls, 'the registries were not asked again');
    const history = (await browser.get('/api/v1/profile/changes')).json().changes;
    assert.deepEqual(history[0].changes, [{ field: 'registrationAddress', before: 'г. Заречный, ***', after: 'г. Заречный, ***' }]);

    const cleared = Profile.parse((await put(browser, form(snils, { registrationAddress: '' }), csrf)).json());
    assert.equal(cleared.registrationAddress, null);
    const tooLong = assertProblem(await put(browser, form(snils, { registrationAddress: 'д'.repeat(501) }), csrf), 400, 'validation_failed');
    assert.deepEqual(
      (tooLong.errors as Array<{ field: string; code: string; message: string }>).map(({ field, code, message }) => [field, code, message]),
      [['registrationAddress', 'too_long', 'Не длиннее 500 символов']],
    );
  });

  test('the confirmed СНИЛС becomes a login', async () => {
    const { account, browser, csrf } = await citizen();
    const snils = newSnils();
    assert.equal((await put(browser, form(snils), csrf)).statusCode, 200);
    await server.settled();
    const login = await server.browser().login(snils.replace(/\D/g, ''), account.password);
    assert.equal(login.json().session?.user.id, account.id, login.body);
  });

  test('a СНИЛС of another account is rejected with a reason that names nobody; the level stays', async () => {
    const other = await server.createAccount();
    const { browser, csrf } = await citizen();
    const response = await put(browser, form(other.snils), csrf);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(Profile.parse(response.json()).registryCheck, { status: 'pending', reason: null }, 'the answer is the usual one');
    await server.settled();
    const rejected = await profileOf(browser);
    assert.deepEqual(rejected.registryCheck, { status: 'rejected', reason: registryRefusal });
    assert.equal(registryRefusal, 'Данные не прошли проверку в государственных реестрах. Обратитесь в МФЦ с паспортом.');
    assert.equal(rejected.level, 'simplified');
    assert.equal(rejected.snils, other.snils, 'shows what was entered');
    const owner = await server.db.selectFrom('accounts').select('id').where('snils', '=', other.snils).execute();
    assert.deepEqual(owner, [{ id: other.id }]);
  });

  test('the registries may refuse, or fail to answer', async () => {
    const { browser, csrf } = await citizen();
    registry.answer = { ok: false, reason: 'Паспорт недействителен.' };
    try {
      await put(browser, form(newSnils()), csrf);
      await server.settled();
      assert.deepEqual((await profileOf(browser)).registryCheck, { status: 'rejected', reason: 'Паспорт недействителен.' });

      registry.answer = new Error('СМЭВ timeout');
      await put(browser, form(newSnils()), csrf);
      await server.settled();
      const failed = await profileOf(browser);
      assert.equal(failed.registryCheck.status, 'rejected');
      assert.match(failed.registryCheck.reason ?? '', /реестры не ответили/);
      assert.equal(failed.level, 'simplified');
    } finally {
      registry.answer = { ok: true };
    }
  });

  test('changing the data of a standard account makes it simplified until checked; a confirmed one stays confirmed', async () => {
    const standard = await citizen('standard');
    assert.equal((await profileOf(standard.browser)).registryCheck.status, 'verified');
    registry.hold();
    const changed = Profile.parse((await put(standard.browser, form(newSnils()), standard.csrf)).json());
    assert.deepEqual([changed.level, changed.registryCheck.status], ['simplified', 'pending']);

    const confirmed = await citizen('confirmed');
    const kept = Profile.parse((await put(confirmed.browser, form(newSnils()), confirmed.csrf)).json());
    assert.deepEqual([kept.level, kept.registryCheck.status], ['confirmed', 'pending']);

    registry.release();
    await server.settled();
    assert.equal((await profileOf(standard.browser)).level, 'standard');
    assert.equal((await profileOf(confirmed.browser)).level, 'confirmed');
  });

  test('the same data again changes nothing and asks the registries nothing', async () => {
    const { browser, csrf } = await citizen();
    const body = form(newSnils());
    await put(browser, body, csrf);
    await server.settled();
    const calls = registry.calls.length;
    const again = Profile.parse((await put(browser, { ...body, lastName: ' Заречная ' }, csrf)).json());
    assert.deepEqual([again.level, again.registryCheck.status], ['standard', 'verified']);
    await server.settled();
    assert.equal(registry.calls.length, calls);
  });

  test('newer data wins over a check still running for older data', async () => {
    const { account, browser, csrf } = await citizen();
    registry.hold();
    await put(browser, form(newSnils()), csrf);
    const latest = newSnils();
    await put(browser, form(latest, { lastName: 'Иванова' }), csrf);
    registry.release();
    await server.settled();
    const profile = await profileOf(browser);
    assert.deepEqual([profile.lastName, profile.snils, profile.registryCheck.status], ['Иванова', latest, 'verified']);
    const verifications = await server.db
      .selectFrom('auditEvents')
      .select('event')
      .where('accountId', '=', account.id)
      .where('event', '=', 'registry_verified')
      .execute();
    assert.equal(verifications.length, 1, 'the older answer was dropped');
  });
});

describe('personal data is checked field by field', () => {
  /** Sends `body`, expects `validation_failed` and no change; returns `[field, code]` pairs. */
  async function refused(body: unknown): Promise<Array<[string, string]>> {
    const { browser, csrf } = await citizen();
    const before = await snapshot(server.db);
    const problem = assertProblem(await put(browser, body, csrf), 400, 'validation_failed');
    const after = await snapshot(server.db);
    // The request itself extends the session; nothing else may change.
    assert.deepEqual({ ...after, sessions: [] }, { ...before, sessions: [] }, 'nothing stored');
    const errors = problem.errors as Array<{ field: string; code: string; message: string }>;
    for (const { message } of errors) assert.match(message, /[а-яё]/i);
    return errors.map(({ field, code }) => [field, code]);
  }

  test('documents: СНИЛС, passport, ИНН', async () => {
    const snils = newSnils();
    const wrongCheck = snils.replace(/\d\d$/, (check) => String((Number(check) + 1) % 100).padStart(2, '0'));
    assert.deepEqual(await refused(form(wrongCheck)), [['snils', 'invalid']]);
    assert.deepEqual(await refused(form(snils, { passport: { series: '451', number: '123456', issuedAt: '2010-06-01' } })), [['passport.series', 'invalid']]);
    assert.deepEqual(await refused(form(snils, { passport: { series: '4510', number: '12345', issuedAt: '2010-06-01' } })), [['passport.number', 'invalid']]);
    assert.deepEqual(await refused(form(snils, { passport: { series: '4510', number: '000000', issuedAt: '2010-06-01' } })), [['passport.number', 'invalid']]);
    assert.deepEqual(await refused(form(snils, { inn: '500100732258' })), [['inn', 'invalid']]);
    assert.deepEqual(await refused(form(snils, { inn: '7707083893' })), [['inn', 'invalid']], "an organisation's ИНН is not a person's");

    const { browser, csrf } = await citizen();
    const problem = assertProblem(await put(browser, form(wrongCheck, { passport: { series: 'ab', number: '1', issuedAt: '2010-06-01' } }), csrf), 400, 'validation_failed');
    assert.deepEqual(problem.errors, [
      { field: 'passport.series', code: 'invalid', message: 'Серия — 4 цифры, номер — 6 цифр' },
      { field: 'passport.number', code: 'invalid', message: 'Серия — 4 цифры, номер — 6 цифр' },
      { field: 'snils', code: 'invalid', message: 'СНИЛС указан с ошибкой: проверьте цифры' },
    ]);
  });

  test('dates: real, not in the future, 14 to 120 years old, the passport not before the 14th birthday', async () => {
    const snils = newSnils();
    const thisYear = new Date(server.clock.now()).getUTCFullYear();
    assert.deepEqual(await refused(form(snils, { birthDate: '2001-02-29' })), [['birthDate', 'invalid']]);
    assert.deepEqual(await refused(form(snils, { birthDate: '17.05.1990' })), [['birthDate', 'invalid']]);
    assert.deepEqual(await refused(form(snils, { birthDate: `${thisYear + 1}-01-01` })), [['birthDate', 'in_future']]);
    assert.deepEqual(
      await refused(form(snils, { birthDate: `${thisYear - 13}-01-01`, passport: { series: '4510', number: '123456', issuedAt: `${thisYear}-01-01` } })),
      [['birthDate', 'too_young']],
    );
    assert.deepEqual(await refused(form(snils, { birthDate: '1900-01-01' })), [['birthDate', 'too_old']]);
    assert.deepEqual(await refused(form(snils, { passport: { series: '4510', number: '123456', issuedAt: `${thisYear + 1}-01-01` } })), [['passport.issuedAt', 'in_future']]);
    assert.deepEqual(await refused(form(snils, { passport: { series: '4510', number: '123456', issuedAt: '2004-05-16' } })), [['passport.issuedAt', 'before_14']]);
    assert.deepEqual(await refused(form(snils, { passport: { series: '4510', number: '123456', issuedAt: '2023-02-30' } })), [['passport.issuedAt', 'invalid']]);

    const { browser, csrf } = await citizen();
    const onBirthday = await put(browser, form(snils, { passport: { series: '4510', number: '123456', issuedAt: '2004-05-17' } }), csrf);
    assert.equal(onBirthday.statusCode, 200, 'issued on the 14th birthday');
    await server.settled();
  });

  test('names: letters, spaces, hyphens and apostrophes; required fields are named', async () => {
    const snils = newSnils();
    assert.deepEqual(await refused(form(snils, { lastName: 'Иванов2', firstName: 'Анна!', middleName: 'Ivan_ovich' })), [
      ['lastName', 'invalid'],
      ['firstName', 'invalid'],
      ['middleName', 'invalid'],
    ]);
    assert.deepEqual(await refused(form(snils, { lastName: '   ' })), [['lastName', 'invalid']], 'blank, by the schema');
    assert.deepEqual(await refused(form(snils, { birthDate: '', snils: '', passport: { series: '', number: '', issuedAt: '' } })), [
      ['birthDate', 'required'],
      ['passport.series', 'required'],
      ['passport.number', 'required'],
      ['passport.issuedAt', 'required'],
      ['snils', 'required'],
    ]);
    assert.deepEqual(await refused({ ...form(snils), firstName: undefined, extra: 1 }), [
      ['firstName', 'required'],
      ['extra', 'unknown_field'],
    ]);

    const { browser, csrf } = await citizen();
    const names = { lastName: "д'Артаньян-Ли", firstName: 'O’Neil  Mary', middleName: '' };
    const accepted = Profile.parse((await put(browser, form(newSnils(), names), csrf)).json());
    assert.deepEqual([accepted.lastName, accepted.firstName, accepted.middleName], ["д'Артаньян-Ли", 'O’Neil Mary', null]);
    await server.settled();
  });
});

describe('the personal data endpoint', () => {
  test('needs a session and its CSRF token, and changes nothing without them', async () => {
    const { browser } = await citizen();
    const before = await snapshot(server.db);
    assertProblem(await put(server.browser(), form(newSnils()), {}), 401, 'unauthenticated');
    assertProblem(await put(server.browser(), { nonsense: true }, {}), 401, 'unauthenticated');
    assertProblem(await put(browser, form(newSnils()), {}), 403, 'csrf_failed');
    assertProblem(await put(browser, form(newSnils()), { 'x-csrf-token': 'forged' }), 403, 'csrf_failed');
    assert.deepEqual(await snapshot(server.db), before);
  });

  test('a session that timed out says so', async () => {
    const { browser, csrf } = await citizen();
    await server.advance(5 * 60_000);
    assertProblem(await put(browser, form(newSnils()), csrf), 401, 'session_expired');
  });
});
