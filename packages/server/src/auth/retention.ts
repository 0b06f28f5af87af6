/** The auth feature's tables at the closure of an account (see `../retention.ts`). */
import type { RetentionOf } from '../retention.js';
import type { AuthTables } from './tables.js';

export const authRetention: RetentionOf<AuthTables> = {
  pendingRegistrations: {
    fate: 'expires',
    within: 'the life of its code’s challenge (LOGIN_CHALLENGE_TTL_SECONDS, 15 min)',
    what: 'a registration waiting for its code (phone, e-mail, password hash), which belongs to no account yet; it goes with its code',
  },
  signIns: {
    fate: 'deleted',
    what: 'the sign-in history: each sign-in, wrong password, wrong code and lockout, with its browser and IP address (entries older than a year go as new ones come); the audit log keeps that they happened',
  },
};
