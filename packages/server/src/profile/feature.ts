/** Personal data and its registry check, e-mail confirmation, identity confirmation at an МФЦ. */
import { defineFeature } from '../feature.js';
import { profileEmailRoutes } from './email-routes.js';
import { identityConfirmationRoutes } from './identity-confirmation-routes.js';
import { profileRoutes } from './profile-routes.js';
import type { ProfileTables } from './tables.js';

export const profileFeature = defineFeature<ProfileTables>({
  name: 'profile',
  tags: [{ name: 'profile', description: 'Personal data, e-mail confirmation, identity confirmation at an МФЦ.' }],
  // Its table is created by migration 0003_operators_and_sessions (the operator feature's).
  async routes(api, { context }) {
    await api.register(profileRoutes, { context });
    await api.register(profileEmailRoutes, { context });
    await api.register(identityConfirmationRoutes, { context });
  },
});
