/**
 * What `client.catalog` does, loaded with its first call: the catalog's requests and
 * schemas, and the search index kept stale-while-revalidate in the public cache. Pages
 * that never use the catalog load none of it.
 */
import { openPublicCache, publicKey, type CacheKind, type CachedSearchIndex, type PublicCache } from '../cache/public-db.js';
import type { UserSession } from '../cache/user-session.js';
import type { CatalogClient, CatalogPageOptions, SearchIndexListener } from './client.js';
import {
  CatalogPersonal,
  CategoryList,
  FilterPreset,
  SearchIndex,
  Service,
  ServicePage,
  type CatalogFilters,
  type FilterPresetRequest,
} from './schemas.js';
import type { CatalogSearch, CatalogSearchOptions, CatalogSearchResult } from './search.js';
import { CabinetError, type CabinetErrorCode } from '../errors.js';
import type { Http, RequestOptions } from '../http.js';
import { withQuery } from '../query.js';
import { byPopularity, matchesFilters } from './filters.js';

/** How long a search index is used before the server is asked again whether it changed. */
const revalidateAfterMs = 5 * 60_000;
/** Failures after which cached data is the answer. */
const offlineCodes: readonly CabinetErrorCode[] = ['network', 'timeout', 'server_unavailable'];

/** Where the citizen's favourites, recently viewed and presets are kept in their cache. */
const personalKey = 'catalog:personal';

function isOffline(error: unknown): boolean {
  return error instanceof CabinetError && offlineCodes.includes(error.code);
}

/** The lazily loaded search code. */
export type SearchModule = typeof import('./search.js');

/** `client.catalog` but for `onIndexUpdate`, which the client answers without loading this. */
export class CatalogStore implements Omit<CatalogClient, 'onIndexUpdate'> {
  readonly #http: Http;
  /**
   * Records of the public cache are keyed by the client's scope and language: the server
   * answers the catalog in the language the client asks for (`Accept-Language`), and an
   * index in one language is never shown in another.
   */
  readonly #key: string;
  readonly #cache: PublicCache;
  readonly #user: UserSession;
  readonly #listeners: ReadonlySet<SearchIndexListener>;
  readonly #loadSearch: () => Promise<SearchModule>;
  #index: Promise<CachedSearchIndex> | undefined;
  /** The index in use once it is known (from the cache or the server). */
  #known: CachedSearchIndex | undefined;
  #cachedRead: Promise<CachedSearchIndex | undefined> | undefined;
  #engine: Promise<CatalogSearch> | undefined;
  #checkedAt = 0;
  #revalidating: Promise<void> | undefined;

  constructor(
    http: Http,
    cache: CacheKind | undefined,
    user: UserSession,
    listeners: ReadonlySet<SearchIndexListener>,
    loadSearch: () => Promise<SearchModule>,
  ) {
    this.#http = http;
    this.#key = publicKey(http.scope, http.locale);
    this.#cache = openPublicCache(cache);
    this.#user = user;
    this.#listeners = listeners;
    this.#loadSearch = loadSearch;
  }

  /** What the first listing and search read: the search index, from the public cache or the server (see `client.prepare`). */
  prepare(): void {
    void this.#currentIndex().catch(() => undefined);
  }

  async cachedList(filters: CatalogFilters = {}, options: Pick<CatalogPageOptions, 'limit'> = {}): Promise<ServicePage | undefined> {
    const entry = this.#known ?? (await this.#readCache());
    if (!entry) return undefined;
    const matching = entry.index.services.filter((service) => matchesFilters(service, filters)).sort(byPopularity);
    return { items: matching.slice(0, options.limit ?? 20), total: matching.length, nextCursor: null };
  }

  list(filters: CatalogFilters = {}, options: CatalogPageOptions = {}): Promise<ServicePage> {
    return this.#http.get(withQuery('catalog/services', { ...filters, cursor: options.cursor, limit: options.limit }), ServicePage, options);
  }

  get(serviceId: string, options: RequestOptions = {}): Promise<Service> {
    return this.#http.get(`catalog/services/${encodeURIComponent(serviceId)}`, Service, options);
  }

