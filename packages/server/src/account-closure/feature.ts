/** Closing a citizen's account for good, as the features' retention says of each table. */
import type { ServerFeature } from '../feature.js';
import { AccountClosure } from './closure.js';
import { accountClosureRoutes } from './closure-routes.js';
import { accountClosureMigrations } from './migrations.js';
import { accountClosureRetention } from './retention.js';
import type { AccountClosureTables } from './tables.js';

export interface AccountClosureServices {
  accountClosure: AccountClosure;
}

export const accountClosureFeature: ServerFeature<AccountClosureTables, AccountClosureServices> = {
  name: 'account-closure',
  retention: accountClosureRetention,
  migrations: accountClosureMigrations,
  services: ({ db, clock, documentFiles, uploads, currentPassword, audit }) => ({
    accountClosure: new AccountClosure({ db, clock, files: documentFiles, uploads, currentPassword, audit }),
  }),
  async routes(api, { context }) {
    await api.register(accountClosureRoutes, { context });
  },
};
