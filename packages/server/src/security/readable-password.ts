/**
 * Passwords a person reads aloud and types from a slip of paper: three groups of four
 * letters and digits, `Kx7m-Rq4t-9Wzb` (about 68 bits of randomness), without the
 * characters that look alike (0 O o, 1 I l).
 */
import { randomFrom } from './tokens.js';

const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** The shape of every readable password. */
export const readablePasswordPattern = /^[A-HJ-NP-Za-km-z2-9]{4}-[A-HJ-NP-Za-km-z2-9]{4}-[A-HJ-NP-Za-km-z2-9]{4}$/;

/**
 * A random readable password that `accept` accepts (drawn again until it does: it must meet
 * the password rules, and about one in six lacks a digit or a letter case).
 */
export function readablePassword(accept: (password: string) => boolean): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    const password = [0, 1, 2].map(() => randomFrom(alphabet, 4)).join('-');
    if (accept(password)) return password;
  }
  throw new Error('no acceptable readable password in 100 draws');
}
