/**
 * The migrations of the auth feature: registration and recovery: optional names, password history, consents, challenges of every purpose, pending registrations, password resets. They keep their global
 * names (applied in name order with every other feature's); once shipped, a migration is
 * never edited: add a new one with the next free number.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Migration } from 'kysely';

export const authMigrations: Record<string, Migration> = {
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
  '0011_sign_ins': {
    // The sign-in history the citizen reads: attempts on a known account, newest first.
    async up(schema: Kysely<unknown>) {
      const db = schema as Kysely<any>;
      await db.schema
        .createTable('signIns')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('accountId', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('sessionId', 'text')
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('userAgent', 'text')
        .execute();
      await db.schema.createIndex('sign_ins_account_at').on('signIns').columns(['accountId', 'at', 'id']).execute();
    },
    async down(schema: Kysely<unknown>) {
      const db = schema as Kysely<any>;
      await db.schema.dropTable('signIns').execute();
    },
  },
};
