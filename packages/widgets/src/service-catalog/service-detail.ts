import { Task, TaskStatus } from '@lit/task';
import type { AccountLevel, AuthState, CabinetClient, SearchIndex, Service, ServiceSummary } from '@mfc-cabinet/core';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { asCabinetError, isOffline } from '../base/errors.js';
import { linkButton } from '../base/fields.js';
import { hasLevel } from '../base/levels.js';
import { availabilities, deliveryText, formatFee, serviceLevels } from './catalog-view.js';
import { favouriteButton, type ItemView } from './results-list.js';

/**
 * Loads the service whose card is open, in full. `fellBack` tells whether the network
 * failed (the card then shows what the cached catalog knows).
 */
export function serviceTask(
  host: ReactiveControllerHost,
  args: () => readonly [CabinetClient, string | undefined],
  fellBack: (offline: boolean) => void,
): Task<readonly [CabinetClient, string | undefined], Service | undefined> {
  return new Task(host, {
    task: async ([client, serviceId], { signal }) => {
      if (!serviceId) return undefined;
      try {
        const service = await client.catalog.get(serviceId, { signal });
        fellBack(false);
        return service;
      } catch (error) {
        if (isOffline(error)) fellBack(true);
        throw error;
      }
    },
    args,
  });
}

/** What a service's card is drawn with. */
export interface DetailView extends ItemView {
  task: Task<readonly [CabinetClient, string | undefined], Service | undefined>;
  /** The service as the catalog lists it, shown until (or when offline, instead of) the full one. */
  summary: ServiceSummary | undefined;
  index: SearchIndex | undefined;
  auth: AuthState;
  /** The level of the catalog's heading (1–6). */
  level: number;
  back: () => void;
  select: (service: Service | ServiceSummary) => void;
  /** Inside `<mfc-cabinet>`, a link to the profile with this label (nothing outside one). */
  profileLink: (label: string) => unknown;
}

/** The card of service `serviceId`: its facts, the documents it needs, and «Подать заявление». */
export function renderDetail(view: DetailView, serviceId: string): TemplateResult {
  const { t, task } = view;
  const full = task.value?.id === serviceId ? task.value : undefined;
  const service: ServiceSummary | undefined = full ?? view.summary;
  const level = Math.min(6, view.level + 1);
  let more: TemplateResult | typeof nothing = nothing;
  if (full) {
    more = html`
      <p class="description">${full.description}</p>
      <div class="section" role="heading" aria-level=${Math.min(6, level + 1)}>${t.documentsHeading}</div>
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
    <p>${linkButton(`← ${t.backToList}`, view.back, { id: 'back' })}</p>
    <div part="detail-heading" class="detail-heading" role="heading" aria-level=${level} id="detail-heading" tabindex="-1">
      ${service?.title ?? (task.status === TaskStatus.ERROR ? t.errorHeading : t.serviceLoading)}
    </div>
    ${service ? renderFacts(view, service, full) : nothing}
    ${more}
    ${service ? renderApply(view, service, full) : nothing}
  </article>`;
}

function renderFacts({ t, locale, index }: DetailView, service: ServiceSummary, full: Service | undefined): TemplateResult {
  const municipality = service.municipalityId
    ? (index?.municipalities.find(({ id }) => id === service.municipalityId)?.name ?? service.municipalityId)
    : t.everywhere;
  const fact = (label: string, value: string) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
  return html`<dl part="facts" class="facts">
    ${fact(t.termLabel, t.termDays(service.termDays))}
    ${fact(t.feeLabel, formatFee(t, locale, service.fee))}
    ${fact(t.deliveryLabel, deliveryText(t, service))}
    ${fact(t.availabilityLabel, t[availabilities[service.availability]])}
    ${fact(t.levelOfService, t[serviceLevels[service.level]])}
    ${fact(t.whereLabel, municipality)}
    ${fact(t.requiredLevelLabel, t.requiredLevel(service.requiredLevel))}
    ${full ? fact(t.providerLabel, full.provider) : nothing}
  </dl>`;
}

function renderApply(view: DetailView, service: ServiceSummary, full: Service | undefined): TemplateResult {
  const { t } = view;
  const favourite = favouriteButton(view, service, true);
  if (service.availability !== 'available') {
    return html`<p part="alert" class="alert warning">${t.notAvailable(service.availability)}</p>
      <div class="actions">${favourite}</div>`;
  }
  const { auth } = view;
  const current = auth.status === 'signed-in' ? auth.session.user.level : undefined;
  // An account whose level is too low is not offered «Подать заявление» (the server would
  // refuse): the way to raise it is, inside a cabinet, the profile.
  const short = current && !hasLevel(current, service.requiredLevel);
  return html`${renderLevelNotice(view, service.requiredLevel, short ? current : undefined)}
    <div class="actions">
      ${short
        ? view.profileLink(t.raiseLevel)
        : html`<button type="button" class="button primary" part="button primary-button apply-button" @click=${() => view.select(full ?? service)}>
            ${t.apply}
          </button>`}
      ${favourite}
    </div>`;
}

/** For a visitor, that signing in comes first; for a citizen whose account (`current`) is not enough, how to raise it. */
function renderLevelNotice({ t, auth }: DetailView, required: AccountLevel, current: AccountLevel | undefined): TemplateResult | typeof nothing {
  if (auth.status === 'signed-out') {
    return html`<p part="level-notice" class="alert info">${t.signInToApply(t.requiredLevel(required))}</p>`;
  }
  if (!current) return nothing;
  return html`<div part="level-notice" class="alert warning">
    <p><strong>${t.levelTooLow(t.accountLevel[current], t.requiredLevel(required))}</strong></p>
    ${current === 'simplified' ? html`<p>${t.howToStandard}</p>` : nothing}
    ${required === 'confirmed' ? html`<p>${t.howToConfirmed}</p>` : nothing}
  </div>`;
}
