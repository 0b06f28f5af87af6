import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isValidInn, isValidPassport, isValidPhone, isValidSnils } from '@mfc-cabinet/core/validators';
import { maskEmail, maskPhone, normalizeEmail } from '../src/accounts/contacts.js';
import { snilsFromBody } from '../src/accounts/test-citizens.js';
import { demoCitizens, demoOperator } from '../src/db/seed.js';
import { maskIp, placeOf } from '../src/http/ip-address.js';
import { preferredLocale } from '../src/http/locale.js';
import { describeDevice } from '../src/http/user-agent.js';
import { identityCode, normalizeIdentityCode } from '../src/profile/identity-code.js';
import { addYears, isCalendarDate, latestDateInRussia } from '../src/profile/dates.js';
import { commonPasswords } from '@mfc-cabinet/core/schemas';
import { isCommonPassword, passwordMessages } from '../src/security/password-policy.js';
import { PasswordHasher } from '../src/security/passwords.js';
import { readablePassword, readablePasswordPattern } from '../src/security/readable-password.js';
import { orderedId } from '../src/security/tokens.js';
import { messageText, purposeLabel } from '../src/senders/sender.js';
import { formatWait } from '../src/texts.js';

describe('password hashing', () => {
  const hasher = new PasswordHasher(10);

  test('a self-describing scrypt hash, salted', async () => {
    const hash = await hasher.hash('Demo-2026!');
    assert.match(hash, /^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.notEqual(await hasher.hash('Demo-2026!'), hash);
    assert.equal(await hasher.verify('Demo-2026!', hash), true);
    assert.equal(await hasher.verify('demo-2026!', hash), false);
    assert.equal(await hasher.verify('Demo-2026!', 'not a hash'), false);
  });

  test('hashes made at another cost still verify', async () => {
    const stronger = await new PasswordHasher(12).hash('пароль');
    assert.match(stronger, /ln=12/);
    assert.equal(await hasher.verify('пароль', stronger), true);
  });

  test('the decoy never matches', async () => {
    assert.equal(await hasher.verifyDecoy('anything'), false);
  });
});

describe('demo citizens', () => {
  test('have valid documents and contacts', () => {
    assert.ok(demoCitizens.length >= 3);
    for (const citizen of demoCitizens) {
      assert.ok(citizen.phone && isValidPhone(citizen.phone), citizen.id);
      if (citizen.snils) assert.ok(isValidSnils(citizen.snils), citizen.snils);
      if (citizen.inn) assert.ok(isValidInn(citizen.inn, 'person'), citizen.inn);
      if (citizen.passportSeries) assert.ok(isValidPassport(`${citizen.passportSeries} ${citizen.passportNumber}`));
    }
    assert.deepEqual(
      demoCitizens.map(({ secondFactor, level }) => [secondFactor, level]),
      [
        ['sms', 'standard'],
        ['email', 'confirmed'],
        [null, 'simplified'],
      ],
    );
    assert.ok(demoCitizens.every(({ role }) => role === 'citizen'));
  });

  test('and one operator, with contacts of their own', () => {
    assert.equal(demoOperator.role, 'operator');
    assert.ok(demoOperator.phone && isValidPhone(demoOperator.phone));
    assert.equal(normalizeEmail(demoOperator.email ?? ''), 'operator@mfc.example');
    assert.ok(!demoCitizens.some(({ id, phone, email }) => id === demoOperator.id || phone === demoOperator.phone || email === demoOperator.email));
  });
});

describe('devices in the list of sessions', () => {
  test('browser and system from the User-Agent', () => {
    const cases: Array<[string | undefined, string]> = [
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome, Windows'],
      ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1', 'Safari, iPhone'],
      ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox, Linux'],
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Edge, Windows'],
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 YaBrowser/24.12.0.0 Safari/537.36', 'Яндекс Браузер, Windows'],
      ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'Chrome, Android'],
      ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', 'Safari, macOS'],
      ['Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1', 'Chrome, iPad'],
      ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome, Linux'],
      ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36', 'Chrome, Linux'],
      ['curl/8.5.0', 'Неизвестное устройство'],
      ['', 'Неизвестное устройство'],
      [undefined, 'Неизвестное устройство'],
    ];
    for (const [userAgent, expected] of cases) assert.equal(describeDevice(userAgent), expected, userAgent);
  });

  test('addresses are masked; the local network is named', () => {
    assert.equal(maskIp('192.168.1.23'), '192.168.1.*');
    assert.equal(maskIp('::ffff:203.0.113.57'), '203.0.113.*');
    assert.equal(maskIp('2001:db8:85a3::8a2e:370:7334'), '2001:db8:85a3:*');
    assert.equal(maskIp('2001:db8::1'), '2001:db8:0:*');
    assert.equal(maskIp('::1'), '0:0:0:*');
    assert.equal(maskIp(null), '');
    for (const local of ['127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.0.1', '::1', 'fd12::1', 'fe80::1', '::ffff:192.168.1.2']) {
      assert.equal(placeOf(local), 'Локальная сеть', local);
    }
    for (const outside of ['203.0.113.57', '172.32.0.1', '8.8.8.8', '2001:db8::1', 'not an address']) assert.equal(placeOf(outside), null, outside);
  });
});

