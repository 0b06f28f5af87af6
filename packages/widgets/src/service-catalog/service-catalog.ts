import { Task, TaskStatus } from '@lit/task';
import {
  isCabinetError,
  type AccountLevel,
  type Availability,
  type AuthState,
  type CabinetClient,
  type CatalogFilters,
  type CatalogPersonal,
  type DeliveryMethod,
  type FilterPreset,
  type SearchIndex,
  type Service,
  type ServiceLevel,
  type ServiceSummary,
} from '@mfc-cabinet/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { loadFailedAlert } from '../base/alerts.js';
import { asCabinetError, isOffline } from '../base/errors.js';
import { linkButton, submitButton, textField } from '../base/fields.js';
import { MfcFormElement } from '../base/form-element.js';
import { numberFormat } from '../base/format.js';
import { hasLevel } from '../base/levels.js';
import { LongList } from '../base/long-list.js';
import type { CatalogStrings } from '../i18n/catalog-strings.js';
import { addStrings } from '../i18n/registry.js';
import { ruCatalog } from '../i18n/ru-catalog.js';
import { listStyles } from '../styles/list.styles.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import { serviceCatalogStyles } from './service-catalog.styles.js';
import type { MfcServiceSelectDetail } from './service-select-event.js';

addStrings('ru', ruCatalog);

export type { MfcServiceSelectDetail };

/** Services per page when the list comes from the server page by page. */
const pageSize = 30;
/**
 * Longer lists render only the services on screen. Shorter ones (most search results, a
 * town's catalog) render whole, so that a screen reader can read every one of them.
 */
const virtualizeFrom = 60;
/** The choices of the term filter, in working days. */
const termChoices = [3, 10, 30] as const;
const feeFormat: Intl.NumberFormatOptions = { style: 'currency', currency: 'RUB', maximumFractionDigits: 0 };

type StringKey<T extends string> = Record<T, { [K in keyof CatalogStrings]: CatalogStrings[K] extends string ? K : never }[keyof CatalogStrings]>;
const serviceLevels: StringKey<ServiceLevel> = { federal: 'levelFederal', regional: 'levelRegional', municipal: 'levelMunicipal' };
const deliveryMethods: StringKey<DeliveryMethod> = { online: 'deliveryOnline', office: 'deliveryOffice', mail: 'deliveryMail' };
const availabilities: StringKey<Availability> = {
  available: 'availabilityAvailable',
  in_development: 'availabilityInDevelopment',
  unavailable: 'availabilityUnavailable',
};

/** What the list shows: every service, the favourites, or the recently viewed ones. */
type View = 'all' | 'favourites' | 'recent';

