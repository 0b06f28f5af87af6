/** The accounts of citizens and operators; the other features work with them (no routes of its own). */
import { defineFeature } from '../feature.js';
import { accountsMigrations } from './migrations.js';
import type { AccountTables } from './tables.js';

export const accountsFeature = defineFeature<AccountTables>({
  name: 'accounts',
  migrations: accountsMigrations,
});
