import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isValidInn, isValidPassport, isValidPhone, isValidSnils } from '@mfc-cabinet/core/validators';
import { maskEmail, maskPhone } from '../src/accounts/contacts.js';
import { snilsFromBody } from '../src/accounts/test-citizens.js';
import { demoCitizens } from '../src/db/seed.js';
import { PasswordHasher } from '../src/security/passwords.js';
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
