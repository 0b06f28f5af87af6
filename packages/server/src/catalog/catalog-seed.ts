/**
 * Seeds the catalog's reference data on every start, in every mode: categories,
 * municipalities and services the database does not hold yet are added; those it holds
 * are left as they are, so that a catalog edited in place keeps its edits.
 */
import type { Service } from '@mfc-cabinet/core/catalog-schemas';
import type { Database } from '../db/database.js';
import type { CatalogData } from './data/index.js';

/** The row of a service, its lists and form as JSON. */
function toRow(service: Service) {
  const { deliveryMethods: _methods, keywords, requiredDocuments, form, ...columns } = service;
  return {
    ...columns,
    keywords: JSON.stringify(keywords),
    requiredDocuments: JSON.stringify(requiredDocuments),
    form: JSON.stringify(form),
  };
}

export async function seedCatalog(db: Database, data: CatalogData): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [position, { id, title }] of data.categories.entries()) {
      await trx
        .insertInto('catalogCategories')
        .values({ id, title, position })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
    }
    for (const [position, { id, name, region }] of data.municipalities.entries()) {
      await trx
        .insertInto('municipalities')
        .values({ id, name, region, position })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
    }
    const known = new Set((await trx.selectFrom('services').select('id').execute()).map(({ id }) => id));
    for (const service of data.services.filter(({ id }) => !known.has(id))) {
      await trx.insertInto('services').values(toRow(service)).execute();
      await trx
        .insertInto('serviceDeliveryMethods')
        .values(service.deliveryMethods.map((method) => ({ serviceId: service.id, method })))
        .execute();
    }
  });
}
