import type { Application, ApplicationFilters, ApplicationStatus, ApplicationSummary, CabinetClient, VaultDocument } from '@mfc-cabinet/core';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { asCabinetError, isOffline } from '../base/errors.js';
import { MfcElement } from '../base/mfc-element.js';
import { SessionController } from '../base/session-controller.js';
import { WatchController, type WatchSink } from '../base/watch-controller.js';
import type { MfcCabinet } from '../cabinet/cabinet.js';
import type { HomeSectionState, HomeSectionStateDetail } from '../cabinet/home-sections.js';
import { routeLink } from '../cabinet/route-link.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import { dateFormat } from '../base/format.js';

// The tracker's formats, not imported from it: its module would become a chunk shared with
// the tracker's, one more file on the tracker's pages.
const dateOnly: Intl.DateTimeFormatOptions = { dateStyle: 'short' };
const calendarDay: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeZone: 'UTC' };
const formatDate = (locale: string, iso: string): string => dateFormat(locale, dateOnly).format(new Date(iso));
const formatDay = (locale: string, day: string): string => dateFormat(locale, calendarDay).format(new Date(`${day}T00:00:00Z`));


/** The sections of the cabinet's home the applications contribute. */
export type ApplicationsHomeSection = 'needs-info' | 'drafts' | 'in-progress' | 'results';

/** At most this many items in a section; a link leads to the rest. */
const shownAtMost = 5;
/** Statuses of an application the МФЦ is working on. */
const inProgress: readonly ApplicationStatus[] = ['submitted', 'in_review', 'approved', 'ready_for_issue'];
const filtersOf: Record<Exclude<ApplicationsHomeSection, 'results'>, readonly ApplicationFilters[]> = {
  'needs-info': [{ status: 'needs_info' }],
  drafts: [{ status: 'draft' }],
  'in-progress': inProgress.map((status) => ({ status })),
};

interface Listing {
  items: ApplicationSummary[];
  total: number;
}

/** The first pages of `filters`, merged, once each has come (cached copies first). */
function watchListings(client: CabinetClient, filters: readonly ApplicationFilters[], { signal, next, error }: WatchSink<Listing>): Promise<unknown> {
  const pages: (Listing & { stale: boolean })[] = [];
  const report = () => {
    if (pages.filter(Boolean).length < filters.length) return;
    const items = pages.flatMap((page) => page.items);
    next({ items, total: pages.reduce((sum, page) => sum + page.total, 0) }, pages.some((page) => page.stale));
  };
  return Promise.all(
    filters.map((filter, index) =>
      client.applications.watchList(
        filter,
        (page, { stale }) => {
          pages[index] = { items: page.items, total: page.total, stale };
          report();
        },
        { signal, onError: error },
      ),
    ),
  );
}

/** Each application of `ids` in full (for what is requested), as the cache and then the server have it. */
function watchEach(client: CabinetClient, ids: readonly string[], { signal, next, error }: WatchSink<ReadonlyMap<string, Application>>): Promise<unknown> {
  const found = new Map<string, Application>();
  return Promise.all(
    ids.map((id) =>
      client.applications.watch(
        id,
        (application, { stale }) => {
          found.set(id, application);
          next(new Map(found), stale);
        },
        { signal, onError: error },
      ),
    ),
  );
}

/**
 * The results the МФЦ issued are not cached by the SDK: the last list of this page is kept
 * here, shown at once when the home opens again, and while offline.
 */
const savedResults = new WeakMap<CabinetClient, { account: string; documents: VaultDocument[] }>();

async function loadResults(client: CabinetClient, account: string, { signal, next, error }: WatchSink<VaultDocument[]>): Promise<void> {
  const saved = savedResults.get(client);
  if (saved?.account === account) next(saved.documents, true);
  try {
    const documents = (await client.documents.list({ kind: 'result' }, { signal })).filter((document) => document.kind === 'result');
    savedResults.set(client, { account, documents });
    next(documents, false);
  } catch (failure) {
    error(failure);
  }
}

/**
 * One section of the cabinet's home made of the citizen's applications: those that need
 * information (with what the МФЦ asked, and a link to answer it in the tracker), drafts (a
 * link to continue the form), those in progress (with their expected dates), or the
 * documents the МФЦ issued (to download). Saved data shows at once; it tells the home how
 * it stands (`mfc-home-section-state`), and the home hides it while it is empty. Its
 * Russian strings come with the home's chunk (which renders it), so that its own chunk
 * arriving does not re-render every widget of the page.
 *
 * @summary A section of the cabinet's home: applications that need the citizen.
 * @tagname mfc-home-applications
 * @csspart heading - The section's heading.
 * @csspart list - Its items.
 * @csspart item - One application or document.
 * @csspart item-title - Its service or file name.
 * @csspart item-meta - Its number and dates, or what was requested.
 * @csspart link - A link (answer, continue, details, download, all).
 * @csspart alert - Why it could not load.
 * @csspart button - «Повторить».
 */