/** The services the list shows, and how to get more of them. */
interface Listing {
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

/** `services="a, b"` ⇄ `['a', 'b']`. */
const idList = {
  fromAttribute: (value: string | null) =>
    value
      ?.split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  toAttribute: (value: string[] | undefined) => value?.join(','),
};

/**
 * The service catalog: search as you type (also offline, over the catalog cached on the
 * device), categories, filters by level, municipality, delivery, term and availability,
 * and — for a signed-in citizen — favourites, recently viewed services and saved filter
 * sets. A service's card tells what it takes: documents, term, fee, how it is delivered
 * and the account it needs, with what to do when the citizen's account is not enough; its
 * «Подать заявление» fires `mfc-service-select`.
 *
 * Thousands of services scroll smoothly: only the visible ones are rendered, and with
 * `popular-first` the list comes from the server page by page as the citizen scrolls.
 *
 * @summary Service catalog with instant search, filters, favourites and service cards.
 * @tagname mfc-service-catalog
 *
 * @event {CustomEvent<MfcServiceSelectDetail>} mfc-service-select - «Подать заявление» was pressed. `detail`: `{ serviceId, service }`.
 * @event {CustomEvent<MfcErrorDetail>} mfc-error - A failure was shown. `detail.action`: `load`, `favourite`, `save-preset`, `delete-preset`.
 *
 * @csspart base - The outer box.
 * @csspart heading - The catalog's heading.
 * @csspart search - The search form.
 * @csspart search-input - The search field.
 * @csspart views - The switch between all services, favourites and recently viewed (signed in).
 * @csspart view - One button of that switch.
 * @csspart categories - The category navigation.
 * @csspart category - One category button.
 * @csspart filters - The filters panel (`<details>`).
 * @csspart filters-summary - Its summary line.
 * @csspart filter - One filter: label and select.
 * @csspart select - The select of a filter.
 * @csspart presets - The saved filter sets (signed in).
 * @csspart preset - One saved filter set.
 * @csspart preset-form - The form naming filters to save.
 * @csspart status - How many services were found, or why none.
 * @csspart list - The list of services.
 * @csspart item - One service in the list.
 * @csspart item-button - Its title, which opens the card.
 * @csspart item-summary - Its short description.
 * @csspart item-meta - Its term, fee, delivery and availability.
 * @csspart badge - A short mark: availability, level, the number of filters chosen.
 * @csspart favourite-button - The star that adds a service to the favourites.
 * @csspart detail - The service's card.
 * @csspart detail-heading - Its title.
 * @csspart facts - Its facts: term, fee, delivery, place, level, account.
 * @csspart documents - The documents it needs.
 * @csspart level-notice - What to do when the citizen's account is not enough.
 * @csspart apply-button - «Подать заявление».
 * @csspart alert - A message.
 * @csspart offline - The note that the catalog shown is the one saved on the device.
 * @csspart button - Every button.
 * @csspart primary-button - The main button.
 *
 * @cssproperty --mfc-service-catalog-max-width - Widest the catalog grows. Default `60rem`.
 * @cssproperty --mfc-service-catalog-card-background - Background of a service in the list. Default `--mfc-color-surface`.
 * @cssproperty --mfc-service-catalog-card-border - Border colour of a service in the list. Default `--mfc-color-border`.
 * @cssproperty --mfc-service-catalog-accent - Colour of the chosen category and view, and of the star. Default `--mfc-color-primary`.
 * @cssproperty --mfc-service-catalog-gap - Space between the services in the list. Default `--mfc-space`.
 *
 * @example
 * ```html
 * <mfc-service-catalog api-base="/api/v1" municipality="zarechny" popular-first></mfc-service-catalog>
 * <script type="module">
 *   document.addEventListener('mfc-service-select', (event) => {
 *     location.href = `/apply.html?service=${encodeURIComponent(event.detail.serviceId)}`;
 *   });
 * </script>
 * ```
 */
export class MfcServiceCatalog extends MfcFormElement<'presetName'> {
  static override styles = [tokens, controls, listStyles, serviceCatalogStyles];

  /** Only the services of this municipality (its id, e.g. `zarechny`) and the federal and regional ones offered everywhere. */
  @property({ reflect: true }) municipality?: string;

  /** Only the services of this category (its id, e.g. `education`); the category navigation is then hidden. */
  @property({ reflect: true }) category?: string;

  /** Only these services: their ids, comma-separated in the attribute (`services="income-certificate, kindergarten-enrolment"`), listed in this order. */
  @property({ converter: idList, reflect: true }) services?: string[];

  /** The most requested services first; without it the list is in alphabetical order. */
  @property({ attribute: 'popular-first', type: Boolean, reflect: true }) popularFirst = false;

  /** The service whose card is open; set it to open one (a deep link), remove it to go back to the list. */
  @property({ attribute: 'service-id', reflect: true }) serviceId?: string;

  @state() private query = '';
  /** The filters the citizen chose; `municipality` and `category` attributes take precedence. */
  @state() private chosen: CatalogFilters = {};
  @state() private view: View = 'all';
  @state() private auth: AuthState = { status: 'unknown' };
  @state() private personal?: CatalogPersonal;
  @state() private index?: SearchIndex;
  /** The last answer came from the catalog cached on the device because the network failed. */
  @state() private fellBack = false;
  @state() private loadingMore = false;
  @state() private loadMoreFailed = false;
  @state() private presetFormOpen = false;
  @state() private presetName = '';
  @state() private message?: string;

