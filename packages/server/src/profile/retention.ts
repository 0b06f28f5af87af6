/** The profile feature's tables at the closure of an account (see `../retention.ts`). */
import type { RetentionOf } from '../retention.js';
import type { ProfileTables } from './tables.js';

export const profileRetention: RetentionOf<ProfileTables> = {
  identityConfirmations: { fate: 'deleted', what: 'a QR code for identity confirmation at an МФЦ not yet used' },
};
