import { Task, TaskStatus } from '@lit/task';
import {
  isCabinetError,
  type CabinetClient,
  type CabinetError,
  type CatalogFilters,
  type SearchIndex,
  type ServiceSummary,
} from '@mfc-cabinet/core';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { asCabinetError, isOffline } from '../base/errors.js';
import { LongList } from '../base/long-list.js';
import { allowed, type Scope, type View } from './catalog-view.js';

/** Services per page when the list comes from the server page by page. */
const pageSize = 30;
/**
 * Longer lists render only the services on screen. Shorter ones (most search results, a
 * town's catalog) render whole, so that a screen reader can read every one of them.
 */
const virtualizeFrom = 60;

/** The services the list shows, and how to get more of them. */
export interface Listing {
  items: ServiceSummary[];
  /** How many services match: more than `items` while pages remain to be loaded. */
  total: number;
  /** No service matched every word of the query; these match some. */
  partial: boolean;
  /** The cursor of the next page of `catalog.list()` when the list comes page by page. */
  nextCursor: string | null;
  filters: CatalogFilters;
  query: string;
  view: View;
}

/** What the list is asked to show; read at every update of the host, a change lists anew. */
export interface ListingRequest {
  client: CabinetClient;
  query: string;
  view: View;
  /** The filters in force. */
  filters: CatalogFilters;
  /** The services of the view when it is not `all`: the favourites or the recently viewed. */
  ids: string[] | undefined;
}

export interface CatalogListingOptions {
  /** The catalog's restrictions and order (the element itself). */
  scope: Scope;
  request: () => ListingRequest;
  renderItem: (service: ServiceSummary, index: number, total: number) => TemplateResult;
  /** Listing failed (not when it was called off). */
  onError: (failure: CabinetError) => void;
}

type Host = ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };

/**
 * Finds the services the catalog lists: searching as the citizen types, filtered, from the
 * server page by page with `popular-first`, and from the catalog cached on the device
 * when the network fails. Follows the updates of the cached catalog and the connectivity
 * of the device.
 */
export class CatalogListing implements ReactiveController {
  readonly #host: Host;
  readonly #options: CatalogListingOptions;
  #client?: CabinetClient;
  #stopIndex?: () => void;
  #fellBack = false;
  #index?: SearchIndex;
  #byId?: { index: SearchIndex; services: Map<string, ServiceSummary> };
  /** The first page from the catalog cached on the device, shown while the server's is on its way. */
  #early?: Listing;

  /** The list of services, plain or virtualized, with its pages. */
  readonly list: LongList<ServiceSummary>;

  readonly task: Task<readonly unknown[], Listing>;

  constructor(host: Host, options: CatalogListingOptions) {
    this.#host = host;
    this.#options = options;
    // Before the task's: the client is followed before the first listing looks at it.
    host.addController(this);
    this.list = new LongList<ServiceSummary>(host, {
      virtualizeFrom,
      renderItem: options.renderItem,
      onNearEnd: () => {
        const listing = this.value;
        if (listing?.nextCursor) void this.loadMore(listing);
      },
    });
    this.task = new Task(host, {
      task: (_, { signal }) => this.#find(options.request(), signal),
      args: () => {
        const { client, query, filters, view, ids } = options.request();
        const { popularFirst, services } = options.scope;
        return [client, query, JSON.stringify(filters), view, popularFirst, services?.join(','), ids] as const;
      },
    });
  }

