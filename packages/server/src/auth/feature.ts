/** Sign-in, registration, password recovery and temporary passwords. */
import { defineFeature } from '../feature.js';
import { authRoutes } from './auth-routes.js';
import { authMigrations } from './migrations.js';
import { recoveryRoutes } from './recovery-routes.js';
import { registrationRoutes } from './registration-routes.js';
import type { AuthTables } from './tables.js';
import { temporaryPasswordRoutes } from './temporary-password-routes.js';

export const authFeature = defineFeature<AuthTables>({
  name: 'auth',
  tags: [
    { name: 'auth', description: 'Sign-in with a password and a one-time code, the session, sign-out, temporary passwords.' },
    { name: 'registration', description: 'Registration by phone with the consent to the processing of personal data.' },
    { name: 'recovery', description: 'Password recovery by a one-time code.' },
  ],
  migrations: authMigrations,
  async routes(api, { context }) {
    await api.register(authRoutes, { context });
    await api.register(registrationRoutes, { context });
    await api.register(recoveryRoutes, { context });
    await api.register(temporaryPasswordRoutes, { context });
  },
});
