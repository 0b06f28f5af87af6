/** The documents feature's tables at the closure of an account (see `../retention.ts`). */
import type { RetentionOf } from '../retention.js';
import type { DocumentTables } from './tables.js';

export const documentsRetention: RetentionOf<DocumentTables> = {
  documents: {
    fate: 'kept',
    keptFor: 'as long as the application they were submitted with',
    why: 'they are part of the case file of a submitted application',
    what: 'documents submitted with an application, and the results issued for it; every other document of the vault is deleted with its file',
  },
  uploads: { fate: 'deleted', what: 'unfinished uploads, with their bytes' },
};
