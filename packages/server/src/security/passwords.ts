/**
 * Password hashing with scrypt (node:crypto). A hash is a self-describing PHC-style
 * string, `$scrypt$ln=15,r=8,p=1$<salt>$<key>`, so the cost can change without making
 * stored hashes unreadable. Every hash goes through a {@link HashingQueue}, so that only a
 * few run at once and a flood of sign-ins does not take libuv's whole thread pool.
 */
import { scrypt, timingSafeEqual, randomBytes, type ScryptOptions } from 'node:crypto';
import { HashingQueue, type HashLane, type HashTicket, type HashingLimits } from './hashing-queue.js';
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
  readonly #queue: HashingQueue;
  /** A hash of a password nobody knows, checked when the login matches no account. */
  readonly #decoy: Promise<string>;

  /**
   * @param costLog2 log2 of scrypt's N: 15 in production, 10 in test mode.
   * @param limits how many hashes run at once, and for whom (see {@link HashingQueue}).
   */
  constructor(costLog2: number, limits?: HashingLimits) {
    this.#costLog2 = costLog2;
    this.#queue = new HashingQueue(limits);
    this.#decoy = this.hash(randomToken());
  }

  /**
   * A place in the queue for a client's hashes (a sign-in's), taken before the work that
   * leads to them; pass it to {@link verify} and release it once done.
   *
   * @throws {HashingBusy} when the client has too many hashes running or waiting, or too
   *   many wait in all
   */
  admit(lane: HashLane): HashTicket {
    return this.#queue.admit(lane);
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(saltLength);
    const key = await this.#queue.run(() => derive(password, salt, this.#costLog2, blockSize, parallelism));
    const params = `ln=${this.#costLog2},r=${blockSize},p=${parallelism}`;
    return `$scrypt$${params}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  }

  /**
   * True when `password` matches `stored`; false for a wrong password or an unreadable hash.
   * Hashes in `ticket`'s place when given, else in the server's own lane.
   */
  async verify(password: string, stored: string, ticket?: HashTicket): Promise<boolean> {
    const match = hashPattern.exec(stored);
    if (!match) return false;
    const [, ln, r, p, salt, key] = match as unknown as [string, string, string, string, string, string];
    const expected = Buffer.from(key, 'base64url');
    const hashIt = () => derive(password, Buffer.from(salt, 'base64url'), Number(ln), Number(r), Number(p));
    const actual = await (ticket ? ticket.run(hashIt) : this.#queue.run(hashIt));
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  /**
   * Spends the time of one {@link verify} and answers false, so a login that matches no
   * account takes as long as a wrong password.
   */
  async verifyDecoy(password: string, ticket?: HashTicket): Promise<false> {
    await this.verify(password, await this.#decoy, ticket);
    return false;
  }
}
