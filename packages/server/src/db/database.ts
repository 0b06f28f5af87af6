/**
 * The embedded database: the table types, and opening `${DATA_DIR}/cabinet.sqlite`
 * through Kysely. Queries elsewhere use the query builder only, with timestamps as
 * integer milliseconds, so that PostgreSQL can replace SQLite without touching them.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { Availability, DeliveryMethod, ServiceLevel } from '@mfc-cabinet/core/catalog-schemas';
import type { AccountLevel, ApplicationStatus, OtpChannel, RegistryCheck, Role, TransitionActor } from '@mfc-cabinet/core/schemas';
import type { CodePurpose } from '../senders/sender.js';

/** Where a check of passport and СНИЛС against the state registries stands. */
export type RegistryStatus = RegistryCheck['status'];

/**
 * An account: a citizen's, or an МФЦ operator's (`role`). Contacts are stored normalised: `+7XXXXXXXXXX`, lower-case e-mail,
 * `XXX-XXX-XXX YY`. `snils` is a login, so it holds only a СНИЛС the registries confirmed;
 * one entered and not confirmed yet waits in `pendingSnils`.
 */
export interface AccountsTable {
  id: string;
  phone: string | null;
  email: string | null;
  snils: string | null;
  passwordHash: string;
  /** Until when the password an МФЦ operator issued is valid; `null` for a password the citizen chose. */
  temporaryPasswordExpiresAt: number | null;
  level: AccountLevel;
  /** `operator` may use the operator API; everybody else is a `citizen`. */
  role: Role;
  secondFactor: OtpChannel | null;
  /** `null` until the citizen enters personal data after registration. */
  lastName: string | null;
  firstName: string | null;
  middleName: string | null;
  birthDate: string | null;
  inn: string | null;
  passportSeries: string | null;
  passportNumber: string | null;
  passportIssuedAt: string | null;
  passportIssuedBy: string | null;
  pendingSnils: string | null;
  registryStatus: RegistryStatus;
  /** Why the registries refused the data, in words for the citizen. */
  registryReason: string | null;
  /** The check in progress; a result for any other (older) check is dropped. */
  registryCheckId: string | null;
  createdAt: number;
}

/** The recent passwords of an account, the current one included. */
export interface PasswordHistoryTable {
  id: string;
  accountId: string;
  passwordHash: string;
  /** 1 for the account's first password, then one more for each new one. */
  serial: number;
  createdAt: number;
}

