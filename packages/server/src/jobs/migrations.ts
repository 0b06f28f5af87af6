/**
 * The migrations of the jobs feature. They keep their global names (applied in name order
 * with every other feature's); once shipped, a migration is never edited: add a new one
 * with the next free number.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const jobsMigrations: Record<string, Migration> = {
  '0014_jobs': {
    async up(db: Kysely<unknown>) {
      // Durable jobs (src/jobs/tables.ts).
      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('key', 'text')
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('runAt', 'bigint', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('maxAttempts', 'integer', (c) => c.notNull())
        .addColumn('leaseOwner', 'text')
        .addColumn('leaseUntil', 'bigint')
        .addColumn('lastError', 'text')
        .addColumn('createdAt', 'bigint', (c) => c.notNull())
        .addColumn('finishedAt', 'bigint')
        .execute();
      // The jobs waiting, by when they are due (what a runner claims).
      await db.schema.createIndex('jobs_due').on('jobs').column('runAt').where(sql<boolean>`finished_at is null`).execute();
      // One unfinished job per key; a finished one keeps its key, for the record.
      await db.schema.createIndex('jobs_key').on('jobs').column('key').unique().where(sql<boolean>`finished_at is null`).execute();
      // What the clean-up of finished jobs deletes.
      await db.schema.createIndex('jobs_finished').on('jobs').column('finishedAt').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('jobs').execute();
    },
  },
};
