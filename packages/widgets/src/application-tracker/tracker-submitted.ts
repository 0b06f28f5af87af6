import { Task } from '@lit/task';
import type { Application, CabinetClient, FormField, Service, VaultDocument } from '@mfc-cabinet/core';
import { documentTitle } from '@mfc-cabinet/core/forms';
import { adoptStyles, css, html, nothing, type LitElement, type TemplateResult } from 'lit';
import { asCabinetError } from '../base/errors.js';
import { addStrings } from '../i18n/registry.js';
import type { Translation } from '../i18n/translation.js';
import { ruTrackerSubmitted } from './strings-submitted-ru.js';
import { formatDay, type TrackerContext } from './tracker-view.js';

// With this part, not the tracker's or the detail's: only a citizen who opens «Что вы отправили» fetches them.
addStrings('ru', ruTrackerSubmitted);

/** Its styles, adopted by the host when the part loads: the tracker's own stylesheet does not grow. */
const submittedStyles = css`
  .answers {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: 0;
  }

  .answers > div {
    display: grid;
    grid-template-columns: minmax(10rem, 2fr) 3fr;
    gap: calc(var(--_space) * 2);
  }

  .answers dt {
    color: var(--_muted);
  }

  .answers dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .file-name {
    display: block;
    font-size: 0.875em;
  }

  @media (max-width: 30rem) {
    .answers > div {
      grid-template-columns: 1fr;
      gap: 0;
    }
  }
`;

/** A value as people read it: dates ДД.ММ.ГГГГ, «Да»/«Нет», the option's label, «Не указано» when empty. */
export function readableValue(t: Translation, locale: string, field: FormField, value: Application['values'][string] | undefined): string {
  if (field.type === 'checkbox') return value === true ? t.trackerYes : t.trackerNo;
  if (typeof value !== 'string' || value.trim() === '') return t.trackerNotGiven;
  if (field.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(locale, value);
  if (field.type === 'select') return field.options?.find((option) => option.value === value)?.label ?? value;
  return value;
}

/**
 * What the citizen submitted, inside «Что вы отправили» of an application's detail: each
 * field of the service's form with its label and the value as people read it, grouped by
 * the form's steps, and the attached documents by what they are, the file's name after.
 * Its code, strings and styles load when the disclosure is first opened.
 */
export class TrackerSubmitted {
  readonly #context: TrackerContext;
  /** The service's form and the application's documents: asked once the part is shown. */
  readonly #sources: Task<readonly [CabinetClient, string | undefined, string | undefined, string | undefined], { service: Service; documents: VaultDocument[] } | undefined>;

  constructor(context: TrackerContext, application: () => Application | undefined) {
    this.#context = context;
    const host = context.host as unknown as LitElement;
    if (host.renderRoot instanceof ShadowRoot) adoptStyles(host.renderRoot, [...(host.constructor as typeof LitElement).elementStyles, submittedStyles]);
    this.#sources = new Task(context.host, {
      task: async ([client, id, serviceId], { signal }) => {
        if (!id || !serviceId) return undefined;
        try {
          const [service, documents] = await Promise.all([
            client.catalog.get(serviceId, { signal }),
            // Without the vault's list (offline) the documents are still named by their fields.
            client.documents.list({ applicationId: id }, { signal }).catch(() => []),
          ]);
          return { service, documents };
        } catch (error) {
          const failure = asCabinetError(error);
          if (failure.code !== 'aborted') context.failed(failure, 'submitted');
          throw failure;
        }
      },
      // The documents attached change only by an answer to a request: asked again then.
      args: () => {
        const open = application();
        return [context.client(), open?.id, open?.serviceId, open?.documents.join()] as const;
      },
    });
  }

  render(application: Application, level: string): TemplateResult {
    const t = this.#context.t();
    const sources = this.#sources.value;
    if (!sources || sources.service.id !== application.serviceId) {
      return this.#sources.error
        ? html`<p part="alert" class="alert" role="alert">${t.errors[asCabinetError(this.#sources.error).code]}</p>`
        : html`<p class="hint" role="status">${t.trackerDetailLoading}</p>`;
    }
    const { service, documents } = sources;
    const locale = this.#context.locale();
    const byId = new Map(documents.map((document) => [document.id, document]));
    return html`<div part="submitted-answers" class="detail">
      ${service.form.version === application.formVersion ? nothing : html`<p class="hint">${t.trackerFormChanged}</p>`}
      ${service.form.steps.map((step) => {
        const id = `submitted-step-${step.id}`;
        return html`<div class="section" role="heading" aria-level=${level} id=${id}>${step.title}</div>
          <dl part="answers" class="answers" aria-labelledby=${id}>
            ${step.fields.map(
              (field) => html`<div part="answer">
                <dt>${field.label}</dt>
                <dd>${field.type === 'documents' ? this.#documents(field, application, byId) : readableValue(t, locale, field, application.values[field.id])}</dd>
              </div>`,
            )}
          </dl>`;
      })}
    </div>`;
  }

  /** The documents of a documents field, by what they are, each file's name after. */
  #documents(field: FormField, application: Application, byId: ReadonlyMap<string, VaultDocument>): TemplateResult | string {
    const value = application.values[field.id];
    const ids = Array.isArray(value) ? value : [];
    if (ids.length === 0) return this.#context.t().trackerNoDocuments;
    return html`<ul part="submitted-documents" class="results-list">
      ${ids.map((id) => {
        const document = byId.get(id);
        return html`<li>
          ${documentTitle(field, document?.kind)}${document ? html`<span class="file-name hint">${document.name}</span>` : nothing}
        </li>`;
      })}
    </ul>`;
  }
}
