/** Where a citizen's codes go, and how that place is shown without revealing it. */
import type { OtpChannel } from '@mfc-cabinet/core/schemas';
import type { AccountsTable } from './tables.js';

/** `+79001234567` → `+7 *** ***-45-67`. */
export function maskPhone(phone: string): string {
  return `+7 *** ***-${phone.slice(-4, -2)}-${phone.slice(-2)}`;
}

/** `ivanov@example.ru` → `i***@example.ru`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** The recipient of codes on `channel`, or `undefined` when the account has no such contact. */
export function recipientOf(account: Pick<AccountsTable, 'phone' | 'email'>, channel: OtpChannel): string | undefined {
  return (channel === 'sms' ? account.phone : account.email) ?? undefined;
}

export function maskRecipient(channel: OtpChannel, recipient: string): string {
  return channel === 'sms' ? maskPhone(recipient) : maskEmail(recipient);
}

/** `+79001234567` → `+7 900 123-45-67`. */
export function formatPhone(phone: string): string {
  const d = phone.slice(2);
  return `+7 ${d.slice(0, 3)} ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`;
}

const emailLocalPart = /^[^\s@"(),:;<>[\]\\]{1,64}$/u;
const emailDomain = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}$/u;

/**
 * An e-mail address trimmed and in lower case, or `undefined` when it does not look like
 * one a mail server would accept: `name@domain.tld` (also `имя@почта.рф`), no spaces or
 * quotes, no dot at either end of the name or two in a row, at most 254 characters.
 */
export function normalizeEmail(value: string): string | undefined {
  const email = value.trim().toLowerCase();
  const at = email.lastIndexOf('@');
  if (email.length > 254 || at < 1) return undefined;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!emailLocalPart.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return undefined;
  return emailDomain.test(domain) && domain.length <= 253 ? email : undefined;
}
