import { Task, TaskStatus } from '@lit/task';
import {
  CabinetError,
  isCabinetError,
  type Application,
  type AuthState,
  type CabinetClient,
  type FormField,
  type FormStep,
  type FormValue,
  type FormValues,
  type Service,
} from '@mfc-cabinet/core';
import { validateValues } from '@mfc-cabinet/core/forms';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { asCabinetError } from '../base/errors.js';
import { errorsByField, fieldError, findField, isEmptyValue, isoDate, renderFormField, stepErrors } from '../base/form-field.js';
import { MfcFormElement } from '../base/form-element.js';
import { dateFormat } from '../base/format.js';
import { hasLevel } from '../base/levels.js';
import { SessionController } from '../base/session-controller.js';
import type { MfcUploadCompleteDetail } from '../document-uploader/document-uploader.js';
import { addStrings } from '../i18n/registry.js';
import { ruApplicationForm } from '../i18n/ru-application-form.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import { applicationFormStyles } from './application-form.styles.js';
import { renderOnChange } from '../base/extension-point.js';
import { afterSubmitSteps } from './after-submit-steps.js';
import { FormDocuments } from './form-documents.js';
import { fieldId, formatDayAndTime, renderConfirmation, renderErrorSummary, renderReview, renderSaveStatus, type FormView, type SaveState } from './form-views.js';
import type { MfcApplicationSubmitDetail } from './application-submit-event.js';

addStrings('ru', ruApplicationForm);

export type { MfcApplicationSubmitDetail };

/** Milliseconds after the last change before the draft is saved. */
const saveDelay = 1000;

/** What the form is made of: the service, and the draft being continued, if any. */
interface Loaded {
  service: Service;
  draft: Application | undefined;
}

