/**
 * Seeds the catalog's reference data on every start, in every mode: categories,
 * municipalities and services the database does not hold yet are added; those it holds
 * are left as they are, so that a catalog edited in place keeps its edits. The rows are
 * the Russian catalog; the other languages go to their `translations`, which the seed also
 * fills in rows that have none (seeded before the catalog had languages).
 */
import type { Service } from '@mfc-cabinet/core/catalog-schemas';
import type { Database } from '../db/database.js';
import type { CatalogData, CatalogLanguages } from './data/index.js';

/** The texts of a service that differ by language. */
function textsOf({ title, summary, description, provider, keywords, requiredDocuments, form }: Service) {
  return { title, summary, description, provider, keywords, requiredDocuments, form };
}

/** The row of a service, its lists and form as JSON. */
function toRow(service: Service, translations: string) {
  const { deliveryMethods: _methods, keywords, requiredDocuments, form, ...columns } = service;
  return {
    ...columns,
    keywords: JSON.stringify(keywords),
    requiredDocuments: JSON.stringify(requiredDocuments),
    form: JSON.stringify(form),
    translations,
  };
}

/** `{ en: texts(the English catalog's item at the same place) }` as JSON, for each item of the Russian catalog. */
function translationsOf<T>(languages: CatalogLanguages, list: (data: CatalogData) => readonly T[], texts: (item: T) => object): string[] {
  return list(languages.ru).map((_item, position) => JSON.stringify({ en: texts(list(languages.en)[position]!) }));
}

export async function seedCatalog(db: Database, languages: CatalogLanguages): Promise<void> {
  const { ru } = languages;
  const categoryTexts = translationsOf(languages, (data) => data.categories, ({ title }) => ({ title }));
  const municipalityTexts = translationsOf(languages, (data) => data.municipalities, ({ name, region }) => ({ name, region }));
  const serviceTexts = translationsOf(languages, (data) => data.services, textsOf);
  await db.transaction().execute(async (trx) => {
    for (const [position, { id, title }] of ru.categories.entries()) {
      const translations = categoryTexts[position]!;
      await trx
        .insertInto('catalogCategories')
        .values({ id, title, position, translations })
        .onConflict((conflict) => conflict.column('id').doUpdateSet({ translations }).where('catalogCategories.translations', 'is', null))
        .execute();
    }
    for (const [position, { id, name, region }] of ru.municipalities.entries()) {
      const translations = municipalityTexts[position]!;
      await trx
        .insertInto('municipalities')
        .values({ id, name, region, position, translations })
        .onConflict((conflict) => conflict.column('id').doUpdateSet({ translations }).where('municipalities.translations', 'is', null))
        .execute();
    }
    const known = new Map((await trx.selectFrom('services').select(['id', 'translations']).execute()).map(({ id, translations }) => [id, translations]));
    for (const [position, service] of ru.services.entries()) {
      const translations = serviceTexts[position]!;
      if (!known.has(service.id)) {
        await trx.insertInto('services').values(toRow(service, translations)).execute();
        await trx
          .insertInto('serviceDeliveryMethods')
          .values(service.deliveryMethods.map((method) => ({ serviceId: service.id, method })))
          .execute();
      } else if (known.get(service.id) === null) {
        await trx.updateTable('services').set({ translations }).where('id', '=', service.id).execute();
      }
    }
  });
}
