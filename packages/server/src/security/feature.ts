/** Sessions and the citizen's devices, one-time codes, the lockout, the audit log. */
import { defineFeature } from '../feature.js';
import { sessionRoutes } from './sessions-routes.js';
import type { SecurityTables } from './tables.js';

export const securityFeature = defineFeature<SecurityTables>({
  name: 'security',
  tags: [{ name: 'sessions', description: 'The citizen’s sessions on other devices, and ending them.' }],
  // Its tables are created by the first migrations (the accounts and auth features').
  async routes(api, { context }) {
    await api.register(sessionRoutes, { context });
  },
});
