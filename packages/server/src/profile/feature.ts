/** Personal data and its registry check, e-mail confirmation, identity confirmation at an МФЦ. */
import type { ServerFeature } from '../feature.js';
import { EmailConfirmation } from './email-confirmation.js';
import { IdentityConfirmations } from './identity-confirmation.js';
import { RegistryChecks } from './registry-checks.js';
import { profileEmailRoutes } from './email-routes.js';
import { identityConfirmationRoutes } from './identity-confirmation-routes.js';
import { profileRoutes } from './profile-routes.js';
import { profileRetention } from './retention.js';
import type { ProfileTables } from './tables.js';

export interface ProfileServices {
  emailConfirmation: EmailConfirmation;
  registryChecks: RegistryChecks;
  identityConfirmations: IdentityConfirmations;
}

export const profileFeature: ServerFeature<ProfileTables, ProfileServices> = {
  name: 'profile',
  retention: profileRetention,
  services: ({ config, clock, db, registry, tasks, accounts, challenges, audit }) => ({
    emailConfirmation: new EmailConfirmation({ accounts, challenges, audit }),
    registryChecks: new RegistryChecks({ accounts, registry, tasks, audit }),
    identityConfirmations: new IdentityConfirmations({ db, clock, accounts, audit, ttlMs: config.rules.identityCodeTtlMs }),
  }),
  tags: [{ name: 'profile', description: 'Personal data, e-mail confirmation, identity confirmation at an МФЦ.' }],
  // Its table is created by migration 0003_operators_and_sessions (the operator feature's).
  async routes(api, { context }) {
    await api.register(profileRoutes, { context });
    await api.register(profileEmailRoutes, { context });
    await api.register(identityConfirmationRoutes, { context });
  },
};
