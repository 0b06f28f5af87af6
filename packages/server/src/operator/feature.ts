/**
 * The operator API of an МФЦ: finding citizens and acting on their accounts. The operator's
 * routes on applications and documents belong to those features.
 */
import type { ServerFeature } from '../feature.js';
import { CitizenLookup } from './citizen-lookup.js';
import { operatorMigrations } from './migrations.js';
import { operatorRoutes } from './operator-routes.js';

export interface OperatorServices {
  citizenLookup: CitizenLookup;
}

export const operatorFeature: ServerFeature<object, OperatorServices> = {
  name: 'operator',
  tags: [{ name: 'operator', description: 'The operator API of an МФЦ: citizens, applications, documents, the audit log.' }],
  migrations: operatorMigrations,
  services: ({ accounts, audit }) => ({ citizenLookup: new CitizenLookup({ accounts, audit }) }),
  async routes(api, { context }) {
    await api.register(operatorRoutes, { context });
  },
};