const isEmpty = isEmptyValue;
const untilAborted = (signal: AbortSignal): Promise<never> =>
  new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new CabinetError('aborted')), { once: true }));

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
 *
 * @cssproperty --mfc-application-form-max-width - Widest the form grows. Default `40rem`.
 * @cssproperty --mfc-application-form-accent - Colour of the current step. Default `--mfc-color-primary`.
 * @cssproperty --mfc-application-form-done - Colour of the steps done and of the confirmation. Default `--mfc-color-success`.
 * @cssproperty --mfc-application-form-gap - Space between fields. Default `--mfc-space` × 3.
 * @cssproperty --mfc-application-form-review-background - Background of the review. Default `--mfc-color-surface-alt`.
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

  /** The draft being filled; `undefined` until the citizen starts. */
  @state() private draft?: Application;
  @state() private values: FormValues = {};
  /** The step shown; the number of the form's steps is the review. */
  @state() private stepIndex = 0;
  /** Errors by field id; the summary lists them when `summary` is set. */
  @state() private errors: Record<string, string> = {};
  @state() private summary = false;
  @state() private saveState: SaveState = 'idle';
  @state() private saveError?: CabinetError;
  @state() private resumed = false;
  @state() private submitted?: MfcApplicationSubmitDetail;

  /** Who is signed in: the draft to continue depends on it. */
  readonly #session = new SessionController(this, { client: () => this.cabinet });
  #saveTimer?: ReturnType<typeof setTimeout>;
  /** Changes not yet handed to the SDK. */
  #dirty = false;
  #saving?: Promise<void>;
  #creating?: Promise<Application | undefined>;
  /** The step was opened by «Изменить» in the review: its button leads back there. */
  #returnToReview = false;
  readonly #documents = new FormDocuments(this);
  #watching?: AbortController;

  readonly #load = new Task(this, {
    task: async ([client, serviceId, applicationId, authStatus, userId], { signal }): Promise<Loaded | undefined> => {
      if (!serviceId) return undefined;
      // The draft to continue depends on who is signed in: wait until that is known.
      if (authStatus === 'unknown') return untilAborted(signal);
      const service = await client.catalog.get(serviceId, { signal });
      let draft: Application | undefined;
      if (userId && service.availability === 'available') {
        if (applicationId) draft = await client.applications.get(applicationId, { signal });
        else {
          const [latest] = (await client.applications.list({ serviceId, status: 'draft' }, { limit: 1, signal })).items;
          if (latest) draft = await client.applications.get(latest.id, { signal });
        }
      }
      return { service, draft };
    },
    args: () =>
      [
        this.cabinet,
        this.serviceId,
        this.applicationId,
        this.auth.status,
        this.auth.status === 'signed-in' ? this.auth.session.user.id : undefined,
      ] as const,
    onComplete: (loaded) => this.#start(loaded),
    onError: (error) => {
      if (isCabinetError(error) && error.code !== 'aborted') this.emit('mfc-error', { error, action: 'load' });
    },
  });

  /** Steps features add after submission re-render the confirmation when they arrive. */
  readonly #steps_ = renderOnChange(this, afterSubmitSteps);

  readonly #onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!this.hasUnsavedChanges) return;
    event.preventDefault();
    event.returnValue = this.t.leaveWarning;
  };

  /** Whether changes are not yet saved (or being saved): leaving the page now would lose them. */
  get hasUnsavedChanges(): boolean {
    return this.#dirty || this.#saving !== undefined || this.#creating !== undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.#onBeforeUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.#onBeforeUnload);
    // Leaving within the page (another view): what was typed is saved now rather than lost.
    if (this.#dirty) void this.#save();
    this.#watching?.abort();
  }

  private get auth(): AuthState {
    return this.#session.state;
  }

  /** The service of the form shown (the task's value is not set yet when it completes). */
  #loadedService?: Service;

  get #service(): Service | undefined {
    return this.#loadedService;
  }

  get #steps(): FormStep[] {
    return this.#service?.form.steps ?? [];
  }

  get #onReview(): boolean {
    return this.stepIndex >= this.#steps.length;
  }

  /** A new form: the draft's values (or none), at the first step the draft still needs. */
  #start(loaded: Loaded | undefined): void {
    clearTimeout(this.#saveTimer);
    this.#dirty = false;
    this.errors = {};
    this.summary = false;
    this.formError = undefined;
    this.submitted = undefined;
    this.#loadedService = loaded?.service;
    const draft = loaded?.draft;
    if (draft && draft.status !== 'draft') {
      this.draft = undefined;
      this.submitted = { application: draft, queued: false };
      return;
    }
    this.draft = draft;
    this.resumed = draft !== undefined;
    this.values = { ...draft?.values };
    this.saveState = draft ? 'saved' : 'idle';
    this.#documents.keep(this.#steps, this.values, this.cabinet);
    if (!loaded || !draft) {
      this.stepIndex = 0;
      return;
    }
    const [first] = validateValues(loaded.service.form, this.values);
    this.stepIndex = first ? this.#stepOf(first.field) : this.#steps.length;
  }

  /** The index of the step that has a field. */
  #stepOf(id: string): number {
    const index = this.#steps.findIndex((step) => step.fields.some((field) => field.id === id));
    return index < 0 ? 0 : index;
  }

  #field(id: string): FormField | undefined {
    return findField(this.#service?.form, id);
  }

  // ------------------------------------------------------------------ changes and drafts

  #set(field: FormField, value: FormValue): void {
    this.values = { ...this.values, [field.id]: value };
    if (this.errors[field.id] && !fieldError(field, value, false)) this.#setError(field.id, undefined);
    this.#changed();
  }

  #setError(id: string, message: string | undefined): void {
    const errors = { ...this.errors };
    if (message) errors[id] = message;
    else delete errors[id];
    this.errors = errors;
    if (Object.keys(errors).length === 0) this.summary = false;
  }

  /** Something changed: the draft is made if there is none yet, and saved a moment later. */
  #changed(): void {
    this.#dirty = true;
    if (this.saveState !== 'failed') this.saveState = 'unsaved';
    void this.#ensureDraft();
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => void this.#save(), saveDelay);
  }

  /** The draft, made now (with the fields the profile fills) when there is none yet. */
  #ensureDraft(): Promise<Application | undefined> {
    if (this.draft) return Promise.resolve(this.draft);
    const serviceId = this.#service?.id;
    if (!serviceId) return Promise.resolve(undefined);
    this.#creating ??= this.cabinet.applications
      .create(serviceId)
      .then(
        (draft) => {
          // What the citizen typed meanwhile wins over what the profile fills.
          const typed = Object.fromEntries(Object.entries(this.values).filter(([, value]) => !isEmpty(value)));
          this.values = { ...draft.values, ...typed };
          this.draft = draft;
          this.#dirty = true;
          return draft;
        },
        (error: unknown) => {
          this.#saveFailed(error);
          return undefined;
        },
      )
      .finally(() => (this.#creating = undefined));
    return this.#creating;
  }

  /** The values the server will accept in a draft: those filled in and right (a wrong СНИЛС waits until corrected). */
  #savableValues(): FormValues {
    const values: FormValues = {};
    for (const [id, value] of Object.entries(this.values)) {
      const field = this.#field(id);
      if (field && !fieldError(field, value, true)) values[id] = value;
    }
    return values;
  }

  /** Saves the draft now, after any save under way. */
  async #save(): Promise<void> {
    clearTimeout(this.#saveTimer);
    while (this.#saving) await this.#saving;
    if (!this.#dirty) return;
    const saving = this.#saveNow();
    this.#saving = saving;
    try {
      await saving;
    } finally {
      if (this.#saving === saving) this.#saving = undefined;
    }
  }

  async #saveNow(): Promise<void> {
    const client = this.cabinet;
    const draft = await this.#ensureDraft();
    if (!draft || this.submitted) return;
    this.#dirty = false;
    this.saveState = 'saving';
    try {
      const result = await client.applications.saveDraft(draft.id, this.#savableValues());
      this.saveError = undefined;
      this.saveState = this.#dirty ? 'unsaved' : result.status === 'queued' ? 'queued' : 'saved';
    } catch (error) {
      this.#dirty = true;
      this.#saveFailed(error);
    }
  }

  #saveFailed(error: unknown): void {
    const failure = asCabinetError(error);
    this.saveError = failure;
    this.saveState = 'failed';
    this.emit('mfc-error', { error: failure, action: 'save' });
  }

  // ------------------------------------------------------------------ steps

  #goTo(index: number, focus = '#step-heading'): void {
    this.#documents.keep(this.#steps, this.values, this.cabinet);
    if (this.#dirty) void this.#save();
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
    if (this.#onReview) {
      void this.#submit();
      return;
    }
    void this.#next();
  };

  async #next(): Promise<void> {
    const step = this.#steps[this.stepIndex];
    if (!step) return;
    // Continuing makes the draft, as typing does; it comes with what the profile fills in,
    // so the step is checked after that, not before.
    if (!this.draft) {
      this.#dirty = true;
      await this.#ensureDraft();
    }
    const errors = stepErrors(step, this.values);
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
    const value = this.values[field.id];
    if (field.type === 'date' && typeof value === 'string' && isoDate(value) !== value) {
      this.#set(field, isoDate(value));
    }
    this.#setError(field.id, fieldError(field, this.values[field.id], true));
  };

  async #submit(): Promise<void> {
    const service = this.#service;
    if (!service) return;
    const errors = validateValues(service.form, this.values);
    if (errors.length > 0) {
      this.#showFieldErrorsOnStep(errors);
      return;
    }
    await this.run('submit', async () => {
      const client = this.cabinet;
      await this.#save();
      const draft = await this.#ensureDraft();
      if (!draft || this.saveState === 'failed') throw this.saveError ?? new CabinetError('internal');
      const result = await client.applications.submit(draft.id);
      const application = result.application ?? draft;
      this.submitted = { application, queued: result.status === 'queued' };
      this.#dirty = false;
      this.focusAfterRender = '#confirmation-heading';
      this.emit('mfc-application-submit', this.submitted);
      if (result.status === 'queued') this.#watchQueued(client, draft.id);
    });
  }

  /** Shows errors of fields (the form's own or the server's) on the step of the first one. */
  #showFieldErrorsOnStep(errors: ReadonlyArray<{ field: string; message: string }>): boolean {
    const known = errors.filter(({ field }) => this.#field(field));
    const [first] = known;
    if (!first) return false;
    this.#goTo(this.#stepOf(first.field));
    this.#returnToReview = true;
    this.#showErrors(errorsByField(known));
    return true;
  }

  protected override onFailure(failure: CabinetError, action: string): void {
    if (action === 'submit' && failure.code === 'validation_failed' && this.#showFieldErrorsOnStep(failure.fieldErrors)) return;
    this.formError = failure;
  }

  /** A submission queued offline: the confirmation follows it until the server has it. */
  #watchQueued(client: CabinetClient, id: string): void {
    this.#watching?.abort();
    const watching = new AbortController();
    this.#watching = watching;
    void client.applications
      .watch(
        id,
        (application) => {
          if (application.status === 'draft' || !this.submitted?.queued) return;
          this.submitted = { application, queued: false };
          watching.abort();
        },
        { signal: watching.signal },
      )
      .catch(() => undefined);
  }

  // ------------------------------------------------------------------ rendering

  protected override render(): TemplateResult | typeof nothing {
    if (!this.serviceId) return nothing;
    const { t } = this;
    const task = this.#load;
    const loaded = task.value;
    if (task.status === TaskStatus.ERROR) return this.#renderLoadError(task.error);
    if (!loaded || task.status === TaskStatus.PENDING) {
      return html`<div part="base" class="base" aria-busy="true"><p role="status" class="status">${t.applicationLoading}</p></div>`;
    }
    const { service } = loaded;
    return html`<div part="base" class="base">
      ${this.renderHeading(service.title)} ${this.submitted ? renderConfirmation(this.#view, this.submitted, service) : this.#renderBody(service)}
    </div>`;
  }

  #renderLoadError(error: unknown): TemplateResult {
    const { t } = this;
    const failure = asCabinetError(error);
    return html`<div part="base" class="base">
      <div part="alert" class="alert" role="alert">
        <p><strong>${t.applicationLoadFailed}</strong></p>
        <p>${failure.code === 'not_found' ? t.serviceNotFoundForForm : t.errors[failure.code]}</p>
        <p><button type="button" class="button" part="button" id="retry-load" @click=${() => void this.#load.run()}>${t.retry}</button></p>
      </div>
    </div>`;
  }

  #renderBody(service: Service): TemplateResult {
    const { t } = this;
    if (service.availability !== 'available') return html`<p part="alert" class="alert warning">${t.serviceClosed}</p>`;
    const auth = this.auth;
    if (auth.status !== 'signed-in') {
      return html`<p part="level-notice" class="alert info">${t.signInToFill(t.requiredLevelName[service.requiredLevel])}</p>`;
    }
    const current = auth.session.user.level;
    if (!hasLevel(current, service.requiredLevel)) {
      return html`<div part="level-notice" class="alert warning" id="level-notice">
        <p><strong>${t.levelTooLowToApply(t.accountLevel[current], t.requiredLevelName[service.requiredLevel])}</strong></p>
        ${current === 'simplified' ? html`<p>${t.raiseToStandard}</p>` : nothing}
        ${service.requiredLevel === 'confirmed' ? html`<p>${t.raiseToConfirmed}</p>` : nothing}
      </div>`;
    }
    return this.#renderWizard(service);
  }

  #renderWizard(service: Service): TemplateResult {
    const { t } = this;
    const steps = this.#steps;
    const total = steps.length + 1;
    const titles = [...steps.map((step) => step.title), t.reviewStepTitle];
    const step = steps[this.stepIndex];
    const stepLevel = String(Math.min(6, Number(this.ariaHeadingLevel) + 1));
    return html`
      <p part="progress" class="progress" id="progress">${t.stepProgress(this.stepIndex + 1, total)}</p>
      <ol part="steps" class="steps" aria-label=${t.stepsLabel}>
        ${titles.map(
          (title, index) => html`<li
            part="step"
            class=${index === this.stepIndex ? 'current' : index < this.stepIndex ? 'done' : ''}
            aria-current=${ifDefined(index === this.stepIndex ? 'step' : undefined)}
          >
            ${title}${index < this.stepIndex ? html`<span class="visually-hidden"> — ${t.stepDone}</span>` : nothing}
          </li>`,
        )}
      </ol>
      ${this.resumed && this.draft ? html`<p class="hint lead">${t.resumedDraft(formatDayAndTime(this.resolvedLocale, this.draft.createdAt))}</p>` : nothing}
      ${renderSaveStatus(this.#view, this.saveState, this.saveError)}
      ${this.summary ? renderErrorSummary(this.#view, this.errors, (id) => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus()) : nothing}
      <form part="form" class="form" novalidate aria-labelledby="step-heading" @submit=${this.#onNext} @focusout=${this.#onBlur}>
        <div part="step-heading" class="step-heading" id="step-heading" role="heading" aria-level=${stepLevel} tabindex="-1">
          ${step?.title ?? t.reviewStepTitle}
        </div>
        ${this.stepIndex === 0 && !this.draft && !this.resumed ? html`<p class="hint lead">${t.draftLead}</p>` : nothing}
        ${step ? html`<div class="fields">${step.fields.map((field) => this.#renderField(field))}</div>` : renderReview(this.#view, service, this.values, this.#documents.names, (index, field) => {
              this.#goTo(index, `#${fieldId(field)}`);
              this.#returnToReview = true;
            })}
        ${this.renderFormError(this.#formErrorDetail())}
        <div part="actions" class="actions">
          ${this.#renderPrimaryButton()}
          ${this.stepIndex > 0
            ? html`<button type="button" class="button" part="button" id="previous" @click=${() => this.#goTo(this.stepIndex - 1)}>
                ${t.previous}
              </button>`
            : nothing}
        </div>
      </form>
    `;
  }

  #renderPrimaryButton(): TemplateResult {
    const { t } = this;
    const label = this.#onReview
      ? this.busy === 'submit'
        ? t.submitting
        : t.submitApplication
      : this.#returnToReview
        ? t.backToReview
        : t.next;
    return html`<button class="button primary" part="button primary-button" type="submit" id="next" aria-disabled=${this.busy !== undefined}>
      ${label}
    </button>`;
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

  #hint(field: FormField): string | undefined {
    return field.hint ?? this.t.typeHints[field.type];
  }

  #renderField(field: FormField): TemplateResult {
    const { t } = this;
    const id = fieldId(field);
    const error = this.errors[field.id];
    const hint = this.#hint(field);
    const label = field.required || field.type === 'checkbox' ? field.label : `${field.label} (${t.optionalField})`;
    if (field.type === 'documents') {
      return this.#documents.render(field, {
        t, label, hint, error,
        draftId: this.draft?.id,
        locale: this.resolvedLocale,
        client: this.cabinet,
        strings: this.strings,
        onChange: (changed, ids) => this.#set(changed, ids),
      });
    }
    return renderFormField(field, {
      id,
      label,
      hint,
      error,
      value: this.values[field.id],
      placeholder: t.selectPlaceholder,
      onChange: (value) => this.#set(field, value),
    });
  }
}
