import type { CabinetClient, CabinetError, Session } from '@mfc-cabinet/core';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { linkButton, submitButton } from '../base/fields.js';
import { NewPasswordEntry } from '../base/new-password.js';
import type { Translation } from '../i18n/translation.js';

type Field = 'password' | 'passwordRepeat';

/** What the step uses of the sign-in form that shows it. */
export interface TemporaryPasswordForm extends ReactiveControllerHost {
  readonly t: Translation;
  readonly cabinet: CabinetClient;
  readonly identifier: string;
  busy?: string;
  formError?: CabinetError;
  fieldErrors: Partial<Record<string, string>>;
  renderFormError(extra?: TemplateResult | typeof nothing): TemplateResult | typeof nothing;
  clearFieldError(field: string): void;
  showFieldErrors(errors: Partial<Record<Field, string>>): boolean;
  run(name: string, work: () => Promise<void>): Promise<void>;
}

/**
 * The step after a temporary password worked: the citizen chooses a password of their own
 * before the session starts. Loaded only then, as few citizens ever see it.
 */
export class TemporaryPasswordStep {
  readonly #form: TemporaryPasswordForm;
  readonly #changeToken: string;
  readonly #newPassword: NewPasswordEntry;
  /** Gets the session the new password starts. */
  readonly #onSignedIn: (session: Session) => void;

  constructor(form: TemporaryPasswordForm, changeToken: string, onSignedIn: (session: Session) => void) {
    this.#form = form;
    this.#changeToken = changeToken;
    this.#onSignedIn = onSignedIn;
    this.#newPassword = new NewPasswordEntry(form);
  }

  render(onStartOver: () => void): TemplateResult {
    const form = this.#form;
    const { t, busy } = form;
    return html`
      <p class="lead">${t.temporaryPasswordLead}</p>
      <form part="form" novalidate @submit=${(event: SubmitEvent) => this.#submit(event)} aria-busy=${busy === 'change-password'}>
        ${form.renderFormError(
          form.formError?.code === 'otp_expired' ? html`<p>${linkButton(t.startOver, onStartOver)}</p>` : nothing,
        )}
        ${this.#newPassword.render({
          t,
          logins: [form.identifier],
          errors: form.fieldErrors,
          onInput: (field) => form.clearFieldError(field),
        })}
        <div class="actions">
          ${submitButton(busy === 'change-password' ? t.savingPassword : t.savePasswordAndSignIn, busy !== undefined)}
        </div>
      </form>
    `;
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const form = this.#form;
    if (form.busy) return;
    if (form.showFieldErrors(this.#newPassword.errors(form.t, [form.identifier]))) return;
    void form.run('change-password', async () => {
      const session = await form.cabinet.auth.changeTemporaryPassword({
        changeToken: this.#changeToken,
        password: this.#newPassword.password,
      });
      this.#onSignedIn(session);
    });
  }
}