/** A consent to the processing of personal data (152-ФЗ): which text, when, how and from where. */
export interface ConsentRecordsTable {
  id: string;
  accountId: string;
  consentVersion: string;
  acceptedAt: number;
  /** How the consent was given, e.g. `web_form_checkbox`. */
  method: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * A signed-in session; the browser holds the token, the table only its hash. The browser's
 * address and `User-Agent` are kept to list the session among the citizen's devices.
 */
export interface SessionsTable {
  id: string;
  tokenHash: string;
  accountId: string;
  csrfToken: string;
  createdAt: number;
  idleExpiresAt: number;
  expiresAt: number;
  /** Signed out, ended from another device, or ended by a new password. */
  revokedAt: number | null;
  /** The last request that used the session (sign-in at first). */
  lastSeenAt: number;
  /** The address of that request; `null` for sessions older than this column. */
  ip: string | null;
  userAgent: string | null;
}

/**
 * What a challenge delivers at each send: its code, a notice instead (the contact belongs
 * to somebody else, so the challenge can never be completed), or nothing at all (unknown
 * login; never completed either).
 */
export type ChallengeDelivery = 'code' | 'notice' | 'none';

/**
 * An attempt waiting for its one-time code (sign-in, registration, e-mail confirmation,
 * recovery); gone once used or dead.
 */
export interface CodeChallengesTable {
  idHash: string;
  purpose: CodePurpose;
  /** The account concerned; `null` while registering, and for unknown logins. */
  accountId: string | null;
  channel: OtpChannel;
  /** Where messages go; `null` when nothing is delivered. */
  recipient: string | null;
  delivery: ChallengeDelivery;
  /** The hash of the key of the hourly sending limit the sends count against. */
  limitKey: string;
  codeHash: string;
  codeExpiresAt: number;
  attemptsLeft: number;
  resendAvailableAt: number;
  expiresAt: number;
}

/** One message sent, for the hourly limit per key (an account, a phone, a login). */
export interface CodeSendsTable {
  id: string;
  limitKey: string;
  sentAt: number;
}

/** What a registration waiting for the phone's code will create; it lives as long as its challenge. */
export interface PendingRegistrationsTable {
  challengeIdHash: string;
  phone: string;
  email: string | null;
  passwordHash: string;
  consentVersion: string;
  /** When the citizen sent the form (and gave the consent), from where, with which browser. */
  createdAt: number;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Why a citizen may set a new password without the current one: a right recovery code, or
 * a sign-in with the temporary password an МФЦ operator issued.
 */
export type PasswordResetPurpose = 'recovery' | 'temporary_password';

/** A permission to set a new password, single-use; the browser holds the token. */
export interface PasswordResetsTable {
  tokenHash: string;
  accountId: string;
  purpose: PasswordResetPurpose;
  expiresAt: number;
}

/**
 * A code the cabinet shows for an operator to confirm the citizen's identity, one per
 * account. The code is derived from the secret of the session that asked for it and
 * `salt`; the table holds only its hash, so only that browser can show it again.
 */
export interface IdentityConfirmationsTable {
  accountId: string;
  salt: string;
  codeHash: string;
  createdAt: number;
  expiresAt: number;
}

/** Wrong passwords in a row for one throttle key (a hashed login or device), and its lockouts. */
export interface LoginThrottlesTable {
  key: string;
  failures: number;
  lockouts: number;
  lockedUntil: number | null;
}

/** A browser that signed in to an account (the hash of its device cookie). */
export interface TrustedDevicesTable {
  tokenHash: string;
  accountId: string;
  expiresAt: number;
}

export type AuditEventName =
  | 'login_succeeded'
  | 'login_failed'
  | 'login_locked'
  | 'code_sent'
  | 'code_send_failed'
  | 'code_rejected'
  | 'notice_sent'
  | 'notice_send_failed'
  | 'logout'
  | 'registered'
  | 'email_confirmed'
  | 'recovery_code_accepted'
  | 'password_reset'
  | 'personal_data_submitted'
  | 'registry_verified'
  | 'registry_rejected'
  | 'registry_check_failed'
  | 'session_revoked'
  | 'citizen_lookup'
  | 'temporary_password_issued'
  | 'temporary_password_used'
  | 'temporary_password_replaced'
  | 'identity_confirmed'
  | 'application_submitted'
  | 'application_transition'
  | 'application_withdrawn'
  | 'application_answered'
  | 'document_read_by_operator'
  | 'document_result_issued';

/** The security audit log. */
export interface AuditEventsTable {
  /** Sortable: among events of the same millisecond, a later one has a greater id. */
  id: string;
  at: number;
  event: AuditEventName;
  /** The account concerned. */
  accountId: string | null;
  /** The operator who acted on the account; `null` when the citizen (or nobody) did. */
  actorId: string | null;
  ip: string | null;
  /** What else is worth knowing, as a JSON object. */
  details: string | null;
}

/** A category of the service catalog; `position` orders the list. */
export interface CatalogCategoriesTable {
  id: string;
  title: string;
  position: number;
}

/** A municipality whose own services the catalog holds; `position` orders the list. */
export interface MunicipalitiesTable {
  id: string;
  name: string;
  region: string;
  position: number;
}

/**
 * A service of the catalog (reference data, seeded from `src/catalog/data/`). The lists and
 * the form are JSON text: they are read whole, never queried into; the delivery methods,
 * which the catalog is filtered by, have a table of their own.
 */
export interface ServicesTable {
  id: string;
  title: string;
  summary: string;
  description: string;
  categoryId: string;
  level: ServiceLevel;
  /** `null` for federal and regional services offered everywhere. */
  municipalityId: string | null;
  termDays: number;
  /** Roubles; `null` when free. */
  fee: number | null;
  requiredLevel: AccountLevel;
  availability: Availability;
  popularity: number;
  provider: string;
  /** JSON: `string[]`. */
  keywords: string;
  /** JSON: `RequiredDocument[]`. */
  requiredDocuments: string;
  /** JSON: `FormDefinition`. */
  form: string;
}

/** One way a service is delivered. */
export interface ServiceDeliveryMethodsTable {
  serviceId: string;
  method: DeliveryMethod;
}

/** The citizen's lists of services: favourites and recently viewed. */
export type ServiceListName = 'favourites' | 'recent';

/** A service on one of a citizen's lists; a greater `serial` was put there later. */
export interface PersonalServiceListsTable {
  accountId: string;
  list: ServiceListName;
  serviceId: string;
  serial: number;
  addedAt: number;
}

/** A saved set of catalog filters of a citizen. */
export interface FilterPresetsTable {
  /** Sortable: a later preset has a greater id. */
  id: string;
  accountId: string;
  name: string;
  /** JSON: `CatalogFilters`. */
  filters: string;
  createdAt: number;
}

/** An application of a citizen for a service; the values and what is requested are JSON. */
export interface ApplicationsTable {
  /** Sortable: a later application has a greater id. */
  id: string;
  accountId: string;
  serviceId: string;
  status: ApplicationStatus;
  formVersion: number;
  /** JSON: `Record<string, string | boolean | string[]>`. */
  values: string;
  /** JSON: `RequestedInfo`, while the status is `needs_info`. */
  requested: string | null;
  trackingNumber: string | null;
  /** `YYYY-MM-DD`. */
  expectedCompletionDate: string | null;
  /** The idempotency key the application was submitted with. */
  submitKey: string | null;
  createdAt: number;
  updatedAt: number;
  submittedAt: number | null;
}

/** One step of an application's lifecycle. */
export interface ApplicationTransitionsTable {
  /** Sortable: a later step has a greater id. */
  id: string;
  applicationId: string;
  at: number;
  fromStatus: ApplicationStatus;
  toStatus: ApplicationStatus;
  actor: TransitionActor;
  officerId: string | null;
  officerName: string | null;
  comment: string | null;
  /** JSON: `RequestedInfo`, for a step to `needs_info`. */
  requested: string | null;
}

/** The last tracking number given in a year. */
export interface TrackingCountersTable {
  year: number;
  last: number;
}

export interface DatabaseSchema {
  accounts: AccountsTable;
  passwordHistory: PasswordHistoryTable;
  consentRecords: ConsentRecordsTable;
  sessions: SessionsTable;
  codeChallenges: CodeChallengesTable;
  codeSends: CodeSendsTable;
  pendingRegistrations: PendingRegistrationsTable;
  passwordResets: PasswordResetsTable;
  loginThrottles: LoginThrottlesTable;
  trustedDevices: TrustedDevicesTable;
  auditEvents: AuditEventsTable;
  identityConfirmations: IdentityConfirmationsTable;
  catalogCategories: CatalogCategoriesTable;
  municipalities: MunicipalitiesTable;
  services: ServicesTable;
  serviceDeliveryMethods: ServiceDeliveryMethodsTable;
  personalServiceLists: PersonalServiceListsTable;
  filterPresets: FilterPresetsTable;
  applications: ApplicationsTable;
  applicationTransitions: ApplicationTransitionsTable;
  trackingCounters: TrackingCountersTable;
}

export type Database = Kysely<DatabaseSchema>;

/** Opens (creating when missing) `cabinet.sqlite` in `dataDir`. Columns are snake_case in SQL. */
export function openDatabase(dataDir: string): Database {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new SqliteDatabase(join(dataDir, 'cabinet.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<DatabaseSchema>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
}
