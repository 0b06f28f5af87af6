import type { ApplicationFilters, ApplicationPage, ApplicationStatus, ApplicationSummary, CabinetClient, CabinetError } from '@mfc-cabinet/core';
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { loadFailedAlert } from '../base/alerts.js';
import { asCabinetError, isOffline } from '../base/errors.js';
import { linkButton } from '../base/fields.js';
import { LongList } from '../base/long-list.js';
import { WatchController } from '../base/watch-controller.js';
import { formatDate, formatDay, readFailed, statusBadge, statusChanged, statuses, type TrackerContext } from './tracker-view.js';

/** Longer lists render only what is on screen; shorter ones render whole, so a screen reader reads every one. */
const virtualizeFrom = 50;
/** Milliseconds of quiet after typing a number before the list is asked for it. */
const searchDelay = 300;

/** The applications the list shows and how to get more of them. */
interface Listing {
  /** The filters as a key, to tell pages of another filter apart. */
  key: string;
  filters: ApplicationFilters;
  items: ApplicationSummary[];
  total: number;
  nextCursor: string | null;
  /** How many of `items` the first page (the one watched) holds. */
  firstPage: number;
}

export interface TrackerListOptions {
  /** Applications per page after the first (the element's `page-size`). */
  pageSize: () => number;
  /** Opens an application of the list (the one at `index`). */
  open: (item: ApplicationSummary, index: number) => void;
}

/**
 * The tracker's list of applications: the filters and the search by number, the first page
 * watched (cached copy first, then the server's), the pages after it as the list scrolls
 * (through the shared {@link LongList}), and the announcement of statuses that changed.
 */
export class TrackerList implements ReactiveController {
  readonly #context: TrackerContext;
  readonly #options: TrackerListOptions;
  #chosen: ApplicationFilters = {};
  #query = '';
  #listing?: Listing;
  #error?: CabinetError;
  #loadingMore = false;
  #loadMoreFailed = false;
  #searchTimer?: ReturnType<typeof setTimeout>;
  /** Services seen in the list, for the service filter. */
  readonly #services = new Map<string, string>();

  /** The first page of the list for the filters in force. */
  readonly #watch: WatchController<readonly [CabinetClient, string | undefined, string | undefined], ApplicationPage>;
  readonly #list: LongList<ApplicationSummary>;

