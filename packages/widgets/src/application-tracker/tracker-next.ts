import { Task } from '@lit/task';
import type { Application, ApplicationStatus, CabinetClient, Service } from '@mfc-cabinet/core';
import { html, nothing, type TemplateResult } from 'lit';
import { addStrings } from '../i18n/registry.js';
import { ruTrackerNext } from './strings-next-ru.js';
import { formatDay, type TrackerContext } from './tracker-view.js';

// With the detail's chunk, not the list's: the applications page does not fetch them.
addStrings('ru', ruTrackerNext);

/** The statuses in which the citizen waits for the МФЦ: what happens next shows. */
const waiting: readonly ApplicationStatus[] = ['submitted', 'in_review'];

/**
 * What happens next with an application the МФЦ has still to decide (`submitted`,
 * `in_review`), near the top of its detail: what the МФЦ does now and by when, how the
 * citizen learns of the next status, the documents the service names when its result may be
 * collected at an МФЦ office, and the tracking number with «Скопировать номер».
 */
export class TrackerNext {
  readonly #context: TrackerContext;
  /** What the copy button did, for the application `id`: said in a polite live region beside it. */
  #copied?: { id: string; how: 'copied' | 'selected' };
  /** The service applied for: its documents and how its result is delivered. */
  readonly #service: Task<readonly [CabinetClient, string | undefined], Service | undefined>;

  constructor(context: TrackerContext, application: () => Application | undefined) {
    this.#context = context;
    this.#service = new Task(context.host, {
      // Without the service (offline, a failure) the rest still shows: nothing to report.
      task: ([client, serviceId], { signal }) => (serviceId ? client.catalog.get(serviceId, { signal }).catch(() => undefined) : Promise.resolve(undefined)),
      args: () => {
        const open = application();
        return [context.client(), open && waiting.includes(open.status) ? open.serviceId : undefined] as const;
      },
    });
  }

  render(application: Application, level: string): TemplateResult | typeof nothing {
    if (!waiting.includes(application.status)) return nothing;
    const t = this.#context.t();
    const day = application.expectedCompletionDate;
    const number = application.trackingNumber;
    const service = this.#service.value?.id === application.serviceId ? this.#service.value : undefined;
    const documents = service?.deliveryMethods.includes('office') ? service.requiredDocuments : [];
    const copied = this.#copied?.id === application.id ? this.#copied.how : undefined;
    return html`<div part="next" class="alert info detail">
      <div part="section-heading" class="section" role="heading" aria-level=${level}>${t.trackerNextHeading}</div>
      <p>${t.trackerNextLead(application.status)}${day ? ` ${t.trackerNextExpected(formatDay(this.#context.locale(), day))}` : ''}</p>
      <p>${t.trackerNextTold}</p>
      ${documents.length > 0
        ? html`<p>${t.trackerNextBring}</p>
            <ul part="next-documents" class="results-list">
              ${documents.map((document) => html`<li>${document.title}${document.note ? html` <span class="hint">— ${document.note}</span>` : nothing}</li>`)}
            </ul>`
        : nothing}
      ${number
        ? html`<div class="actions">
            <span>${t.trackerNumber}: <strong part="tracking-number" id="tracking-number">${number}</strong></span>
            <button type="button" class="button" part="button" id="copy-number" @click=${() => void this.#copy(application.id, number)}>${t.trackerCopyNumber}</button>
            <span part="copy-status" class="hint" role="status">${copied === 'copied' ? t.trackerNumberCopied : copied === 'selected' ? t.trackerNumberSelected : ''}</span>
          </div>`
        : nothing}
    </div>`;
  }

  /** Puts the number on the clipboard; when the browser refuses, selects it for the citizen to copy. */
  async #copy(id: string, number: string): Promise<void> {
    const { host } = this.#context;
    // Emptied first, so that a second copy is said again.
    this.#copied = undefined;
    host.requestUpdate();
    let how: 'copied' | 'selected' = 'copied';
    try {
      await navigator.clipboard.writeText(number);
    } catch {
      how = 'selected';
      const shown = host.renderRoot.querySelector('#tracking-number');
      if (shown) getSelection()?.selectAllChildren(shown);
    }
    await host.updateComplete;
    this.#copied = { id, how };
    host.requestUpdate();
  }
}
