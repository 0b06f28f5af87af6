import type { FormDefinition, FormField, FormStep, FormValue, FormValues } from '@mfc-cabinet/core';
import { validateValues } from '@mfc-cabinet/core/forms';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { textField } from './fields.js';

/**
 * One field of a service's form definition, drawn and checked in one place: the
 * application form's steps and the tracker's answer to «Нужны сведения» both use it.
 * The checks are those of `@mfc-cabinet/core/forms`, shared with the server.
 */
export interface FormFieldOptions {
  /** The control's id; the hint and the error get `<id>-hint` and `<id>-error`. */
  id: string;
  value: FormValue | undefined;
  onChange: (value: FormValue) => void;
  /** @default the field's label */
  label?: string;
  /** @default the field's own hint */
  hint?: string;
  error?: string;
  /** The first, empty option of a select. @default '' */
  placeholder?: string;
  /** The part of a select. @default 'input' */
  selectPart?: string;
  /** @default the field's `required` */
  required?: boolean;
}

/** How an input should behave for a field of each type: input type, keyboard, autofill hint. */
const inputKinds: Partial<Record<FormField['type'], { type?: string; inputmode?: string; autocomplete?: string }>> = {
  date: { inputmode: 'numeric' },
  number: { inputmode: 'decimal' },
  phone: { type: 'tel', inputmode: 'tel', autocomplete: 'tel' },
  email: { type: 'email', inputmode: 'email', autocomplete: 'email' },
  passport: { inputmode: 'numeric', autocomplete: 'off' },
  snils: { inputmode: 'numeric', autocomplete: 'off' },
  inn: { inputmode: 'numeric', autocomplete: 'off' },
  address: { autocomplete: 'street-address' },
};

/** The browser's autofill name for what of the profile fills a field. */
const autocompleteOf: Partial<Record<NonNullable<FormField['autofill']>, string>> = {
  lastName: 'family-name',
  firstName: 'given-name',
  middleName: 'additional-name',
  birthDate: 'bday',
  phone: 'tel',
  email: 'email',
};

export const isEmptyValue = (value: FormValue | undefined): boolean =>
  value === undefined || value === false || (Array.isArray(value) ? value.length === 0 : typeof value === 'string' && value.trim() === '');

/** A date as typed in Russia, «17.05.1990», as the form stores and sends it: «1990-05-17»; anything else as typed (its check says what is wrong). */
export const isoDate = (value: string): string => {
  const match = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/.exec(value);
  return match ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : value;
};

/** A stored date, «1990-05-17», as the citizen types and reads it: «17.05.1990»; anything else as it is. */
export const typedDate = (value: string): string => value.replace(/^(\d{4})-(\d\d)-(\d\d)$/, '$3.$2.$1');

/**
 * A field error's message in the widget's language. The checks of core/forms (shared with
 * the server) write Russian; another language says the same from the error's `code` and the
 * field. Without one, the Russian message is shown.
 */
export type FieldMessage = (field: FormField, error: { code: string; message: string }) => string;

/** The error of one field's value (core/forms); `partial` checks only the format of what is filled. */
export function fieldError(field: FormField, value: FormValue | undefined, partial: boolean, message?: FieldMessage): string | undefined {
  const form = { version: 0, steps: [{ id: 'one', title: '', fields: [field] }] };
  const error = validateValues(form, value === undefined ? {} : { [field.id]: value }, { partial })[0];
  return error && (message ? message(field, error) : error.message);
}

/** The errors of the fields of one step, by field id (required ones included). */
export function stepErrors(step: FormStep, values: FormValues, message?: FieldMessage): Record<string, string> {
  const ids = new Set(step.fields.map((field) => field.id));
  const own = Object.fromEntries(Object.entries(values).filter(([id]) => ids.has(id)));
  const form = { version: 0, steps: [step] };
  return errorsByField(validateValues(form, own), form, message);
}

/** The first error of each field, in the widget's language when `message` and the `form` with the fields are given. */
export function errorsByField(
  errors: ReadonlyArray<{ field: string; code?: string; message: string }>,
  form?: Pick<FormDefinition, 'steps'>,
  message?: FieldMessage,
): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors) {
    const field = message && error.code ? findField(form, error.field) : undefined;
    byField[error.field] ??= field ? message!(field, error as { code: string; message: string }) : error.message;
  }
  return byField;
}

/** The field of a form definition with this id. */
export function findField(form: Pick<FormDefinition, 'steps'> | undefined, id: string): FormField | undefined {
  for (const step of form?.steps ?? []) for (const field of step.fields) if (field.id === id) return field;
  return undefined;
}

/** A field of any type but `documents` (whose uploaders belong to their element): label, hint, error and control. */
export function renderFormField(field: FormField, options: FormFieldOptions): TemplateResult {
  const { id, error, onChange } = options;
  const hint = options.hint ?? field.hint;
  const label = options.label ?? field.label;
  const required = options.required ?? field.required;
  const value = options.value;
  const text = typeof value === 'string' ? value : '';
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
  const hintText = hint ? html`<span part="hint" class="hint" id=${`${id}-hint`}>${hint}</span>` : nothing;
  const errorText = error ? html`<span part="field-error" class="field-error" id=${`${id}-error`}>${error}</span>` : nothing;
  const parts = (control: TemplateResult) => html`<div part="field" class="field">
    <label part="label" class="label" for=${id}>${label}</label>
    ${hintText} ${errorText} ${control}
  </div>`;
  switch (field.type) {
    case 'checkbox':
      return html`<div part="field" class="field">
        ${errorText}
        <div class="checkbox">
          <input
            part="checkbox"
            type="checkbox"
            id=${id}
            name=${field.id}
            .checked=${live(value === true)}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy}
            @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
          />
          <label for=${id}>${field.label}</label>
        </div>
        ${hintText}
      </div>`;
    case 'select':
      return parts(html`<select
        part=${options.selectPart ?? 'input'}
        class="input"
        id=${id}
        name=${field.id}
        aria-required=${required ? 'true' : 'false'}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @change=${(event: Event) => onChange((event.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${text === ''}>${options.placeholder ?? ''}</option>
        ${field.options?.map((option) => html`<option value=${option.value} ?selected=${text === option.value}>${option.label}</option>`)}
      </select>`);
    case 'textarea':
      return parts(html`<textarea
        part="input"
        class="input textarea"
        id=${id}
        name=${field.id}
        rows="4"
        maxlength=${ifDefined(field.maxLength)}
        aria-required=${required ? 'true' : 'false'}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy}
        .value=${live(text)}
        @input=${(event: InputEvent) => onChange((event.target as HTMLTextAreaElement).value)}
      ></textarea>`);
    default: {
      const kind = inputKinds[field.type] ?? {};
      return textField({
        id,
        label,
        hint,
        error,
        value: field.type === 'date' ? typedDate(text) : text,
        type: kind.type,
        inputmode: kind.inputmode,
        autocomplete: (field.autofill && autocompleteOf[field.autofill]) ?? kind.autocomplete ?? 'off',
        maxlength: field.maxLength ?? (field.type === 'address' ? 500 : 254),
        required,
        onInput: field.type === 'date' ? (typed) => onChange(isoDate(typed)) : onChange,
      });
    }
  }
}
