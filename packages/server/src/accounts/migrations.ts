/**
 * The migrations of the accounts feature: the accounts, and the first tables of sign-in (sessions, codes, lockout, devices, the audit log). They keep their global
 * names (applied in name order with every other feature's); once shipped, a migration is
 * never edited: add a new one with the next free number.
 */
import type { Kysely, Migration } from 'kysely';

export const accountsMigrations: Record<string, Migration> = {
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
  '0012_registration_address': {
    // The address of registration, part of the personal data (not checked in the registries).
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('accounts').addColumn('registrationAddress', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('accounts').dropColumn('registrationAddress').execute();
    },
  },
};