  /**
   * The listing to show: the task's, or while it runs for new filters, the first page from
   * the catalog cached on the device once that is there.
   */
  get value(): Listing | undefined {
    return (this.task.status === TaskStatus.PENDING && this.#early) || this.task.value;
  }

  /** The catalog cached on the device (categories, municipalities, every service), once loaded. */
  get index(): SearchIndex | undefined {
    return this.#index;
  }

  /** The last answer came from the catalog cached on the device because the network failed. */
  get fellBack(): boolean {
    return this.#fellBack;
  }

  set fellBack(value: boolean) {
    if (value === this.#fellBack) return;
    this.#fellBack = value;
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    window.addEventListener('online', this.#onConnectivity);
    window.addEventListener('offline', this.#onConnectivity);
  }

  hostUpdate(): void {
    const { client } = this.#options.request();
    if (client === this.#client) return;
    this.#stopIndex?.();
    this.#client = client;
    this.#stopIndex = client.catalog.onIndexUpdate((index) => {
      this.#setIndex(index);
      void this.task.run();
    });
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onConnectivity);
    window.removeEventListener('offline', this.#onConnectivity);
    this.#stopIndex?.();
    this.#stopIndex = undefined;
    this.#client = undefined;
  }

  readonly #onConnectivity = (): void => {
    if (navigator.onLine && this.#fellBack) void this.task.run();
    this.#host.requestUpdate();
  };

  /** Every service of the cached catalog by id; empty until it is loaded. */
  servicesById(): Map<string, ServiceSummary> {
    const index = this.#index;
    if (!index) return new Map();
    if (this.#byId?.index !== index) this.#byId = { index, services: new Map(index.services.map((service) => [service.id, service])) };
    return this.#byId.services;
  }

  #setIndex(index: SearchIndex): void {
    this.#index = index;
    this.#host.requestUpdate();
  }

  #loadIndex(client: CabinetClient): Promise<SearchIndex> {
    return client.catalog.searchIndex().then((index) => {
      if (client === this.#client) this.#setIndex(index);
      return index;
    });
  }

  async #find({ client, query, view, filters, ids }: ListingRequest, signal: AbortSignal): Promise<Listing> {
    const { scope } = this.#options;
    const listing = (items: ServiceSummary[], more: Partial<Listing> = {}): Listing => ({
      items,
      total: items.length,
      partial: false,
      nextCursor: null,
      filters,
      query,
      view,
      ...more,
    });
    const inScope = (services: ServiceSummary[]) => services.filter((service) => allowed(scope, service));
    this.#early = undefined;
    if (this.list.failed) {
      this.list.failed = false;
      this.#host.requestUpdate();
    }
    try {
      if (view !== 'all') {
        await this.#loadIndex(client);
        const byId = this.servicesById();
        return listing(inScope((ids ?? []).flatMap((id) => byId.get(id) ?? [])));
      }
      if (query.trim()) {
        const [found] = await Promise.all([client.catalog.search(query, { filters, limit: Infinity }), this.#loadIndex(client)]);
        return listing(inScope(found.services), { partial: found.partial });
      }
      if (scope.popularFirst && !scope.services) {
        void this.#loadIndex(client).catch(() => undefined);
        let answered = false;
        // The cached catalog's first page is on screen at once; the server's replaces it.
        void client.catalog.cachedList(filters, { limit: pageSize }).then(
          (page) => {
            if (!page || answered || signal.aborted) return;
            this.#early = listing(page.items, { total: page.total });
            this.#host.requestUpdate();
          },
          () => undefined,
        );
        try {
          let page = await client.catalog.list(filters, { limit: pageSize, signal });
          const items = [...page.items];
          // A list short enough to render whole comes whole; a longer one, page by page as it scrolls.
          while (page.nextCursor && page.total < virtualizeFrom) {
            page = await client.catalog.list(filters, { cursor: page.nextCursor, limit: pageSize, signal });
            items.push(...page.items);
          }
          this.fellBack = false;
          return listing(items, { total: page.total, nextCursor: page.nextCursor });
        } catch (error) {
          if (!isOffline(error)) throw error;
          this.fellBack = true;
        } finally {
          answered = true;
        }
      }
      // Every service that passes the filters, from the index cached on the device, most popular first.
      const [all] = await Promise.all([client.catalog.search('', { filters, limit: Infinity }), this.#loadIndex(client)]);
      return listing(this.#ordered(inScope(all.services)));
    } catch (error) {
      const failure = asCabinetError(error);
      if (failure.code !== 'aborted') this.#options.onError(failure);
      throw failure;
    }
  }

  /** Popular first as found, in the order of the `services` attribute, or by title. */
  #ordered(services: ServiceSummary[]): ServiceSummary[] {
    const { popularFirst, services: order } = this.#options.scope;
    if (popularFirst) return services;
    if (order) return services.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
    const collator = new Intl.Collator('ru');
    return services.sort((a, b) => collator.compare(a.title, b.title));
  }

  /** Loads the next page of `listing`, shown while it is the one listed. */
  async loadMore(listing: Listing): Promise<void> {
    const cursor = listing.nextCursor;
    if (!cursor) return;
    await this.list.loadMore(async () => {
      try {
        const page = await this.#options.request().client.catalog.list(listing.filters, { cursor, limit: pageSize });
        if (this.task.value !== listing) return;
        listing.items = [...listing.items, ...page.items];
        listing.nextCursor = page.nextCursor;
        listing.total = page.total;
        this.fellBack = false;
      } catch (error) {
        if (this.task.value !== listing) return;
        // A cursor the catalog no longer knows (it changed): start the list again.
        if (isCabinetError(error) && error.code === 'validation_failed') void this.task.run();
        else throw error;
      }
    });
  }
}
