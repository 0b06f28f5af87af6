/** Fresh accounts with unique, well-formed contacts and documents, for test mode. */
import { randomInt } from 'node:crypto';
import type { AccountLevel, OtpChannel, Role } from '@mfc-cabinet/core/schemas';
import { newId, randomDigits as digits, randomToken } from '../security/tokens.js';
import type { Account } from './accounts.js';

/** A СНИЛС (`XXX-XXX-XXX YY`) with a correct checksum, from 9 digits above the pre-checksum range. */
export function snilsFromBody(body: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (9 - i);
  const check = sum % 101 === 100 ? 0 : sum % 101;
  return `${body.slice(0, 3)}-${body.slice(3, 6)}-${body.slice(6, 9)} ${String(check).padStart(2, '0')}`;
}

export interface TestCitizen {
  account: Omit<Account, 'passwordHash'> & { phone: string; email: string; snils: string };
  password: string;
}

/** A new account (a citizen unless `role` says otherwise) with random contacts and СНИЛС (the caller checks that nobody has them yet). */
export function newTestCitizen(level: AccountLevel, secondFactor: OtpChannel | null, now: number, role: Role = 'citizen'): TestCitizen {
  const tag = randomToken(6).toLowerCase().replace(/[^a-z0-9]/g, 'x');
  const hasDocuments = level !== 'simplified';
  return {
    password: `Test-${randomToken(9)}!1a`,
    account: {
      id: newId(),
      phone: `+7999${digits(7)}`,
      email: `citizen-${tag}@example.test`,
      snils: snilsFromBody(`${randomInt(2, 10)}${digits(8)}`),
      level,
      role,
      secondFactor,
      lastName: 'Тестов',
      firstName: 'Тест',
      middleName: 'Тестович',
      birthDate: '1990-01-01',
      inn: null,
      passportSeries: hasDocuments ? `45${digits(2)}` : null,
      passportNumber: hasDocuments ? `${randomInt(1, 10)}${digits(5)}` : null,
      passportIssuedAt: null,
      passportIssuedBy: null,
      registrationAddress: null,
      temporaryPasswordExpiresAt: null,
      pendingSnils: null,
      registryStatus: hasDocuments ? 'verified' : 'not_submitted',
      registryReason: null,
      registryCheckId: null,
      createdAt: now,
    },
  };
}
