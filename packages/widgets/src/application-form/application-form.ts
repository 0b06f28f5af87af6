import { Task, TaskStatus } from '@lit/task';
import { CabinetError, isCabinetError, type Application, type CabinetClient, type FormField, type FormStep, type FormValue, type Service } from '@mfc-cabinet/core';
import { validateValues } from '@mfc-cabinet/core/forms';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { renderOnChange } from '../base/extension-point.js';
import { errorsByField, fieldError, findField, renderFormField, stepErrors } from '../base/form-field.js';
import { MfcFormElement } from '../base/form-element.js';
import { SessionController } from '../base/session-controller.js';
import { WatchController } from '../base/watch-controller.js';
import { addStrings } from '../i18n/registry.js';
import { ruApplicationForm } from './strings-ru.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import { afterSubmitSteps } from './after-submit-steps.js';
import { applicationFormStyles } from './application-form.styles.js';
import type { MfcApplicationSubmitDetail } from './application-submit-event.js';
import { DraftController } from './draft-controller.js';
import { loadForm, resumeStep, stepOf, type LoadArgs, type LoadedForm } from './form-load.js';
import { FormDocuments } from './form-documents.js';
import {
  fieldId,
  formatDayAndTime,
  renderConfirmation,
  renderErrorSummary,
  renderLoadError,
  renderNotice,
  renderProgress,
  renderReview,
  renderSaveStatus,
  type FormView,
} from './form-views.js';

addStrings('ru', ruApplicationForm);

export type { MfcApplicationSubmitDetail };

/**
 * The application form of a service: a step-by-step wizard made from the service's form
 * definition, with a progress indicator, help text for every field, the checks shared with
 * the server (passport, СНИЛС, ИНН, phone, dates) on leaving a field and on «Далее», the
 * fields filled in from the profile, a documents step with `<mfc-document-uploader>`, and a
 * review of every answer before sending.
 *
 * The citizen's latest draft of the service is continued (or the one `application-id`
 * names); otherwise a draft is made once the citizen starts typing or continues — not on
 * mere viewing. It is saved a second after each change and on every step, with the status
 * shown and announced; without a connection it is kept on the device and sent later, and
 * the page warns before it is left with changes not yet saved. When the service needs a
 * higher account level than the citizen's, the form says so, and how to raise it, before
 * anything is filled in. «Отправить заявление» submits exactly once (also when queued
 * offline) and shows the tracking number, the expected date and what happens next.
 *
 * @summary Step-by-step application form of a service, with drafts, review and submission.
 * @tagname mfc-application-form
 *
 * @event {CustomEvent<MfcApplicationSubmitDetail>} mfc-application-submit - The application was sent, or queued to be sent when the connection is back. `detail`: `{ application, queued }`.
 * @event {CustomEvent<MfcErrorDetail>} mfc-error - A failure was shown. `detail.action`: `load`, `save`, `submit`.
 *
 * @csspart base - The outer box.
 * @csspart heading - The service's title, the form's heading.
 * @csspart progress - «Шаг 2 из 4».
 * @csspart steps - The ordered list of steps.
 * @csspart step - One step in that list (`aria-current="step"` on the current one).
 * @csspart save-status - Whether the draft is saved (a live region).
 * @csspart error-summary - The list of errors, with links to the fields.
 * @csspart form - The form of the current step.
 * @csspart step-heading - The current step's title (focused on every step change).
 * @csspart field - A field: label, hint, error and control.
 * @csspart label - A field's label.
 * @csspart hint - A field's help text.
 * @csspart field-error - A field's error.
 * @csspart input - A text input, select or text area.
 * @csspart checkbox - A checkbox.
 * @csspart documents - A documents field with its uploaders.
 * @csspart uploader - An `<mfc-document-uploader>` of a documents field.
 * @csspart review - The review of every answer.
 * @csspart answer - One answer in the review.
 * @csspart change-link - «Изменить» of an answer.
 * @csspart actions - The row of buttons of a step.
 * @csspart button - Every button.
 * @csspart primary-button - «Далее», «Отправить заявление».
 * @csspart link-button - A button that looks like a link.
 * @csspart alert - A message: loading failed, submission refused.
 * @csspart level-notice - What to do when the account's level is not enough.
 * @csspart confirmation - What the citizen sees once the application is sent or queued.
 * @csspart tracking-number - The application's tracking number.
 * @csspart after-submit-step - A step a feature offers in the confirmation (`data-step` is its id), e.g. paying the fee.
 *
 * @cssproperty --mfc-application-form-max-width - Widest the form grows. Default `40rem`.
 * @cssproperty --mfc-application-form-accent - Colour of the current step. Default `--mfc-color-primary`.
 * @cssproperty --mfc-application-form-done - Colour of the steps done and of the confirmation. Default `--mfc-color-success`.
 * @cssproperty --mfc-application-form-gap - Space between fields. Default `--mfc-space` × 3.
 * @cssproperty --mfc-application-form-review-background - Background of the review. Default `--mfc-color-surface-alt`.
 * @cssproperty --mfc-application-form-reserved-size - Height kept for the element until its code has loaded (in `mfc-cabinet.css`). Default `30rem`.
 *
 * @example
 * ```html
 * <mfc-application-form api-base="/api/v1" service-id="tax-debt-certificate"></mfc-application-form>
 * <script type="module">
 *   document.addEventListener('mfc-application-submit', (event) => {
 *     const { application, queued } = event.detail;
 *     console.log(queued ? 'will be sent when online' : application.trackingNumber);
 *   });
 * </script>
 * ```
 */
