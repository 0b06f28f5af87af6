import type { AuthState, CabinetError, FormField, FormValues, Service } from '@mfc-cabinet/core';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { asCabinetError } from '../base/errors.js';
import { isEmptyValue } from '../base/form-field.js';
import { dateFormat } from '../base/format.js';
import { hasLevel } from '../base/levels.js';
import { profileLink } from '../cabinet/profile-link.js';
import type { Translation } from '../i18n/translation.js';
import { afterSubmitSteps } from './after-submit-steps.js';
import type { MfcApplicationSubmitDetail } from './application-submit-event.js';

/** Where the draft stands, as the save status tells it. */
export type SaveState = 'idle' | 'unsaved' | 'saving' | 'saved' | 'queued' | 'failed';

/** A calendar date (`YYYY-MM-DD` read as midnight UTC), as dates are written everywhere in the kit: «17.06.2026». */
const numericDay: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeZone: 'UTC' };
const dayAndTime: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short' };

/** The id of a field's control in the form. */
export const fieldId = (field: Pick<FormField, 'id'>): string => `field-${field.id}`;

/** `2026-06-17` → «17.06.2026». */
export const formatDay = (locale: string, date: string): string => dateFormat(locale, numericDay).format(new Date(`${date}T00:00:00Z`));

/** An instant → «17.06.2026, 14:05». */
export const formatDayAndTime = (locale: string, instant: string): string => dateFormat(locale, dayAndTime).format(new Date(instant));

/** What the views of the form are drawn with. */
export interface FormView {
  t: Translation;
  locale: string;
  /** The level of the form's heading (1–6). */
  level: number;
}

const heading = (level: number): string => String(Math.min(6, level));

/** Why the form could not be loaded, with «Повторить». */
export function renderLoadError({ t }: FormView, error: unknown, retry: () => void): TemplateResult {
  const failure = asCabinetError(error);
  return html`<div part="alert" class="alert" role="alert">
    <p><strong>${t.applicationLoadFailed}</strong></p>
    <p>${failure.code === 'not_found' ? t.serviceNotFoundForForm : t.errors[failure.code]}</p>
    <p><button type="button" class="button" part="button" id="retry-load" @click=${retry}>${t.retry}</button></p>
  </div>`;
}

/**
 * Why the citizen cannot fill the form (the service is closed, nobody is signed in, the
 * account's level is too low — or the server refused the submission for it, `refused`), if
 * so; inside `<mfc-cabinet>`, with the way to the profile, where the level is raised.
 */
export function renderNotice({ t }: FormView, service: Service, auth: AuthState, host: Element, refused: boolean): TemplateResult | undefined {
  const required = service.requiredLevel;
  if (service.availability !== 'available') return html`<p part="alert" class="alert warning">${t.serviceClosed}</p>`;
  if (auth.status !== 'signed-in') return html`<p part="level-notice" class="alert info">${t.signInToFill(t.requiredLevelName[required])}</p>`;
  const current = auth.session.user.level;
  if (hasLevel(current, required) && !refused) return undefined;
  const link = profileLink(host, t.raiseLevelLink);
  return html`<div part="level-notice" class="alert warning" id="level-notice" tabindex="-1">
      <p><strong>${t.levelTooLowToApply(t.accountLevel[current], t.requiredLevelName[required])}</strong></p>
      ${current === 'simplified' ? html`<p>${t.raiseToStandard}</p>` : nothing}
      ${required === 'confirmed' ? html`<p>${t.raiseToConfirmed}</p>` : nothing}
    </div>
    ${link ? html`<div part="actions" class="actions">${link}</div>` : nothing}`;
}

/** «Шаг 2 из 4» and the list of steps (`titles`, the review last), the current one marked. */
export function renderProgress({ t }: FormView, titles: readonly string[], current: number): TemplateResult {
  return html`<p part="progress" class="progress" id="progress">${t.stepProgress(current + 1, titles.length)}</p>
    <ol part="steps" class="steps" aria-label=${t.stepsLabel}>
      ${titles.map(
        (title, index) => html`<li
          part="step"
          class=${index === current ? 'current' : index < current ? 'done' : ''}
          aria-current=${ifDefined(index === current ? 'step' : undefined)}
        >
          ${title}${index < current ? html`<span class="visually-hidden"> — ${t.stepDone}</span>` : nothing}
        </li>`,
      )}
    </ol>`;
}

export function renderSaveStatus({ t }: FormView, state: SaveState, error: CabinetError | undefined): TemplateResult {
  const settled: Partial<Record<SaveState, string>> = {
    saved: t.saveSaved,
    queued: t.saveQueued,
    failed: t.saveFailed(error ? t.errors[error.code] : ''),
  };
  const busy = state === 'saving' ? t.saveSaving : state === 'unsaved' ? t.saveUnsaved : '';
  return html`<div part="save-status" class=${`save-status ${state}`}>
    <span role="status" id="save-status">${settled[state] ?? ''}</span>
    ${busy ? html`<span aria-hidden="true">${busy}</span>` : nothing}
  </div>`;
}

