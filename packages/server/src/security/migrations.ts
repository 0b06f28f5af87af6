/**
 * The migrations of the security feature. Its first tables were created by the accounts and
 * auth features' migrations; these keep their global names (applied in name order with every
 * other feature's); once shipped, a migration is never edited: add a new one with the next
 * free number.
 */
import type { Kysely, Migration } from 'kysely';

export const securityMigrations: Record<string, Migration> = {
  '0008_code_sends_by_challenge': {
    // A send remembers its challenge, so that the code a citizen used stops counting against
    // the hourly limit; sends made before keep counting (their challenge is unknown).
    async up(schema: Kysely<unknown>) {
      const db = schema as Kysely<any>;
      await db.schema.alterTable('codeSends').addColumn('challengeIdHash', 'text').execute();
      await db.schema.createIndex('code_sends_challenge').on('codeSends').columns(['challengeIdHash', 'sentAt']).execute();
    },
    async down(schema: Kysely<unknown>) {
      const db = schema as Kysely<any>;
      await db.schema.dropIndex('code_sends_challenge').execute();
      await db.schema.alterTable('codeSends').dropColumn('challengeIdHash').execute();
    },
  },
};