  constructor(context: TrackerContext, options: TrackerListOptions) {
    this.#context = context;
    this.#options = options;
    const { host } = context;
    host.addController(this);
    this.#watch = new WatchController(host, {
      // Signed out, nothing is watched (and what the citizen before saw is dropped).
      args: () => [context.client(), context.signedOut() ? undefined : JSON.stringify(this.#filters()), context.account()] as const,
      onStart: ([, key]) => this.#start(key),
      watch: ([client, key], { signal, next, error }) =>
        key && client.applications.watchList(JSON.parse(key) as ApplicationFilters, (page, { stale }) => next(page, stale), { signal, onError: error }),
      onValue: (page, stale, [, key]) => this.#onPage(key!, JSON.parse(key!) as ApplicationFilters, page, stale),
      onError: (error, [, key]) => this.#failed(key!, error),
    });
    this.#list = new LongList(host, {
      virtualizeFrom,
      renderItem: (item, index, total) => this.#renderItem(item, index, total),
      onNearEnd: () => {
        const listing = this.#listing;
        if (listing?.nextCursor && !this.#loadMoreFailed) void this.#loadMore(listing);
      },
    });
  }

  /** Whether the list has something to show (so that it is no longer busy). */
  get settled(): boolean {
    return this.#listing !== undefined || this.#error !== undefined;
  }

  hostDisconnected(): void {
    clearTimeout(this.#searchTimer);
  }

  /** Asks for the first page again (the watch takes the answer); failures show as the watch's would. */
  refresh(options: { background?: boolean } = {}): Promise<unknown> | undefined {
    const key = this.#key;
    if (key === undefined) return undefined;
    return this.#context
      .client()
      .applications.list(this.#filters(), options)
      .catch((error: unknown) => this.#failed(key, error));
  }

  /** Focuses the application at `index` (the one an open detail came from). */
  focus(index: number): Promise<void> {
    return this.#list.focus(index);
  }

  /** The filters of the list being watched, as a key. */
  get #key(): string | undefined {
    return this.#context.host.isConnected ? this.#watch.args?.[1] : undefined;
  }

  #update(): void {
    this.#context.host.requestUpdate();
  }

  /** The filters in force, without empty ones. */
  #filters(): ApplicationFilters {
    const filters: ApplicationFilters = { ...this.#chosen };
    const q = this.#query.trim();
    if (q) filters.q = q;
    return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== '')) as ApplicationFilters;
  }

  #start(key: string | undefined): void {
    this.#error = undefined;
    this.#loadMoreFailed = false;
    if (this.#listing?.key !== key) this.#listing = undefined;
    if (key === undefined) this.#services.clear();
    this.#update();
  }

  #onPage(key: string, filters: ApplicationFilters, page: ApplicationPage, stale: boolean): void {
    if (key !== this.#key) return;
    const before = this.#listing?.key === key ? this.#listing : undefined;
    if (!stale) {
      this.#context.setOffline(false);
      this.#error = undefined;
      if (before) this.#announceChanges(before.items, page.items);
    }
    for (const item of page.items) this.#services.set(item.serviceId, item.serviceTitle);
    const fresh = new Set(page.items.map((item) => item.id));
    // Pages loaded past the first stay, less what moved up into the first.
    const rest = before ? before.items.slice(before.firstPage).filter((item) => !fresh.has(item.id)) : [];
    this.#listing = {
      key,
      filters,
      items: [...page.items, ...rest],
      total: page.total,
      nextCursor: rest.length > 0 ? before!.nextCursor : page.nextCursor,
      firstPage: page.items.length,
    };
    this.#more();
  }

  /** A short list comes whole; a long one (virtualized) comes as it scrolls. */
  #more(): void {
    const listing = this.#listing;
    if (listing && listing.total < virtualizeFrom && listing.nextCursor && !this.#loadMoreFailed) void this.#loadMore(listing);
  }

  #failed(key: string, error: unknown): void {
    const failure = asCabinetError(error);
    if (failure.code !== 'aborted' && key === this.#key) this.#error = readFailed(this.#context, failure, this.#error, this.#listing !== undefined, 'load');
  }

  async #loadMore(listing: Listing): Promise<void> {
    if (!listing.nextCursor || this.#loadingMore) return;
    this.#loadingMore = true;
    this.#loadMoreFailed = false;
    this.#update();
    try {
      const limit = Math.max(1, Math.min(100, Math.round(this.#options.pageSize()) || 20));
      const page = await this.#context.client().applications.list(listing.filters, { cursor: listing.nextCursor, limit });
      const current = this.#listing;
      if (current?.key !== listing.key || current.nextCursor !== listing.nextCursor) return;
      const known = new Set(current.items.map((item) => item.id));
      for (const item of page.items) this.#services.set(item.serviceId, item.serviceTitle);
      this.#listing = { ...current, items: [...current.items, ...page.items.filter((item) => !known.has(item.id))], nextCursor: page.nextCursor };
    } catch (error) {
      const failure = asCabinetError(error);
      if (this.#listing?.key !== listing.key) return;
      this.#loadMoreFailed = true;
      if (isOffline(failure)) this.#context.setOffline(true);
      this.#context.failed(failure, 'load-more');
    } finally {
      this.#loadingMore = false;
      this.#update();
    }
    if (!this.#loadMoreFailed) this.#more();
  }

  /** Tells screen readers which applications changed status since the last look. */
  #announceChanges(before: readonly ApplicationSummary[], after: readonly ApplicationSummary[]): void {
    const was = new Map(before.map((item) => [item.id, item.status]));
    const changes = after.filter((item) => was.has(item.id) && was.get(item.id) !== item.status);
    if (changes.length > 0) this.#context.announce(changes.map((item) => statusChanged(this.#context.t(), item)).join('. '));
  }

  // ------------------------------------------------------------------ filters

  #choose(change: Partial<ApplicationFilters>): void {
    this.#chosen = { ...this.#chosen, ...change };
    this.#update();
  }

  #setQuery(query: string): void {
    this.#query = query;
    this.#update();
  }

  #onSearchInput = (event: InputEvent): void => {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#setQuery(value), searchDelay);
  };

  #onSearchSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    clearTimeout(this.#searchTimer);
    this.#setQuery(this.#context.host.renderRoot.querySelector<HTMLInputElement>('#filter-q')?.value ?? '');
  };

  #reset = (): void => {
    clearTimeout(this.#searchTimer);
    this.#chosen = {};
    this.#setQuery('');
    this.#context.focusLater('#filter-status');
  };

  // ------------------------------------------------------------------ rendering

  /** The filters, the applications found and the export links. */
  render(): TemplateResult {
    const t = this.#context.t();
    const client = this.#context.client();
    return html`
      ${this.#renderFilters()}
      <div class="results" aria-busy=${this.settled ? 'false' : 'true'}>${this.#renderResults()}</div>
      <p part="exports" class="exports">
        <a part="export-link" class="link" href=${client.applications.exportUrl('csv')} download>${t.trackerExportCsv}</a>
        <a part="export-link" class="link" href=${client.applications.exportUrl('pdf')} download>${t.trackerExportPdf}</a>
      </p>
    `;
  }

  #renderFilters(): TemplateResult {
    const t = this.#context.t();
    const chosen = this.#chosen;
    const services = [...this.#services].sort((a, b) => a[1].localeCompare(b[1], this.#context.locale()));
    const filtered = Object.keys(this.#filters()).length > 0;
    const value = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement).value || undefined;
    return html`<form part="filters" class="filters" role="search" aria-label=${t.trackerFiltersLabel} @submit=${this.#onSearchSubmit}>
      <div class="field search" part="filter">
        <label class="label" for="filter-q">${t.trackerSearchLabel}</label>
        <span class="hint" id="filter-q-hint">${t.trackerSearchHint}</span>
        <input
          id="filter-q"
          class="input"
          part="input search-input"
          type="search"
          autocomplete="off"
          spellcheck="false"
          maxlength="40"
          enterkeyhint="search"
          aria-describedby="filter-q-hint"
          .value=${live(this.#query)}
          @input=${this.#onSearchInput}
        />
      </div>
      <div class="field" part="filter">
        <label class="label" for="filter-status">${t.trackerStatusLabel}</label>
        <select id="filter-status" class="input" part="select" @change=${(event: Event) => this.#choose({ status: value(event) as ApplicationStatus | undefined })}>
          <option value="" ?selected=${!chosen.status}>${t.trackerAnyStatus}</option>
          ${statuses.map((status) => html`<option value=${status} ?selected=${chosen.status === status}>${t.trackerStatus(status)}</option>`)}
        </select>
      </div>
      <div class="field" part="filter">
        <label class="label" for="filter-service">${t.trackerServiceLabel}</label>
        <select id="filter-service" class="input" part="select" @change=${(event: Event) => this.#choose({ serviceId: value(event) })}>
          <option value="" ?selected=${!chosen.serviceId}>${t.trackerAnyService}</option>
          ${services.map(([id, title]) => html`<option value=${id} ?selected=${chosen.serviceId === id}>${title}</option>`)}
        </select>
      </div>
      <div class="field" part="filter">
        <label class="label" for="filter-from">${t.trackerFromLabel}</label>
        <input id="filter-from" class="input" part="input" type="date" .value=${live(chosen.from ?? '')} @change=${(event: Event) => this.#choose({ from: value(event) })} />
      </div>
      <div class="field" part="filter">
        <label class="label" for="filter-to">${t.trackerToLabel}</label>
        <input id="filter-to" class="input" part="input" type="date" .value=${live(chosen.to ?? '')} @change=${(event: Event) => this.#choose({ to: value(event) })} />
      </div>
      ${filtered ? html`<div class="filter-actions">${linkButton(t.trackerResetFilters, this.#reset, { id: 'reset-filters' })}</div>` : nothing}
    </form>`;
  }

  #renderResults(): TemplateResult {
    const t = this.#context.t();
    const listing = this.#listing;
    const error = this.#error;
    if (!listing && error) {
      const message = isOffline(error) ? t.trackerOfflineNoData : t.errors[error.code];
      return loadFailedAlert(t.errorHeading, message, error, linkButton(t.retry, () => this.#watch.rerun(), { id: 'retry' }));
    }
    if (!listing) return html`<p part="status" class="status" role="status">${t.trackerLoading}</p>`;
    const empty = listing.items.length === 0;
    const filtered = Object.keys(listing.filters).length > 0;
    return html`
      <p part="status" class="status" role="status">${empty ? (filtered ? t.trackerNothingFound : t.trackerEmpty) : t.trackerFound(listing.total)}</p>
      ${error ? html`<p part="alert" class="alert" role="alert">${t.errors[error.code]}</p>` : nothing}
      ${empty ? nothing : this.#list.render(listing.items, listing.total, t.trackerListLabel)}
      ${this.#loadingMore ? html`<p class="hint">${t.trackerLoadingMore}</p>` : nothing}
      ${this.#loadMoreFailed
        ? html`<p part="alert" class="alert" role="alert">${t.trackerLoadMoreFailed} ${linkButton(t.retry, () => void this.#loadMore(listing))}</p>`
        : nothing}
    `;
  }

  #renderItem(item: ApplicationSummary, index: number, total: number): TemplateResult {
    const t = this.#context.t();
    const locale = this.#context.locale();
    return html`<div role="listitem" class="item" part="item" aria-setsize=${total} aria-posinset=${index + 1}>
      <div class="card">
        <div class="card-head">
          <button type="button" class="open" part="item-button" data-index=${index} @click=${() => this.#options.open(item, index)}>${item.serviceTitle}</button>
          ${statusBadge(t, item.status)}
        </div>
        <ul class="meta" part="item-meta">
          <li>${t.trackerNumber}: ${item.trackingNumber ?? t.trackerNoNumber}</li>
          <li>${t.trackerSubmitted}: ${item.submittedAt ? formatDate(locale, item.submittedAt) : t.trackerNotSubmitted}</li>
          ${item.expectedCompletionDate ? html`<li>${t.trackerExpected}: ${formatDay(locale, item.expectedCompletionDate)}</li>` : nothing}
        </ul>
      </div>
    </div>`;
  }
}
