/** The consent feature's tables at the closure of an account (see `../retention.ts`). */
import type { RetentionOf } from '../retention.js';
import type { ConsentTables } from './tables.js';

export const consentRetention: RetentionOf<ConsentTables> = {
  consentRecords: {
    fate: 'kept',
    keptFor: '3 years after the closure',
    why: 'the operator must be able to prove that personal data was processed with consent (152-ФЗ, art. 9), and when it ended',
    what: 'which text was accepted, when, how, from which IP address and browser; the consent ended with the closure (`account_closures`)',
  },
};
