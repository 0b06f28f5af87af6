import { Task } from '@lit/task';
import {
  type Application,
  type ApplicationFilters,
  type ApplicationPage,
  type ApplicationStatus,
  type ApplicationSummary,
  type CabinetClient,
  type CabinetError,
  type FormField,
  type FormValue,
  type Service,
  type VaultDocument,
} from '@mfc-cabinet/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { fieldErrorList, loadFailedAlert } from '../base/alerts.js';
import { asCabinetError, isOffline } from '../base/errors.js';
import { linkButton, submitButton, textField } from '../base/fields.js';
import { MfcFormElement } from '../base/form-element.js';
import { isEmptyValue, renderFormField } from '../base/form-field.js';
import { dateFormat, formatDateTime } from '../base/format.js';
import { LongList } from '../base/long-list.js';
import { SessionController } from '../base/session-controller.js';
import { WatchController } from '../base/watch-controller.js';
import { addStrings } from '../i18n/registry.js';
import { ruTracker } from '../i18n/ru-tracker.js';
import { listStyles } from '../styles/list.styles.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import type { MfcApplicationOpenDetail } from './application-open-event.js';
import { applicationTrackerStyles } from './application-tracker.styles.js';

addStrings('ru', ruTracker);

export type { MfcApplicationOpenDetail };

/** Longer lists render only what is on screen; shorter ones render whole, so a screen reader reads every one. */
const virtualizeFrom = 50;
/** Milliseconds of quiet after typing a number before the list is asked for it. */
const searchDelay = 300;
/** The statuses a citizen may withdraw an application from (as the server allows). */
const withdrawable: readonly ApplicationStatus[] = ['submitted', 'in_review', 'needs_info'];
/** Statuses after which an МФЦ may have issued result documents. */
const decided: readonly ApplicationStatus[] = ['approved', 'ready_for_issue', 'completed', 'rejected'];
/** The kind of the documents an МФЦ issues as the result (`resultDocumentKind` of the SDK's schemas). */
const resultKind = 'result';
const statuses: readonly ApplicationStatus[] = ['draft', 'submitted', 'in_review', 'needs_info', 'approved', 'ready_for_issue', 'completed', 'rejected', 'withdrawn'];
/** A mark beside each status's name, so that a status never reads by its colour alone. */
const statusMarks: Record<ApplicationStatus, string> = {
  draft: '✎',
  submitted: '➜',
  in_review: '⧗',
  needs_info: '!',
  approved: '✓',
  ready_for_issue: '★',
  completed: '✔',
  rejected: '✕',
  withdrawn: '↩',
};

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

/** One uploader of the answer to a request: a documents field of the form, and the kind of document. */
interface RequestedUpload {
  fieldId: string;
  kind: string;
  label: string;
}

const dateOnly: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
/** A calendar date (`YYYY-MM-DD` read as midnight UTC), the same day wherever the citizen is. */
const calendarDay: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };

/**
 * The citizen's applications: status (named, with a mark besides colour), dates and the
 * expected completion; filters by status, service and period and a search by number; and
 * an application's detail with the timeline of every step, what fits its status (answer a
 * request for documents and information, withdraw, download the result), and the export
 * of the history to CSV and PDF.
 *
 * What is saved on the device shows at once, then the server's answer; updates come
 * without a reload (every `poll-interval` while the page is visible, and when the page
 * comes back into view or online). Offline, the saved data stays with a notice. Ten
 * thousand applications scroll smoothly: the list comes page by page as it scrolls, and a
 * long one renders only what is on screen.
 *
 * @summary The citizen's applications, their history and what to do next.
 * @tagname mfc-application-tracker
 *
 * @event {CustomEvent<MfcApplicationOpenDetail>} mfc-application-open - An application was opened, or the list shown again (`applicationId: null`): reflect it in the page's URL for deep links.
 * @event {CustomEvent<MfcErrorDetail>} mfc-error - A failure was shown. `detail.action`: `load`, `load-more`, `detail`, `results`, `withdraw`, `attach`, `answer`.
 *
 * @csspart base - The outer box.
 * @csspart heading - The tracker's heading.
 * @csspart filters - The filter form.
 * @csspart filter - One filter: label and control.
 * @csspart select - A select of a filter or of the answer.
 * @csspart input - A text or date field.
 * @csspart search-input - The tracking-number search.
 * @csspart exports - The export links.
 * @csspart export-link - One export link.
 * @csspart status - How many applications were found, or why none.
 * @csspart list - The list of applications.
 * @csspart item - One application in the list.
 * @csspart item-button - Its service title, which opens it.
 * @csspart item-meta - Its number and dates.
 * @csspart status-badge - The status: a mark and its name.
 * @csspart detail - An application's detail.
 * @csspart detail-heading - Its heading.
 * @csspart facts - Its number, status and dates.
 * @csspart section-heading - A heading within the detail.
 * @csspart timeline - The history of its steps.
 * @csspart timeline-item - One step.
 * @csspart request - The request for documents and information, with the answer form.
 * @csspart results - The result documents.
 * @csspart result-link - A link to download one.
 * @csspart withdraw - The withdrawal and its confirmation.
 * @csspart alert - A message.
 * @csspart offline - The note that saved data is shown.
 * @csspart announcer - The live region announcing updates to screen readers.
 * @csspart button - Every button.
 * @csspart primary-button - The main button.
 *
 * @cssproperty --mfc-application-tracker-max-width - Widest the tracker grows. Default `60rem`.
 * @cssproperty --mfc-application-tracker-card-background - Background of an application in the list. Default `--mfc-color-surface`.
 * @cssproperty --mfc-application-tracker-card-border - Border colour of an application in the list. Default `--mfc-color-border`.
 * @cssproperty --mfc-application-tracker-accent - Colour of the timeline and of statuses in progress. Default `--mfc-color-primary`.
 * @cssproperty --mfc-application-tracker-success - Colour of successful statuses. Default `--mfc-color-success`.
 * @cssproperty --mfc-application-tracker-danger - Colour of refused and withdrawn statuses. Default `--mfc-color-danger`.
 * @cssproperty --mfc-application-tracker-gap - Space between the applications. Default `--mfc-space`.
 *
 * @example
 * ```html
 * <mfc-application-tracker api-base="/api/v1"></mfc-application-tracker>
 * <script type="module">
 *   const tracker = document.querySelector('mfc-application-tracker');
 *   tracker.applicationId = new URLSearchParams(location.search).get('id') ?? undefined;
 *   tracker.addEventListener('mfc-application-open', ({ detail }) => {
 *     history.pushState(null, '', detail.applicationId ? `?id=${detail.applicationId}` : location.pathname);
 *   });
 * </script>
 * ```
 */
export class MfcApplicationTracker extends MfcFormElement<string> {
  static override styles = [tokens, controls, listStyles, applicationTrackerStyles];

  /** The application whose detail is open; set it to open one (a deep link), remove it to go back to the list. */
  @property({ attribute: 'application-id', reflect: true }) applicationId?: string;

  /** Milliseconds between looks for updates while the page is visible; 0 stops polling. @default 30000 */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = 30_000;

  /** Applications per page after the first (which has the server's 20), 1–100. @default 20 */
  @property({ attribute: 'page-size', type: Number }) pageSize = 20;

  @state() private chosen: ApplicationFilters = {};
  @state() private query = '';
  @state() private listing?: Listing;
  @state() private listError?: CabinetError;
  @state() private application?: Application;
  @state() private detailError?: CabinetError;
  /** The last look at the server failed for want of a network: what shows is what was saved. */
  @state() private offline = false;
  @state() private loadingMore = false;
  @state() private loadMoreFailed = false;
  @state() private confirmingWithdraw = false;
  @state() private answer: Record<string, FormValue> = {};
  @state() private message?: string;
  @state() private announcement = '';