/** The list of errors, each a link that focuses its field. */
export function renderErrorSummary({ t }: FormView, errors: Record<string, string>, focus: (id: string) => void): TemplateResult | typeof nothing {
  const entries = Object.entries(errors);
  if (entries.length === 0) return nothing;
  return html`<div part="error-summary" class="alert error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-heading">
    <p id="error-summary-heading"><strong>${t.errorSummaryHeading}</strong></p>
    <ul>
      ${entries.map(
        ([id, message]) => html`<li>
          <a
            href=${`#${fieldId({ id })}`}
            @click=${(event: Event) => {
              event.preventDefault();
              focus(fieldId({ id }));
            }}
            >${message}</a
          >
        </li>`,
      )}
    </ul>
  </div>`;
}

/** An answer as the review shows it. */
function answer({ t, locale }: FormView, field: FormField, values: FormValues, names: ReadonlyMap<string, string>): string {
  const value = values[field.id];
  if (isEmptyValue(value) && field.type !== 'checkbox') return t.notFilled;
  switch (field.type) {
    case 'checkbox':
      return value === true ? t.yes : t.no;
    case 'select':
      return field.options?.find((option) => option.value === value)?.label ?? String(value);
    case 'documents': {
      const ids = Array.isArray(value) ? value : [];
      const known = ids.map((id) => names.get(id)).filter(Boolean);
      return known.length === ids.length ? known.join(', ') : t.documentCount(ids.length);
    }
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(locale, value) : String(value);
    default:
      return String(value);
  }
}

/** Every answer by step, with «Изменить» leading to its field (`onChange(step index, field)`). */
export function renderReview(
  view: FormView,
  service: Service,
  values: FormValues,
  names: ReadonlyMap<string, string>,
  onChange: (index: number, field: FormField) => void,
): TemplateResult {
  const { t } = view;
  const level = heading(view.level + 2);
  return html`<p class="hint lead">${t.reviewLead}</p>
    <div part="review" class="review">
      ${service.form.steps.map(
        (step, index) => html`<section class="review-step" aria-labelledby=${`review-${step.id}`}>
          <div class="review-heading" role="heading" aria-level=${level} id=${`review-${step.id}`}>${step.title}</div>
          <dl>
            ${step.fields.map(
              (field) => html`<div part="answer" class="answer">
                <dt>${field.label}</dt>
                <dd class="value">${answer(view, field, values, names)}</dd>
                <dd>
                  <button type="button" class="link" part="button link-button change-link" @click=${() => onChange(index, field)}>
                    ${t.change}<span class="visually-hidden">: ${field.label}</span>
                  </button>
                </dd>
              </div>`,
            )}
          </dl>
        </section>`,
      )}
    </div>`;
}

/** What the citizen sees once the application is sent (number, date, what next, the steps features add) or queued. */
export function renderConfirmation(view: FormView, { application, queued }: MfcApplicationSubmitDetail, service: Service): TemplateResult {
  const { t } = view;
  const level = heading(view.level + 1);
  const title = (text: string) =>
    html`<div class="confirmation-heading" role="heading" aria-level=${level} id="confirmation-heading" tabindex="-1">${text}</div>`;
  if (queued) {
    return html`<section part="confirmation" class="confirmation queued" role="status">
      ${title(t.queuedHeading)}
      <p>${t.queuedText}</p>
    </section>`;
  }
  const context = { application, service };
  const steps = afterSubmitSteps.list().filter((step) => step.applies(context));
  return html`<section part="confirmation" class="confirmation">
    ${title(t.submittedHeading)}
    <dl class="facts">
      <div>
        <dt>${t.trackingNumberLabel}</dt>
        <dd part="tracking-number" class="tracking-number">${application.trackingNumber}</dd>
      </div>
      ${application.expectedCompletionDate
        ? html`<div>
            <dt>${t.expectedDateLabel}</dt>
            <dd>${formatDay(view.locale, application.expectedCompletionDate)}</dd>
          </div>`
        : nothing}
    </dl>
    <div class="section" role="heading" aria-level=${heading(view.level + 2)}>${t.nextStepsHeading}</div>
    <ul>
      ${t.nextSteps.map((text) => html`<li>${text}</li>`)}
    </ul>
    ${steps.map((step) => html`<div part="after-submit-step" class="after-submit-step" data-step=${step.id}>${step.render(context)}</div>`)}
  </section>`;
}
