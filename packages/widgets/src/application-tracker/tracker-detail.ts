import { Task } from '@lit/task';
import type { Application, ApplicationStatus, CabinetClient, CabinetError, VaultDocument } from '@mfc-cabinet/core';
import { html, nothing, type TemplateResult } from 'lit';
import { asCabinetError, isOffline } from '../base/errors.js';
import { linkButton } from '../base/fields.js';
import { WatchController } from '../base/watch-controller.js';
import { LazyPart } from '../base/lazy-part.js';
import type { TrackerAnswer } from './tracker-answer.js';
import type { TrackerSubmitted } from './tracker-submitted.js';
import { TrackerNext } from './tracker-next.js';
import { formatDate, formatDateTime, formatDay, readFailed, statusBadge, statusChanged, type TrackerContext } from './tracker-view.js';

/** The statuses a citizen may withdraw an application from (as the server allows). */
const withdrawable: readonly ApplicationStatus[] = ['submitted', 'in_review', 'needs_info'];
/** Statuses after which an МФЦ may have issued result documents. */
const decided: readonly ApplicationStatus[] = ['approved', 'ready_for_issue', 'completed', 'rejected'];
/** The kind of the documents an МФЦ issues as the result (`resultDocumentKind` of the SDK's schemas). */
const resultKind = 'result';

export interface TrackerDetailOptions {
  /** The application to show (the element's `application-id`). */
  id: () => string | undefined;
  /** The `aria-level` of the tracker's heading. */
  headingLevel: () => string;
  /** Goes back to the list. */
  back: () => void;
  /** Looks for updates now (the retry after a failure). */
  retry: () => void;
}

/**
 * The detail of the open application: watched (cached copy first, then the server's), what
 * happens next while the МФЦ has still to decide ({@link TrackerNext}), its facts, the
 * timeline of its steps, the result documents once decided, the answer to a
 * request for information ({@link TrackerAnswer}) and the withdrawal with its confirmation.
 */
export class TrackerDetail {
  readonly #context: TrackerContext;
  readonly #options: TrackerDetailOptions;
  #application?: Application;
  #error?: CabinetError;
  #confirmingWithdraw = false;

  /** The open application. */
  readonly #watch: WatchController<readonly [CabinetClient, string | undefined, string | undefined], Application>;
  readonly #results: Task<readonly [CabinetClient, string | undefined, ApplicationStatus | undefined], VaultDocument[]>;
  /** The answer to a request for information: its code (the form fields) loads when one is open. */
  readonly #answer: LazyPart<TrackerAnswer>;
  /** What happens next, while the МФЦ has still to decide. */
  readonly #next: TrackerNext;
  /** What the citizen submitted: its code loads when «Что вы отправили» is first opened. */
  readonly #submitted: LazyPart<TrackerSubmitted>;
  /** The application whose «Что вы отправили» is open. */
  #submittedOpen?: string;