  #client?: CabinetClient;
  #unsubscribe?: () => void;
  #personalOf?: string;
  #filtersOpen = true;
  /** Where in the list the open card was opened from, to go back there. */
  #openedFrom?: number;
  #byId?: { index: SearchIndex; services: Map<string, ServiceSummary> };
  readonly #list = new LongList<ServiceSummary>(this, {
    virtualizeFrom,
    renderItem: (service, index, total) => this.#renderItem(service, index, total),
    onNearEnd: () => {
      const listing = this.#listing.value;
      if (listing?.nextCursor && !this.loadMoreFailed) void this.#loadMore(listing);
    },
  });

  readonly #listing = new Task(this, {
    task: ([client, query, , view], { signal }) => this.#find(client, query, view, signal),
    args: () =>
      [
        this.cabinet,
        this.query,
        JSON.stringify(this.#filters()),
        this.view,
        this.popularFirst,
        this.services?.join(','),
        this.view === 'all' ? undefined : this.personal?.[this.view],
      ] as const,
  });

  readonly #detail = new Task(this, {
    task: async ([client, serviceId], { signal }) => {
      if (!serviceId) return undefined;
      try {
        const service = await client.catalog.get(serviceId, { signal });
        this.fellBack = false;
        return service;
      } catch (error) {
        if (isOffline(error)) this.fellBack = true;
        throw error;
      }
    },
    args: () => [this.cabinet, this.serviceId] as const,
  });

  readonly #onConnectivity = (): void => {
    if (navigator.onLine && this.fellBack) void this.#listing.run();
    this.requestUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onConnectivity);
    window.addEventListener('offline', this.#onConnectivity);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onConnectivity);
    window.removeEventListener('offline', this.#onConnectivity);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#client = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.cabinet;
    if (client !== this.#client) this.#follow(client);
    if (changed.has('serviceId') && this.serviceId) this.#markViewed(this.serviceId);
  }

  /** Follows the session of `client` (favourites need it) and the catalog's updates. */
  #follow(client: CabinetClient): void {
    this.#unsubscribe?.();
    this.#client = client;
    this.#personalOf = undefined;
    this.personal = undefined;
    const stopAuth = client.auth.subscribe((auth) => {
      this.auth = auth;
      const userId = auth.status === 'signed-in' ? auth.session.user.id : undefined;
      if (userId !== this.#personalOf) this.#loadPersonal(client, userId);
    });
    const stopIndex = client.catalog.onIndexUpdate((index) => {
      this.index = index;
      void this.#listing.run();
    });
    this.#unsubscribe = () => {
      stopAuth();
      stopIndex();
    };
    if (client.auth.state.status === 'unknown') void client.auth.refresh().catch(() => undefined);
  }

  #loadPersonal(client: CabinetClient, userId: string | undefined): void {
    this.#personalOf = userId;
    this.personal = undefined;
    if (!userId) {
      this.view = 'all';
      this.presetFormOpen = false;
      return;
    }
    client.catalog.personal().then(
      (personal) => {
        if (this.#personalOf === userId) this.personal = personal;
      },
      () => undefined, // Without them the citizen sees the catalog as a visitor does.
    );
  }

  #markViewed(serviceId: string): void {
    if (this.auth.status !== 'signed-in') return;
    const client = this.cabinet;
    client.catalog.markViewed(serviceId).then(
      (personal) => {
        if (client === this.#client && this.personal) this.personal = personal;
      },
      () => undefined, // Not being remembered is no reason to bother the citizen.
    );
  }

  // ------------------------------------------------------------------ finding services

  /** The filters in force: the citizen's, with the attributes' restrictions on top. */
  #filters(): CatalogFilters {
    const filters: CatalogFilters = { ...this.chosen };
    if (this.municipality) filters.municipality = this.municipality;
    if (this.category) filters.category = this.category;
    return filters;
  }

  /** Whether a service is within what the attributes restrict the catalog to. */
  #allowed(service: ServiceSummary): boolean {
    const { municipality, category, services } = this;
    return (
      (!municipality || service.municipalityId === null || service.municipalityId === municipality) &&
      (!category || service.categoryId === category) &&
      (!services || services.includes(service.id))
    );
  }

  #loadIndex(client: CabinetClient): Promise<SearchIndex> {
    return client.catalog.searchIndex().then((index) => {
      if (client === this.#client) this.index = index;
      return index;
    });
  }

  #servicesById(): Map<string, ServiceSummary> {
    const index = this.index;
    if (!index) return new Map();
    if (this.#byId?.index !== index) this.#byId = { index, services: new Map(index.services.map((service) => [service.id, service])) };
    return this.#byId.services;
  }

  async #find(client: CabinetClient, query: string, view: View, signal: AbortSignal): Promise<Listing> {
    const filters = this.#filters();
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
    this.loadMoreFailed = false;
    try {
      if (view !== 'all') {
        await this.#loadIndex(client);
        const byId = this.#servicesById();
        const ids = this.personal?.[view] ?? [];
        return listing(ids.flatMap((id) => byId.get(id) ?? []).filter((service) => this.#allowed(service)));
      }
      if (query.trim()) {
        const [found] = await Promise.all([client.catalog.search(query, { filters, limit: Infinity }), this.#loadIndex(client)]);
        return listing(found.services.filter((service) => this.#allowed(service)), { partial: found.partial });
      }
      if (this.popularFirst && !this.services) {
        void this.#loadIndex(client).catch(() => undefined);
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
        }
      }
      // Every service that passes the filters, from the index cached on the device, most popular first.
      const [all] = await Promise.all([client.catalog.search('', { filters, limit: Infinity }), this.#loadIndex(client)]);
      return listing(this.#ordered(all.services.filter((service) => this.#allowed(service))));
    } catch (error) {
      const failure = asCabinetError(error);
      if (failure.code !== 'aborted') this.emit('mfc-error', { error: failure, action: 'load' });
      throw failure;
    }
  }

  /** Popular first as found, in the order of the `services` attribute, or by title. */
  #ordered(services: ServiceSummary[]): ServiceSummary[] {
    if (this.popularFirst) return services;
    const order = this.services;
    if (order) return services.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
    const collator = new Intl.Collator('ru');
    return services.sort((a, b) => collator.compare(a.title, b.title));
  }

  async #loadMore(listing: Listing): Promise<void> {
    if (!listing.nextCursor || this.loadingMore) return;
    this.loadingMore = true;
    this.loadMoreFailed = false;
    try {
      const page = await this.cabinet.catalog.list(listing.filters, { cursor: listing.nextCursor, limit: pageSize });
      if (this.#listing.value !== listing) return;
      listing.items = [...listing.items, ...page.items];
      listing.nextCursor = page.nextCursor;
      listing.total = page.total;
      this.fellBack = false;
    } catch (error) {
      if (this.#listing.value !== listing) return;
      // A cursor the catalog no longer knows (it changed): start the list again.
      if (isCabinetError(error) && error.code === 'validation_failed') void this.#listing.run();
      else this.loadMoreFailed = true;
    } finally {
      this.loadingMore = false;
    }
  }

  // ------------------------------------------------------------------ actions

  #search = (event: InputEvent): void => {
    this.query = (event.target as HTMLInputElement).value;
    this.view = 'all';
  };

  #choose(filters: CatalogFilters): void {
    this.chosen = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== ''));
    this.message = undefined;
  }

  #open(service: ServiceSummary, index: number): void {
    this.#openedFrom = index;
    this.serviceId = service.id;
    this.message = undefined;
    this.focusAfterRender = '#detail-heading';
  }

  #back = async (): Promise<void> => {
    const index = this.#openedFrom;
    this.#openedFrom = undefined;
    this.serviceId = undefined;
    await this.updateComplete;
    if (index === undefined) this.renderRoot.querySelector<HTMLElement>('#search')?.focus();
    else await this.#list.focus(index);
  };

  #select(service: Service | ServiceSummary): void {
    this.emit('mfc-service-select', { serviceId: service.id, service } satisfies MfcServiceSelectDetail);
  }

  /** Adds or removes a favourite at once, and takes it back if the server refuses. */
  async #toggleFavourite(service: ServiceSummary): Promise<void> {
    const before = this.personal;
    if (!before) return;
    const on = before.favourites.includes(service.id);
    this.personal = {
      ...before,
      favourites: on ? before.favourites.filter((id) => id !== service.id) : [...before.favourites, service.id],
    };
    this.formError = undefined;
    try {
      const catalog = this.cabinet.catalog;
      const personal = await (on ? catalog.removeFavourite(service.id) : catalog.addFavourite(service.id));
      if (this.#personalOf !== undefined) this.personal = personal;
    } catch (error) {
      this.personal = this.personal && { ...this.personal, favourites: before.favourites };
      const failure = asCabinetError(error);
      this.formError = failure;
      this.focusAfterRender = '#form-error';
      this.emit('mfc-error', { error: failure, action: 'favourite' });
    }
  }

  #applyPreset(preset: FilterPreset): void {
    this.#choose(preset.filters);
    this.view = 'all';
  }

  #savePreset = (event: SubmitEvent): void => {
    event.preventDefault();
    const name = this.presetName.trim();
    if (!name) {
      this.showFieldErrors({ presetName: this.t.presetNameRequired });
      return;
    }
    void this.run('save-preset', async () => {
      const preset = await this.cabinet.catalog.savePreset({ name, filters: this.chosen });
      if (this.personal) this.personal = { ...this.personal, presets: [...this.personal.presets, preset] };
      this.presetFormOpen = false;
      this.presetName = '';
      this.message = this.t.presetSaved(preset.name);
      this.focusAfterRender = '#message';
    });
  };

  #deletePreset(preset: FilterPreset): void {
    void this.run('delete-preset', async () => {
      await this.cabinet.catalog.deletePreset(preset.id);
      if (this.personal) this.personal = { ...this.personal, presets: this.personal.presets.filter(({ id }) => id !== preset.id) };
      this.focusAfterRender = '#search';
    });
  }

  protected override fieldFor(path: string): 'presetName' | undefined {
    return path === 'name' ? 'presetName' : undefined;
  }

  #onSearchKey = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowDown' || !this.#listing.value?.items.length) return;
    event.preventDefault();
    void this.#list.focus(0);
  };

  // ------------------------------------------------------------------ rendering

  protected override render() {
    const { t } = this;
    const offline = this.fellBack || !navigator.onLine;
    return html`
      <section part="base" class="base" aria-labelledby="heading">
        ${this.renderHeading(t.catalogHeading)}
        ${offline ? html`<p part="offline" class="alert info offline" role="status">${t.offlineNotice}</p>` : nothing}
        ${this.renderFormError()}
        ${this.message ? html`<p part="alert" class="alert info" role="status" id="message" tabindex="-1">${this.message}</p>` : nothing}
        ${this.serviceId ? this.#renderDetail(this.serviceId) : this.#renderCatalog()}
      </section>
    `;
  }

  get #signedIn(): boolean {
    return this.auth.status === 'signed-in' && this.personal !== undefined;
  }

  #renderCatalog(): TemplateResult {
    const { t } = this;
    return html`
      <form role="search" part="search" class="search" @submit=${(event: Event) => event.preventDefault()}>
        <label class="label" for="search">${t.searchLabel}</label>
        <span class="hint" id="search-hint">${t.searchHint}</span>
        <input
          id="search"
          class="input"
          part="input search-input"
          type="search"
          autocomplete="off"
          enterkeyhint="search"
          spellcheck="false"
          maxlength="200"
          aria-describedby="search-hint"
          aria-controls="results"
          .value=${live(this.query)}
          @input=${this.#search}
          @keydown=${this.#onSearchKey}
        />
      </form>
      ${this.#signedIn ? this.#renderViews() : nothing}
      ${this.view === 'all' ? html`${this.#renderCategories()} ${this.#renderFilters()}` : nothing}
      <div id="results" class="results" aria-busy=${this.#listing.status === TaskStatus.PENDING ? 'true' : 'false'}>
        ${this.#renderResults()}
      </div>
    `;
  }

  #renderViews(): TemplateResult {
    const { t } = this;
    const personal = this.personal!;
    const views: Array<[View, string, number | undefined]> = [
      ['all', t.viewAll, undefined],
      ['favourites', t.viewFavourites, personal.favourites.length],
      ['recent', t.viewRecent, personal.recent.length],
    ];
    return html`<div part="views" class="chips" role="group" aria-label=${t.viewsLabel}>
      ${views.map(
        ([view, label, count]) => html`<button
          type="button"
          class="chip"
          part="button view"
          aria-pressed=${this.view === view ? 'true' : 'false'}
          @click=${() => (this.view = view)}
        >
          ${label}${count === undefined ? nothing : html` <span class="count">${count}</span>`}
        </button>`,
      )}
    </div>`;
  }

  #renderCategories(): TemplateResult | typeof nothing {
    const index = this.index;
    if (this.category || !index) return nothing;
    const counts = new Map<string, number>();
    let all = 0;
    for (const service of index.services) {
      if (!this.#allowed(service)) continue;
      all++;
      counts.set(service.categoryId, (counts.get(service.categoryId) ?? 0) + 1);
    }
    const current = this.chosen.category;
    const chip = (id: string | undefined, title: string, count: number) => html`<li>
      <button
        type="button"
        class="chip"
        part="button category"
        aria-pressed=${current === id ? 'true' : 'false'}
        @click=${() => this.#choose({ ...this.chosen, category: id })}
      >
        ${title} <span class="count">${count}</span>
      </button>
    </li>`;
    return html`<nav part="categories" aria-label=${this.t.categoriesLabel}>
      <ul class="chips">
        ${chip(undefined, this.t.allCategories, all)}
        ${index.categories.flatMap((category) => {
          const count = counts.get(category.id) ?? 0;
          return count > 0 ? [chip(category.id, category.title, count)] : [];
        })}
      </ul>
    </nav>`;
  }

  #renderFilters(): TemplateResult {
    const { t } = this;
    const chosen = this.chosen;
    const count = Object.keys(chosen).filter((key) => key !== 'category').length;
    const presets = this.#signedIn ? this.personal!.presets : [];
    return html`
      <details
        part="filters"
        class="filters"
        ?open=${this.#filtersOpen}
        @toggle=${(event: Event) => (this.#filtersOpen = (event.target as HTMLDetailsElement).open)}
      >
        <summary part="filters-summary">
          ${t.filtersHeading}${count > 0 ? html` <span class="badge" part="badge">${t.filtersChosen(count)}</span>` : nothing}
        </summary>
        <div class="filter-grid">
          ${this.#filterSelect('level', t.levelLabel, chosen.level, [
            ['', t.anyLevel],
            ...(Object.entries(serviceLevels) as Array<[ServiceLevel, keyof CatalogStrings]>).map(
              ([level, key]) => [level, t[key] as string] as const,
            ),
          ])}
          ${this.municipality
            ? nothing
            : this.#filterSelect('municipality', t.municipalityLabel, chosen.municipality, [
                ['', t.anyMunicipality],
                ...(this.index?.municipalities ?? []).map(({ id, name }) => [id, name] as const),
              ])}
          ${this.#filterSelect('delivery', t.deliveryLabel, chosen.delivery, [
            ['', t.anyDelivery],
            ...(Object.entries(deliveryMethods) as Array<[DeliveryMethod, keyof CatalogStrings]>).map(
              ([method, key]) => [method, t[key] as string] as const,
            ),
          ])}
          ${this.#filterSelect(
            'maxTermDays',
            t.termLabel,
            chosen.maxTermDays === undefined ? undefined : String(chosen.maxTermDays),
            [['', t.anyTerm], ...termChoices.map((days) => [String(days), t.termUpTo(days)] as const)],
          )}
          ${this.#filterSelect('availability', t.availabilityLabel, chosen.availability, [
            ['', t.anyAvailability],
            ...(Object.entries(availabilities) as Array<[Availability, keyof CatalogStrings]>).map(
              ([availability, key]) => [availability, t[key] as string] as const,
            ),
          ])}
        </div>
        ${count > 0 || this.#signedIn
          ? html`<div class="filter-actions">
              ${count > 0 ? linkButton(t.resetFilters, () => this.#choose({ category: chosen.category }), { id: 'reset-filters' }) : nothing}
              ${this.#signedIn && Object.keys(chosen).length > 0 && !this.presetFormOpen
                ? linkButton(t.savePreset, () => {
                    this.presetFormOpen = true;
                    this.focusAfterRender = '#presetName';
                  })
                : nothing}
            </div>`
          : nothing}
        ${this.presetFormOpen && this.#signedIn ? this.#renderPresetForm() : nothing}
      </details>
      ${presets.length > 0
        ? html`<div part="presets" class="chips" role="group" aria-label=${t.presetsLabel}>
            <span class="hint" aria-hidden="true">${t.presetsLabel}:</span>
            ${presets.map(
              (preset) => html`<span class="preset" part="preset">
                <button
                  type="button"
                  class="chip"
                  part="button"
                  aria-pressed=${sameFilters(preset.filters, chosen) ? 'true' : 'false'}
                  @click=${() => this.#applyPreset(preset)}
                >
                  ${preset.name}
                </button>
                <button
                  type="button"
                  class="chip remove"
                  part="button"
                  aria-label=${t.deletePreset(preset.name)}
                  aria-disabled=${this.busy !== undefined ? 'true' : 'false'}
                  @click=${() => this.#deletePreset(preset)}
                >
                  ×
                </button>
              </span>`,
            )}
          </div>`
        : nothing}
    `;
  }

  #filterSelect(
    name: Exclude<keyof CatalogFilters, 'category'>,
    label: string,
    value: string | undefined,
    options: ReadonlyArray<readonly [string, string]>,
  ): TemplateResult {
    const id = `filter-${name}`;
    return html`<div class="field" part="filter">
      <label class="label" for=${id}>${label}</label>
      <select
        id=${id}
        class="input"
        part="select"
        @change=${(event: Event) => {
          const selected = (event.target as HTMLSelectElement).value;
          this.#choose({ ...this.chosen, [name]: name === 'maxTermDays' && selected ? Number(selected) : selected });
        }}
      >
        ${options.map(([option, text]) => html`<option value=${option} ?selected=${(value ?? '') === option}>${text}</option>`)}
      </select>
    </div>`;
  }

  #renderPresetForm(): TemplateResult {
    const { t } = this;
    return html`<form part="preset-form" class="preset-form" novalidate @submit=${this.#savePreset}>
      ${textField({
        id: 'presetName',
        label: t.presetNameLabel,
        hint: t.presetNameHint,
        error: this.fieldErrors.presetName,
        value: this.presetName,
        maxlength: 60,
        required: true,
        onInput: (value) => {
          this.presetName = value;
          this.clearFieldError('presetName');
        },
      })}
      <div class="actions">
        ${submitButton(this.busy === 'save-preset' ? t.saving : t.save, this.busy !== undefined)}
        <button
          type="button"
          class="button"
          part="button"
          @click=${() => {
            this.presetFormOpen = false;
            this.clearFieldError('presetName');
          }}
        >
          ${t.cancel}
        </button>
      </div>
    </form>`;
  }

  #renderResults(): TemplateResult {
    const { t } = this;
    const task = this.#listing;
    if (task.status === TaskStatus.ERROR) {
      const failure = asCabinetError(task.error);
      const message = failure.code === 'network' ? t.offlineNoCache : t.errors[failure.code];
      return loadFailedAlert(t.errorHeading, message, failure, linkButton(t.retry, () => void task.run(), { id: 'retry' }));
    }
    const listing = task.value;
    if (!listing) return html`<p part="status" class="status" role="status">${t.catalogLoading}</p>`;
    const empty = listing.items.length === 0;
    const status = !empty
      ? t.servicesFound(listing.total)
      : listing.view === 'favourites'
        ? t.noFavourites
        : listing.view === 'recent'
          ? t.noRecent
          : listing.query.trim()
            ? t.nothingFound(listing.query.trim())
            : t.noServices;
    return html`
      <p part="status" class="status" role="status">${status}</p>
      ${listing.partial ? html`<p class="hint">${t.partialMatch}</p>` : nothing}
      ${empty && listing.view === 'all' && listing.query.trim() ? html`<p class="hint">${t.nothingFoundHint}</p>` : nothing}
      ${empty ? nothing : this.#list.render(listing.items, listing.total, t.listLabel)}
      ${this.loadingMore ? html`<p class="hint" role="status">${t.loadingMore}</p>` : nothing}
      ${this.loadMoreFailed
        ? html`<p part="alert" class="alert" role="alert">
            ${t.loadMoreFailed} ${linkButton(t.retry, () => void this.#loadMore(listing))}
          </p>`
        : nothing}
    `;
  }

  #renderItem(service: ServiceSummary, index: number, total: number): TemplateResult {
    const { t } = this;
    return html`<div role="listitem" class="item" part="item" aria-setsize=${total} aria-posinset=${index + 1}>
      <div class="card">
        <div class="card-text">
          <button type="button" class="open" part="item-button" data-index=${index} @click=${() => this.#open(service, index)}>
            ${service.title}
          </button>
          <p class="summary" part="item-summary">${service.summary}</p>
          <ul class="meta" part="item-meta">
            <li>${t.termDays(service.termDays)}</li>
            <li>${this.#fee(service.fee)}</li>
            <li>${service.deliveryMethods.map((method) => t[deliveryMethods[method]]).join(', ')}</li>
            ${service.availability === 'available'
              ? nothing
              : html`<li><span class="badge warning" part="badge">${t[availabilities[service.availability]]}</span></li>`}
          </ul>
        </div>
        ${this.#signedIn ? this.#favouriteButton(service, false) : nothing}
      </div>
    </div>`;
  }

  #favouriteButton(service: ServiceSummary, labelled: boolean): TemplateResult {
    const { t } = this;
    const on = this.personal?.favourites.includes(service.id) ?? false;
    return html`<button
      type="button"
      class=${labelled ? 'button favourite' : 'favourite'}
      part="button favourite-button"
      aria-pressed=${on ? 'true' : 'false'}
      @click=${() => void this.#toggleFavourite(service)}
    >
      <span class="star" aria-hidden="true">${on ? '★' : '☆'}</span>
      ${labelled ? t.favourite : html`<span class="visually-hidden">${t.favourite}: ${service.title}</span>`}
    </button>`;
  }

  #fee(fee: number | null): string {
    if (fee === null || fee === 0) return this.t.feeFree;
    return numberFormat(this.resolvedLocale, feeFormat).format(fee);
  }

  #renderDetail(serviceId: string): TemplateResult {
    const { t } = this;
    const task = this.#detail;
    const full = task.value?.id === serviceId ? task.value : undefined;
    const service: ServiceSummary | undefined = full ?? this.#servicesById().get(serviceId);
    const level = String(Math.min(6, Number(this.ariaHeadingLevel) + 1));
    const sublevel = String(Math.min(6, Number(level) + 1));
    let more: TemplateResult | typeof nothing = nothing;
    if (full) {
      more = html`
        <p class="description">${full.description}</p>
        <div class="section" role="heading" aria-level=${sublevel}>${t.documentsHeading}</div>
        ${full.requiredDocuments.length === 0
          ? html`<p>${t.noDocuments}</p>`
          : html`<ul part="documents" class="documents">
              ${full.requiredDocuments.map(
                (document) => html`<li>${document.title}${document.note ? html` <span class="hint">— ${document.note}</span>` : nothing}</li>`,
              )}
            </ul>`}
      `;
    } else if (task.status === TaskStatus.ERROR) {
      const failure = asCabinetError(task.error);
      more = isOffline(failure)
        ? html`${service ? html`<p class="description">${service.summary}</p>` : nothing}
            <p class="alert info" part="alert" role="status">${t.serviceOffline}</p>`
        : html`<div part="alert" class="alert" role="alert">
            ${failure.code === 'not_found'
              ? html`<p>${t.serviceNotFound}</p>`
              : html`<p>${t.errors[failure.code]}</p>
                  <p>${linkButton(t.retry, () => void task.run())}</p>`}
          </div>`;
    } else {
      more = html`${service ? html`<p class="description">${service.summary}</p>` : nothing}
        <p class="hint" role="status">${t.serviceLoading}</p>`;
    }
    return html`<article part="detail" class="detail" aria-labelledby="detail-heading">
      <p>${linkButton(`← ${t.backToList}`, () => void this.#back(), { id: 'back' })}</p>
      <div part="detail-heading" class="detail-heading" role="heading" aria-level=${level} id="detail-heading" tabindex="-1">
        ${service?.title ?? (task.status === TaskStatus.ERROR ? t.errorHeading : t.serviceLoading)}
      </div>
      ${service ? this.#renderFacts(service, full) : nothing}
      ${more}
      ${service ? this.#renderApply(service, full) : nothing}
    </article>`;
  }

  #renderFacts(service: ServiceSummary, full: Service | undefined): TemplateResult {
    const { t } = this;
    const municipality = service.municipalityId
      ? (this.index?.municipalities.find(({ id }) => id === service.municipalityId)?.name ?? service.municipalityId)
      : t.everywhere;
    const fact = (label: string, value: string | TemplateResult) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
    return html`<dl part="facts" class="facts">
      ${fact(t.termLabel, t.termDays(service.termDays))}
      ${fact(t.feeLabel, this.#fee(service.fee))}
      ${fact(t.deliveryLabel, service.deliveryMethods.map((method) => t[deliveryMethods[method]]).join(', '))}
      ${fact(t.availabilityLabel, t[availabilities[service.availability]])}
      ${fact(t.levelOfService, t[serviceLevels[service.level]])}
      ${fact(t.whereLabel, municipality)}
      ${fact(t.requiredLevelLabel, t.requiredLevel(service.requiredLevel))}
      ${full ? fact(t.providerLabel, full.provider) : nothing}
    </dl>`;
  }

  #renderApply(service: ServiceSummary, full: Service | undefined): TemplateResult {
    const { t } = this;
    const favourite = this.#signedIn ? this.#favouriteButton(service, true) : nothing;
    if (service.availability !== 'available') {
      return html`<p part="alert" class="alert warning">${t.notAvailable(service.availability)}</p>
        <div class="actions">${favourite}</div>`;
    }
    return html`${this.#renderLevelNotice(service.requiredLevel)}
      <div class="actions">
        <button type="button" class="button primary" part="button primary-button apply-button" @click=${() => this.#select(full ?? service)}>
          ${t.apply}
        </button>
        ${favourite}
      </div>`;
  }

  /** For a visitor, that signing in comes first; for a citizen whose account is not enough, how to raise it. */
  #renderLevelNotice(required: AccountLevel): TemplateResult | typeof nothing {
    const { t } = this;
    const auth = this.auth;
    if (auth.status === 'unknown') return nothing;
    if (auth.status === 'signed-out') {
      return html`<p part="level-notice" class="alert info">${t.signInToApply(t.requiredLevel(required))}</p>`;
    }
    const current = auth.session.user.level;
    if (hasLevel(current, required)) return nothing;
    return html`<div part="level-notice" class="alert warning">
      <p><strong>${t.levelTooLow(t.accountLevel[current], t.requiredLevel(required))}</strong></p>
      ${current === 'simplified' ? html`<p>${t.howToStandard}</p>` : nothing}
      ${required === 'confirmed' ? html`<p>${t.howToConfirmed}</p>` : nothing}
    </div>`;
  }
}

/** Whether two sets of filters choose the same. */
function sameFilters(a: CatalogFilters, b: CatalogFilters): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as Array<keyof CatalogFilters>);
  return [...keys].every((key) => a[key] === b[key]);
}
