import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ChallengeResponse, PersonalDataConsent, Profile, RegistrationCompleted } from '@mfc-cabinet/core/schemas';
import { personalDataConsentVersion } from '../src/consent/personal-data-consent.js';
import { assertProblem, goodPassword, newPhone, snapshot, startServer, type TestBrowser, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startServer()));
after(() => server.close());

const minute = 60_000;
const wrongCodeFor = (code: string | null) => (code === '000000' ? '111111' : '000000');

/** Starts a registration for a new phone; returns the browser, the phone and the challenge. */
async function startRegistration(form: { email?: string; phone?: string; password?: string } = {}) {
  const browser = server.browser();
  const phone = form.phone ?? newPhone();
  const response = await browser.register({ phone, password: form.password ?? goodPassword(), ...(form.email ? { email: form.email } : {}) });
  assert.equal(response.statusCode, 200, response.body);
  return { browser, phone, challenge: ChallengeResponse.parse(response.json()).challenge };
}

function completeRegistration(browser: TestBrowser, challengeId: string, code: string) {
  return browser.post('/api/v1/auth/registration/code', { challengeId, code });
}

/** The keys of a JSON value, recursively, with the type of each leaf: its shape without its values. */
function shapeOf(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value === null ? 'null' : typeof value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shapeOf(inner)]));
}

describe('the consent text', () => {
  test('is served in Russian with its version, and in English on request', async () => {
    const ru = await server.browser().get('/api/v1/consents/personal-data');
    assert.equal(ru.statusCode, 200);
    const consent = PersonalDataConsent.parse(ru.json());
    assert.equal(consent.version, personalDataConsentVersion);
    assert.equal(consent.title, 'Согласие на обработку персональных данных');
    for (const part of ['152-ФЗ', 'Оператор', 'Цели обработки', 'Перечень персональных данных', 'СНИЛС', 'Срок действия', 'Отзыв согласия']) {
      assert.ok(consent.text.includes(part), part);
    }
    assert.ok(consent.text.split('\n\n').length >= 5, 'paragraphs separated by blank lines');
    assert.equal(ru.headers['content-language'], 'ru');

    const en = await server.browser().get('/api/v1/consents/personal-data', { 'accept-language': 'en-GB,en;q=0.9,ru;q=0.5' });
    const english = PersonalDataConsent.parse(en.json());
    assert.equal(english.version, consent.version);
    assert.equal(english.title, 'Consent to the processing of personal data');
    assert.equal(en.headers['content-language'], 'en');
    const preferRussian = await server.browser().get('/api/v1/consents/personal-data', { 'accept-language': 'en;q=0.5,ru' });
    assert.equal(preferRussian.json().title, consent.title);
  });
});