export class MfcApplicationForm extends MfcFormElement<string> {
  static override styles = [tokens, controls, applicationFormStyles];

  /** The service to apply for: its id in the catalog, e.g. `tax-debt-certificate`. */
  @property({ attribute: 'service-id', reflect: true }) serviceId?: string;

  /** A draft to continue (its id); without it the citizen's latest draft of the service is continued, if any. */
  @property({ attribute: 'application-id', reflect: true }) applicationId?: string;

  /** The step shown; the number of the form's steps is the review. */
  @state() private stepIndex = 0;
  /** Errors by field id; the summary lists them when `summary` is set. */
  @state() private errors: Record<string, string> = {};
  @state() private summary = false;
  @state() private resumed = false;
  @state() private submitted?: MfcApplicationSubmitDetail;

  /** Who is signed in: the draft to continue depends on it. */
  readonly #session = new SessionController(this, { client: () => this.cabinet });
  /** The draft, its values and their saving. */
  readonly #draft = new DraftController(this, {
    client: () => this.cabinet,
    serviceId: () => this.#service?.id,
    field: (id) => this.#field(id),
    closed: () => this.submitted !== undefined,
    leaveWarning: () => this.t.leaveWarning,
    onSaveFailed: (error) => this.emit('mfc-error', { error, action: 'save' }),
  });
  readonly #documents = new FormDocuments(this);
  /** The step was opened by «Изменить» in the review: its button leads back there. */
  #returnToReview = false;
  /** The service of the form shown (the task's value is not set yet when it completes). */
  #service?: Service;

  readonly #load = new Task(this, {
    task: loadForm,
    args: (): LoadArgs => [this.cabinet, this.serviceId, this.applicationId, this.#session.state.status, this.#session.accountId],
    onComplete: (loaded) => this.#start(loaded),
    onError: (error) => {
      if (isCabinetError(error) && error.code !== 'aborted') this.emit('mfc-error', { error, action: 'load' });
    },
  });

  /** A submission queued offline: the confirmation follows the application until the server has it. */
  readonly #queued = new WatchController<readonly [CabinetClient, string | undefined], Application>(this, {
    args: () => [this.cabinet, this.submitted?.queued ? this.submitted.application.id : undefined] as const,
    watch: ([client, id], { signal, next, error }) =>
      id && client.applications.watch(id, (application, { stale }) => next(application, stale), { signal, onError: error }),
    onValue: (application) => {
      if (application.status !== 'draft' && this.submitted?.queued) this.submitted = { application, queued: false };
    },
  });

  constructor() {
    super();
    // Steps features add after submission re-render the confirmation when they arrive.
    renderOnChange(this, afterSubmitSteps);
  }

  /** Whether changes are not yet saved (or being saved): leaving the page now would lose them. */
  get hasUnsavedChanges(): boolean {
    return this.#draft.unsaved;
  }

  get #steps(): FormStep[] {
    return this.#service?.form.steps ?? [];
  }

  get #onReview(): boolean {
    return this.stepIndex >= this.#steps.length;
  }

  /** A new form: the draft's values (or none), at the first step the draft still needs. */
  #start(loaded: LoadedForm | undefined): void {
    this.errors = {};
    this.summary = false;
    this.formError = undefined;
    this.submitted = undefined;
    this.#service = loaded?.service;
    const draft = loaded?.draft;
    this.#draft.reset(draft?.status === 'draft' ? draft : undefined, loaded?.fromProfile);
    if (draft && draft.status !== 'draft') {
      this.submitted = { application: draft, queued: false };
      return;
    }
    this.resumed = draft !== undefined;
    this.#documents.keep(this.#steps, this.#draft.values, this.cabinet);
    this.stepIndex = loaded && draft ? resumeStep(loaded.service, draft) : 0;
  }

  #field(id: string): FormField | undefined {
    return findField(this.#service?.form, id);
  }

  #set(field: FormField, value: FormValue): void {
    if (this.errors[field.id] && !fieldError(field, value, false)) this.#setError(field.id, undefined);
    this.#draft.set(field.id, value);
  }

  #setError(id: string, message: string | undefined): void {
    const errors = { ...this.errors };
    if (message) errors[id] = message;
    else delete errors[id];
    this.errors = errors;
    if (Object.keys(errors).length === 0) this.summary = false;
  }

  // ------------------------------------------------------------------ steps

  #goTo(index: number, focus = '#step-heading'): void {
    this.#documents.keep(this.#steps, this.#draft.values, this.cabinet);
    if (this.#draft.dirty) void this.#draft.save();
    this.stepIndex = index;
    this.summary = false;
    this.formError = undefined;
    this.focusAfterRender = focus;
  }

  #showErrors(errors: Record<string, string>): void {
    this.errors = errors;
    this.summary = true;
    this.focusAfterRender = '#error-summary';
  }

  readonly #onNext = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.busy) return;
    if (this.#onReview) void this.#submit();
    else void this.#next();
  };

  async #next(): Promise<void> {
    const step = this.#steps[this.stepIndex];
    if (!step) return;
    // Continuing makes the draft, as typing does; it comes with what the profile fills in,
    // so the step is checked after that, not before.
    if (!this.#draft.application) await this.#draft.begin();
    const errors = stepErrors(step, this.#draft.values, this.t.fieldMessage);
    if (Object.keys(errors).length > 0) return this.#showErrors(errors);
    this.errors = {};
    this.#goTo(this.#returnToReview ? this.#steps.length : this.stepIndex + 1);
    this.#returnToReview = false;
  }

  readonly #onBlur = (event: FocusEvent): void => {
    const target = event.composedPath()[0] as HTMLInputElement | undefined;
    const id = target?.id?.startsWith('field-') ? target.id.slice('field-'.length) : undefined;
    const field = id ? this.#field(id) : undefined;
    if (!field || field.type === 'documents' || field.type === 'checkbox') return;
    this.#setError(field.id, fieldError(field, this.#draft.values[field.id], true, this.t.fieldMessage));
  };

  async #submit(): Promise<void> {
    const service = this.#service;
    if (!service) return;
    const errors = validateValues(service.form, this.#draft.values);
    if (errors.length > 0) {
      this.#showFieldErrorsOnStep(errors);
      return;
    }
    await this.run('submit', async () => {
      const client = this.cabinet;
      await this.#draft.save();
      const draft = await this.#draft.ensure();
      if (!draft || this.#draft.state === 'failed') throw this.#draft.error ?? new CabinetError('internal');
      const result = await client.applications.submit(draft.id);
      this.submitted = { application: result.application ?? draft, queued: result.status === 'queued' };
      this.#draft.done();
      this.focusAfterRender = '#confirmation-heading';
      this.emit('mfc-application-submit', this.submitted);
    });
  }

  /** Shows errors of fields (the form's own or the server's) on the step of the first one. */
  #showFieldErrorsOnStep(errors: ReadonlyArray<{ field: string; message: string }>): boolean {
    const known = errors.filter(({ field }) => this.#field(field));
    const [first] = known;
    if (!first) return false;
    this.#goTo(stepOf(this.#steps, first.field));
    this.#returnToReview = true;
    this.#showErrors(errorsByField(known, this.#service?.form, this.t.fieldMessage));
    return true;
  }

  protected override onFailure(failure: CabinetError, action: string): void {
    if (action === 'submit' && failure.code === 'validation_failed' && this.#showFieldErrorsOnStep(failure.fieldErrors)) return;
    this.formError = failure;
    // Refused for the account's level: the level notice says why, with the level the server knows.
    if (failure.code !== 'forbidden') return;
    this.focusAfterRender = '#level-notice';
    void this.cabinet.auth.refresh().catch(() => undefined);
  }

  // ------------------------------------------------------------------ rendering

  protected override render(): TemplateResult | typeof nothing {
    if (!this.serviceId) return nothing;
    const task = this.#load;
    const loaded = task.value;
    const view = this.#view;
    if (task.status === TaskStatus.ERROR) return html`<div part="base" class="base">${renderLoadError(view, task.error, () => void task.run())}</div>`;
    if (!loaded || task.status === TaskStatus.PENDING) {
      return html`<div part="base" class="base" aria-busy="true"><p role="status" class="status">${this.t.applicationLoading}</p></div>`;
    }
    const { service } = loaded;
    return html`<div part="base" class="base">
      ${this.renderHeading(service.title)}
      ${this.submitted ? renderConfirmation(view, this.submitted, service) : (renderNotice(view, service, this.#session.state, this, this.formError?.code === 'forbidden') ?? this.#renderWizard(view, service))}
    </div>`;
  }

  #renderWizard(view: FormView, service: Service): TemplateResult {
    const { t } = this;
    const steps = this.#steps;
    const step = steps[this.stepIndex];
    const { application, values } = this.#draft;
    const stepLevel = String(Math.min(6, view.level + 1));
    return html`
      ${renderProgress(view, [...steps.map((one) => one.title), t.reviewStepTitle], this.stepIndex)}
      ${this.resumed && application ? html`<p class="hint lead">${t.resumedDraft(formatDayAndTime(view.locale, application.createdAt))}</p>` : nothing}
      ${renderSaveStatus(view, this.#draft.state, this.#draft.error)}
      ${this.summary ? renderErrorSummary(view, this.errors, (id) => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus()) : nothing}
      <form part="form" class="form" novalidate aria-labelledby="step-heading" @submit=${this.#onNext} @focusout=${this.#onBlur}>
        <div part="step-heading" class="step-heading" id="step-heading" role="heading" aria-level=${stepLevel} tabindex="-1">
          ${step?.title ?? t.reviewStepTitle}
        </div>
        ${this.stepIndex === 0 && !application && !this.resumed ? html`<p class="hint lead">${t.draftLead}</p>` : nothing}
        ${step
          ? html`<div class="fields">${step.fields.map((field) => this.#renderField(field))}</div>`
          : renderReview(view, service, values, this.#documents.names, (index, field) => {
              this.#goTo(index, `#${fieldId(field)}`);
              this.#returnToReview = true;
            })}
        ${this.renderFormError(this.#formErrorDetail())}
        <div part="actions" class="actions">
          <button class="button primary" part="button primary-button" type="submit" id="next" aria-disabled=${this.busy !== undefined}>
            ${this.#onReview ? (this.busy === 'submit' ? t.submitting : t.submitApplication) : this.#returnToReview ? t.backToReview : t.next}
          </button>
          ${this.stepIndex > 0
            ? html`<button type="button" class="button" part="button" id="previous" @click=${() => this.#goTo(this.stepIndex - 1)}>${t.previous}</button>`
            : nothing}
        </div>
      </form>
    `;
  }

  /** The server's own words about a refusal (e.g. how to raise the account level), when it said more than the code. */
  #formErrorDetail(): TemplateResult | typeof nothing {
    const failure = this.formError;
    if (!failure || failure.message === failure.code || failure.message === this.t.errors[failure.code]) return nothing;
    return html`<p>${failure.message}</p>`;
  }

  get #view(): FormView {
    return { t: this.t, locale: this.resolvedLocale, level: Number(this.ariaHeadingLevel) };
  }

  #renderField(field: FormField): TemplateResult {
    const { t } = this;
    const error = this.errors[field.id];
    const own = field.hint ?? t.typeHints[field.type];
    const hint = this.#draft.fromProfile(field.id) ? [t.fromProfile, own].filter(Boolean).join(' ') : own;
    const label = field.required || field.type === 'checkbox' ? field.label : `${field.label} (${t.optionalField})`;
    if (field.type === 'documents') {
      return this.#documents.render(field, {
        t,
        label,
        hint,
        error,
        draftId: this.#draft.application?.id,
        locale: this.resolvedLocale,
        client: this.cabinet,
        strings: this.strings,
        onChange: (changed, ids) => this.#set(changed, ids),
      });
    }
    return renderFormField(field, {
      id: fieldId(field),
      label,
      hint,
      error,
      value: this.#draft.values[field.id],
      placeholder: t.selectPlaceholder,
      onChange: (value) => this.#set(field, value),
    });
  }
}