  constructor(context: TrackerContext, options: TrackerDetailOptions) {
    this.#context = context;
    this.#options = options;
    const { host } = context;
    this.#watch = new WatchController(host, {
      args: () => [context.client(), options.id() || undefined, context.account()] as const,
      onStart: ([, id]) => this.#start(id),
      watch: ([client, id], { signal, next, error }) =>
        id && client.applications.watch(id, (application, { stale }) => next(application, stale), { signal, onError: error }),
      onValue: (application, stale, [, id]) => this.#onApplication(id!, application, stale),
      onError: (error, [, id]) => this.#failed(id!, error),
    });
    this.#results = new Task(host, {
      task: async ([client, id, status], { signal }) => {
        if (!id || !status || !decided.includes(status)) return [];
        try {
          const documents = await client.documents.list({ applicationId: id }, { signal });
          return documents.filter((document) => document.kind === resultKind && document.applicationId === id);
        } catch (error) {
          const failure = asCabinetError(error);
          if (failure.code !== 'aborted') context.failed(failure, 'results');
          throw failure;
        }
      },
      args: () => [context.client(), this.#application?.id, this.#application?.status] as const,
    });
    this.#next = new TrackerNext(context, () => this.#application);
    this.#answer = new LazyPart(context.host, async () => {
      const { TrackerAnswer } = await import('./tracker-answer.js');
      const answer = new TrackerAnswer(context, () => this.#application);
      if (this.#application?.status === 'needs_info') answer.reset(this.#application);
      return answer;
    });
    this.#submitted = new LazyPart(context.host, async () => {
      const { TrackerSubmitted } = await import('./tracker-submitted.js');
      return new TrackerSubmitted(context, () => (this.#submittedOpen === this.#application?.id ? this.#application : undefined));
    });
  }

  /** Asks for the open application again (the watch takes the answer); failures show as the watch's would. */
  refresh(options: { background?: boolean } = {}): Promise<unknown> | undefined {
    this.#answer.retry();
    this.#submitted.retry();
    const id = this.#options.id();
    return id ? this.#context.client().applications.get(id, options).catch((error: unknown) => this.#failed(id, error)) : undefined;
  }

  /** The field of the answer that shows errors of a server field path, if any. */
  fieldFor(path: string): string | undefined {
    return this.#answer.loaded?.fieldFor(this.#application, path);
  }

  /** The application being watched. */
  get #watched(): string | undefined {
    return this.#watch.args?.[1];
  }

  #start(id: string | undefined): void {
    this.#error = undefined;
    this.#confirmingWithdraw = false;
    if (this.#application?.id !== id) {
      this.#application = undefined;
      this.#answer.loaded?.reset();
      this.#context.say(undefined);
    }
    this.#context.host.requestUpdate();
  }

  #onApplication(id: string, application: Application, stale: boolean): void {
    if (id !== this.#watched) return;
    const before = this.#application;
    if (!stale) {
      this.#context.setOffline(false);
      this.#error = undefined;
      if (before && before.status !== application.status) this.#context.announce(statusChanged(this.#context.t(), application));
    }
    if (application.status === 'needs_info' && (before?.status !== 'needs_info' || before.id !== application.id)) this.#answer.loaded?.reset(application);
    this.#application = application;
  }

  #failed(id: string, error: unknown): void {
    const failure = asCabinetError(error);
    if (failure.code !== 'aborted' && id === this.#watched) this.#error = readFailed(this.#context, failure, this.#error, this.#application !== undefined, 'detail');
  }

  #confirm(confirming: boolean, focus: string): void {
    this.#confirmingWithdraw = confirming;
    this.#context.focusLater(focus);
    this.#context.host.requestUpdate();
  }

  #withdraw(application: Application): void {
    const context = this.#context;
    context.run('withdraw', async () => {
      await context.client().applications.withdraw(application.id);
      this.#confirm(false, '#message');
      context.say(context.t().trackerWithdrawn);
    });
  }

  // ------------------------------------------------------------------ rendering

  render(): TemplateResult {
    const t = this.#context.t();
    const application = this.#application?.id === this.#options.id() ? this.#application : undefined;
    const failure = this.#error;
    const level = String(Math.min(6, Number(this.#options.headingLevel()) + 1));
    const sublevel = String(Math.min(6, Number(level) + 1));
    let body: TemplateResult;
    if (application) body = this.#renderApplication(application, sublevel);
    else if (failure) {
      body = html`<div part="alert" class="alert" role="alert">
        <p>${failure.code === 'not_found' ? t.trackerNotFound : isOffline(failure) ? t.trackerOfflineNoData : t.errors[failure.code]}</p>
        ${failure.code === 'not_found' ? nothing : html`<p>${linkButton(t.retry, this.#options.retry, { id: 'retry' })}</p>`}
      </div>`;
    } else body = html`<p class="hint" role="status">${t.trackerDetailLoading}</p>`;
    return html`<article part="detail" class="detail" aria-labelledby="detail-heading" aria-busy=${application || failure ? 'false' : 'true'}>
      <p>${linkButton(`← ${t.trackerBack}`, this.#options.back, { id: 'back' })}</p>
      <div part="detail-heading" class="detail-heading" role="heading" aria-level=${level} id="detail-heading" tabindex="-1">
        ${application?.serviceTitle ?? (failure ? t.errorHeading : t.trackerDetailLoading)}
      </div>
      ${body}
    </article>`;
  }

  #renderApplication(application: Application, level: string): TemplateResult {
    const t = this.#context.t();
    const locale = this.#context.locale();
    const fact = (label: string, value: string | TemplateResult) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
    return html`
      ${this.#next.render(application, level)}
      <dl part="facts" class="facts" aria-label=${t.trackerFacts}>
        ${fact(t.trackerNumber, application.trackingNumber ?? t.trackerNoNumber)}
        ${fact(t.trackerStatusLabel, statusBadge(t, application.status))}
        ${fact(t.trackerSubmitted, application.submittedAt ? formatDate(locale, application.submittedAt) : t.trackerNotSubmitted)}
        ${fact(t.trackerExpected, formatDay(locale, application.expectedCompletionDate))}
        ${fact(t.trackerUpdated, formatDateTime(locale, application.updatedAt))}
      </dl>
      ${application.submittedAt ? this.#renderSubmitted(application, level) : nothing}
      ${application.status === 'needs_info' ? this.#renderAnswer(application, level) : nothing}
      ${decided.includes(application.status) ? this.#renderResults(level) : nothing}
      <div part="section-heading" class="section" role="heading" aria-level=${level}>${t.trackerHistory}</div>
      <ol part="timeline" class="timeline">
        ${application.history.map(
          (step) => html`<li part="timeline-item" class="step status-${step.to}">
            <span class="step-head">${statusBadge(t, step.to)} <time datetime=${step.at}>${formatDateTime(locale, step.at)}</time></span>
            <span class="step-actor">${t.trackerActor(step.actor, step.officerName)}</span>
            ${step.comment ? html`<span class="step-comment">${step.comment}</span>` : nothing}
          </li>`,
        )}
      </ol>
      ${withdrawable.includes(application.status) ? this.#renderWithdraw(application) : nothing}
    `;
  }

  /** The answer to a request, once its code has loaded (offline before it ever did: what failed). */
  #renderAnswer(application: Application, level: string): TemplateResult {
    const t = this.#context.t();
    const answer = this.#answer.value;
    if (answer) return answer.render(application, level);
    return this.#answer.failed
      ? html`<p part="alert" class="alert" role="alert">${t.errors.network}</p>`
      : html`<p class="hint">${t.trackerDetailLoading}</p>`;
  }

  /**
   * «Что вы отправили», collapsed: the answers and documents (their part loads when it is
   * first opened), and the printable copy.
   */
  #renderSubmitted(application: Application, level: string): TemplateResult {
    const t = this.#context.t();
    const open = this.#submittedOpen === application.id;
    const part = open ? this.#submitted.value : undefined;
    const busy = this.#context.busy();
    return html`<details part="submitted" class="submitted" .open=${open} @toggle=${(event: Event) => this.#toggleSubmitted(application.id, event)}>
      <summary part="submitted-summary" class="link">${t.trackerSubmittedHeading}</summary>
      ${open
        ? part
          ? part.render(application, level)
          : this.#submitted.failed
            ? html`<p part="alert" class="alert" role="alert">${t.errors.network}</p>`
            : html`<p class="hint">${t.trackerDetailLoading}</p>`
        : nothing}
    </details>
    <div class="actions">
      <button type="button" class="button" part="button" id="copy-pdf" aria-disabled=${busy !== undefined ? 'true' : 'false'} @click=${() => this.#printCopy(application)}>
        ${busy === 'copy' ? t.trackerPreparingCopy : t.trackerPrintCopy}
      </button>
    </div>`;
  }

  #toggleSubmitted(id: string, event: Event): void {
    const open = (event.target as HTMLDetailsElement).open;
    if (open === (this.#submittedOpen === id)) return;
    this.#submittedOpen = open ? id : undefined;
    this.#context.host.requestUpdate();
  }

  /** Downloads the printable copy (drawn by the server), to open and print. */
  #printCopy(application: Application): void {
    const context = this.#context;
    context.run('copy', async () => {
      const url = URL.createObjectURL(await context.client().applications.copyPdf(application.id));
      const link = document.createElement('a');
      link.href = url;
      link.download = `copy-${application.trackingNumber ?? application.id}.pdf`;
      link.click();
      // Long enough for the browser to take the file.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    });
  }

  #renderResults(level: string): TemplateResult {
    const t = this.#context.t();
    const documents = this.#results.value ?? [];
    const client = this.#context.client();
    return html`<div part="section-heading" class="section" role="heading" aria-level=${level}>${t.trackerResults}</div>
      ${documents.length === 0
        ? html`<p class="hint">${t.trackerNoResults}</p>`
        : html`<ul part="results" class="results-list">
            ${documents.map(
              (document) => html`<li>
                <a part="result-link" class="link" href=${client.documents.contentUrl(document.id)} download=${document.name}>${document.name}</a>
              </li>`,
            )}
          </ul>`}`;
  }

  #renderWithdraw(application: Application): TemplateResult {
    const t = this.#context.t();
    const busy = this.#context.busy();
    if (!this.#confirmingWithdraw) {
      return html`<div part="withdraw" class="actions">
        <button type="button" class="button" part="button" id="withdraw" @click=${() => this.#confirm(true, '#withdraw-question')}>${t.trackerWithdraw}</button>
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
          aria-disabled=${busy !== undefined ? 'true' : 'false'}
          @click=${() => this.#withdraw(application)}
        >
          ${busy === 'withdraw' ? t.trackerWithdrawing : t.trackerWithdrawYes}
        </button>
        <button type="button" class="button" part="button" id="withdraw-no" @click=${() => this.#confirm(false, '#withdraw')}>${t.trackerWithdrawNo}</button>
      </div>
    </div>`;
  }
}
