/** The tables of the catalog feature: the service catalog (reference data) and the citizen's lists and filter presets. */
import type { Availability, DeliveryMethod, ServiceLevel } from '@mfc-cabinet/core/catalog-schemas';
import type { AccountLevel } from '@mfc-cabinet/core/schemas';

/** A category of the service catalog; `position` orders the list. */
export interface CatalogCategoriesTable {
  id: string;
  title: string;
  position: number;
  /** JSON: `{ en: { title } }`, the title in the catalog's other languages ({@link Translations}). */
  translations: string | null;
}

/** A municipality whose own services the catalog holds; `position` orders the list. */
export interface MunicipalitiesTable {
  id: string;
  name: string;
  region: string;
  position: number;
  /** JSON: `{ en: { name, region } }` ({@link Translations}). */
  translations: string | null;
}

/**
 * A service of the catalog (reference data, seeded from `src/catalog/data/`). The lists and
 * the form are JSON text: they are read whole, never queried into; the delivery methods,
 * which the catalog is filtered by, have a table of their own.
 */
export interface ServicesTable {
  id: string;
  title: string;
  summary: string;
  description: string;
  categoryId: string;
  level: ServiceLevel;
  /** `null` for federal and regional services offered everywhere. */
  municipalityId: string | null;
  termDays: number;
  /** Roubles; `null` when free. */
  fee: number | null;
  requiredLevel: AccountLevel;
  availability: Availability;
  popularity: number;
  provider: string;
  /** JSON: `string[]`. */
  keywords: string;
  /** JSON: `RequiredDocument[]`. */
  requiredDocuments: string;
  /** JSON: `FormDefinition`. */
  form: string;
  /**
   * JSON: `{ en: { title, summary, description, provider, keywords, requiredDocuments, form } }`,
   * the texts in the catalog's other languages, as objects ({@link Translations}); the form
   * has the same steps, fields and values. The columns above are the Russian texts.
   */
  translations: string | null;
}

/** One way a service is delivered. */
export interface ServiceDeliveryMethodsTable {
  serviceId: string;
  method: DeliveryMethod;
}

/**
 * The `translations` of a row of reference data: by language (`en`), the texts the row's
 * own columns hold in Russian. `null` in a row seeded before the catalog had languages
 * (the seed fills it) or added by hand: Russian is then the answer in every language.
 */
export type Translations<T> = Partial<Record<'en', Partial<T>>>;

/** The citizen's lists of services: favourites and recently viewed. */
export type ServiceListName = 'favourites' | 'recent';

/** A service on one of a citizen's lists; a greater `serial` was put there later. */
export interface PersonalServiceListsTable {
  accountId: string;
  list: ServiceListName;
  serviceId: string;
  serial: number;
  addedAt: number;
}

/** A saved set of catalog filters of a citizen. */
export interface FilterPresetsTable {
  /** Sortable: a later preset has a greater id. */
  id: string;
  accountId: string;
  name: string;
  /** JSON: `CatalogFilters`. */
  filters: string;
  createdAt: number;
}

export interface CatalogTables {
  catalogCategories: CatalogCategoriesTable;
  municipalities: MunicipalitiesTable;
  services: ServicesTable;
  serviceDeliveryMethods: ServiceDeliveryMethodsTable;
  personalServiceLists: PersonalServiceListsTable;
  filterPresets: FilterPresetsTable;
}
