import type {
  CatalogFilters,
  CatalogPersonal,
  CategoryList,
  FilterPreset,
  FilterPresetRequest,
  SearchIndex,
  Service,
  ServicePage,
} from './schemas.js';
import type { CatalogSearchOptions, CatalogSearchResult } from './search.js';
import type { RequestOptions } from '../http.js';

/** Options of {@link CatalogClient.list}. */
export interface CatalogPageOptions extends RequestOptions {
  /** The `nextCursor` of the previous page; the first page without it. */
  cursor?: string;
  /** Services per page; the server caps it. */
  limit?: number;
}

/** Called with the search index whenever a newer one replaces the one in use. */
export type SearchIndexListener = (index: SearchIndex) => void;

/**
 * The service catalog: lists with filters, one service in full, categories; instant search
 * over the whole catalog that works offline; and, for a signed-in citizen, favourites,
 * recently viewed services and saved filter presets.
 *
 * The search index is kept in the public cache (IndexedDB), which logout leaves alone, so
 * visitors who never signed in search offline too. It is stale-while-revalidate: a search
 * answers from the cached index at once while the server is asked in the background
 * whether it changed.
 *
 * The catalog's code loads with its first call and the search code with the first search,
 * so pages that never use them (a login form) do not pay for them.
 */
export interface CatalogClient {
  /**
   * One page of services that pass the filters.
   *
   * @example
   * ```ts
   * const filters = { municipality: 'zarechny', delivery: 'online' } as const;
   * let page = await client.catalog.list(filters);
   * while (page.nextCursor) page = await client.catalog.list(filters, { cursor: page.nextCursor });
   * ```
   */
  list(filters?: CatalogFilters, options?: CatalogPageOptions): Promise<ServicePage>;

  /**
   * The first page of {@link list} as the catalog cached on this device has it (the search
   * index, in the same order), without asking the network; `undefined` when nothing is
   * cached yet. A list shows it at once while `list()` is on its way, and offline. Its
   * `nextCursor` is `null`: the following pages come from `list()`.
   *
   * @example
   * ```ts
   * const early = await client.catalog.cachedList(filters);
   * if (early) render(early.items);
   * render((await client.catalog.list(filters)).items);
   * ```
   */
  cachedList(filters?: CatalogFilters, options?: Pick<CatalogPageOptions, 'limit'>): Promise<ServicePage | undefined>;

  /**
   * One service in full: description, required documents, provider and its form.
   *
   * @throws {CabinetError} `not_found`
   */
  get(serviceId: string, options?: RequestOptions): Promise<Service>;

  /**
   * The categories (with how many services each holds) and municipalities, for filters.
   * Without a network it answers from the public cache.
   */
  categories(options?: RequestOptions): Promise<CategoryList>;

  /**
   * Searches the whole catalog as the citizen types: forgives typos («пасспорт»), Russian
   * word forms («справку» finds «Справка …») and knows synonyms («детсад» finds «Запись в
   * детский сад»). The last word counts as a prefix while it is being typed. Titles weigh
   * more than keywords and summaries; popular services come first among equals. When no
   * service matches every word, the answer holds those that match some (`partial`). An
   * empty query lists the most popular services that pass the filters.
   *
   * The first call loads the search code and the index (from the public cache when there
   * is one, without waiting for the network); later calls answer in a few milliseconds,
   * offline too.
   *
   * @throws {CabinetError} `network` when the index was never fetched and there is no network
   *
   * @example
   * ```ts
   * input.addEventListener('input', async () => {
   *   const { services, partial } = await client.catalog.search(input.value, {
   *     filters: { municipality: 'zarechny' },
   *     limit: 10,
   *   });
   *   render(services, partial);
   * });
   * ```
   */
  search(query: string, options?: CatalogSearchOptions): Promise<CatalogSearchResult>;

  /**
   * The search index in use: every service in summary, categories and municipalities.
   * Call it early to warm the cache; like {@link search}, it answers from the cache at once
   * and revalidates in the background.
   */
  searchIndex(): Promise<SearchIndex>;

  /**
   * Calls `listener` whenever a newer search index arrives from the server and replaces
   * the one in use (searches already answer from it). Returns the function that stops it.
   *
   * @example
   * ```ts
   * const stop = client.catalog.onIndexUpdate(() => rerunSearch());
   * ```
   */
  onIndexUpdate(listener: SearchIndexListener): () => void;

  /** The signed-in citizen's favourites, recently viewed services and presets. @throws {CabinetError} `unauthenticated` */
  personal(options?: RequestOptions): Promise<CatalogPersonal>;

  /** Adds a service to the favourites; adding one twice is harmless. */
  addFavourite(serviceId: string, options?: RequestOptions): Promise<CatalogPersonal>;

  removeFavourite(serviceId: string, options?: RequestOptions): Promise<CatalogPersonal>;

  /** Puts a service first among the recently viewed ones. */
  markViewed(serviceId: string, options?: RequestOptions): Promise<CatalogPersonal>;

  /**
   * Saves filters under a name.
   *
   * @throws {CabinetError} `validation_failed` with `fieldErrors` on `name`, `filters.maxTermDays`
   *
   * @example
   * ```ts
   * await client.catalog.savePreset({ name: 'Детям в Заречном', filters: { category: 'children', municipality: 'zarechny' } });
   * ```
   */
  savePreset(request: FilterPresetRequest, options?: RequestOptions): Promise<FilterPreset>;

  deletePreset(presetId: string, options?: RequestOptions): Promise<void>;
}
