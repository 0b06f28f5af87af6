/** The account-closure feature's tables at the closure of an account (see `../retention.ts`). */
import type { RetentionOf } from '../retention.js';
import type { AccountClosureTables } from './tables.js';

export const accountClosureRetention: RetentionOf<AccountClosureTables> = {
  accountClosures: {
    fate: 'kept',
    keptFor: 'as long as the closed account’s row',
    why: 'it says when the account was closed and so when the consent to processing ended',
    what: 'the closed account’s id and the time of the closure',
  },
};