  /** Who is signed in: a citizen who signs in (again) gets the list and the detail afresh. */
  readonly #session = new SessionController(this, { client: () => this.cabinet });
  /** The first page of the list for the filters in force. */
  readonly #listWatch = new WatchController<readonly [CabinetClient, string, boolean], ApplicationPage>(this, {
    args: () => [this.cabinet, JSON.stringify(this.#filters()), this.#session.signedIn] as const,
    onStart: ([, key]) => this.#startList(key),
    watch: ([client, key], { signal, next, error }) =>
      client.applications.watchList(JSON.parse(key) as ApplicationFilters, (page, { stale }) => next(page, stale), { signal, onError: error }),
    onValue: (page, stale, [, key]) => this.#onPage(key, JSON.parse(key) as ApplicationFilters, page, stale),
    onError: (error, [, key]) => this.#listFailed(key, error),
  });
  /** The open application. */
  readonly #detailWatch = new WatchController<readonly [CabinetClient, string | undefined, boolean], Application>(this, {
    args: () => [this.cabinet, this.applicationId || undefined, this.#session.signedIn] as const,
    onStart: ([, id]) => this.#startDetail(id),
    watch: ([client, id], { signal, next, error }) =>
      id && client.applications.watch(id, (application, { stale }) => next(application, stale), { signal, onError: error }),
    onValue: (application, stale, [, id]) => this.#onApplication(id!, application, stale),
    onError: (error, [, id]) => this.#detailFailed(id!, error),
  });
  #timer?: ReturnType<typeof setInterval>;
  #searchTimer?: ReturnType<typeof setTimeout>;
  readonly #list = new LongList<ApplicationSummary>(this, {
    virtualizeFrom,
    renderItem: (item, index, total) => this.#renderItem(item, index, total),
    onNearEnd: () => {
      const listing = this.listing;
      if (listing?.nextCursor && !this.loadMoreFailed) void this.#loadMore(listing);
    },
  });
  /** Services seen in the list, for the service filter. */
  readonly #services = new Map<string, string>();
  /** Where in the list the open application was opened from, to go back there. */
  #openedFrom?: number;

  readonly #results = new Task(this, {
    task: async ([client, id, status], { signal }): Promise<VaultDocument[]> => {
      if (!id || !status || !decided.includes(status)) return [];
      try {
        const documents = await client.documents.list({ applicationId: id }, { signal });
        return documents.filter((document) => document.kind === resultKind && document.applicationId === id);
      } catch (error) {
        const failure = asCabinetError(error);
        if (failure.code !== 'aborted') this.emit('mfc-error', { error: failure, action: 'results' });
        throw failure;
      }
    },
    args: () => [this.cabinet, this.application?.id, this.application?.status] as const,
  });

  /** The service's form, for the fields a request names. */
  readonly #service = new Task(this, {
    task: ([client, serviceId, needsInfo], { signal }): Promise<Service | undefined> =>
      needsInfo && serviceId ? client.catalog.get(serviceId, { signal }) : Promise.resolve(undefined),
    args: () => [this.cabinet, this.application?.serviceId, this.application?.status === 'needs_info'] as const,
  });

  /** Looks for updates now: the list's first page and the open application. The poll calls it. */
  async refresh(): Promise<void> {
    const client = this.cabinet;
    const jobs: Array<Promise<unknown>> = [];
    const key = this.#listKey;
    if (key !== undefined) {
      jobs.push(client.applications.list(this.#filters()).catch((error: unknown) => this.#listFailed(key, error)));
    }
    const id = this.applicationId;
    if (id) jobs.push(client.applications.get(id).catch((error: unknown) => this.#detailFailed(id, error)));
    await Promise.all(jobs);
  }

  readonly #onVisibility = (): void => {
    if (document.visibilityState === 'visible') void this.refresh();
  };

  readonly #onConnectivity = (): void => {
    if (navigator.onLine) void this.refresh();
    this.requestUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisibility);
    window.addEventListener('online', this.#onConnectivity);
    window.addEventListener('offline', this.#onConnectivity);
    this.#startPolling();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisibility);
    window.removeEventListener('online', this.#onConnectivity);
    window.removeEventListener('offline', this.#onConnectivity);
    clearInterval(this.#timer);
    clearTimeout(this.#searchTimer);
  }

  #startPolling(): void {
    clearInterval(this.#timer);
    if (this.pollInterval > 0 && this.isConnected) {
      this.#timer = setInterval(() => {
        if (document.visibilityState === 'visible') void this.refresh();
      }, this.pollInterval);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('pollInterval')) this.#startPolling();
  }

  /** The filters of the list being watched, as a key. */
  get #listKey(): string | undefined {
    return this.isConnected ? this.#listWatch.args?.[1] : undefined;
  }

  get #detailOf(): string | undefined {
    return this.#detailWatch.args?.[1];
  }

  // ------------------------------------------------------------------ the list

  /** The filters in force, without empty ones. */
  #filters(): ApplicationFilters {
    const filters: ApplicationFilters = { ...this.chosen };
    const q = this.query.trim();
    if (q) filters.q = q;
    return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== '')) as ApplicationFilters;
  }

  #startList(key: string): void {
    this.listError = undefined;
    this.loadMoreFailed = false;
    if (this.listing?.key !== key) this.listing = undefined;
  }

  #onPage(key: string, filters: ApplicationFilters, page: ApplicationPage, stale: boolean): void {
    if (key !== this.#listKey) return;
    const before = this.listing?.key === key ? this.listing : undefined;
    if (!stale) {
      this.offline = false;
      this.listError = undefined;
      if (before) this.#announceChanges(before.items, page.items);
    }
    for (const item of page.items) this.#services.set(item.serviceId, item.serviceTitle);
    const fresh = new Set(page.items.map((item) => item.id));
    // Pages loaded past the first stay, less what moved up into the first.
    const rest = before ? before.items.slice(before.firstPage).filter((item) => !fresh.has(item.id)) : [];
    this.listing = {
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
    const listing = this.listing;
    if (listing && listing.total < virtualizeFrom && listing.nextCursor && !this.loadMoreFailed) void this.#loadMore(listing);
  }

  #listFailed(key: string, error: unknown): void {
    const failure = asCabinetError(error);
    if (failure.code === 'aborted' || key !== this.#listKey) return;
    const offline = isOffline(failure);
    const known = offline ? this.offline : this.listError?.code === failure.code;
    if (offline) this.offline = true;
    if (!offline || !this.listing) this.listError = failure;
    if (!known) this.emit('mfc-error', { error: failure, action: 'load' });
  }

  async #loadMore(listing: Listing): Promise<void> {
    if (!listing.nextCursor || this.loadingMore) return;
    this.loadingMore = true;
    this.loadMoreFailed = false;
    try {
      const limit = Math.max(1, Math.min(100, Math.round(this.pageSize) || 20));
      const page = await this.cabinet.applications.list(listing.filters, { cursor: listing.nextCursor, limit });
      if (this.listing?.key !== listing.key || this.listing.nextCursor !== listing.nextCursor) return;
      const known = new Set(this.listing.items.map((item) => item.id));
      for (const item of page.items) this.#services.set(item.serviceId, item.serviceTitle);
      this.listing = {
        ...this.listing,
        items: [...this.listing.items, ...page.items.filter((item) => !known.has(item.id))],
        nextCursor: page.nextCursor,
      };
    } catch (error) {
      const failure = asCabinetError(error);
      if (this.listing?.key !== listing.key) return;
      this.loadMoreFailed = true;
      if (isOffline(failure)) this.offline = true;
      this.emit('mfc-error', { error: failure, action: 'load-more' });
    } finally {
      this.loadingMore = false;
    }
    if (!this.loadMoreFailed) this.#more();
  }

  /** Tells screen readers which applications changed status since the last look. */
  #announceChanges(before: readonly ApplicationSummary[], after: readonly ApplicationSummary[]): void {
    const was = new Map(before.map((item) => [item.id, item.status]));
    const changes = after.filter((item) => was.has(item.id) && was.get(item.id) !== item.status);
    if (changes.length > 0) this.announcement = changes.map((item) => this.#statusChanged(item)).join('. ');
  }

  #statusChanged(item: ApplicationSummary): string {
    return this.t.trackerStatusChanged(item.trackingNumber ?? item.serviceTitle, this.t.trackerStatus(item.status));
  }

  // ------------------------------------------------------------------ the detail

  #startDetail(id: string | undefined): void {
    this.detailError = undefined;
    this.confirmingWithdraw = false;
    if (this.application?.id !== id) {
      this.application = undefined;
      this.answer = {};
      this.message = undefined;
    }
  }

  #onApplication(id: string, application: Application, stale: boolean): void {
    if (id !== this.#detailOf) return;
    const before = this.application;
    if (!stale) {
      this.offline = false;
      this.detailError = undefined;
      if (before && before.status !== application.status) this.announcement = this.#statusChanged(application);
    }
    if (application.status === 'needs_info' && (before?.status !== 'needs_info' || before.id !== application.id)) {
      const fields = application.requested?.fields ?? [];
      this.answer = Object.fromEntries(fields.flatMap((field) => (application.values[field] === undefined ? [] : [[field, application.values[field]!]])));
    }
    this.application = application;
  }

  #detailFailed(id: string, error: unknown): void {
    const failure = asCabinetError(error);
    if (failure.code === 'aborted' || id !== this.#detailOf) return;
    const offline = isOffline(failure);
    const known = offline ? this.offline : this.detailError?.code === failure.code;
    if (offline) this.offline = true;
    if (!offline || !this.application) this.detailError = failure;
    if (!known) this.emit('mfc-error', { error: failure, action: 'detail' });
  }

  #open(item: ApplicationSummary, index: number): void {
    this.#openedFrom = index;
    this.applicationId = item.id;
    this.message = undefined;
    this.focusAfterRender = '#detail-heading';
    this.emit('mfc-application-open', { applicationId: item.id } satisfies MfcApplicationOpenDetail);
  }

  #back = async (): Promise<void> => {
    const index = this.#openedFrom;
    this.#openedFrom = undefined;
    this.applicationId = undefined;
    this.message = undefined;
    this.formError = undefined;
    this.emit('mfc-application-open', { applicationId: null } satisfies MfcApplicationOpenDetail);
    await this.updateComplete;
    if (index === undefined) this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
    else await this.#list.focus(index);
  };

  #withdraw(application: Application): void {
    void this.run('withdraw', async () => {
      await this.cabinet.applications.withdraw(application.id);
      this.confirmingWithdraw = false;
      this.message = this.t.trackerWithdrawn;
      this.focusAfterRender = '#message';
    });
  }

  /** The uploaders a request needs: one per requested kind of document, and one per requested documents field. */
  #requestedUploads(application: Application, fields: readonly FormField[]): RequestedUpload[] {
    const requested = application.requested ?? { documents: [], fields: [] };
    const documentsFields = fields.filter((field) => field.type === 'documents');
    const uploads: RequestedUpload[] = requested.documents.map((kind) => {
      const host = documentsFields.find((field) => field.documentKinds?.includes(kind)) ?? documentsFields[0];
      return { fieldId: host?.id ?? 'documents', kind, label: this.t.trackerRequestedDocument(kind) };
    });
    for (const field of documentsFields) {
      if (requested.fields.includes(field.id) && !uploads.some((upload) => upload.fieldId === field.id)) {
        uploads.push({ fieldId: field.id, kind: field.documentKinds?.[0] ?? 'other', label: field.label });
      }
    }
    return uploads;
  }

  /** A document was uploaded for a request: it is attached to the application at once. */
  #attach(application: Application, fieldId: string, document: VaultDocument): void {
    void this.run('attach', async () => {
      await this.cabinet.documents.attach(document.id, application.id, fieldId);
      await this.cabinet.applications.get(application.id);
    });
  }

  #sendAnswer(application: Application, fields: readonly FormField[]): void {
    const values: Record<string, FormValue> = {};
    const missing: Record<string, string> = {};
    for (const field of fields) {
      if (field.type === 'documents') continue;
      const value = this.answer[field.id] ?? (field.type === 'checkbox' ? false : '');
      // Only whether it is filled: the server checks the format, with its own words.
      if (field.type !== 'checkbox' && isEmptyValue(value)) missing[field.id] = this.t.trackerFieldRequired;
      values[field.id] = typeof value === 'string' ? value.trim() : value;
    }
    if (this.showFieldErrors(missing)) return;
    void this.run('answer', async () => {
      await this.cabinet.applications.answer(application.id, values);
      this.message = this.t.trackerAnswerSent;
      this.focusAfterRender = '#message';
    });
  }

  protected override fieldFor(path: string): string | undefined {
    const requested = this.application?.requested;
    if (!requested) return undefined;
    return requested.fields.includes(path) || this.#service.value?.form.steps.some((step) => step.fields.some((field) => field.id === path)) ? path : undefined;
  }

  // ------------------------------------------------------------------ filters and keys

  #onSearchInput = (event: InputEvent): void => {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => (this.query = value), searchDelay);
  };

  #onSearchSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    clearTimeout(this.#searchTimer);
    this.query = this.renderRoot.querySelector<HTMLInputElement>('#filter-q')?.value ?? '';
  };

  #reset = (): void => {
    clearTimeout(this.#searchTimer);
    this.chosen = {};
    this.query = '';
    this.focusAfterRender = '#filter-status';
  };


  // ------------------------------------------------------------------ formatting

  #date(iso: string): string {
    return dateFormat(this.resolvedLocale, dateOnly).format(new Date(iso));
  }

  /** A calendar date (`YYYY-MM-DD`), the same day wherever the citizen is. */
  #day(day: string | null): string {
    if (!day) return '—';
    return dateFormat(this.resolvedLocale, calendarDay).format(new Date(`${day}T00:00:00Z`));
  }

  #dateTime(iso: string): string {
    return formatDateTime(this.resolvedLocale, iso);
  }

  #badge(status: ApplicationStatus): TemplateResult {
    return html`<span part="status-badge" class="badge status-${status}"
      ><span class="mark" aria-hidden="true">${statusMarks[status]}</span> ${this.t.trackerStatus(status)}</span
    >`;
  }

  // ------------------------------------------------------------------ rendering

  protected override render() {
    const { t } = this;
    return html`
      <section part="base" class="base" aria-labelledby="heading">
        ${this.renderHeading(t.trackerHeading)}
        <div part="announcer" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
        ${this.offline ? html`<p part="offline" class="alert info offline">${t.trackerOffline}</p>` : nothing}
        ${this.message ? html`<p part="alert" class="alert info" role="status" id="message" tabindex="-1">${this.message}</p>` : nothing}
        ${this.renderFormError(fieldErrorList(this.formError))}
        ${this.applicationId ? this.#renderDetail() : this.#renderList()}
      </section>
    `;
  }

  #renderList(): TemplateResult {
    const { t } = this;
    const client = this.cabinet;
    return html`
      ${this.#renderFilters()}
      <div class="results" aria-busy=${this.listing || this.listError ? 'false' : 'true'}>${this.#renderResults()}</div>
      <p part="exports" class="exports">
        <a part="export-link" class="link" href=${client.applications.exportUrl('csv')} download>${t.trackerExportCsv}</a>
        <a part="export-link" class="link" href=${client.applications.exportUrl('pdf')} download>${t.trackerExportPdf}</a>
      </p>
    `;
  }

  #renderFilters(): TemplateResult {
    const { t } = this;
    const chosen = this.chosen;
    const services = [...this.#services].sort((a, b) => a[1].localeCompare(b[1], this.resolvedLocale));
    const filtered = Object.keys(this.#filters()).length > 0;
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
          .value=${live(this.query)}
          @input=${this.#onSearchInput}
        />
      </div>
      <div class="field" part="filter">
        <label class="label" for="filter-status">${t.trackerStatusLabel}</label>
        <select
          id="filter-status"
          class="input"
          part="select"
          @change=${(event: Event) => (this.chosen = { ...chosen, status: ((event.target as HTMLSelectElement).value || undefined) as ApplicationStatus | undefined })}
        >
          <option value="" ?selected=${!chosen.status}>${t.trackerAnyStatus}</option>
          ${statuses.map((status) => html`<option value=${status} ?selected=${chosen.status === status}>${t.trackerStatus(status)}</option>`)}
        </select>
      </div>
      <div class="field" part="filter">
        <label class="label" for="filter-service">${t.trackerServiceLabel}</label>
        <select
          id="filter-service"
          class="input"
          part="select"
          @change=${(event: Event) => (this.chosen = { ...chosen, serviceId: (event.target as HTMLSelectElement).value || undefined })}
        >
          <option value="" ?selected=${!chosen.serviceId}>${t.trackerAnyService}</option>
          ${services.map(([id, title]) => html`<option value=${id} ?selected=${chosen.serviceId === id}>${title}</option>`)}
        </select>
      </div>
      <div class="field" part="filter">
        <label class="label" for="filter-from">${t.trackerFromLabel}</label>
        <input
          id="filter-from"
          class="input"
          part="input"
          type="date"
          .value=${live(chosen.from ?? '')}
          @change=${(event: Event) => (this.chosen = { ...chosen, from: (event.target as HTMLInputElement).value || undefined })}
        />
      </div>
      <div class="field" part="filter">
        <label class="label" for="filter-to">${t.trackerToLabel}</label>
        <input
          id="filter-to"
          class="input"
          part="input"
          type="date"
          .value=${live(chosen.to ?? '')}
          @change=${(event: Event) => (this.chosen = { ...chosen, to: (event.target as HTMLInputElement).value || undefined })}
        />
      </div>
      ${filtered ? html`<div class="filter-actions">${linkButton(t.trackerResetFilters, this.#reset, { id: 'reset-filters' })}</div>` : nothing}
    </form>`;
  }

  #renderResults(): TemplateResult {
    const { t } = this;
    const listing = this.listing;
    if (!listing && this.listError) {
      const failure = this.listError;
      const message = isOffline(failure) ? t.trackerOfflineNoData : t.errors[failure.code];
      return loadFailedAlert(t.errorHeading, message, failure, linkButton(t.retry, () => this.#listWatch.rerun(), { id: 'retry' }));
    }
    if (!listing) return html`<p part="status" class="status" role="status">${t.trackerLoading}</p>`;
    const empty = listing.items.length === 0;
    const filtered = Object.keys(listing.filters).length > 0;
    return html`
      <p part="status" class="status" role="status">${empty ? (filtered ? t.trackerNothingFound : t.trackerEmpty) : t.trackerFound(listing.total)}</p>
      ${this.listError ? html`<p part="alert" class="alert" role="alert">${t.errors[this.listError.code]}</p>` : nothing}
      ${empty ? nothing : this.#list.render(listing.items, listing.total, t.trackerListLabel)}
      ${this.loadingMore ? html`<p class="hint">${t.trackerLoadingMore}</p>` : nothing}
      ${this.loadMoreFailed
        ? html`<p part="alert" class="alert" role="alert">${t.trackerLoadMoreFailed} ${linkButton(t.retry, () => void this.#loadMore(listing))}</p>`
        : nothing}
    `;
  }

  #renderItem(item: ApplicationSummary, index: number, total: number): TemplateResult {
    const { t } = this;
    return html`<div role="listitem" class="item" part="item" aria-setsize=${total} aria-posinset=${index + 1}>
      <div class="card">
        <div class="card-head">
          <button type="button" class="open" part="item-button" data-index=${index} @click=${() => this.#open(item, index)}>${item.serviceTitle}</button>
          ${this.#badge(item.status)}
        </div>
        <ul class="meta" part="item-meta">
          <li>${t.trackerNumber}: ${item.trackingNumber ?? t.trackerNoNumber}</li>
          <li>${t.trackerSubmitted}: ${item.submittedAt ? this.#date(item.submittedAt) : t.trackerNotSubmitted}</li>
          ${item.expectedCompletionDate ? html`<li>${t.trackerExpected}: ${this.#day(item.expectedCompletionDate)}</li>` : nothing}
        </ul>
      </div>
    </div>`;
  }

  #renderDetail(): TemplateResult {
    const { t } = this;
    const application = this.application?.id === this.applicationId ? this.application : undefined;
    const failure = this.detailError;
    const level = String(Math.min(6, Number(this.ariaHeadingLevel) + 1));
    const sublevel = String(Math.min(6, Number(level) + 1));
    let body: TemplateResult;
    if (application) body = this.#renderApplication(application, sublevel);
    else if (failure) {
      body = html`<div part="alert" class="alert" role="alert">
        <p>${failure.code === 'not_found' ? t.trackerNotFound : isOffline(failure) ? t.trackerOfflineNoData : t.errors[failure.code]}</p>
        ${failure.code === 'not_found' ? nothing : html`<p>${linkButton(t.retry, () => void this.refresh(), { id: 'retry' })}</p>`}
      </div>`;
    } else body = html`<p class="hint" role="status">${t.trackerDetailLoading}</p>`;
    return html`<article part="detail" class="detail" aria-labelledby="detail-heading" aria-busy=${application || failure ? 'false' : 'true'}>
      <p>${linkButton(`← ${t.trackerBack}`, () => void this.#back(), { id: 'back' })}</p>
      <div part="detail-heading" class="detail-heading" role="heading" aria-level=${level} id="detail-heading" tabindex="-1">
        ${application?.serviceTitle ?? (failure ? t.errorHeading : t.trackerDetailLoading)}
      </div>
      ${body}
    </article>`;
  }

  #renderApplication(application: Application, level: string): TemplateResult {
    const { t } = this;
    const fact = (label: string, value: string | TemplateResult) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
    return html`
      <dl part="facts" class="facts" aria-label=${t.trackerFacts}>
        ${fact(t.trackerNumber, application.trackingNumber ?? t.trackerNoNumber)}
        ${fact(t.trackerStatusLabel, this.#badge(application.status))}
        ${fact(t.trackerSubmitted, application.submittedAt ? this.#date(application.submittedAt) : t.trackerNotSubmitted)}
        ${fact(t.trackerExpected, this.#day(application.expectedCompletionDate))}
        ${fact(t.trackerUpdated, this.#dateTime(application.updatedAt))}
      </dl>
      ${application.status === 'needs_info' ? this.#renderRequest(application, level) : nothing}
      ${decided.includes(application.status) ? this.#renderResultDocuments(level) : nothing}
      <div part="section-heading" class="section" role="heading" aria-level=${level}>${t.trackerHistory}</div>
      <ol part="timeline" class="timeline">
        ${application.history.map(
          (step) => html`<li part="timeline-item" class="step status-${step.to}">
            <span class="step-head">${this.#badge(step.to)} <time datetime=${step.at}>${this.#dateTime(step.at)}</time></span>
            <span class="step-actor">${t.trackerActor(step.actor, step.officerName)}</span>
            ${step.comment ? html`<span class="step-comment">${step.comment}</span>` : nothing}
          </li>`,
        )}
      </ol>
      ${withdrawable.includes(application.status) ? this.#renderWithdraw(application) : nothing}
    `;
  }

  #renderResultDocuments(level: string): TemplateResult {
    const { t } = this;
    const documents = this.#results.value ?? [];
    return html`<div part="section-heading" class="section" role="heading" aria-level=${level}>${t.trackerResults}</div>
      ${documents.length === 0
        ? html`<p class="hint">${t.trackerNoResults}</p>`
        : html`<ul part="results" class="results-list">
            ${documents.map(
              (document) => html`<li>
                <a part="result-link" class="link" href=${this.cabinet.documents.contentUrl(document.id)} download=${document.name}>${document.name}</a>
              </li>`,
            )}
          </ul>`}`;
  }

  #renderRequest(application: Application, level: string): TemplateResult {
    const { t } = this;
    const service = this.#service.value?.id === application.serviceId ? this.#service.value : undefined;
    const comment = [...application.history].reverse().find((step) => step.to === 'needs_info')?.comment;
    const formFields = service?.form.steps.flatMap((step) => step.fields) ?? [];
    const requested = application.requested ?? { documents: [], fields: [] };
    const fields = formFields.filter((field) => requested.fields.includes(field.id) && field.type !== 'documents');
    const uploads = service ? this.#requestedUploads(application, formFields) : [];
    if (uploads.length > 0) void import('../mfc-document-uploader.js');
    return html`<section part="request" class="request" aria-labelledby="request-heading">
      <div class="section" role="heading" aria-level=${level} id="request-heading">${t.trackerRequestHeading}</div>
      ${comment ? html`<p class="comment">${comment}</p>` : nothing}
      <p class="hint">${t.trackerRequestLead}</p>
      ${service
        ? html`<form class="answer" novalidate @submit=${(event: SubmitEvent) => (event.preventDefault(), this.#sendAnswer(application, fields))}>
            ${uploads.map(
              (upload) => html`<div class="field" part="filter">
                <span class="label">${upload.label}</span>
                ${this.fieldErrors[upload.fieldId] ? html`<span class="field-error" id=${upload.fieldId} tabindex="-1">${this.fieldErrors[upload.fieldId]}</span>` : nothing}
                <mfc-document-uploader
                  application-id=${application.id}
                  field-id=${upload.fieldId}
                  kind=${upload.kind}
                  .client=${this.cabinet}
                  .locale=${this.resolvedLocale}
                  @mfc-upload-complete=${(event: CustomEvent<{ document: VaultDocument }>) => this.#attach(application, upload.fieldId, event.detail.document)}
                ></mfc-document-uploader>
              </div>`,
            )}
            ${fields.map((field) => this.#renderAnswerField(field))}
            <div class="actions">${submitButton(this.busy === 'answer' ? t.trackerSendingAnswer : t.trackerSendAnswer, this.busy !== undefined)}</div>
          </form>`
        : this.#service.error
          ? html`<p part="alert" class="alert" role="alert">${t.errors[asCabinetError(this.#service.error).code]}</p>`
          : html`<p class="hint">${t.trackerDetailLoading}</p>`}
    </section>`;
  }

  #renderAnswerField(field: FormField): TemplateResult {
    return renderFormField(field, {
      id: field.id,
      value: this.answer[field.id],
      error: this.fieldErrors[field.id],
      required: true,
      selectPart: 'select',
      onChange: (next) => {
        this.answer = { ...this.answer, [field.id]: next };
        this.clearFieldError(field.id);
      },
    });
  }

  #renderWithdraw(application: Application): TemplateResult {
    const { t } = this;
    if (!this.confirmingWithdraw) {
      return html`<div part="withdraw" class="actions">
        <button type="button" class="button" part="button" id="withdraw" @click=${() => ((this.confirmingWithdraw = true), (this.focusAfterRender = '#withdraw-question'))}>
          ${t.trackerWithdraw}
        </button>
      </div>`;
    }
    return html`<div part="withdraw" class="alert warning withdraw" role="group" aria-labelledby="withdraw-question">
      <p id="withdraw-question" tabindex="-1"><strong>${t.trackerWithdrawConfirm(application.trackingNumber ?? application.serviceTitle)}</strong></p>
      <div class="actions">
        <button
          type="button"
          class="button primary danger"
          part="button primary-button"
          id="withdraw-yes"
          aria-disabled=${this.busy !== undefined ? 'true' : 'false'}
          @click=${() => this.#withdraw(application)}
        >
          ${this.busy === 'withdraw' ? t.trackerWithdrawing : t.trackerWithdrawYes}
        </button>
        <button type="button" class="button" part="button" id="withdraw-no" @click=${() => ((this.confirmingWithdraw = false), (this.focusAfterRender = '#withdraw'))}>
          ${t.trackerWithdrawNo}
        </button>
      </div>
    </div>`;
  }
}
