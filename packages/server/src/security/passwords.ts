/**
 * Password hashing with scrypt (node:crypto). A hash is a self-describing PHC-style
 * string, `$scrypt$ln=15,r=8,p=1$<salt>$<key>`, so the cost can change without making
 * stored hashes unreadable.
 */
import { scrypt, timingSafeEqual, randomBytes, type ScryptOptions } from 'node:crypto';
import { randomToken } from './tokens.js';

const blockSize = 8;
const parallelism = 1;
const keyLength = 32;
const saltLength = 16;

function derive(password: string, salt: Buffer, costLog2: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** costLog2;
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const hashPattern = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

export class PasswordHasher {
  readonly #costLog2: number;
  /** A hash of a password nobody knows, checked when the login matches no account. */
  readonly #decoy: Promise<string>;

  /** @param costLog2 log2 of scrypt's N: 15 in production, 10 in test mode. */
  constructor(costLog2: number) {
    this.#costLog2 = costLog2;
    this.#decoy = this.hash(randomToken());
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(saltLength);
    const key = await derive(password, salt, this.#costLog2, blockSize, parallelism);
    const params = `ln=${this.#costLog2},r=${blockSize},p=${parallelism}`;
    return `$scrypt$${params}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  }

  /** True when `password` matches `stored`; false for a wrong password or an unreadable hash. */
  async verify(password: string, stored: string): Promise<boolean> {
    const match = hashPattern.exec(stored);
    if (!match) return false;
    const [, ln, r, p, salt, key] = match as unknown as [string, string, string, string, string, string];
    const expected = Buffer.from(key, 'base64url');
    const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(ln), Number(r), Number(p));
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  /**
   * Spends the time of one {@link verify} and answers false, so a login that matches no
   * account takes as long as a wrong password.
   */
  async verifyDecoy(password: string): Promise<false> {
    await this.verify(password, await this.#decoy);
    return false;
  }
}
