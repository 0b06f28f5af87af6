import { Task } from '@lit/task';
import type { Application, CabinetClient, FormField, FormValue, FormValues, Service, VaultDocument } from '@mfc-cabinet/core';
import { validateValues } from '@mfc-cabinet/core/forms';
import { html, nothing, type TemplateResult } from 'lit';
import { asCabinetError } from '../base/errors.js';
import { submitButton } from '../base/fields.js';
import { findField, renderFormField } from '../base/form-field.js';
import type { TrackerContext } from './tracker-view.js';

/** One uploader of the answer to a request: a documents field of the form, and the kind of document. */
interface RequestedUpload {
  fieldId: string;
  kind: string;
  label: string;
}

/**
 * The answer to «Нужны сведения»: the fields the МФЦ asked for, drawn from the service's
 * form by the shared `renderFormField`, an uploader per requested document (attached at
 * once), and sending the answer. Before sending, only whether each field is filled is
 * checked (`core/forms`); the server checks the format and says what is wrong in its words.
 */
export class TrackerAnswer {
  readonly #context: TrackerContext;
  #values: FormValues = {};

  /** The service's form, for the fields a request names. */
  readonly #service: Task<readonly [CabinetClient, string | undefined, boolean], Service | undefined>;

  constructor(context: TrackerContext, application: () => Application | undefined) {
    this.#context = context;
    this.#service = new Task(context.host, {
      task: ([client, serviceId, needsInfo], { signal }) => (needsInfo && serviceId ? client.catalog.get(serviceId, { signal }) : Promise.resolve(undefined)),
      args: () => [context.client(), application()?.serviceId, application()?.status === 'needs_info'] as const,
    });
  }

  /** Starts the answer afresh: empty, or with what the application holds of the requested fields. */
  reset(application?: Application): void {
    const values: FormValues = {};
    for (const field of application?.requested?.fields ?? []) {
      const value = application!.values[field];
      if (value !== undefined) values[field] = value;
    }
    this.#values = values;
    this.#context.host.requestUpdate();
  }

  /** The field of the answer that shows errors of a server field path, if any. */
  fieldFor(application: Application | undefined, path: string): string | undefined {
    const requested = application?.requested;
    if (!requested) return undefined;
    return requested.fields.includes(path) || findField(this.#service.value?.form, path) ? path : undefined;
  }

  render(application: Application, level: string): TemplateResult {
    const context = this.#context;
    const t = context.t();
    const service = this.#service.value?.id === application.serviceId ? this.#service.value : undefined;
    const comment = [...application.history].reverse().find((step) => step.to === 'needs_info')?.comment;
    const formFields = service?.form.steps.flatMap((step) => step.fields) ?? [];
    const requested = application.requested ?? { documents: [], fields: [] };
    const fields = formFields.filter((field) => requested.fields.includes(field.id) && field.type !== 'documents');
    const uploads = service ? this.#uploads(application, formFields) : [];
    if (uploads.length > 0) void import('../mfc-document-uploader.js');
    const errors = context.fieldErrors();
    const busy = context.busy();
    return html`<section part="request" class="request" aria-labelledby="request-heading">
      <div class="section" role="heading" aria-level=${level} id="request-heading">${t.trackerRequestHeading}</div>
      ${comment ? html`<p class="comment">${comment}</p>` : nothing}
      <p class="hint">${t.trackerRequestLead}</p>
      ${service
        ? html`<form class="answer" novalidate @submit=${(event: SubmitEvent) => (event.preventDefault(), this.#send(application, fields))}>
            ${uploads.map(
              (upload) => html`<div class="field" part="filter">
                <span class="label">${upload.label}</span>
                ${errors[upload.fieldId] ? html`<span class="field-error" id=${upload.fieldId} tabindex="-1">${errors[upload.fieldId]}</span>` : nothing}
                <mfc-document-uploader
                  application-id=${application.id}
                  field-id=${upload.fieldId}
                  kind=${upload.kind}
                  .client=${context.client()}
                  .locale=${context.locale()}
                  @mfc-upload-complete=${(event: CustomEvent<{ document: VaultDocument }>) => this.#attach(application, upload.fieldId, event.detail.document)}
                ></mfc-document-uploader>
              </div>`,
            )}
            ${fields.map((field) =>
              renderFormField(field, {
                id: field.id,
                value: this.#values[field.id],
                error: errors[field.id],
                required: true,
                selectPart: 'select',
                onChange: (value) => this.#change(field.id, value),
              }),
            )}
            <div class="actions">${submitButton(busy === 'answer' ? t.trackerSendingAnswer : t.trackerSendAnswer, busy !== undefined)}</div>
          </form>`
        : this.#service.error
          ? html`<p part="alert" class="alert" role="alert">${t.errors[asCabinetError(this.#service.error).code]}</p>`
          : html`<p class="hint">${t.trackerDetailLoading}</p>`}
    </section>`;
  }

  #change(id: string, value: FormValue): void {
    this.#values = { ...this.#values, [id]: value };
    this.#context.clearFieldError(id);
    this.#context.host.requestUpdate();
  }

  /** The uploaders a request needs: one per requested kind of document, and one per requested documents field. */
  #uploads(application: Application, fields: readonly FormField[]): RequestedUpload[] {
    const requested = application.requested ?? { documents: [], fields: [] };
    const documentsFields = fields.filter((field) => field.type === 'documents');
    const uploads: RequestedUpload[] = requested.documents.map((kind) => {
      const host = documentsFields.find((field) => field.documentKinds?.includes(kind)) ?? documentsFields[0];
      return { fieldId: host?.id ?? 'documents', kind, label: this.#context.t().trackerRequestedDocument(kind) };
    });
    for (const field of documentsFields) {
      if (requested.fields.includes(field.id) && !uploads.some((upload) => upload.fieldId === field.id)) {
        uploads.push({ fieldId: field.id, kind: field.documentKinds?.[0] ?? 'other', label: field.label });
      }
    }
    return uploads;
  }

  /** A document was uploaded for a request: it is attached to the application at once. */
  #attach(application: Application, fieldId: string, document: VaultDocument): void {
    const client = this.#context.client();
    this.#context.run('attach', async () => {
      await client.documents.attach(document.id, application.id, fieldId);
      await client.applications.get(application.id);
    });
  }

  #send(application: Application, fields: readonly FormField[]): void {
    const context = this.#context;
    const values: FormValues = {};
    for (const field of fields) {
      const value = this.#values[field.id] ?? (field.type === 'checkbox' ? false : '');
      values[field.id] = typeof value === 'string' ? value.trim() : value;
    }
    // Only whether it is filled (a box may stay unticked): the server checks the format, with its own words.
    const form = { version: 0, steps: [{ id: 'answer', title: '', fields: fields.map((field) => ({ ...field, required: field.type !== 'checkbox' })) }] };
    const missing: Record<string, string> = {};
    for (const error of validateValues(form, values)) if (error.code === 'required') missing[error.field] = context.t().trackerFieldRequired;
    if (context.showFieldErrors(missing)) return;
    context.run('answer', async () => {
      await context.client().applications.answer(application.id, values);
      context.say(context.t().trackerAnswerSent);
      context.focusLater('#message');
    });
  }
}
