/**
 * Random secrets and their stored form. A secret the browser holds (session, device,
 * challenge id) is stored only as its SHA-256, so a copy of the database signs nobody in.
 */
import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';

/** A random secret of `bytes` bytes (32 by default), base64url-encoded. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** The stored form of a secret. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A random string of `length` characters of `alphabet`, each equally likely. */
export function randomFrom(alphabet: string, length: number): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** A random string of `length` decimal digits, e.g. a one-time code. */
export function randomDigits(length: number): string {
  return randomFrom('0123456789', length);
}

/** A random id for a database row. */
export const newId = (): string => randomUUID();

let lastOrdered = { ms: 0, counter: 0 };

/**
 * A random id that sorts after every id this process made before (a UUID version 7, RFC
 * 9562: the time in milliseconds, then a counter within the millisecond), so rows of the
 * same moment keep their order.
 */
export function orderedId(): string {
  const now = Date.now();
  lastOrdered = now > lastOrdered.ms ? { ms: now, counter: 0 } : { ms: lastOrdered.ms, counter: lastOrdered.counter + 1 };
  if (lastOrdered.counter > 0xfff) lastOrdered = { ms: lastOrdered.ms + 1, counter: 0 };
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastOrdered.ms, 0, 6);
  bytes.writeUInt16BE(0x7000 | lastOrdered.counter, 6);
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Compares two strings in time that does not depend on where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
