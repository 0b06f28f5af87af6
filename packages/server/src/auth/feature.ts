/** Sign-in, registration, password recovery and temporary passwords. */
import type { ServerFeature } from '../feature.js';
import { authRoutes } from './auth-routes.js';
import { authMigrations } from './migrations.js';
import { PendingRegistrations } from './pending-registrations.js';
import { Recovery } from './recovery.js';
import { recoveryRoutes } from './recovery-routes.js';
import { registrationRoutes } from './registration-routes.js';
import { Registration } from './registration.js';
import { authRetention } from './retention.js';
import { SignIn } from './sign-in.js';
import { SignInHistory } from './sign-in-history.js';
import type { AuthTables } from './tables.js';
import { temporaryPasswordRoutes } from './temporary-password-routes.js';
import { TemporaryPasswords } from './temporary-passwords.js';

export interface AuthServices {
  signIn: SignIn;
  registration: Registration;
  recovery: Recovery;
  temporaryPasswords: TemporaryPasswords;
  /** The sign-in history the citizen reads (`GET /profile/sign-ins`). */
  signInHistory: SignInHistory;
}

export const authFeature: ServerFeature<AuthTables, AuthServices> = {
  name: 'auth',
  retention: authRetention,
  tags: [
    { name: 'auth', description: 'Sign-in with a password and a one-time code, the session, sign-out, temporary passwords.' },
    { name: 'registration', description: 'Registration by phone with the consent to the processing of personal data.' },
    { name: 'recovery', description: 'Password recovery by a one-time code.' },
  ],
  migrations: authMigrations,
  services(deps) {
    const { config, clock, db, accounts, hasher, policy, sessions, throttle, challenges, resets, messenger, audit } = deps;
    const { rules } = config;
    const temporaryPasswords = new TemporaryPasswords({ clock, rules, accounts, hasher, policy, resets, sessions, throttle, messenger, audit });
    const signInHistory = new SignInHistory(db, clock, deps.geoIp);
    const signIn = new SignIn({ clock, accounts, hasher, sessions, audit, throttle, devices: deps.devices, challenges, temporaryPasswords, history: signInHistory });
    const registration = new Registration({
      clock,
      accounts,
      hasher,
      policy,
      challenges,
      pending: new PendingRegistrations(db),
      consents: deps.consents,
      emailConfirmation: deps.emailConfirmation,
      signIn,
      audit,
    });
    const recovery = new Recovery({ clock, rules, accounts, hasher, policy, challenges, resets, sessions, throttle, messenger, audit });
    return { signIn, registration, recovery, temporaryPasswords, signInHistory };
  },
  async routes(api, { context }) {
    await api.register(authRoutes, { context });
    await api.register(registrationRoutes, { context });
    await api.register(recoveryRoutes, { context });
    await api.register(temporaryPasswordRoutes, { context });
  },
};
