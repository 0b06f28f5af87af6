/**
 * Reading the service catalog: pages of services by filters, one service in full, the
 * categories with their counts, and the compact search index with its content hash.
 */
import { createHash } from 'node:crypto';
import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type {
  CatalogFilters,
  Category,
  DeliveryMethod,
  FormDefinition,
  Municipality,
  SearchIndex,
  Service,
  ServicePage,
  ServiceSummary,
} from '@mfc-cabinet/core/catalog-schemas';
import type { FieldError } from '@mfc-cabinet/core/errors';
import { assertValid } from '../api-error.js';
import type { Database, DatabaseSchema } from '../db/database.js';
import type { TableWrites } from '../db/table-writes.js';
import type { ServicesTable } from './tables.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { inLanguage, type CatalogLanguage } from './languages.js';

/** The order delivery methods are listed in. */
const deliveryOrder: readonly DeliveryMethod[] = ['online', 'office', 'mail'];

type ServiceQuery = SelectQueryBuilder<DatabaseSchema, 'services', object>;

/** The tables the public catalog is read from. */
const catalogTables: ReadonlyArray<keyof DatabaseSchema> = ['catalogCategories', 'municipalities', 'services', 'serviceDeliveryMethods'];

/** What a page asks for: the filters, where the previous page ended, and how many services. */
export interface PageRequest {
  filters: CatalogFilters;
  cursor?: string | undefined;
  limit: number;
}

/** The texts of a service that differ by language: the row's (Russian) columns, parsed. */
interface ServiceTexts {
  title: string;
  summary: string;
  description: string;
  provider: string;
  keywords: string[];
  requiredDocuments: Service['requiredDocuments'];
  form: FormDefinition;
}

/** The texts of the service in `language`, its form included (the same fields and values, other labels). */
function textsOf(row: ServicesTable, language: CatalogLanguage): ServiceTexts {
  const russian: ServiceTexts = {
    title: row.title,
    summary: row.summary,
    description: row.description,
    provider: row.provider,
    keywords: JSON.parse(row.keywords) as string[],
    requiredDocuments: JSON.parse(row.requiredDocuments) as Service['requiredDocuments'],
    form: JSON.parse(row.form) as FormDefinition,
  };
  return inLanguage(russian, row.translations, language);
}

function toSummary(row: ServicesTable, methods: readonly DeliveryMethod[], texts: ServiceTexts): ServiceSummary {
  return {
    id: row.id,
    title: texts.title,
    summary: texts.summary,
    categoryId: row.categoryId,
    level: row.level,
    municipalityId: row.municipalityId,
    deliveryMethods: deliveryOrder.filter((method) => methods.includes(method)),
    termDays: row.termDays,
    fee: row.fee,
    requiredLevel: row.requiredLevel,
    availability: row.availability,
    keywords: texts.keywords,
    popularity: row.popularity,
  };
}

function toService(row: ServicesTable, methods: readonly DeliveryMethod[], texts: ServiceTexts): Service {
  return {
    ...toSummary(row, methods, texts),
    description: texts.description,
    requiredDocuments: texts.requiredDocuments,
    provider: texts.provider,
    form: texts.form,
  };
}

/** The services that match every filter given; a municipality's catalog includes the services offered everywhere. */
function filtered(query: ServiceQuery, filters: CatalogFilters): ServiceQuery {
  const { category, level, municipality, delivery, maxTermDays, availability } = filters;
  let result = query;
  if (category !== undefined) result = result.where('categoryId', '=', category);
  if (level !== undefined) result = result.where('level', '=', level);
  if (municipality !== undefined) {
    result = result.where((eb) => eb.or([eb('municipalityId', '=', municipality), eb('municipalityId', 'is', null)]));
  }
  if (delivery !== undefined) {
    result = result.where('id', 'in', (eb) => eb.selectFrom('serviceDeliveryMethods').select('serviceId').where('method', '=', delivery));
  }
  if (maxTermDays !== undefined) result = result.where('termDays', '<=', maxTermDays);
  if (availability !== undefined) result = result.where('availability', '=', availability);
  return result;
}

/** The services after `cursor` in the catalog's order: less popular, or as popular and later by title, then id. */
function after(cursor: string) {
  const { popularity, title, id } = decodeCursor(cursor);
  return (eb: ExpressionBuilder<DatabaseSchema, 'services'>) =>
    eb.or([
      eb('popularity', '<', popularity),
      eb.and([
        eb('popularity', '=', popularity),
        eb.or([eb('title', '>', title), eb.and([eb('title', '=', title), eb('id', '>', id)])]),
      ]),
    ]);
}

export class Catalog {
  readonly #db: Database;
  readonly #writes: TableWrites | undefined;
  /** The search index of each language, built once per {@link version} of the catalog. */
  readonly #searchIndexes = new Map<CatalogLanguage, { version: number; index: Promise<SearchIndex> }>();
  /** The services' titles of each search index, by id (an index replaced takes its map with it). */
  readonly #titles = new WeakMap<SearchIndex, ReadonlyMap<string, string>>();

  /**
   * `writes` counts the writes of `db`'s queries; without it the catalog is taken to be
   * written only before it is first read (by the seed), its {@link version} never changes.
   */
  constructor(db: Database, writes?: TableWrites) {
    this.#db = db;
    this.#writes = writes;
  }

  /** A number that changes whenever the catalog's tables are written, for caches of what is read from them. */
  version(): number {
    return this.#writes?.version(catalogTables) ?? 0;
  }

