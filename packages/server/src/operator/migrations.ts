/**
 * The migrations of the operator feature: operators and the session list: roles, where sessions were last used, who acted in the audit log, identity confirmations. They keep their global
 * names (applied in name order with every other feature's); once shipped, a migration is
 * never edited: add a new one with the next free number.
 */
import type { Kysely, Migration } from 'kysely';

export const operatorMigrations: Record<string, Migration> = {
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
};
