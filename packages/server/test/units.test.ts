import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isValidInn, isValidPassport, isValidPhone, isValidSnils } from '@mfc-cabinet/core/validators';
import { maskEmail, maskPhone, normalizeEmail } from '../src/accounts/contacts.js';
import { snilsFromBody } from '../src/accounts/test-citizens.js';
import { demoCitizens } from '../src/db/seed.js';
import { preferredLocale } from '../src/http/locale.js';
import { addYears, isCalendarDate, latestDateInRussia } from '../src/profile/dates.js';
import { commonPasswords } from '../src/security/common-passwords.js';
import { isCommonPassword, passwordMessages } from '../src/security/password-policy.js';
import { PasswordHasher } from '../src/security/passwords.js';
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
