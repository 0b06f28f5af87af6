import { checkPassword, passwordRules, type PasswordRule } from '@mfc-cabinet/core';
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Translation } from '../i18n/translation.js';
import { textField } from './fields.js';

type NewPasswordField = 'password' | 'passwordRepeat';

/**
 * A new password (registration, recovery, after a temporary password): the password, its
 * repetition, a show/hide button, and the rules as a checklist that follows the typing.
 * The checklist is tied to the field with `aria-describedby`, so a screen reader reads it
 * on focus instead of announcing every keystroke.
 */
export class NewPasswordEntry {
  password = '';
  repeat = '';
  visible = false;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  clear(): void {
    this.password = '';
    this.repeat = '';
    this.#host.requestUpdate();
  }

  /** The client-side problems: the first rule the password breaks, or a mismatch. */
  errors(t: Translation, logins: readonly string[]): Partial<Record<NewPasswordField, string>> {
    const met = checkPassword(this.password, logins);
    const broken = passwordRules.find((rule) => !met[rule]);
    const errors: Partial<Record<NewPasswordField, string>> = {};
    if (!this.password) errors.password = t.newPasswordRequired;
    else if (broken) errors.password = t.passwordProblem[`password_${broken}`];
    if (this.password && !this.repeat) errors.passwordRepeat = t.passwordRepeatRequired;
    else if (this.password && this.repeat !== this.password) errors.passwordRepeat = t.passwordMismatch;
    return errors;
  }

  /**
   * The fields. `logins` are the citizen's phone, e-mail or СНИЛС (the password must not
   * contain them); `onInput` is told which field changed, to clear its error.
   */
  render(options: {
    t: Translation;
    logins: readonly string[];
    errors: Partial<Record<NewPasswordField, string>>;
    onInput: (field: NewPasswordField) => void;
  }): TemplateResult {
    const { t } = options;
    const met = checkPassword(this.password, options.logins);
    const type = this.visible ? 'text' : 'password';
    const input = (field: NewPasswordField) => (value: string) => {
      if (field === 'password') this.password = value;
      else this.repeat = value;
      options.onInput(field);
      this.#host.requestUpdate();
    };
    return html`
      ${textField({
        id: 'password',
        label: t.newPasswordLabel,
        error: options.errors.password,
        type,
        autocomplete: 'new-password',
        maxlength: 128,
        required: true,
        value: this.password,
        onInput: input('password'),
        describedBy: 'password-rules',
        after: html`<button
          class="link toggle"
          part="button password-toggle"
          type="button"
          aria-pressed=${this.visible}
          aria-controls="password passwordRepeat"
          @click=${() => {
            this.visible = !this.visible;
            this.#host.requestUpdate();
          }}
        >
          ${this.visible ? t.hidePassword : t.showPassword}
        </button>`,
      })}
      <div>
        <p class="hint" id="password-rules-title">${t.passwordRulesTitle}</p>
        <ul class="checklist" part="password-rules" id="password-rules" aria-labelledby="password-rules-title">
          ${passwordRules.map((rule: PasswordRule) => {
            const ok = this.password !== '' && met[rule];
            return html`<li class=${ok ? 'met' : ''}>
              ${t.passwordRule[rule]}<span class="visually-hidden">: ${ok ? t.ruleMet : t.ruleNotMet}</span>
            </li>`;
          })}
        </ul>
      </div>
      ${textField({
        id: 'passwordRepeat',
        label: t.passwordRepeatLabel,
        error: options.errors.passwordRepeat,
        type,
        autocomplete: 'new-password',
        maxlength: 128,
        required: true,
        value: this.repeat,
        onInput: input('passwordRepeat'),
      })}
    `;
  }
}