describe('registration', () => {
  test('a code goes to the phone; the code creates a simplified account, signs in and records the consent', async () => {
    const before = server.clock.now();
    const browser = server.browser();
    const phone = newPhone();
    const spelled = `8 (${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8, 10)}-${phone.slice(10)}`;
    const response = await browser.request({
      method: 'POST',
      url: '/api/v1/auth/registration',
      headers: { 'user-agent': 'Mozilla/5.0 (test)' },
      payload: { phone: spelled, password: goodPassword(), consent: { version: personalDataConsentVersion, accepted: true } },
    });
    assert.equal(response.statusCode, 200, response.body);
    const { challenge } = ChallengeResponse.parse(response.json());
    assert.equal(challenge.channel, 'sms');
    assert.equal(challenge.destination, `+7 *** ***-${phone.slice(-4, -2)}-${phone.slice(-2)}`);
    assert.deepEqual([challenge.codeLength, challenge.expiresIn, challenge.resendAfter, challenge.attemptsLeft], [6, 300, 60, 3]);
    const [message] = server.messagesTo(phone);
    assert.equal(message?.purpose, 'registration');
    assert.equal(message?.text, `Код для регистрации в личном кабинете МФЦ: ${message?.code}. Никому не сообщайте его.`);

    const pending = await server.db.selectFrom('pendingRegistrations').selectAll().where('phone', '=', phone).execute();
    assert.equal(pending.length, 1);
    assert.match(pending[0]!.passwordHash, /^\$scrypt\$/, 'the hash is kept');
    assert.ok(!JSON.stringify(await snapshot(server.db)).includes(goodPassword()), 'never the password');

    const done = await completeRegistration(browser, challenge.id, server.latestCode(phone));
    assert.equal(done.statusCode, 200, done.body);
    const completed = RegistrationCompleted.parse(done.json());
    assert.equal(completed.status, 'authenticated');
    assert.equal(completed.emailChallenge, null);
    assert.equal(completed.session.user.level, 'simplified');
    assert.equal(completed.session.user.displayName, challenge.destination, 'no name yet: the masked phone');
    assert.ok(browser.cookies.has('__Host-mfc_session') && browser.cookies.has('__Host-mfc_device'));

    const profile = Profile.parse((await browser.get('/api/v1/profile')).json());
    assert.equal(profile.phone, phone);
    assert.deepEqual([profile.lastName, profile.firstName, profile.email, profile.snils, profile.passport], [null, null, null, null, null]);
    assert.equal(profile.secondFactor, 'sms');
    assert.deepEqual(profile.registryCheck, { status: 'not_submitted', reason: null });

    const consents = await server.db.selectFrom('consentRecords').selectAll().where('accountId', '=', profile.id).execute();
    assert.equal(consents.length, 1);
    assert.deepEqual(
      { ...consents[0], id: undefined },
      {
        id: undefined,
        accountId: profile.id,
        consentVersion: personalDataConsentVersion,
        acceptedAt: before,
        method: 'web_form_checkbox',
        ip: '127.0.0.1',
        userAgent: 'Mozilla/5.0 (test)',
      },
    );
    const history = await server.db.selectFrom('passwordHistory').select('serial').where('accountId', '=', profile.id).execute();
    assert.deepEqual(history, [{ serial: 1 }], 'the password history starts');
    const events = await server.db.selectFrom('auditEvents').select('event').where('accountId', '=', profile.id).execute();
    assert.ok(events.some(({ event }) => event === 'registered'));
    assert.deepEqual(await server.db.selectFrom('pendingRegistrations').select('phone').where('phone', '=', phone).execute(), []);

    const login = await server.browser().login(spelled, goodPassword());
    assert.equal(login.json().status, 'code_required', 'the new citizen signs in with the password and an SMS code');
  });

  test('a phone that has an account answers the same, gets a notice and no code, and cannot be registered again', async () => {
    const fresh = await startRegistration();
    const owner = await server.createAccount();
    const spoof = await startRegistration({ phone: owner.phone });

    assert.deepEqual(shapeOf(spoof.challenge), shapeOf(fresh.challenge));
    const { id: _spoofId, destination: spoofDestination, ...spoofRest } = spoof.challenge;
    const { id: _freshId, destination: freshDestination, ...freshRest } = fresh.challenge;
    assert.deepEqual(spoofRest, freshRest);
    assert.equal(spoofDestination.replace(/\d/g, '0'), freshDestination.replace(/\d/g, '0'));

    const messages = server.messagesTo(owner.phone);
    assert.equal(messages.length, 1);
    assert.equal(messages[0]!.code, null);
    assert.equal(messages[0]!.purpose, 'registration_notice');
    assert.match(messages[0]!.text, /^Кто-то пытается зарегистрироваться.*войдите или восстановите пароль/);

    const json = await server.browser().get(`/dev/outbox.json?to=${encodeURIComponent(owner.phone)}`);
    assert.deepEqual(Object.keys(json.json()[0]).sort(), ['at', 'channel', 'code', 'purpose', 'text', 'to']);
    assert.equal(json.json()[0].code, null);
    const page = await server.browser().get('/dev/outbox');
    assert.ok(page.body.includes('Попытка регистрации'));

    const attempt = (code: string) => completeRegistration(spoof.browser, spoof.challenge.id, code);
    assert.equal(assertProblem(await attempt('123456'), 400, 'otp_invalid').attemptsLeft, 2);
    assert.equal(assertProblem(await attempt('000000'), 400, 'otp_invalid').attemptsLeft, 1);
    assertProblem(await attempt('999999'), 400, 'otp_attempts_exceeded');
    assertProblem(await attempt('999999'), 400, 'otp_expired');

    const accounts = await server.db.selectFrom('accounts').select('id').where('phone', '=', owner.phone).execute();
    assert.deepEqual(accounts, [{ id: owner.id }]);
    assert.equal(spoof.browser.cookies.has('__Host-mfc_session'), false);
  });

  test('a notice is sent again on resend, never a code', async () => {
    const owner = await server.createAccount();
    const spoof = await startRegistration({ phone: owner.phone });
    await server.advance(minute);
    const resent = await spoof.browser.post('/api/v1/auth/registration/code/resend', { challengeId: spoof.challenge.id });
    assert.equal(resent.statusCode, 200, resent.body);
    assert.equal(ChallengeResponse.parse(resent.json()).challenge.id, spoof.challenge.id);
    assert.deepEqual(
      server.messagesTo(owner.phone).map(({ code, purpose }) => [code, purpose]),
      [
        [null, 'registration_notice'],
        [null, 'registration_notice'],
      ],
    );
  });

  test('if the phone got an account meanwhile, the code is expired', async () => {
    const phone = newPhone();
    const first = await startRegistration({ phone });
    const firstCode = server.latestCode(phone);
    await server.advance(minute);
    const second = await startRegistration({ phone, password: goodPassword(1) });
    const secondCode = server.latestCode(phone);
    assert.equal((await completeRegistration(second.browser, second.challenge.id, secondCode)).statusCode, 200);
    assertProblem(await completeRegistration(first.browser, first.challenge.id, firstCode), 400, 'otp_expired');
    assert.equal((await server.db.selectFrom('accounts').select('id').where('phone', '=', phone).execute()).length, 1);
  });

  test('a sign-in challenge does not complete a registration, nor the other way round', async () => {
    const account = await server.createAccount({ secondFactor: 'sms' });
    const login = (await server.browser().login(account.phone, account.password)).json();
    assertProblem(await completeRegistration(server.browser(), login.challenge.id, server.latestCode(account.phone)), 400, 'otp_expired');

    const { phone, challenge } = await startRegistration();
    assertProblem(await server.browser().verifyCode(challenge.id, server.latestCode(phone)), 400, 'otp_expired');
  });
});

