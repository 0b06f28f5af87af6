/**
 * The migrations of the applications feature: applications, their lifecycle and tracking numbers, and the operators' list of every application. They keep their global
 * names (applied in name order with every other feature's); once shipped, a migration is
 * never edited: add a new one with the next free number.
 */
import type { Kysely, Migration } from 'kysely';

export const applicationsMigrations: Record<string, Migration> = {
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