  async categories(options: RequestOptions = {}): Promise<CategoryList> {
    try {
      const list = await this.#http.get('catalog/categories', CategoryList, options);
      void this.#cache.put('categories', { key: this.#key, list, storedAt: Date.now() });
      return list;
    } catch (error) {
      if (!isOffline(error)) throw error;
      const cached =
        (await this.#cache.get('categories', this.#key))?.list ?? (await this.#cache.get('search-index', this.#key))?.index;
      if (!cached) throw error;
      return { categories: cached.categories, municipalities: cached.municipalities };
    }
  }

  /** Offline, the copy kept in the citizen's encrypted cache. */
  async personal(options: RequestOptions = {}): Promise<CatalogPersonal> {
    try {
      return await this.#keepPersonal(this.#http.get('catalog/me', CatalogPersonal, options));
    } catch (error) {
      const cached = isOffline(error) ? await (await this.#user.data())?.read<CatalogPersonal>(personalKey) : undefined;
      if (!cached) throw error;
      return cached;
    }
  }

  addFavourite(serviceId: string, options: RequestOptions = {}): Promise<CatalogPersonal> {
    return this.#keepPersonal(this.#http.put(`catalog/favourites/${encodeURIComponent(serviceId)}`, undefined, CatalogPersonal, options));
  }

  removeFavourite(serviceId: string, options: RequestOptions = {}): Promise<CatalogPersonal> {
    return this.#keepPersonal(this.#http.deleteFor(`catalog/favourites/${encodeURIComponent(serviceId)}`, CatalogPersonal, options));
  }

  markViewed(serviceId: string, options: RequestOptions = {}): Promise<CatalogPersonal> {
    return this.#keepPersonal(this.#http.post('catalog/recent', { serviceId }, CatalogPersonal, options));
  }

  async #keepPersonal(request: Promise<CatalogPersonal>): Promise<CatalogPersonal> {
    const personal = await request;
    await (await this.#user.data())?.write(personalKey, personal);
    return personal;
  }

  savePreset(request: FilterPresetRequest, options: RequestOptions = {}): Promise<FilterPreset> {
    return this.#http.post('catalog/presets', request, FilterPreset, options);
  }

  deletePreset(presetId: string, options: RequestOptions = {}): Promise<void> {
    return this.#http.delete(`catalog/presets/${encodeURIComponent(presetId)}`, options);
  }

  async search(query: string, options: CatalogSearchOptions = {}): Promise<CatalogSearchResult> {
    return (await this.#searchEngine()).search(query, options);
  }

  async searchIndex(): Promise<SearchIndex> {
    return (await this.#currentIndex()).index;
  }

  #searchEngine(): Promise<CatalogSearch> {
    const index = this.#currentIndex();
    if (!this.#engine) {
      const engine = Promise.all([this.#loadSearch(), index]).then(([{ createCatalogSearch }, entry]) =>
        createCatalogSearch(entry.index.services),
      );
      this.#engine = engine;
      engine.catch(() => this.#engine === engine && (this.#engine = undefined));
    }
    return this.#engine;
  }

  /** The index in use: from memory, else the public cache, else the network. */
  #currentIndex(): Promise<CachedSearchIndex> {
    if (!this.#index) {
      const loading = this.#loadIndex();
      this.#index = loading;
      void loading.then((entry) => (this.#known ??= entry), () => undefined);
      loading.catch(() => this.#index === loading && (this.#index = undefined));
    } else if (Date.now() - this.#checkedAt > revalidateAfterMs) {
      void this.#index.then((entry) => this.#revalidate(entry), () => undefined);
    }
    return this.#index;
  }

  /**
   * The index kept in the public cache, read once: the first listing (`cachedList`) and the
   * index in use share the read of a record of every service.
   */
  #readCache(): Promise<CachedSearchIndex | undefined> {
    return (this.#cachedRead ??= this.#cache.get('search-index', this.#key).catch(() => undefined));
  }

  async #loadIndex(): Promise<CachedSearchIndex> {
    const cached = await this.#readCache();
    if (!cached) return this.#fetchIndex(undefined);
    this.#revalidate(cached);
    return cached;
  }

  /** Asks the server in the background whether the index changed; offline, keeps it. */
  #revalidate(current: CachedSearchIndex): void {
    this.#checkedAt = Date.now();
    this.#revalidating ??= this.#fetchIndex(current)
      .then((next) => (next.index.version === current.index.version ? undefined : this.#adopt(next)))
      .catch(() => undefined)
      .finally(() => (this.#revalidating = undefined));
  }

  /** The index from the server, or `current` when the server says it has not changed (304). */
  async #fetchIndex(current: CachedSearchIndex | undefined): Promise<CachedSearchIndex> {
    this.#checkedAt = Date.now();
    const answer = await this.#http.getIfChanged('catalog/search-index', SearchIndex, current?.etag);
    if (!answer) {
      if (current) return current;
      throw new CabinetError('invalid_response', { message: this.#http.message('invalid_response') });
    }
    const entry = { key: this.#key, etag: answer.etag ?? `"${answer.data.version}"`, index: answer.data, storedAt: Date.now() };
    await this.#cache.put('search-index', entry);
    return entry;
  }

  /** Searches move to a newer index once it is built; the old one answers meanwhile. */
  async #adopt(next: CachedSearchIndex): Promise<void> {
    if (this.#engine) {
      const { createCatalogSearch } = await this.#loadSearch();
      this.#engine = Promise.resolve(createCatalogSearch(next.index.services));
    }
    this.#index = Promise.resolve(next);
    this.#known = next;
    for (const listener of this.#listeners) listener(next.index);
  }
}