describe('the e-mail given at registration', () => {
  test('gets its own code, which sets the e-mail in the profile', async () => {
    const email = `new-${newPhone().slice(-7)}@example.test`;
    const { browser, phone, challenge } = await startRegistration({ email: ` ${email.toUpperCase()} ` });
    const done = RegistrationCompleted.parse((await completeRegistration(browser, challenge.id, server.latestCode(phone))).json());
    const emailChallenge = done.emailChallenge;
    assert.ok(emailChallenge);
    assert.equal(emailChallenge.channel, 'email');
    assert.equal(emailChallenge.destination, `n***@example.test`);
    assert.equal(server.messagesTo(email)[0]?.purpose, 'email_confirmation');
    assert.equal(Profile.parse((await browser.get('/api/v1/profile')).json()).email, null, 'not before it is confirmed');

    const csrf = { 'x-csrf-token': done.session.csrfToken };
    const confirmed = await browser.post('/api/v1/profile/email/code', { challengeId: emailChallenge.id, code: server.latestCode(email) }, csrf);
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(Profile.parse(confirmed.json()).email, email);
    const login = await server.browser().login(email, goodPassword());
    assert.equal(login.json().status, 'code_required', 'the e-mail is a login now');
  });

  test("of another account gets a notice; the challenge looks the same and cannot be completed; the e-mail stays its owner's", async () => {
    const owner = await server.createAccount();
    const { browser, phone, challenge } = await startRegistration({ email: owner.email });
    const done = RegistrationCompleted.parse((await completeRegistration(browser, challenge.id, server.latestCode(phone))).json());
    assert.ok(done.emailChallenge);
    assert.deepEqual(
      { ...done.emailChallenge, id: '' },
      { id: '', channel: 'email', destination: `${owner.email.slice(0, 1)}***@example.test`, codeLength: 6, expiresIn: 300, resendAfter: 60, attemptsLeft: 3 },
    );
    const [notice] = server.messagesTo(owner.email);
    assert.deepEqual([notice?.code, notice?.purpose], [null, 'email_in_use_notice']);

    const csrf = { 'x-csrf-token': done.session.csrfToken };
    const attempt = (code: string) => browser.post('/api/v1/profile/email/code', { challengeId: done.emailChallenge!.id, code }, csrf);
    assertProblem(await attempt('123456'), 400, 'otp_invalid');
    assertProblem(await attempt('654321'), 400, 'otp_invalid');
    assertProblem(await attempt('000000'), 400, 'otp_attempts_exceeded');

    assert.equal(Profile.parse((await browser.get('/api/v1/profile')).json()).email, null);
    const ownerRow = await server.db.selectFrom('accounts').select(['id', 'email']).where('email', '=', owner.email).execute();
    assert.deepEqual(ownerRow, [{ id: owner.id, email: owner.email }]);
  });

  test("the code is bound to the account: another citizen cannot use it, and the owner's tries are not spent", async () => {
    const email = `bound-${newPhone().slice(-7)}@example.test`;
    const { browser, phone, challenge } = await startRegistration({ email });
    const done = RegistrationCompleted.parse((await completeRegistration(browser, challenge.id, server.latestCode(phone))).json());
    const code = server.latestCode(email);

    const stranger = await startRegistration();
    const strangerDone = RegistrationCompleted.parse(
      (await completeRegistration(stranger.browser, stranger.challenge.id, server.latestCode(stranger.phone))).json(),
    );
    const stolen = await stranger.browser.post(
      '/api/v1/profile/email/code',
      { challengeId: done.emailChallenge!.id, code },
      { 'x-csrf-token': strangerDone.session.csrfToken },
    );
    assertProblem(stolen, 400, 'otp_expired');

    const own = await browser.post('/api/v1/profile/email/code', { challengeId: done.emailChallenge!.id, code }, { 'x-csrf-token': done.session.csrfToken });
    assert.equal(own.statusCode, 200, own.body);
  });

  test('its code expires after 5 minutes; a new one can be sent', async () => {
    const email = `late-${newPhone().slice(-7)}@example.test`;
    const { browser, phone, challenge } = await startRegistration({ email });
    const done = RegistrationCompleted.parse((await completeRegistration(browser, challenge.id, server.latestCode(phone))).json());
    const csrf = { 'x-csrf-token': done.session.csrfToken };
    const challengeId = done.emailChallenge!.id;

    const early = await browser.post('/api/v1/profile/email/code/resend', { challengeId }, csrf);
    assert.equal(assertProblem(early, 429, 'rate_limited').retryAfter, 60);

    await server.advance(4 * minute);
    await browser.get('/api/v1/profile'); // keeps the session alive
    await server.advance(minute);
    assertProblem(await browser.post('/api/v1/profile/email/code', { challengeId, code: server.latestCode(email) }, csrf), 400, 'otp_expired');

    const resent = await browser.post('/api/v1/profile/email/code/resend', { challengeId }, csrf);
    assert.equal(resent.statusCode, 200, resent.body);
    assert.equal(ChallengeResponse.parse(resent.json()).challenge.expiresIn, 300);
    const confirmed = await browser.post('/api/v1/profile/email/code', { challengeId, code: server.latestCode(email) }, csrf);
    assert.equal(Profile.parse(confirmed.json()).email, email);
  });

  test('confirming needs the session and its CSRF token', async () => {
    const email = `csrf-${newPhone().slice(-7)}@example.test`;
    const { browser, phone, challenge } = await startRegistration({ email });
    const done = RegistrationCompleted.parse((await completeRegistration(browser, challenge.id, server.latestCode(phone))).json());
    const body = { challengeId: done.emailChallenge!.id, code: server.latestCode(email) };
    const before = await snapshot(server.db);

    assertProblem(await server.browser().post('/api/v1/profile/email/code', body), 401, 'unauthenticated');
    assertProblem(await server.browser().post('/api/v1/profile/email/code/resend', { challengeId: body.challengeId }), 401, 'unauthenticated');
    assertProblem(await browser.post('/api/v1/profile/email/code', body), 403, 'csrf_failed');
    assertProblem(await browser.post('/api/v1/profile/email/code/resend', { challengeId: body.challengeId }), 403, 'csrf_failed');
    assert.deepEqual(await snapshot(server.db), before);
  });
});

