/** The account-closure feature's tables. */
import type { Kysely, Migration } from 'kysely';
import { columnTypes } from '../db/dialect.js';

export const accountClosureMigrations: Record<string, Migration> = {
  '0010_account_closures': {
    async up(db: Kysely<unknown>) {
      const { millis } = columnTypes(db);
      await db.schema
        .createTable('accountClosures')
        .addColumn('accountId', 'text', (c) => c.primaryKey().references('accounts.id'))
        .addColumn('closedAt', millis, (c) => c.notNull())
        .execute();
    },
  },
};
