/** The accounts of citizens and operators; the other features work with them (no routes of its own). */
import type { ServerFeature } from '../feature.js';
import { Accounts } from './accounts.js';
import { accountsMigrations } from './migrations.js';
import { accountsRetention } from './retention.js';
import type { AccountTables } from './tables.js';

export interface AccountServices {
  accounts: Accounts;
}

export const accountsFeature: ServerFeature<AccountTables, AccountServices> = {
  name: 'accounts',
  retention: accountsRetention,
  migrations: accountsMigrations,
  services: ({ db }) => ({ accounts: new Accounts(db) }),
};
