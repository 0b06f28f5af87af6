/** The services the routes work with, built once by {@link buildApp}. */
import type { Accounts } from './accounts/accounts.js';
import type { Applications } from './applications/applications.js';
import type { Recovery } from './auth/recovery.js';
import type { Registration } from './auth/registration.js';
import type { SignIn } from './auth/sign-in.js';
import type { TemporaryPasswords } from './auth/temporary-passwords.js';
import type { Catalog } from './catalog/catalog.js';
import type { PersonalCatalog } from './catalog/personal-catalog.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Uploads } from './documents/uploads.js';
import type { DocumentVault } from './documents/vault.js';
import type { CitizenLookup } from './operator/citizen-lookup.js';
import type { EmailConfirmation } from './profile/email-confirmation.js';
import type { IdentityConfirmations } from './profile/identity-confirmation.js';
import type { RegistryChecks } from './profile/registry-checks.js';
import type { AuditLog } from './security/audit.js';
import type { PasswordHasher } from './security/passwords.js';
import type { Sessions } from './security/sessions.js';
import type { SessionGuard } from './http/session-guard.js';

export interface AppContext {
  config: Config;
  clock: Clock;
  accounts: Accounts;
  hasher: PasswordHasher;
  sessions: Sessions;
  guard: SessionGuard;
  signIn: SignIn;
  registration: Registration;
  recovery: Recovery;
  temporaryPasswords: TemporaryPasswords;
  emailConfirmation: EmailConfirmation;
  registryChecks: RegistryChecks;
  identityConfirmations: IdentityConfirmations;
  citizenLookup: CitizenLookup;
  audit: AuditLog;
  catalog: Catalog;
  personalCatalog: PersonalCatalog;
  applications: Applications;
  /** The citizen's documents and the results operators issue. */
  documents: DocumentVault;
  /** Resumable uploads (tus) that become documents. */
  uploads: Uploads;
}
