/**
 * How the history of changes shows a value: enough to recognise one's own data, not enough
 * to read it over a shoulder or from a copy of the database.
 *
 * - phone `+79001234501` → `+7 9** ***-**-01`; e-mail `ivanov@example.ru` → `i***@example.ru`;
 * - passport series `4510` → `45**`, number `123478` → `****78`; СНИЛС → `***-***-*** 95`;
 *   ИНН → `**********12`;
 * - names and the issuing authority: the first letter, `И***`; dates: `**.**.1985` (the year only);
 * - the second factor is a channel, `sms` or `email`, nothing personal: shown as it is.
 */
import { maskEmail } from '../accounts/contacts.js';

/** `+79001234501` → `+7 9** ***-**-01`. */
export function maskPhoneForHistory(phone: string): string {
  return `+7 ${phone.slice(2, 3)}** ***-**-${phone.slice(-2)}`;
}

const keepLast = (value: string, count: number) => '*'.repeat(Math.max(0, value.length - count)) + value.slice(-count);
const keepFirst = (value: string, count: number) => value.slice(0, count) + '*'.repeat(Math.max(0, value.length - count));

/** How each field of the profile is masked. */
const maskers: Record<string, (value: string) => string> = {
  phone: maskPhoneForHistory,
  email: maskEmail,
  lastName: (value) => `${[...value][0] ?? ''}***`,
  firstName: (value) => `${[...value][0] ?? ''}***`,
  middleName: (value) => `${[...value][0] ?? ''}***`,
  birthDate: (value) => `**.**.${value.slice(0, 4)}`,
  'passport.series': (value) => keepFirst(value, 2),
  'passport.number': (value) => keepLast(value, 2),
  'passport.issuedAt': (value) => `**.**.${value.slice(0, 4)}`,
  'passport.issuedBy': (value) => `${[...value][0] ?? ''}***`,
  snils: (value) => `***-***-*** ${value.slice(-2)}`,
  inn: (value) => keepLast(value, 2),
  // The town stays (the part before the first comma), the street and house do not.
  registrationAddress: (value) => `${value.split(',')[0]!.trim()}, ***`,
  secondFactor: (value) => (value === 'sms' || value === 'email' ? value : '***'),
};

/** The value of `field` as the history shows it; `null` stays `null`, an unknown field is hidden whole. */
export function maskField(field: string, value: string | null): string | null {
  if (value === null || value === '') return null;
  return (maskers[field] ?? (() => '***'))(value);
}
