/** The account-closure feature's tables. */
import type { Kysely, Migration } from 'kysely';

export const accountClosureMigrations: Record<string, Migration> = {
  '0010_account_closures': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('accountClosures')
        .addColumn('accountId', 'text', (c) => c.primaryKey().references('accounts.id'))
        .addColumn('closedAt', 'integer', (c) => c.notNull())
        .execute();
    },
  },
};
