/**
 * Personal data and its registry check, e-mail confirmation, changing the contacts, the
 * password and the second factor, the history of changes and «Это был не я», identity confirmation at an МФЦ.
 */
import type { ServerFeature } from '../feature.js';
import { accountRoutes } from './account-routes.js';
import { ProfileChanges } from './changes.js';
import { changesRoutes } from './changes-routes.js';
import { ContactChanges } from './contact-changes.js';
import { CurrentPassword } from './current-password.js';
import { EmailConfirmation } from './email-confirmation.js';
import { IdentityConfirmations } from './identity-confirmation.js';
import { profileMigrations } from './migrations.js';
import { PasswordChange } from './password-change.js';
import { registryCheckJob, RegistryChecks } from './registry-checks.js';
import { SecondFactor } from './second-factor.js';
import { profileEmailRoutes } from './email-routes.js';
import { identityConfirmationRoutes } from './identity-confirmation-routes.js';
import { profileRoutes } from './profile-routes.js';
import { signInsRoutes } from './sign-ins-routes.js';
import { profileRetention } from './retention.js';
import type { ProfileTables } from './tables.js';

export interface ProfileServices {
  /** The current password asked again before a change of contact, password or the closure of the account. */
  currentPassword: CurrentPassword;
  emailConfirmation: EmailConfirmation;
  registryChecks: RegistryChecks;
  identityConfirmations: IdentityConfirmations;
  profileChanges: ProfileChanges;
  contactChanges: ContactChanges;
  passwordChange: PasswordChange;
  /** Turning the code at sign-in on or off. */
  secondFactor: SecondFactor;
}

export const profileFeature: ServerFeature<ProfileTables, ProfileServices> = {
  name: 'profile',
  retention: profileRetention,
  services({ config, clock, db, registry, jobs, log, accounts, challenges, audit, hasher, throttle, policy, sessions, messenger }) {
    const changes = new ProfileChanges(db, clock);
    const currentPassword = new CurrentPassword({ clock, hasher, throttle, audit });
    return {
      emailConfirmation: new EmailConfirmation({ accounts, challenges, audit }),
      registryChecks: new RegistryChecks({ accounts, registry, jobs, audit, log }),
      identityConfirmations: new IdentityConfirmations({ db, clock, accounts, audit, ttlMs: config.rules.identityCodeTtlMs }),
      currentPassword,
      profileChanges: changes,
      contactChanges: new ContactChanges({ accounts, challenges, currentPassword, changes, messenger, audit }),
      secondFactor: new SecondFactor({ accounts, currentPassword, changes, messenger, audit }),
      passwordChange: new PasswordChange({
        clock,
        rules: config.rules,
        accounts,
        hasher,
        policy,
        currentPassword,
        sessions,
        changes,
        messenger,
        audit,
      }),
    };
  },
  // The registry check after personal data changes: it survives a restart.
  jobs: ({ registryChecks }) => ({ [registryCheckJob]: registryChecks.job }),
  tags: [
    {
      name: 'profile',
      description:
        'Personal data, e-mail confirmation, changing the contacts, the password and the second factor, the history of changes, the sign-in history, identity confirmation at an МФЦ.',
    },
  ],
  // Its first table was created by migration 0003_operators_and_sessions (the operator feature's).
  migrations: profileMigrations,
  async routes(api, { context }) {
    await api.register(profileRoutes, { context });
    await api.register(profileEmailRoutes, { context });
    await api.register(accountRoutes, { context });
    await api.register(changesRoutes, { context });
    await api.register(signInsRoutes, { context });
    await api.register(identityConfirmationRoutes, { context });
  },
};
