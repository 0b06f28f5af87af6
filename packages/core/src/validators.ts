/**
 * Validators for Russian identifiers, by their real rules. Each accepts the usual ways
 * people type the value (spaces, dashes, brackets) and checks the digits.
 */

const digitsOf = (value: string): string => value.replace(/\D/g, '');

/**
 * СНИЛС: 11 digits, the last two a checksum of the first nine. Numbers up to
 * 001-001-998 were issued before the checksum existed and are accepted as they are.
 *
 * @example isValidSnils('112-233-445 95') // true
 */
export function isValidSnils(value: string): boolean {
  if (!/^[\d\s-]+$/.test(value)) return false;
  const digits = digitsOf(value);
  if (digits.length !== 11 || /^0+$/.test(digits)) return false;
  const body = digits.slice(0, 9);
  const check = Number(digits.slice(9));
  if (Number(body) <= 1_001_998) return true;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (9 - i);
  let expected = sum % 101;
  if (expected === 100) expected = 0;
  return expected === check;
}

/** Normalises a СНИЛС to `XXX-XXX-XXX YY`, or returns `undefined` when it is not valid. */
export function formatSnils(value: string): string | undefined {
  if (!isValidSnils(value)) return undefined;
  const d = digitsOf(value);
  return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 9)} ${d.slice(9)}`;
}

const innWeights10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const innWeights11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const innWeights12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function innCheckDigit(digits: string, weights: readonly number[]): number {
  let sum = 0;
  weights.forEach((weight, i) => (sum += weight * Number(digits[i])));
  return (sum % 11) % 10;
}

/**
 * ИНН: 12 digits for a person, 10 for an organisation, with their check digits.
 *
 * @param kind `person` (12 digits), `organisation` (10) or `any` (either; the default)
 * @example isValidInn('500100732259') // true
 */
export function isValidInn(value: string, kind: 'person' | 'organisation' | 'any' = 'any'): boolean {
  const digits = value.trim();
  if (!/^\d+$/.test(digits) || /^0+$/.test(digits)) return false;
  if (digits.length === 10 && kind !== 'person') {
    return innCheckDigit(digits, innWeights10) === Number(digits[9]);
  }
  if (digits.length === 12 && kind !== 'organisation') {
    return (
      innCheckDigit(digits, innWeights11) === Number(digits[10]) &&
      innCheckDigit(digits, innWeights12) === Number(digits[11])
    );
  }
  return false;
}

/**
 * Internal passport of a citizen of Russia: a 4-digit series (2 digits of the region and
 * 2 of the year the blank was printed) and a 6-digit number. There is no check digit, so
 * only the format is checked.
 *
 * @example isValidPassport('45 10 123456') // true
 */
export function isValidPassport(value: string): boolean {
  const match = /^\s*(\d{2})\s?(\d{2})\s*(?:№\s*)?(\d{6})\s*$/.exec(value);
  if (!match) return false;
  return match[3] !== '000000';
}

/**
 * A Russian phone number (+7 and ten digits, the first of them 3–9), typed as
 * `+7 (916) 123-45-67`, `8 916 123 45 67` or `79161234567`.
 *
 * @example isValidPhone('8 (916) 123-45-67') // true
 */
export function isValidPhone(value: string): boolean {
  return normalizePhone(value) !== undefined;
}

/** Normalises a Russian phone number to `+7XXXXXXXXXX`, or returns `undefined`. */
export function normalizePhone(value: string): string | undefined {
  if (!/^[\d\s()+-]+$/.test(value.trim())) return undefined;
  const trimmed = value.trim();
  let digits = digitsOf(trimmed);
  if (trimmed.startsWith('+')) {
    if (!digits.startsWith('7') || digits.length !== 11) return undefined;
  } else if (digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8'))) {
    digits = `7${digits.slice(1)}`;
  } else if (digits.length === 10) {
    digits = `7${digits}`;
  } else {
    return undefined;
  }
  return /^7[3-9]\d{9}$/.test(digits) ? `+${digits}` : undefined;
}

function uinRemainder(digits: string, firstWeight: number): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (((firstWeight - 1 + i) % 10) + 1);
  return sum % 11;
}

/**
 * УИН, the unique accrual identifier of a payment to the state: 20 or 25 digits, the last
 * one a check digit (weights 1–10 repeating, modulo 11; on 10 the weights shift by two;
 * on 10 again the digit is 0).
 *
 * @example isValidUin('18810177200000000012') // true when the check digit matches
 */
export function isValidUin(value: string): boolean {
  const digits = value.trim();
  if (!/^\d{20}$|^\d{25}$/.test(digits) || /^0+$/.test(digits)) return false;
  const body = digits.slice(0, -1);
  let check = uinRemainder(body, 1);
  if (check === 10) check = uinRemainder(body, 3);
  if (check === 10) check = 0;
  return check === Number(digits.at(-1));
}

/** The kind of sign-in identifier a citizen typed. */
export type IdentifierKind = 'email' | 'phone' | 'snils';

/**
 * What a sign-in identifier could be. Eleven bare digits may be a phone number or a
 * СНИЛС, so both readings are returned; the server looks for either.
 */
export function classifyIdentifier(value: string): Array<{ kind: IdentifierKind; value: string }> {
  const trimmed = value.trim();
  if (trimmed.includes('@')) {
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) ? [{ kind: 'email', value: trimmed.toLowerCase() }] : [];
  }
  const readings: Array<{ kind: IdentifierKind; value: string }> = [];
  const looksLikeSnils = /^\d{3}-\d{3}-\d{3}[\s-]\d{2}$/.test(trimmed);
  const phone = looksLikeSnils ? undefined : normalizePhone(trimmed);
  if (phone) readings.push({ kind: 'phone', value: phone });
  const snils = trimmed.startsWith('+') ? undefined : formatSnils(trimmed);
  if (snils) readings.push({ kind: 'snils', value: snils });
  return readings;
}
