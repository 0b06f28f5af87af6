import type { ApplicationSummary } from '@mfc-cabinet/core';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { fieldErrorList } from '../base/alerts.js';
import { MfcFormElement } from '../base/form-element.js';
import { SessionController } from '../base/session-controller.js';
import { addStrings } from '../i18n/registry.js';
import { ruTracker } from './strings-ru.js';
import { listStyles } from '../styles/list.styles.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import type { MfcApplicationOpenDetail } from './application-open-event.js';
import { applicationTrackerStyles } from './application-tracker.styles.js';
import { LiveUpdates } from './live-updates.js';
import { LazyPart } from '../base/lazy-part.js';
import type { TrackerDetail } from './tracker-detail.js';
import { TrackerList } from './tracker-list.js';
import type { TrackerContext } from './tracker-view.js';

addStrings('ru', ruTracker);

export type { MfcApplicationOpenDetail };

/**
 * The citizen's applications: status (named, with a mark besides colour), dates and the
 * expected completion; filters by status, service and period and a search by number; and
 * an application's detail with the timeline of every step, what the citizen submitted and
 * its printable copy (PDF), what fits its status (answer a
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
 * @event {CustomEvent<MfcErrorDetail>} mfc-error - A failure was shown. `detail.action`: `load`, `load-more`, `detail`, `results`, `submitted`, `copy`, `withdraw`, `attach`, `answer`.
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
 * @csspart next - What happens next, while the МФЦ has still to decide: by when, how the citizen is told, what to bring, the number to copy.
 * @csspart next-documents - The documents the service names, to bring to an МФЦ office.
 * @csspart tracking-number - The tracking number beside «Скопировать номер».
 * @csspart copy-status - Whether the number was copied (or selected, when the clipboard was refused).
 * @csspart facts - Its number, status and dates.
 * @csspart submitted - «Что вы отправили»: the disclosure of what the citizen submitted, collapsed at first.
 * @csspart submitted-summary - Its summary, which opens it.
 * @csspart submitted-answers - The answers by the steps of the service's form.
 * @csspart answers - The answers of one step.
 * @csspart answer - One answer: the field's label and its value.
 * @csspart submitted-documents - The documents of a documents field, by what they are, each file's name after.
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
 * @cssproperty --mfc-application-tracker-reserved-size - Height kept for the element until its code and its first page have loaded. Default `30rem`.
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

  /** The last look at the server failed for want of a network: what shows is what was saved. */
  @state() private offline = false;
  @state() private message?: string;
  @state() private announcement = '';

  /** Who is signed in: whoever signs in (again, or another citizen in another tab) gets the list and the detail afresh. */
  readonly #session = new SessionController(this, { client: () => this.cabinet });

  /** What the list, the detail and the answer take from the element. */
  readonly #context: TrackerContext = {
    host: this,
    client: () => this.cabinet,
    t: () => this.t,
    locale: () => this.resolvedLocale,
    account: () => this.#session.accountId,
    signedOut: () => this.#signedOut,
    failed: (error, action) => this.emit('mfc-error', { error, action }),
    setOffline: (offline) => (this.offline = offline),
    isOffline: () => this.offline,
    announce: (text) => (this.announcement = text),
    say: (message) => (this.message = message),
    focusLater: (selector) => (this.focusAfterRender = selector),
    busy: () => this.busy,
    run: (name, work) => void this.run(name, work),
    fieldErrors: () => this.fieldErrors,
    showFieldErrors: (errors) => this.showFieldErrors(errors),
    clearFieldError: (field) => this.clearFieldError(field),
  };

  readonly #list = new TrackerList(this.#context, {
    pageSize: () => this.pageSize,
    open: (item, index) => this.#open(item, index),
  });

  /** One application: its code loads when one is first opened (a list page does not fetch it). */
  readonly #detail: LazyPart<TrackerDetail> = new LazyPart(this, async () => {
    const { TrackerDetail } = await import('./tracker-detail.js');
    return new TrackerDetail(this.#context, {
      id: () => (this.#signedOut ? undefined : this.applicationId),
      headingLevel: () => this.ariaHeadingLevel,
      back: () => void this.#back(),
      retry: () => void this.refresh(),
    });
  });

  get #signedOut(): boolean {
    return this.#session.state.status === 'signed-out';
  }

  /** Where in the list the open application was opened from, to go back there. */
  #openedFrom?: number;

  constructor() {
    super();
    new LiveUpdates(this, { interval: () => this.pollInterval, refresh: () => void this.refresh({ background: true }) });
  }

  /**
   * Looks for updates now: the list's first page and the open application. The poll calls
   * it with `background`, which the server does not count as the citizen's use of the
   * session: a page left open does not keep an idle session alive.
   */
  async refresh(options: { background?: boolean } = {}): Promise<void> {
    this.#detail.retry();
    await Promise.all([this.#list.refresh(options), this.#detail.loaded?.refresh(options)]);
  }

  protected override fieldFor(path: string): string | undefined {
    return this.#detail.loaded?.fieldFor(path);
  }

  #open(item: ApplicationSummary, index: number): void {
    this.#openedFrom = index;
    this.applicationId = item.id;
    this.message = undefined;
    this.focusAfterRender = '#detail-heading';
    this.emit('mfc-application-open', { applicationId: item.id } satisfies MfcApplicationOpenDetail);
  }

  async #back(): Promise<void> {
    const index = this.#openedFrom;
    this.#openedFrom = undefined;
    this.applicationId = undefined;
    this.message = undefined;
    this.formError = undefined;
    this.emit('mfc-application-open', { applicationId: null } satisfies MfcApplicationOpenDetail);
    await this.updateComplete;
    if (index === undefined) this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
    else await this.#list.focus(index);
  }

  /** The open application, once the detail's code has loaded (offline before it ever did: what failed, and «Повторить»). */
  #renderDetail() {
    const detail = this.#detail.value;
    if (detail) return detail.render();
    const { t } = this;
    return this.#detail.failed
      ? html`<div part="alert" class="alert" role="alert">
          <p>${t.errors.network}</p>
          <button part="button" class="button" type="button" @click=${() => this.#detail.retry()}>${t.retry}</button>
        </div>`
      : html`<p part="status" class="status" role="status">${t.trackerDetailLoading}</p>`;
  }

  protected override render() {
    const { t } = this;
    return html`
      <section part="base" class="base" aria-labelledby="heading">
        ${this.renderHeading(t.trackerHeading)}
        <div part="announcer" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
        ${this.offline ? html`<p part="offline" class="alert info offline">${t.trackerOffline}</p>` : nothing}
        ${this.message ? html`<p part="alert" class="alert info" role="status" id="message" tabindex="-1">${this.message}</p>` : nothing}
        ${this.renderFormError(fieldErrorList(this.formError))}
        ${this.#signedOut
          ? html`<p part="status" class="status">${t.trackerSignInFirst}</p>`
          : this.applicationId
            ? this.#renderDetail()
            : this.#list.render()}
      </section>
    `;
  }
}
