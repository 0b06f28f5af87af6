/**
 * The operator API of an МФЦ: finding citizens and acting on their accounts. The operator's
 * routes on applications and documents belong to those features.
 */
import { defineFeature } from '../feature.js';
import { operatorMigrations } from './migrations.js';
import { operatorRoutes } from './operator-routes.js';

export const operatorFeature = defineFeature({
  name: 'operator',
  tags: [{ name: 'operator', description: 'The operator API of an МФЦ: citizens, applications, documents, the audit log.' }],
  migrations: operatorMigrations,
  async routes(api, { context }) {
    await api.register(operatorRoutes, { context });
  },
});
