/**
 * The citizen's own catalog data — favourites, recently viewed and saved filter presets —
 * for services the catalog has (`not_found` otherwise).
 */
import type { CatalogPersonal, FilterPreset, FilterPresetRequest } from '@mfc-cabinet/core/catalog-schemas';
import { ApiError } from '../api-error.js';
import type { Catalog } from './catalog.js';
import type { FilterPresets } from './filter-presets.js';
import type { ServiceLists } from './service-lists.js';

/** How many recently viewed services are kept. */
export const recentLimit = 20;

export class PersonalCatalog {
  readonly #catalog: Catalog;
  readonly #lists: ServiceLists;
  readonly #presets: FilterPresets;

  constructor(catalog: Catalog, lists: ServiceLists, presets: FilterPresets) {
    this.#catalog = catalog;
    this.#lists = lists;
    this.#presets = presets;
  }

  async of(accountId: string): Promise<CatalogPersonal> {
    return {
      favourites: await this.#lists.list(accountId, 'favourites'),
      recent: await this.#lists.list(accountId, 'recent'),
      presets: await this.#presets.list(accountId),
    };
  }

  /** @throws {ApiError} `not_found` for a service the catalog does not have */
  async addFavourite(accountId: string, serviceId: string): Promise<CatalogPersonal> {
    await this.#assertService(serviceId);
    await this.#lists.add(accountId, 'favourites', serviceId);
    return this.of(accountId);
  }

  /** @throws {ApiError} `not_found` for a service the catalog does not have */
  async removeFavourite(accountId: string, serviceId: string): Promise<CatalogPersonal> {
    await this.#assertService(serviceId);
    await this.#lists.remove(accountId, 'favourites', serviceId);
    return this.of(accountId);
  }

  /** The citizen opened the service: it goes first among the recently viewed. @throws {ApiError} `not_found` */
  async viewed(accountId: string, serviceId: string): Promise<CatalogPersonal> {
    await this.#assertService(serviceId);
    await this.#lists.putFirst(accountId, 'recent', serviceId, recentLimit);
    return this.of(accountId);
  }

  /** @throws {ApiError} `validation_failed` for an unknown category or municipality, `conflict` over the limit */
  async savePreset(accountId: string, request: FilterPresetRequest): Promise<FilterPreset> {
    await this.#catalog.assertKnownFilters(request.filters, 'filters.');
    return this.#presets.create(accountId, request);
  }

  /** @throws {ApiError} `not_found` unless the citizen has this preset */
  async deletePreset(accountId: string, id: string): Promise<void> {
    if (!(await this.#presets.delete(accountId, id))) throw new ApiError('not_found', { detail: 'Набор фильтров не найден.' });
  }

  async #assertService(serviceId: string): Promise<void> {
    if (!(await this.#catalog.has(serviceId))) throw new ApiError('not_found', { detail: 'Такой услуги в каталоге нет.' });
  }
}
