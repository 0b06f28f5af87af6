import type { CabinetClient, FormField, FormStep, FormValues } from '@mfc-cabinet/core';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MfcUploadCompleteDetail } from '../document-uploader/document-uploader.js';
import type { Translation, TranslationOverrides } from '../i18n/translation.js';
import { fieldId } from './form-views.js';

/** What a documents field is drawn with. */
export interface DocumentsFieldOptions {
  t: Translation;
  label: string;
  hint: string | undefined;
  error: string | undefined;
  draftId: string | undefined;
  locale: string;
  client: CabinetClient;
  strings: TranslationOverrides | undefined;
  /** The documents of the field changed: those kept and those its uploaders hold. */
  onChange: (field: FormField, ids: string[]) => void;
}

/**
 * The documents fields of the form: an `<mfc-document-uploader>` per kind of document, and
 * the documents attached before the step was shown (no longer in its uploaders), with
 * their names for the review.
 */
export class FormDocuments {
  readonly #host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };
  /** Documents attached before this step was shown, by field. */
  #kept: Record<string, string[]> = {};
  /** File names of documents, for the list of those attached and the review. */
  readonly names = new Map<string, string>();

  constructor(host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment }) {
    this.#host = host;
  }

  /** Moves the documents of every documents field into those kept: the uploaders shown next start empty. */
  keep(steps: readonly FormStep[], values: FormValues, client: CabinetClient): void {
    const kept: Record<string, string[]> = {};
    for (const step of steps) {
      for (const field of step.fields) {
        const value = values[field.id];
        if (field.type === 'documents' && Array.isArray(value) && value.length > 0) kept[field.id] = [...value];
      }
    }
    this.#kept = kept;
    this.#host.requestUpdate();
    const missing = Object.values(kept)
      .flat()
      .filter((id) => !this.names.has(id));
    if (missing.length === 0) return;
    void Promise.all(
      missing.map((id) =>
        client.documents.get(id).then(
          (document) => this.names.set(id, document.name),
          () => undefined, // Listed without its name.
        ),
      ),
    ).then(() => this.#host.requestUpdate());
  }

  /** The documents of a field: those kept, and those its uploaders hold now. */
  #ids(field: FormField): string[] {
    const uploaders = this.#host.renderRoot.querySelectorAll<HTMLElement & { value: string[] }>(`mfc-document-uploader[data-field="${field.id}"]`);
    return [...new Set([...(this.#kept[field.id] ?? []), ...[...uploaders].flatMap((uploader) => uploader.value)])];
  }

  #remove(field: FormField, id: string, options: DocumentsFieldOptions): void {
    this.#kept = { ...this.#kept, [field.id]: (this.#kept[field.id] ?? []).filter((kept) => kept !== id) };
    options.onChange(field, this.#ids(field));
  }

  render(field: FormField, options: DocumentsFieldOptions): TemplateResult {
    const { t, label, hint, error } = options;
    const id = fieldId(field);
    const kinds = field.documentKinds?.length ? field.documentKinds : [field.label];
    const kept = this.#kept[field.id] ?? [];
    // The uploader (and its upload client) loads with the first documents step shown.
    void import('../mfc-document-uploader.js');
    return html`<fieldset part="field documents" class="field documents" aria-describedby=${[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing}>
      <legend part="label" class="label">${label}</legend>
      ${hint ? html`<span part="hint" class="hint" id=${`${id}-hint`}>${hint}</span>` : nothing}
      ${error ? html`<span part="field-error" class="field-error" id=${`${id}-error`}>${error}</span>` : nothing}
      <span id=${id} tabindex="-1" class="visually-hidden">${label}</span>
      ${kept.length > 0
        ? html`<div class="kept">
            <span class="label">${t.attachedBefore}</span>
            <ul>
              ${kept.map((document) => {
                const name = this.names.get(document) ?? t.documentFallbackName;
                return html`<li>
                  ${name}
                  <button type="button" class="link" part="button link-button" @click=${() => this.#remove(field, document, options)}>
                    ${t.removeDocument(name)}
                  </button>
                </li>`;
              })}
            </ul>
          </div>`
        : nothing}
      ${kinds.map(
        (kind) => html`<div class="kind">
          ${kinds.length > 1 ? html`<span class="kind-label">${kind}</span>` : nothing}
          <mfc-document-uploader
            part="uploader"
            data-field=${field.id}
            kind=${kind}
            field-id=${field.id}
            application-id=${ifDefined(options.draftId)}
            accept=${ifDefined(field.accept?.join(','))}
            max-size=${ifDefined(field.maxSize)}
            locale=${options.locale}
            .client=${options.client}
            .strings=${options.strings}
            @change=${() => options.onChange(field, this.#ids(field))}
            @mfc-upload-complete=${(event: CustomEvent<MfcUploadCompleteDetail>) =>
              this.names.set(event.detail.document.id, event.detail.document.name)}
          ></mfc-document-uploader>
        </div>`,
      )}
    </fieldset>`;
  }
}