export class MfcHomeApplications extends MfcElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      .heading {
        margin: 0 0 var(--mfc-space-s, 0.5rem);
        font-size: 1.25rem;
        font-weight: 600;
      }
      .list {
        display: grid;
        gap: var(--mfc-space-s, 0.5rem);
        margin: 0 0 var(--mfc-space-s, 0.5rem);
        padding: 0;
        list-style: none;
      }
      .item {
        padding: var(--mfc-space-s, 0.5rem) var(--mfc-space-m, 1rem);
        border: 1px solid var(--mfc-color-border, #c4c9d0);
        border-radius: var(--mfc-radius, 0.5rem);
        background: var(--mfc-color-surface, #fff);
      }
      .title {
        font-weight: 600;
      }
      .meta {
        margin: 0.25rem 0;
        padding: 0;
        list-style: none;
        color: var(--mfc-color-muted, #4a5260);
      }
    `,
  ];

  /** Which section: `needs-info`, `drafts`, `in-progress` or `results`. */
  @property({ reflect: true }) section: ApplicationsHomeSection = 'in-progress';

  /** The cabinet whose views the links open. */
  @property({ attribute: false }) cabinetElement?: MfcCabinet;

  /** The level of the section's heading. @default 3 */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  readonly #session = new SessionController(this, { client: () => this.cabinet });

  readonly #listings = new WatchController(this, {
    args: () => [this.cabinet, this.#reader(), this.section] as const,
    watch: ([client, account, section], sink: WatchSink<Listing>) => (account && section !== 'results' ? watchListings(client, filtersOf[section], sink) : undefined),
  });

  /** The applications that need information in full: what was requested is not in the list. */
  readonly #requests = new WatchController(this, {
    args: () => [this.cabinet, this.section === 'needs-info' ? this.#shown().map((item) => item.id).join() : ''] as const,
    watch: ([client, ids], sink: WatchSink<ReadonlyMap<string, Application>>) => (ids ? watchEach(client, ids.split(','), sink) : undefined),
  });

  readonly #results = new WatchController(this, {
    args: () => [this.cabinet, this.section === 'results' ? this.#reader() : undefined] as const,
    watch: ([client, account], sink: WatchSink<VaultDocument[]>) => (account ? loadResults(client, account, sink) : undefined),
  });

  #reported?: string;

  /**
   * Whose data is read: the signed-in citizen's, or — while the session is not known (the
   * home shows then only on a page opened without a network) — what the SDK saved for the
   * citizen last signed in here.
   */
  #reader(): string | undefined {
    return this.#session.accountId ?? (this.#session.state.status === 'unknown' ? 'last-signed-in' : undefined);
  }

  /** The read this section shows. */
  get #read(): WatchController<readonly unknown[], Listing> | WatchController<readonly unknown[], VaultDocument[]> {
    return (this.section === 'results' ? this.#results : this.#listings) as never;
  }

  /** The items shown: needing information and drafts most recently changed first, in progress by their expected dates. */
  #shown(): ApplicationSummary[] {
    const items = [...(this.#listings.value?.items ?? [])];
    if (this.section === 'in-progress') items.sort((a, b) => (a.expectedCompletionDate ?? '9999').localeCompare(b.expectedCompletionDate ?? '9999'));
    else items.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return items.slice(0, shownAtMost);
  }

  #state(): HomeSectionStateDetail {
    const read = this.#read;
    const count = this.section === 'results' ? this.#results.value?.length : this.#listings.value?.items.length;
    const offline = read.error !== undefined && isOffline(read.error);
    let state: HomeSectionState;
    if (count === undefined) state = read.error === undefined ? 'loading' : 'error';
    else state = count === 0 ? 'empty' : 'shown';
    return { state, offline: offline && count !== undefined };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const detail = this.#state();
    const key = `${detail.state}:${detail.offline}`;
    if (key === this.#reported) return;
    this.#reported = key;
    this.dispatchEvent(new CustomEvent<HomeSectionStateDetail>('mfc-home-section-state', { detail, bubbles: true, composed: true }));
  }

  protected override render() {
    const { t } = this;
    const cabinet = this.cabinetElement;
    const { state } = this.#state();
    if (!cabinet || state === 'loading' || state === 'empty') return nothing;
    const headings: Record<ApplicationsHomeSection, string> = {
      'needs-info': t.homeNeedsInfoHeading,
      drafts: t.homeDraftsHeading,
      'in-progress': t.homeInProgressHeading,
      results: t.homeResultsHeading,
    };
    const level = Math.min(Math.max(Math.round(this.headingLevel) || 3, 1), 6);
    return html`<section aria-labelledby="heading">
      <div part="heading" class="heading" id="heading" role="heading" aria-level=${level}>${headings[this.section]}</div>
      ${state === 'error' ? this.#renderError() : this.section === 'results' ? this.#renderResults(cabinet) : this.#renderApplications(cabinet)}
    </section>`;
  }

  #renderError(): TemplateResult {
    const { t } = this;
    const error = asCabinetError(this.#read.error);
    return html`<p part="alert" class="alert" role="alert">${t.homeLoadFailed} ${t.errors[error.code] ?? ''}</p>
      <button part="button" class="button" type="button" @click=${() => this.#read.rerun()}>${t.homeRetry}</button>`;
  }

  #renderApplications(cabinet: MfcCabinet): TemplateResult {
    const total = this.#listings.value?.total ?? 0;
    const shown = this.#shown();
    return html`<ul part="list" class="list">
        ${shown.map((item) => this.#renderApplication(cabinet, item))}
      </ul>
      ${total > shown.length ? routeLink(cabinet, { view: 'applications' }, this.t.homeAll(total)) : nothing}`;
  }

  #renderApplication(cabinet: MfcCabinet, item: ApplicationSummary): TemplateResult {
    const { t } = this;
    const locale = this.resolvedLocale;
    const title = html`<span class="visually-hidden">: ${item.serviceTitle}</span>`;
    let meta: unknown;
    let link: TemplateResult;
    if (this.section === 'drafts') {
      meta = html`<li>${t.homeDraftSaved(formatDate(locale, item.updatedAt))}</li>`;
      link = routeLink(cabinet, { view: 'apply', serviceId: item.serviceId, applicationId: item.id }, html`${t.homeContinue}${title}`);
    } else if (this.section === 'needs-info') {
      const application = this.#requests.value?.get(item.id);
      const asked = application?.history.findLast((step) => step.to === 'needs_info')?.comment;
      const requested = application?.requested;
      meta = html`${item.trackingNumber ? html`<li>${item.trackingNumber}</li>` : nothing}
        ${asked ? html`<li>${t.homeRequestComment(asked)}</li>` : nothing}
        ${requested?.documents.length ? html`<li>${t.homeRequestedDocuments(requested.documents.join(', '))}</li>` : nothing}
        ${requested?.fields.length ? html`<li>${t.homeRequestedFields(requested.fields.length)}</li>` : nothing}`;
      link = routeLink(cabinet, { view: 'application', applicationId: item.id }, html`${t.homeAnswer}${title}`);
    } else {
      meta = html`${item.trackingNumber ? html`<li>${item.trackingNumber} · ${t.trackerStatus(item.status)}</li>` : nothing}
        ${item.expectedCompletionDate ? html`<li>${t.homeExpected(formatDay(locale, item.expectedCompletionDate))}</li>` : nothing}`;
      link = routeLink(cabinet, { view: 'application', applicationId: item.id }, html`${t.homeOpen}${title}`);
    }
    return html`<li part="item" class="item" data-id=${item.id}>
      <div part="item-title" class="title">${item.serviceTitle}</div>
      <ul part="item-meta" class="meta">
        ${meta}
      </ul>
      ${link}
    </li>`;
  }

  #renderResults(cabinet: MfcCabinet): TemplateResult {
    const { t } = this;
    const locale = this.resolvedLocale;
    const documents = this.#results.value ?? [];
    const client = this.cabinet;
    return html`<ul part="list" class="list">
      ${documents.slice(0, shownAtMost).map(
        (document) => html`<li part="item" class="item" data-id=${document.id}>
          <div part="item-title" class="title">${document.name}</div>
          <ul part="item-meta" class="meta">
            <li>${t.homeResultIssued(formatDate(locale, document.createdAt), document.issuedBy)}</li>
          </ul>
          <a part="link" class="link" href=${client.documents.contentUrl(document.id)} download=${document.name}>${t.homeDownload(document.name)}</a>
          ${document.applicationId
            ? html` · ${routeLink(cabinet, { view: 'application', applicationId: document.applicationId }, html`${t.homeToApplication}<span class="visually-hidden">: ${document.name}</span>`)}`
            : nothing}
        </li>`,
      )}
    </ul>`;
  }
}