  /**
   * Throws `validation_failed` naming each filter that names a category or municipality the
   * catalog does not have; `prefix` is the path of the filters in the request (`filters.`).
   */
  async assertKnownFilters(filters: CatalogFilters, prefix = ''): Promise<void> {
    const errors: FieldError[] = [];
    const { category, municipality } = filters;
    if (category !== undefined && !(await this.#db.selectFrom('catalogCategories').select('id').where('id', '=', category).executeTakeFirst())) {
      errors.push({ field: `${prefix}category`, code: 'invalid', message: 'Такой категории в каталоге нет' });
    }
    if (municipality !== undefined && !(await this.#db.selectFrom('municipalities').select('id').where('id', '=', municipality).executeTakeFirst())) {
      errors.push({ field: `${prefix}municipality`, code: 'invalid', message: 'Такого муниципалитета в каталоге нет' });
    }
    assertValid(errors);
  }

  /**
   * A page of the services matching the filters, in `language`: popular first, then by
   * (Russian) title, the same order and cursors in every language.
   */
  async page({ filters, cursor, limit }: PageRequest, language: CatalogLanguage = 'ru'): Promise<ServicePage> {
    await this.assertKnownFilters(filters);
    const base = filtered(this.#db.selectFrom('services'), filters);
    const { count } = await base.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
    const ordered = (cursor === undefined ? base : base.where(after(cursor)))
      .selectAll()
      .orderBy('popularity', 'desc')
      .orderBy('title')
      .orderBy('id')
      .limit(limit + 1);
    const rows = await ordered.execute();
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const methods = await this.#methodsOf(items.map(({ id }) => id));
    return {
      items: items.map((row) => toSummary(row, methods.get(row.id) ?? [], textsOf(row, language))),
      nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
      total: Number(count),
    };
  }

  /**
   * The service in full, in `language` (Russian, the language applications are checked
   * and kept in, unless told), or `undefined` when there is none with this id.
   */
  async get(id: string, language: CatalogLanguage = 'ru'): Promise<Service | undefined> {
    const row = await this.#db.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return toService(row, (await this.#methodsOf([id])).get(id) ?? [], textsOf(row, language));
  }

  /** Whether the catalog has a service with this id. */
  async has(id: string): Promise<boolean> {
    return (await this.#db.selectFrom('services').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  /** The categories, each with how many services it holds, and the municipalities, in `language`. */
  async categories(language: CatalogLanguage = 'ru'): Promise<{ categories: Category[]; municipalities: Municipality[] }> {
    const categories = await this.#db
      .selectFrom('catalogCategories')
      .leftJoin('services', 'services.categoryId', 'catalogCategories.id')
      .select((eb) => ['catalogCategories.id', 'catalogCategories.title', 'catalogCategories.translations', eb.fn.count('services.id').as('count')])
      .groupBy(['catalogCategories.id', 'catalogCategories.title', 'catalogCategories.translations', 'catalogCategories.position'])
      .orderBy('catalogCategories.position')
      .execute();
    const municipalities = await this.#db.selectFrom('municipalities').select(['id', 'name', 'region', 'translations']).orderBy('position').execute();
    return {
      categories: categories.map(({ id, title, translations, count }) => ({ id, ...inLanguage({ title }, translations, language), count: Number(count) })),
      municipalities: municipalities.map(({ id, name, region, translations }) => ({ id, ...inLanguage({ name, region }, translations, language) })),
    };
  }

  /**
   * Every service in summary, with the categories and municipalities, in `language`;
   * `version` is a hash of the whole catalog in that language, forms and descriptions
   * included, so it changes with any of it and differs from language to language.
   */
  searchIndex(language: CatalogLanguage = 'ru'): Promise<SearchIndex> {
    const version = this.version();
    let built = this.#searchIndexes.get(language);
    if (built?.version !== version) {
      const made = { version, index: this.#buildSearchIndex(language) };
      made.index.catch(() => this.#searchIndexes.get(language) === made && this.#searchIndexes.delete(language));
      this.#searchIndexes.set(language, (built = made));
    }
    return built.index;
  }

  /** The title of every service in `language`, by id: made once per search index (per language and version), not per request. */
  async titles(language: CatalogLanguage): Promise<ReadonlyMap<string, string>> {
    const index = await this.searchIndex(language);
    let titles = this.#titles.get(index);
    if (!titles) this.#titles.set(index, (titles = new Map(index.services.map(({ id, title }) => [id, title]))));
    return titles;
  }

  async #buildSearchIndex(language: CatalogLanguage): Promise<SearchIndex> {
    const rows = await this.#db.selectFrom('services').selectAll().orderBy('popularity', 'desc').orderBy('title').orderBy('id').execute();
    const methods = await this.#methodsOf(rows.map(({ id }) => id));
    const { categories, municipalities } = await this.categories(language);
    const texts = rows.map((row) => textsOf(row, language));
    const summaries = rows.map((row, i) => toSummary(row, methods.get(row.id) ?? [], texts[i]!));
    const everything = rows.map((row, i) => toService(row, methods.get(row.id) ?? [], texts[i]!));
    const version = createHash('sha256').update(JSON.stringify({ categories, municipalities, everything })).digest('base64url');
    return { version, categories, municipalities, services: summaries };
  }

  async #methodsOf(ids: readonly string[]): Promise<Map<string, DeliveryMethod[]>> {
    const byService = new Map<string, DeliveryMethod[]>();
    if (ids.length === 0) return byService;
    const rows = await this.#db.selectFrom('serviceDeliveryMethods').select(['serviceId', 'method']).where('serviceId', 'in', ids).execute();
    for (const { serviceId, method } of rows) byService.set(serviceId, [...(byService.get(serviceId) ?? []), method]);
    return byService;
  }
}
