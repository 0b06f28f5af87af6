/**
 * The migrations of the profile feature. Its first table (`identityConfirmations`) was
 * created by 0003_operators_and_sessions; once shipped, a migration is never edited: add a
 * new one with the next free number.
 */
import type { Kysely, Migration } from 'kysely';
import { columnTypes } from '../db/dialect.js';

export const profileMigrations: Record<string, Migration> = {
  '0009_profile_changes': {
    // The history of changes of a profile, newest first per account.
    async up(schema: Kysely<unknown>) {
      const db = schema as Kysely<any>;
      const { millis } = columnTypes(db);
      await db.schema
        .createTable('profileChanges')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('accountId', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('at', millis, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('fields', 'text', (c) => c.notNull())
        .addColumn('changes', 'text', (c) => c.notNull())
        .addColumn('sessionId', 'text')
        .addColumn('userAgent', 'text')
        .addColumn('ip', 'text')
        .addColumn('reportedAt', millis)
        .execute();
      await db.schema.createIndex('profile_changes_account').on('profileChanges').columns(['accountId', 'at', 'id']).execute();
    },
    async down(schema: Kysely<unknown>) {
      const db = schema as Kysely<any>;
      await db.schema.dropTable('profileChanges').execute();
    },
  },
};
