/**
 * The code a citizen shows at the МФЦ counter to have their identity confirmed: eight
 * characters of Crockford's base 32 (digits and capital letters without I, L, O and U, so
 * nothing is misread), written in two groups, `K7QF-2MZX`. It is derived from the secret
 * of the session that asked for it and a random salt, so the server can show it to that
 * browser again while storing only its hash.
 */
import { createHmac } from 'node:crypto';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const length = 8;

/** The code for `sessionSecret` and `salt`, as the citizen reads it: `K7QF-2MZX`. */
export function identityCode(sessionSecret: string, salt: string): string {
  const bytes = createHmac('sha256', sessionSecret).update(salt).digest();
  // 8 characters of 5 bits: the first 40 bits of the MAC.
  let bits = BigInt(`0x${bytes.subarray(0, 5).toString('hex')}`);
  const chars: string[] = [];
  for (let i = 0; i < length; i++) {
    chars.unshift(alphabet[Number(bits & 31n)]!);
    bits >>= 5n;
  }
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/**
 * The code as typed or scanned by an operator, in its stored form (no hyphen), or
 * `undefined` when it cannot be one. Case, spaces and hyphens do not matter, and the
 * letters people type for the digits they see are read as those digits (O → 0, I and L → 1).
 *
 * @example normalizeIdentityCode(' k7qf 2mzx ') // 'K7QF2MZX'
 */
export function normalizeIdentityCode(input: string): string | undefined {
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return code.length === length && [...code].every((char) => alphabet.includes(char)) ? code : undefined;
}
