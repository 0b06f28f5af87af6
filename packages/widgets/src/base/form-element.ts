import { CabinetError, isCabinetError, type VerifyCodeRequest } from '@mfc-cabinet/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CodeEntry } from './code-entry.js';
import { MfcElement } from './mfc-element.js';
import { formatCountdown } from '../i18n/translation.js';

/**
 * The base of the step-by-step forms (sign-in, registration, recovery): one action at a
 * time, an error about the whole form or about fields, and focus moved where the citizen
 * should look next.
 */
export class MfcFormElement<Field extends string> extends MfcElement {
  /** Level of the form's heading in the page outline (1–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The action under way, if any; the form refuses a second one meanwhile. */
  @state() protected busy?: string;
  @state() protected formError?: CabinetError;
  @state() protected fieldErrors: Partial<Record<Field, string>> = {};

  /** A selector in the shadow root to focus after the next render. */
  protected focusAfterRender?: string;

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    if (!this.focusAfterRender) return;
    this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender)?.focus();
    this.focusAfterRender = undefined;
  }

  /**
   * Runs `work` as action `name`: clears the previous errors, marks the form busy, and
   * reports a failure through {@link onFailure} and an `mfc-error` event.
   */
  protected async run(name: string, work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = name;
    this.formError = undefined;
    this.fieldErrors = {};
    try {
      await work();
    } catch (error) {
      const failure = isCabinetError(error) ? error : new CabinetError('internal', { cause: error });
      if (failure.code !== 'aborted') {
        this.onFailure(failure, name);
        if (this.formError) this.focusAfterRender ??= '#form-error';
        this.emit('mfc-error', { error: failure, action: name });
      }
    } finally {
      this.busy = undefined;
    }
  }

  /** Shows a failure; by default field errors for the fields the server named, else a form error. */
  protected onFailure(failure: CabinetError, _action: string): void {
    if (failure.code !== 'validation_failed' || !this.showServerFieldErrors(failure)) this.formError = failure;
  }

  /** Shows errors of fields and focuses the first; false when there are none. */
  protected showFieldErrors(errors: Partial<Record<Field, string>>): boolean {
    const fields = Object.keys(errors) as Field[];
    const first = fields.find((field) => errors[field]);
    if (!first) return false;
    this.fieldErrors = errors;
    this.formError = undefined;
    this.focusAfterRender = `#${cssId(first)}`;
    return true;
  }

  /** The field errors a `validation_failed` answer names, mapped to this form's fields. */
  protected showServerFieldErrors(failure: CabinetError): boolean {
    const errors: Partial<Record<Field, string>> = {};
    for (const { field: path, code, message } of failure.fieldErrors) {
      const field = this.fieldFor(path);
      if (field) errors[field] ??= this.fieldMessage(field, code, message);
    }
    return this.showFieldErrors(errors);
  }

  /** The field of this form that shows errors of a server field path, if any. */
  protected fieldFor(_path: string): Field | undefined {
    return undefined;
  }

  /**
   * The message to show for a field error: the translated one for a refused password
   * (`password_*` codes), else the server's. The password messages come with the account
   * strings, which a sign-in form may not have loaded: then the server's message stands.
   */
  protected fieldMessage(_field: Field, code: string, message: string): string {
    const problems: Partial<Record<string, string>> | undefined = this.t.passwordProblem;
    return problems?.[code] ?? message;
  }

  /** Clears a field's error as the citizen corrects it. */
  protected clearFieldError(field: Field): void {
    if (this.fieldErrors[field]) this.fieldErrors = { ...this.fieldErrors, [field]: undefined };
  }

  /**
   * The one-time code step of `entry` (the forms with a code step have a `code` field): the
   * field with its error, the busy state, the form's alert and the resend timer.
   */
  protected renderCodeStep(
    entry: CodeEntry,
    lead: string | TemplateResult,
    handlers: { onSubmit: (event: SubmitEvent) => void; onResend: () => void },
  ): TemplateResult {
    return entry.render({
      t: this.t,
      lead,
      error: (this.fieldErrors as Partial<Record<string, string>>).code,
      busy: this.busy,
      formError: this.renderFormError(),
      ...handlers,
      onInput: () => this.clearFieldError('code' as Field),
    });
  }

  /** The code typed into `entry`, ready to send; shows what is missing and returns `undefined` otherwise. */
  protected codeToVerify(entry: CodeEntry): VerifyCodeRequest | undefined {
    if (this.busy || !entry.challenge) return undefined;
    const code = entry.complete;
    if (!code) {
      this.showFieldErrors({ code: this.t.codeRequired } as Partial<Record<Field, string>>);
      return undefined;
    }
    return { challengeId: entry.challenge.id, code };
  }

  /** The heading level as `aria-level` wants it: a whole number from 1 to 6. */
  protected get ariaHeadingLevel(): string {
    return String(Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2)));
  }

  /** The form's heading, focusable so that focus can move to it between steps. */
  protected renderHeading(text: string): TemplateResult {
    return html`<div part="heading" class="heading" id="heading" role="heading" aria-level=${this.ariaHeadingLevel} tabindex="-1">
      ${text}
    </div>`;
  }

  /**
   * What to say of `error`: its message in this language and, after a refusal for too many
   * requests, when to try again. In Russian that is the server's own sentence when it gave
   * one (Russian text: it says what was limited, «Слишком много кодов за час…», and the wait); otherwise
   * {@link Translation.rateLimitedFor}.
   */
  protected formErrorMessage(error: CabinetError): string {
    const message = this.t.errors[error.code];
    if (error.code !== 'rate_limited' || !error.retryAfter) return message;
    const said = error.message;
    if (this.resolvedLocale === 'ru' && said !== message && /[а-я]/i.test(said)) return said;
    return this.t.rateLimitedFor(formatCountdown(error.retryAfter));
  }

  /** The alert for {@link formError}, with optional extra content and a message fitting the step. */
  protected renderFormError(
    extra: TemplateResult | typeof nothing = nothing,
    message: string = this.formError ? this.formErrorMessage(this.formError) : '',
  ): TemplateResult | typeof nothing {
    if (!this.formError) return nothing;
    return html`
      <div part="alert" class="alert" role="alert" id="form-error" tabindex="-1">
        <p><strong>${message}</strong></p>
        ${extra}
      </div>
    `;
  }
}

/** A field path such as `passport.series` as an element id (`passport-series`). */
export const cssId = (field: string): string => field.replaceAll('.', '-');
