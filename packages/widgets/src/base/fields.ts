import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

/** A labelled text field with its hint and its error, wired for screen readers. */
export interface TextFieldOptions {
  /** The input's id and name; the hint and error get `<id>-hint` and `<id>-error`. */
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string | TemplateResult;
  error?: string;
  type?: string;
  autocomplete?: string;
  inputmode?: string;
  maxlength?: number;
  required?: boolean;
  /** Shown after the input, e.g. the show-password button. */
  after?: TemplateResult | typeof nothing;
  /** More ids for `aria-describedby`, e.g. a password checklist. */
  describedBy?: string;
}

export function textField(options: TextFieldOptions): TemplateResult {
  const { id, error, hint } = options;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', options.describedBy ?? '']
    .filter(Boolean)
    .join(' ');
  return html`
    <div part="field" class="field">
      <label part="label" class="label" for=${id}>${options.label}</label>
      ${hint ? html`<span part="hint" class="hint" id=${`${id}-hint`}>${hint}</span>` : nothing}
      ${error ? html`<span part="field-error" class="field-error" id=${`${id}-error`}>${error}</span>` : nothing}
      <div class="control">
        <input
          part="input"
          class="input"
          id=${id}
          name=${id}
          type=${options.type ?? 'text'}
          autocomplete=${ifDefined(options.autocomplete)}
          inputmode=${ifDefined(options.inputmode)}
          maxlength=${options.maxlength ?? 254}
          spellcheck="false"
          autocapitalize="off"
          aria-required=${options.required ? 'true' : 'false'}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          .value=${live(options.value)}
          @input=${(event: InputEvent) => options.onInput((event.target as HTMLInputElement).value)}
        />
        ${options.after ?? nothing}
      </div>
    </div>
  `;
}

/** The main button of a step; busy or blocked, it stays focusable and says so with aria-disabled. */
export function submitButton(label: string, disabled: boolean): TemplateResult {
  return html`<button class="button primary" part="button primary-button" type="submit" aria-disabled=${disabled}>
    ${label}
  </button>`;
}

/** A button styled as a link, for secondary actions. */
export function linkButton(label: string, onClick: () => void, options: { disabled?: boolean; id?: string } = {}): TemplateResult {
  return html`<button
    class="link"
    part="button link-button"
    type="button"
    id=${ifDefined(options.id)}
    aria-disabled=${options.disabled ?? false}
    @click=${onClick}
  >
    ${label}
  </button>`;
}
