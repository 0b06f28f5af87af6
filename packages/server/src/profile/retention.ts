/** The profile feature's tables at the closure of an account (see `../retention.ts`). */
import type { RetentionOf } from '../retention.js';
import type { ProfileTables } from './tables.js';

export const profileRetention: RetentionOf<ProfileTables> = {
  identityConfirmations: { fate: 'deleted', what: 'a QR code for identity confirmation at an МФЦ not yet used' },
  profileChanges: {
    fate: 'deleted',
    what: 'the history of changes of personal data, contacts and password (masked values, the session’s browser and IP address); the audit log keeps that they happened',
  },
};
