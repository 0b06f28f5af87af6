/**
 * The database schema, as migrations defined in code and applied in order by Kysely's
 * Migrator. Column types are the portable ones (`text`, `integer`, `bigint` for
 * millisecond timestamps); a migration, once shipped, is never edited: add a new one.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.js';

/** Every migration by name, applied in name order. Exported for the tests of upgrades. */
export const migrations: Record<string, Migration> = {
  '0001_accounts_and_sign_in': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('phone', 'text', (c) => c.unique())
        .addColumn('email', 'text', (c) => c.unique())
        .addColumn('snils', 'text', (c) => c.unique())
        .addColumn('passwordHash', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('secondFactor', 'text')
        .addColumn('lastName', 'text', (c) => c.notNull())
        .addColumn('firstName', 'text', (c) => c.notNull())
        .addColumn('middleName', 'text')
        .addColumn('birthDate', 'text')
        .addColumn('inn', 'text')
        .addColumn('passportSeries', 'text')
        .addColumn('passportNumber', 'text')
        .addColumn('passportIssuedAt', 'text')
        .addColumn('passportIssuedBy', 'text')
        .addColumn('createdAt', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tokenHash', 'text', (c) => c.notNull().unique())
        .addColumn('accountId', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('csrfToken', 'text', (c) => c.notNull())
        .addColumn('createdAt', 'bigint', (c) => c.notNull())
        .addColumn('idleExpiresAt', 'bigint', (c) => c.notNull())
        .addColumn('expiresAt', 'bigint', (c) => c.notNull())
        .addColumn('revokedAt', 'bigint')
        .execute();
      await db.schema.createIndex('sessions_account_id').on('sessions').column('accountId').execute();
      await db.schema.createIndex('sessions_expires_at').on('sessions').column('expiresAt').execute();

      await db.schema
        .createTable('loginChallenges')
        .addColumn('idHash', 'text', (c) => c.primaryKey())
        .addColumn('accountId', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('codeHash', 'text', (c) => c.notNull())
        .addColumn('codeExpiresAt', 'bigint', (c) => c.notNull())
        .addColumn('attemptsLeft', 'integer', (c) => c.notNull())
        .addColumn('resendAvailableAt', 'bigint', (c) => c.notNull())
        .addColumn('expiresAt', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('login_challenges_expires_at').on('loginChallenges').column('expiresAt').execute();

      await db.schema
        .createTable('codeSends')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('accountId', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('sentAt', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('code_sends_account_sent').on('codeSends').columns(['accountId', 'sentAt']).execute();

      await db.schema
        .createTable('loginThrottles')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('lockouts', 'integer', (c) => c.notNull())
        .addColumn('lockedUntil', 'bigint')
        .execute();

      await db.schema
        .createTable('trustedDevices')
        .addColumn('tokenHash', 'text', (c) => c.notNull())
        .addColumn('accountId', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('expiresAt', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('trusted_devices_pk', ['tokenHash', 'accountId'])
        .execute();

      await db.schema
        .createTable('auditEvents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('accountId', 'text')
        .addColumn('ip', 'text')
        .execute();
      await db.schema.createIndex('audit_events_at').on('auditEvents').column('at').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of [
        'auditEvents',
        'trustedDevices',
        'loginThrottles',
        'codeSends',
        'loginChallenges',
        'sessions',
        'accounts',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  },
  '0002_registration_and_recovery': {
    async up(schema: Kysely<unknown>) {
      // Data is copied with the query builder, so this migration sees the tables untyped.
      const db = schema as Kysely<any>;

      // Names become optional: a citizen registers with a phone and enters them later. No
      // portable ALTER drops NOT NULL in SQLite, so each column is replaced by a nullable copy.
      for (const column of ['lastName', 'firstName']) {
        const copy = `${column}Nullable`;
        await db.schema.alterTable('accounts').addColumn(copy, 'text').execute();
        await db.updateTable('accounts').set((eb) => ({ [copy]: eb.ref(column) })).execute();
        await db.schema.alterTable('accounts').dropColumn(column).execute();
        await db.schema.alterTable('accounts').renameColumn(copy, column).execute();
      }
      await db.schema.alterTable('accounts').addColumn('temporaryPasswordExpiresAt', 'bigint').execute();
      await db.schema.alterTable('accounts').addColumn('pendingSnils', 'text').execute();
      await db.schema
        .alterTable('accounts')
        .addColumn('registryStatus', 'text', (c) => c.notNull().defaultTo('not_submitted'))
        .execute();
      await db.schema.alterTable('accounts').addColumn('registryReason', 'text').execute();
      await db.schema.alterTable('accounts').addColumn('registryCheckId', 'text').execute();
      // Accounts above «simplified» had their documents checked already.
      await db.updateTable('accounts').set({ registryStatus: 'verified' }).where('level', 'in', ['standard', 'confirmed']).execute();

      await db.schema
        .createTable('passwordHistory')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('accountId', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('passwordHash', 'text', (c) => c.notNull())
        .addColumn('serial', 'integer', (c) => c.notNull())
        .addColumn('createdAt', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('password_history_account_serial', ['accountId', 'serial'])
        .execute();
      const current: Array<{ id: string; passwordHash: string; createdAt: number }> = await db
        .selectFrom('accounts')
        .select(['id', 'passwordHash', 'createdAt'])
        .execute();
      for (const account of current) {
        await db
          .insertInto('passwordHistory')
          .values({ id: randomUUID(), accountId: account.id, passwordHash: account.passwordHash, serial: 1, createdAt: account.createdAt })
          .execute();
      }

      await db.schema
        .createTable('consentRecords')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('accountId', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('consentVersion', 'text', (c) => c.notNull())
        .addColumn('acceptedAt', 'bigint', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('userAgent', 'text')
        .execute();
      await db.schema.createIndex('consent_records_account_id').on('consentRecords').column('accountId').execute();

      // Challenges of every purpose replace those of sign-in only; a sign-in waiting for
      // its code while the server is upgraded starts again.
      await db.schema.dropTable('loginChallenges').execute();
      await db.schema
        .createTable('codeChallenges')
        .addColumn('idHash', 'text', (c) => c.primaryKey())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('accountId', 'text', (c) => c.references('accounts.id').onDelete('cascade'))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text')
        .addColumn('delivery', 'text', (c) => c.notNull())
        .addColumn('limitKey', 'text', (c) => c.notNull())
        .addColumn('codeHash', 'text', (c) => c.notNull())
        .addColumn('codeExpiresAt', 'bigint', (c) => c.notNull())
        .addColumn('attemptsLeft', 'integer', (c) => c.notNull())
        .addColumn('resendAvailableAt', 'bigint', (c) => c.notNull())
        .addColumn('expiresAt', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('code_challenges_expires_at').on('codeChallenges').column('expiresAt').execute();

      // The hourly sending limit is kept per key (an account, a phone, a login), not per account.
      const sends: Array<{ id: string; accountId: string; sentAt: number }> = await db
        .selectFrom('codeSends')
        .select(['id', 'accountId', 'sentAt'])
        .execute();
      await db.schema.dropTable('codeSends').execute();
      await db.schema
        .createTable('codeSends')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('limitKey', 'text', (c) => c.notNull())
        .addColumn('sentAt', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('code_sends_key_sent').on('codeSends').columns(['limitKey', 'sentAt']).execute();
      for (const send of sends) {
        const limitKey = createHash('sha256').update(`account:${send.accountId}`).digest('base64url');
        await db.insertInto('codeSends').values({ id: send.id, limitKey, sentAt: send.sentAt }).execute();
      }

      await db.schema
        .createTable('pendingRegistrations')
        .addColumn('challengeIdHash', 'text', (c) => c.primaryKey().references('codeChallenges.idHash').onDelete('cascade'))
        .addColumn('phone', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('passwordHash', 'text', (c) => c.notNull())
        .addColumn('consentVersion', 'text', (c) => c.notNull())
        .addColumn('createdAt', 'bigint', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('userAgent', 'text')
        .execute();

      await db.schema
        .createTable('passwordResets')
        .addColumn('tokenHash', 'text', (c) => c.primaryKey())
        .addColumn('accountId', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('expiresAt', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('password_resets_account_id').on('passwordResets').column('accountId').execute();
    },
    async down() {
      throw new Error('0002_registration_and_recovery cannot be undone: restore the database from a backup instead');
    },
  },
  '0003_operators_and_sessions': {
    async up(schema: Kysely<unknown>) {
      const db = schema as Kysely<any>;

      await db.schema.alterTable('accounts').addColumn('role', 'text', (c) => c.notNull().defaultTo('citizen')).execute();

      // Sessions are listed among the citizen's devices: when and from where each was last used.
      await db.schema.alterTable('sessions').addColumn('lastSeenAt', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
      await db.updateTable('sessions').set((eb) => ({ lastSeenAt: eb.ref('createdAt') })).execute();
      await db.schema.alterTable('sessions').addColumn('ip', 'text').execute();
      await db.schema.alterTable('sessions').addColumn('userAgent', 'text').execute();

      // Operators act on citizens' accounts: the audit log names who acted, and how.
      await db.schema.alterTable('auditEvents').addColumn('actorId', 'text').execute();
      await db.schema.alterTable('auditEvents').addColumn('details', 'text').execute();
      await db.schema.createIndex('audit_events_account_at').on('auditEvents').columns(['accountId', 'at']).execute();

      // A permission to set a new password now also follows a sign-in with a temporary password.
      await db.schema
        .alterTable('passwordResets')
        .addColumn('purpose', 'text', (c) => c.notNull().defaultTo('recovery'))
        .execute();

      await db.schema
        .createTable('identityConfirmations')
        .addColumn('accountId', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
        .addColumn('salt', 'text', (c) => c.notNull())
        .addColumn('codeHash', 'text', (c) => c.notNull())
        .addColumn('createdAt', 'bigint', (c) => c.notNull())
        .addColumn('expiresAt', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('identity_confirmations_code_hash').on('identityConfirmations').column('codeHash').execute();
    },
    async down() {
      throw new Error('0003_operators_and_sessions cannot be undone: restore the database from a backup instead');
    },
  },
  '0004_service_catalog': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('catalogCategories')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('municipalities')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('services')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('categoryId', 'text', (c) => c.notNull().references('catalogCategories.id'))
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('municipalityId', 'text', (c) => c.references('municipalities.id'))
        .addColumn('termDays', 'integer', (c) => c.notNull())
        .addColumn('fee', 'integer')
        .addColumn('requiredLevel', 'text', (c) => c.notNull())
        .addColumn('availability', 'text', (c) => c.notNull())
        .addColumn('popularity', 'integer', (c) => c.notNull())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('keywords', 'text', (c) => c.notNull())
        .addColumn('requiredDocuments', 'text', (c) => c.notNull())
        .addColumn('form', 'text', (c) => c.notNull())
        .execute();
      // The order of the catalog: popular first, then by title.
      await db.schema.createIndex('services_popularity_title').on('services').columns(['popularity desc', 'title', 'id']).execute();

      await db.schema
        .createTable('serviceDeliveryMethods')
        .addColumn('serviceId', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
        .addColumn('method', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('service_delivery_methods_pk', ['serviceId', 'method'])
        .execute();
      await db.schema.createIndex('service_delivery_methods_method').on('serviceDeliveryMethods').column('method').execute();

      await db.schema
        .createTable('personalServiceLists')
        .addColumn('accountId', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('list', 'text', (c) => c.notNull())
        .addColumn('serviceId', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
        .addColumn('serial', 'integer', (c) => c.notNull())
        .addColumn('addedAt', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('personal_service_lists_pk', ['accountId', 'list', 'serviceId'])
        .execute();

      await db.schema
        .createTable('filterPresets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('accountId', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('filters', 'text', (c) => c.notNull())
        .addColumn('createdAt', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('filter_presets_account_id').on('filterPresets').column('accountId').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['filterPresets', 'personalServiceLists', 'serviceDeliveryMethods', 'services', 'municipalities', 'catalogCategories']) {
        await db.schema.dropTable(table).execute();
      }
    },
  },
  '0005_applications': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('applications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('accountId', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('serviceId', 'text', (c) => c.notNull().references('services.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('formVersion', 'integer', (c) => c.notNull())
        .addColumn('values', 'text', (c) => c.notNull())
        .addColumn('requested', 'text')
        .addColumn('trackingNumber', 'text', (c) => c.unique())
        .addColumn('expectedCompletionDate', 'text')
        .addColumn('submitKey', 'text')
        .addColumn('createdAt', 'bigint', (c) => c.notNull())
        .addColumn('updatedAt', 'bigint', (c) => c.notNull())
        .addColumn('submittedAt', 'bigint')
        .execute();
      // A citizen's list: most recently changed first, then by id (the keyset of its cursor).
      await db.schema.createIndex('applications_account_updated').on('applications').columns(['accountId', 'updatedAt desc', 'id desc']).execute();

      await db.schema
        .createTable('applicationTransitions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('applicationId', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('fromStatus', 'text', (c) => c.notNull())
        .addColumn('toStatus', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('officerId', 'text')
        .addColumn('officerName', 'text')
        .addColumn('comment', 'text')
        .addColumn('requested', 'text')
        .execute();
      await db.schema.createIndex('application_transitions_application').on('applicationTransitions').columns(['applicationId', 'id']).execute();

      // The last tracking number given in each year.
      await db.schema
        .createTable('trackingCounters')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('last', 'integer', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['trackingCounters', 'applicationTransitions', 'applications']) await db.schema.dropTable(table).execute();
    },
  },
  '0006_documents': {
    async up(db: Kysely<unknown>) {
      // The document vault (src/documents/tables.ts); the files are in DOCUMENTS_DIR.
      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('accountId', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('fileType', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('applicationId', 'text', (c) => c.references('applications.id').onDelete('cascade'))
        .addColumn('issuedBy', 'text')
        .addColumn('createdAt', 'bigint', (c) => c.notNull())
        .addColumn('deletedAt', 'bigint')
        .execute();
      // A citizen's vault, newest first.
      await db.schema.createIndex('documents_account_created').on('documents').columns(['accountId', 'createdAt desc', 'id desc']).execute();
      await db.schema.createIndex('documents_application').on('documents').column('applicationId').execute();

      // Resumable uploads in progress: their owner, what they are for, and until when they are kept.
      await db.schema
        .createTable('uploads')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('accountId', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('applicationId', 'text')
        .addColumn('fieldId', 'text')
        .addColumn('accept', 'text', (c) => c.notNull())
        .addColumn('maxSize', 'bigint', (c) => c.notNull())
        .addColumn('length', 'bigint')
        .addColumn('createdAt', 'bigint', (c) => c.notNull())
        .addColumn('expiresAt', 'bigint', (c) => c.notNull())
        .addColumn('documentId', 'text')
        .execute();
      await db.schema.createIndex('uploads_expires_at').on('uploads').column('expiresAt').execute();
      await db.schema.createIndex('uploads_account').on('uploads').columns(['accountId', 'documentId']).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['uploads', 'documents']) await db.schema.dropTable(table).execute();
    },
  },
  '0007_operator_application_list': {
    // Operators page through every citizen's applications, most recently changed first.
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('applications_updated').on('applications').columns(['updatedAt desc', 'id desc']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('applications_updated').execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/** Brings the schema up to date; throws when a migration fails. */
export async function migrateToLatest(db: Database): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`database migration failed: ${String(error)}`);
}
