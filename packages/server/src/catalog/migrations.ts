/**
 * The migrations of the catalog feature: the service catalog and the citizen's lists and filter presets. They keep their global
 * names (applied in name order with every other feature's); once shipped, a migration is
 * never edited: add a new one with the next free number.
 */
import type { Kysely, Migration } from 'kysely';

export const catalogMigrations: Record<string, Migration> = {
  '0004_service_catalog': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('catalogCategories')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('municipalities')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('services')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('categoryId', 'text', (c) => c.notNull().references('catalogCategories.id'))
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('municipalityId', 'text', (c) => c.references('municipalities.id'))
        .addColumn('termDays', 'integer', (c) => c.notNull())
        .addColumn('fee', 'integer')
        .addColumn('requiredLevel', 'text', (c) => c.notNull())
        .addColumn('availability', 'text', (c) => c.notNull())
        .addColumn('popularity', 'integer', (c) => c.notNull())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('keywords', 'text', (c) => c.notNull())
        .addColumn('requiredDocuments', 'text', (c) => c.notNull())
        .addColumn('form', 'text', (c) => c.notNull())
        .execute();
      // The order of the catalog: popular first, then by title.
      await db.schema.createIndex('services_popularity_title').on('services').columns(['popularity desc', 'title', 'id']).execute();

      await db.schema
        .createTable('serviceDeliveryMethods')
        .addColumn('serviceId', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
        .addColumn('method', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('service_delivery_methods_pk', ['serviceId', 'method'])
        .execute();
      await db.schema.createIndex('service_delivery_methods_method').on('serviceDeliveryMethods').column('method').execute();

      await db.schema
        .createTable('personalServiceLists')
        .addColumn('accountId', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('list', 'text', (c) => c.notNull())
        .addColumn('serviceId', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
        .addColumn('serial', 'integer', (c) => c.notNull())
        .addColumn('addedAt', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('personal_service_lists_pk', ['accountId', 'list', 'serviceId'])
        .execute();

      await db.schema
        .createTable('filterPresets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('accountId', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('filters', 'text', (c) => c.notNull())
        .addColumn('createdAt', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('filter_presets_account_id').on('filterPresets').column('accountId').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['filterPresets', 'personalServiceLists', 'serviceDeliveryMethods', 'services', 'municipalities', 'catalogCategories']) {
        await db.schema.dropTable(table).execute();
      }
    },
  },
  '0013_catalog_translations': {
    // The catalog in its other languages (English): a JSON column of each table of reference
    // data, `{ "en": { …the texts… } }`; the columns the table had stay the Russian texts.
    async up(db: Kysely<unknown>) {
      for (const table of ['catalogCategories', 'municipalities', 'services']) {
        await db.schema.alterTable(table).addColumn('translations', 'text').execute();
      }
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['catalogCategories', 'municipalities', 'services']) {
        await db.schema.alterTable(table).dropColumn('translations').execute();
      }
    },
  },
};