describe('codes and passwords people read', () => {
  test('temporary passwords: three groups, no look-alike characters, as the acceptance asks', () => {
    const passwords = Array.from({ length: 200 }, () => readablePassword(() => true));
    for (const password of passwords) assert.match(password, readablePasswordPattern);
    assert.doesNotMatch(passwords.join(''), /[0O1Il]/);
    assert.equal(new Set(passwords).size, passwords.length);
    const withDigit = readablePassword((password) => /\d/.test(password) && /[a-z]/.test(password) && /[A-Z]/.test(password));
    assert.match(withDigit, /\d/);
    assert.throws(() => readablePassword(() => false), /no acceptable/);
  });

  test('identity codes: from the session secret and the salt, typed back in any form', () => {
    const code = identityCode('session-secret', 'salt');
    assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    assert.equal(identityCode('session-secret', 'salt'), code, 'the same inputs, the same code');
    assert.notEqual(identityCode('another-secret', 'salt'), code);
    assert.notEqual(identityCode('session-secret', 'another salt'), code);
    assert.equal(normalizeIdentityCode(` ${code.toLowerCase()} `), code.replace('-', ''));
    assert.equal(normalizeIdentityCode('K7QF-2MZX'), 'K7QF2MZX');
    assert.equal(normalizeIdentityCode('ko1l-2mzx'), 'K011' + '2MZX', 'O is 0, I and L are 1');
    for (const wrong of ['K7QF-2MZ', 'K7QF-2MZXX', 'K7QF-2MZU', 'К7QF-2MZX', '']) assert.equal(normalizeIdentityCode(wrong), undefined, wrong);
  });

  test('ordered ids sort in the order they were made', () => {
    const ids = Array.from({ length: 5000 }, () => orderedId());
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, ids.length);
    assert.match(ids[0]!, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('small helpers', () => {
  test('generated СНИЛС numbers have a correct checksum', () => {
    for (const body of ['123456789', '999999999', '200000000', '987654321']) assert.ok(isValidSnils(snilsFromBody(body)), body);
  });

  test('masks show only what the citizen recognises', () => {
    assert.equal(maskPhone('+79161234567'), '+7 *** ***-45-67');
    assert.equal(maskEmail('ivanov@example.ru'), 'i***@example.ru');
  });

  test('waits read naturally in Russian', () => {
    assert.equal(formatWait(40), '40 с');
    assert.equal(formatWait(900), '15 мин');
    assert.equal(formatWait(901), '16 мин');
    assert.equal(formatWait(7200), '2 ч');
    assert.equal(formatWait(9000), '2 ч 30 мин');
  });
});

describe('common passwords', () => {
  test('a few hundred, Latin and Cyrillic, lower case', () => {
    assert.ok(commonPasswords.size >= 300, String(commonPasswords.size));
    for (const password of commonPasswords) assert.equal(password, password.toLowerCase(), password);
    assert.ok([...commonPasswords].some((password) => /[а-я]/.test(password)));
  });

  test('are recognised in any case and with digits or punctuation added at the ends', () => {
    for (const password of ['123456', 'Qwerty123!', 'QWERTY', 'Пароль123', 'password1', '1q2w3e4r', 'zaq12wsx', 'P@ssw0rd', 'Gfhjkm!', 'йцукен2024', '2024', '!Password']) {
      assert.ok(isCommonPassword(password), password);
    }
    for (const password of ['Zarechny-river-1', 'Qwerty-Zarechny-7', 'Demo-2026!', 'пароль-от-кабинета-9']) {
      assert.ok(!isCommonPassword(password), password);
    }
  });

  test('each refused rule has a Russian message', () => {
    for (const message of Object.values(passwordMessages)) assert.match(message, /[а-яё]/i);
    assert.equal(passwordMessages.password_reused, 'Этот пароль уже использовался. Придумайте новый.');
  });
});

describe('e-mail addresses', () => {
  test('are trimmed and lower-cased when they look deliverable', () => {
    assert.equal(normalizeEmail('  Ivanov@Example.RU '), 'ivanov@example.ru');
    assert.equal(normalizeEmail('ivan.ivanov+mfc@mail.example.ru'), 'ivan.ivanov+mfc@mail.example.ru');
    assert.equal(normalizeEmail('иванов@почта.рф'), 'иванов@почта.рф');
    for (const wrong of ['ivanov', 'ivanov@', '@example.ru', 'ivanov@example', 'iva nov@example.ru', 'ivanov..i@example.ru', 'ivanov.@example.ru', 'a@b.c', 'a@-b.ru', '"a"@b.ru', `${'a'.repeat(65)}@example.ru`]) {
      assert.equal(normalizeEmail(wrong), undefined, wrong);
    }
  });
});

describe('dates', () => {
  test('only days of the calendar', () => {
    for (const date of ['2024-02-29', '2000-02-29', '1990-12-31']) assert.ok(isCalendarDate(date), date);
    for (const date of ['2023-02-29', '1900-02-29', '2024-13-01', '2024-04-31', '2024-1-1', '24-01-01', '2024-01-00']) assert.ok(!isCalendarDate(date), date);
  });

  test('years later, a 29 February becoming the 28th', () => {
    assert.equal(addYears('1990-05-17', 14), '2004-05-17');
    assert.equal(addYears('2012-02-29', 14), '2026-02-28');
    assert.equal(addYears('2012-02-29', 4), '2016-02-29');
  });

  test('today is the date in Kamchatka, so that no date that came anywhere in Russia is in the future', () => {
    assert.equal(latestDateInRussia(Date.parse('2026-11-22T11:59:59Z')), '2026-11-22');
    assert.equal(latestDateInRussia(Date.parse('2026-11-22T12:00:00Z')), '2026-11-23');
  });
});

describe('the language asked for', () => {
  test('Russian unless English is preferred', () => {
    assert.equal(preferredLocale(undefined), 'ru');
    assert.equal(preferredLocale('de-DE,de;q=0.9'), 'ru');
    assert.equal(preferredLocale('en-US,en;q=0.9'), 'en');
    assert.equal(preferredLocale('ru-RU,ru;q=0.9,en;q=0.8'), 'ru');
    assert.equal(preferredLocale('en;q=0.5,ru;q=0.7'), 'ru');
    assert.equal(preferredLocale('ru;q=0.2,en;q=0.3'), 'en');
    assert.equal(preferredLocale('en;q=0,ru;q=0'), 'ru');
  });
});

describe('message texts', () => {
  test('codes say what they are for; notices carry no code', () => {
    assert.equal(messageText({ channel: 'sms', to: '+79000000001', code: '123456', purpose: 'recovery' }), 'Код для восстановления пароля от личного кабинета МФЦ: 123456. Никому не сообщайте его.');
    const notice = messageText({ channel: 'sms', to: '+79000000001', code: null, purpose: 'registration_notice' });
    assert.match(notice, /^Кто-то пытается зарегистрироваться в личном кабинете МФЦ с вашим номером\. Если это вы — войдите или восстановите пароль\./);
    assert.doesNotMatch(notice, /\d{6}/);
    assert.equal(purposeLabel({ code: null, purpose: 'password_changed' }), 'Пароль изменён');
    assert.equal(purposeLabel({ code: '1', purpose: 'email_confirmation' }), 'Подтверждение почты');
  });
});
