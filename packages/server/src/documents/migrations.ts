/**
 * The migrations of the documents feature: the document vault and unfinished uploads. They keep their global
 * names (applied in name order with every other feature's); once shipped, a migration is
 * never edited: add a new one with the next free number.
 */
import type { Kysely, Migration } from 'kysely';

export const documentsMigrations: Record<string, Migration> = {
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
};