describe('the registration form is checked', () => {
  /** Sends the form; expects `validation_failed`, no message sent and nothing stored; returns the field errors. */
  async function refused(form: Record<string, unknown>): Promise<Array<{ field: string; code: string; message: string }>> {
    const before = await snapshot(server.db);
    const sent = server.outbox!.entries().length;
    const response = await server.browser().post('/api/v1/auth/registration', {
      phone: newPhone(),
      password: goodPassword(),
      consent: { version: personalDataConsentVersion, accepted: true },
      ...form,
    });
    const problem = assertProblem(response, 400, 'validation_failed');
    assert.deepEqual(await snapshot(server.db), before, 'nothing stored');
    assert.equal(server.outbox!.entries().length, sent, 'nothing sent');
    return problem.errors as Array<{ field: string; code: string; message: string }>;
  }

  const passwordCodes = async (password: string, form: Record<string, unknown> = {}) =>
    (await refused({ password, ...form })).filter(({ field }) => field === 'password').map(({ code }) => code);

  test('every password rule is refused with its own code and Russian message', async () => {
    assert.deepEqual(await passwordCodes('Ab1!xyz'), ['password_length']);
    assert.deepEqual(await passwordCodes('ZARECHNY-7'), ['password_lowercase']);
    assert.deepEqual(await passwordCodes('zarechny-7'), ['password_uppercase']);
    assert.deepEqual(await passwordCodes('Zarechny-!'), ['password_digit']);
    assert.deepEqual(await passwordCodes('Zarechny77'), ['password_special']);
    assert.deepEqual(await passwordCodes('Qwerty123!'), ['password_common']);
    assert.deepEqual(await passwordCodes('Пароль123!'), ['password_common']);
    assert.deepEqual(await passwordCodes('P@ssw0rd'), ['password_common']);
    assert.deepEqual(await passwordCodes('1q2w3E4R!'), ['password_common']);
    assert.deepEqual(await passwordCodes('Gfhjkm2024!'), ['password_common'], 'пароль typed on the Latin layout');
    assert.deepEqual(await passwordCodes('123456'), [
      'password_length',
      'password_lowercase',
      'password_uppercase',
      'password_special',
      'password_common',
    ]);

    const errors = await refused({ password: 'zarechny' });
    assert.deepEqual(errors, [
      { field: 'password', code: 'password_uppercase', message: 'Добавьте заглавную букву' },
      { field: 'password', code: 'password_digit', message: 'Добавьте цифру' },
      { field: 'password', code: 'password_special', message: 'Добавьте специальный символ, например ! ? % или -' },
    ]);
  });

  test('the password may not contain the phone or the name of the e-mail', async () => {
    const phone = newPhone();
    assert.deepEqual(await passwordCodes(`Tel!${phone.slice(2)}`, { phone }), ['password_not_login']);
    assert.deepEqual(await passwordCodes('Ivan.Zarechny-1', { email: 'ivan.zarechny@example.test' }), ['password_not_login']);
    const [error] = await refused({ phone, password: `Tel!${phone.slice(2)}` });
    assert.equal(error?.message, 'Пароль не должен содержать телефон, почту или СНИЛС');
  });

  test('a too long password is refused by the schema', async () => {
    const errors = await refused({ password: `Aa1!${'x'.repeat(125)}` });
    assert.deepEqual(errors, [{ field: 'password', code: 'too_long', message: 'Пароль не может быть длиннее 128 символов' }]);
  });

  test('the phone and the e-mail must be real ones; an empty e-mail is no e-mail', async () => {
    assert.deepEqual(await refused({ phone: '+1 202 555 0100', email: 'ivanov@@example' }), [
      { field: 'phone', code: 'invalid', message: 'Введите номер мобильного телефона: +7 и 10 цифр' },
      { field: 'email', code: 'invalid', message: 'Проверьте адрес электронной почты, например ivanov@example.ru' },
    ]);
    for (const email of ['ivanov@example', 'iva nov@example.ru', '.ivanov@example.ru', 'ivanov@-example.ru', 'a@b.c']) {
      assert.deepEqual((await refused({ email })).map(({ field }) => field), ['email'], email);
    }
    const { browser, phone, challenge } = await startRegistration({ email: '' });
    const done = RegistrationCompleted.parse((await completeRegistration(browser, challenge.id, server.latestCode(phone))).json());
    assert.equal(done.emailChallenge, null);
  });

  test('the consent must be given, to the current text', async () => {
    const required = [{ field: 'consent.accepted', code: 'consent_required', message: 'Необходимо согласие на обработку персональных данных' }];
    assert.deepEqual(await refused({ consent: { version: personalDataConsentVersion, accepted: false } }), required);
    assert.deepEqual(await refused({ consent: { version: personalDataConsentVersion } }), required);
    assert.deepEqual(await refused({ consent: undefined }), required);
    assert.deepEqual(await refused({ consent: { version: '2020-01-01', accepted: true } }), [
      {
        field: 'consent.version',
        code: 'consent_outdated',
        message: 'Текст согласия обновился. Прочитайте новую редакцию и подтвердите согласие ещё раз.',
      },
    ]);
  });
});

