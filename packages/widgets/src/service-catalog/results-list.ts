import { TaskStatus } from '@lit/task';
import type { ServiceSummary } from '@mfc-cabinet/core';
import { html, nothing, type TemplateResult } from 'lit';
import { loadFailedAlert } from '../base/alerts.js';
import { asCabinetError } from '../base/errors.js';
import { linkButton } from '../base/fields.js';
import type { Translation } from '../i18n/translation.js';
import type { CatalogListing } from './catalog-listing.js';
import { availabilities, deliveryText, formatFee } from './catalog-view.js';

/** What a service in the list (and the star of its card) is drawn with. */
export interface ItemView {
  t: Translation;
  locale: string;
  /** The signed-in citizen's favourites; `undefined` for a visitor, who has no stars. */
  favourites: string[] | undefined;
  open: (service: ServiceSummary, index: number) => void;
  toggleFavourite: (service: ServiceSummary) => void;
}

/** How many services were found (or why none), their list, and its next pages. */
export function renderResults(t: Translation, listing: CatalogListing): TemplateResult {
  const { task, list } = listing;
  if (task.status === TaskStatus.ERROR) {
    const failure = asCabinetError(task.error);
    const message = failure.code === 'network' ? t.offlineNoCache : t.errors[failure.code];
    return loadFailedAlert(t.errorHeading, message, failure, linkButton(t.retry, () => void task.run(), { id: 'retry' }));
  }
  const found = listing.value;
  if (!found) return html`<p part="status" class="status" role="status">${t.catalogLoading}</p>`;
  const query = found.query.trim();
  const empty = found.items.length === 0;
  const status = !empty
    ? t.servicesFound(found.total)
    : found.view === 'favourites'
      ? t.noFavourites
      : found.view === 'recent'
        ? t.noRecent
        : query
          ? t.nothingFound(query)
          : t.noServices;
  return html`
    <p part="status" class="status" role="status">${status}</p>
    ${found.partial ? html`<p class="hint">${t.partialMatch}</p>` : nothing}
    ${empty && found.view === 'all' && query ? html`<p class="hint">${t.nothingFoundHint}</p>` : nothing}
    ${empty ? nothing : list.render(found.items, found.total, t.listLabel)}
    ${list.loading ? html`<p class="hint" role="status">${t.loadingMore}</p>` : nothing}
    ${list.failed
      ? html`<p part="alert" class="alert" role="alert">${t.loadMoreFailed} ${linkButton(t.retry, () => void listing.loadMore(found))}</p>`
      : nothing}
  `;
}

/** A service in the list: its title opens its card. */
export function renderItem(view: ItemView, service: ServiceSummary, index: number, total: number): TemplateResult {
  const { t } = view;
  return html`<div role="listitem" class="item" part="item" aria-setsize=${total} aria-posinset=${index + 1}>
    <div class="card">
      <div class="card-text">
        <button type="button" class="open" part="item-button" data-index=${index} @click=${() => view.open(service, index)}>
          ${service.title}
        </button>
        <p class="summary" part="item-summary">${service.summary}</p>
        <ul class="meta" part="item-meta">
          <li>${t.termDays(service.termDays)}</li>
          <li>${formatFee(t, view.locale, service.fee)}</li>
          <li>${deliveryText(t, service)}</li>
          ${service.availability === 'available'
            ? nothing
            : html`<li><span class="badge warning" part="badge">${t[availabilities[service.availability]]}</span></li>`}
        </ul>
      </div>
      ${favouriteButton(view, service, false)}
    </div>
  </div>`;
}

/** The star that adds the service to the favourites or takes it out; none for a visitor. */
export function favouriteButton(view: ItemView, service: ServiceSummary, labelled: boolean): TemplateResult | typeof nothing {
  const { t, favourites } = view;
  if (!favourites) return nothing;
  const on = favourites.includes(service.id);
  return html`<button
    type="button"
    class=${labelled ? 'button favourite' : 'favourite'}
    part="button favourite-button"
    aria-pressed=${on ? 'true' : 'false'}
    @click=${() => view.toggleFavourite(service)}
  >
    <span class="star" aria-hidden="true">${on ? '★' : '☆'}</span>
    ${labelled ? t.favourite : html`<span class="visually-hidden">${t.favourite}: ${service.title}</span>`}
  </button>`;
}
