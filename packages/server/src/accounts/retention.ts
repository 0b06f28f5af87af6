/** The accounts feature's tables at the closure of an account (see `../retention.ts`). */
import type { RetentionOf } from '../retention.js';
import type { AccountTables } from './tables.js';

export const accountsRetention: RetentionOf<AccountTables> = {
  accounts: {
    fate: 'pseudonymised',
    keptFor: 'as long as an application or an audit event kept refers to it',
    why: 'kept applications and the audit log point at the account by its id',
    what: 'every personal field is erased (names, birth date, passport, СНИЛС, ИНН, address of registration, phone, e-mail, password hash, registry check); the row keeps its id, role, creation date and closure, and its phone and e-mail may register again',
  },
  passwordHistory: { fate: 'deleted', what: 'the hashes of the last passwords' },
};