describe('registration codes', () => {
  test('expire after 5 minutes; a new one can be sent within the 15 minutes of the attempt, not after', async () => {
    const { browser, phone, challenge } = await startRegistration();
    const first = server.latestCode(phone);
    await server.advance(5 * minute);
    assertProblem(await completeRegistration(browser, challenge.id, first), 400, 'otp_expired');

    const resend = () => browser.post('/api/v1/auth/registration/code/resend', { challengeId: challenge.id });
    assert.equal((await resend()).statusCode, 200);
    const second = server.latestCode(phone);
    if (second !== first) assertProblem(await completeRegistration(browser, challenge.id, first), 400, 'otp_invalid');

    await server.advance(10 * minute);
    assertProblem(await resend(), 400, 'otp_expired');
    assertProblem(await completeRegistration(browser, challenge.id, second), 400, 'otp_expired');
    assert.equal((await server.db.selectFrom('accounts').select('id').where('phone', '=', phone).execute()).length, 0);
  });

  test('a new code not before 60 seconds, and at most 5 an hour per phone, whether or not it has an account', async () => {
    for (const phone of [newPhone(), (await server.createAccount()).phone]) {
      const { browser, challenge } = await startRegistration({ phone });
      const resend = () => browser.post('/api/v1/auth/registration/code/resend', { challengeId: challenge.id });
      assert.equal(assertProblem(await resend(), 429, 'rate_limited').retryAfter, 60);
      for (let i = 0; i < 3; i++) {
        await server.advance(minute);
        assert.equal((await resend()).statusCode, 200);
      }
      await server.advance(minute);
      assert.equal((await server.browser().register({ phone, password: goodPassword() })).statusCode, 200, 'the fifth, from a new form');
      await server.advance(minute);
      const sixth = await server.browser().register({ phone, password: goodPassword() });
      assert.equal(assertProblem(sixth, 429, 'rate_limited').retryAfter, 55 * 60);
      assert.equal(server.messagesTo(phone).length, 5);
      await server.advance(55 * minute);
      assert.equal((await server.browser().register({ phone, password: goodPassword() })).statusCode, 200, 'an hour after the first');
    }
  });

  test('a wrong code for a real registration costs a try, as at sign-in', async () => {
    const { browser, phone, challenge } = await startRegistration();
    const code = server.latestCode(phone);
    assert.equal(assertProblem(await completeRegistration(browser, challenge.id, wrongCodeFor(code)), 400, 'otp_invalid').attemptsLeft, 2);
    assert.equal((await completeRegistration(browser, challenge.id, code)).statusCode, 200);
  });
});
