import { html, nothing, type TemplateResult } from 'lit';
import { linkButton, submitButton, textField } from '../base/fields.js';
import type { Translation } from '../i18n/translation.js';

/** What the step uses of the sign-in form that shows it. */
export interface CredentialsForm {
  readonly t: Translation;
  readonly noLinks: boolean;
  readonly busy?: string;
  readonly fieldErrors: Partial<Record<'identifier' | 'password', string>>;
  identifier: string;
  password: string;
  passwordVisible: boolean;
  clearFieldError(field: 'identifier' | 'password'): void;
}

/** The first step of signing in: the login and the password, and the links to registration and recovery. */
export function renderCredentialsStep(
  form: CredentialsForm,
  { error, locked, onSubmit, onOpen }: {
    /** The form's error and lockout messages. */
    error: TemplateResult;
    /** Locked out: the button waits. */
    locked: boolean;
    onSubmit: (event: SubmitEvent) => void;
    onOpen: (view: 'recover' | 'register') => void;
  },
): TemplateResult {
  const { t } = form;
  return html`
    <form part="form" novalidate @submit=${onSubmit} aria-busy=${form.busy === 'login'}>
      ${error}
      ${textField({
        id: 'identifier',
        label: t.identifierLabel,
        hint: t.identifierHint,
        error: form.fieldErrors.identifier,
        autocomplete: 'username',
        inputmode: 'email',
        required: true,
        value: form.identifier,
        onInput: (value) => {
          form.identifier = value;
          form.clearFieldError('identifier');
        },
      })}
      ${textField({
        id: 'password',
        label: t.passwordLabel,
        error: form.fieldErrors.password,
        type: form.passwordVisible ? 'text' : 'password',
        autocomplete: 'current-password',
        required: true,
        maxlength: 128,
        value: form.password,
        onInput: (value) => {
          form.password = value;
          form.clearFieldError('password');
        },
        after: html`<button
          class="link toggle"
          part="button password-toggle"
          type="button"
          aria-pressed=${form.passwordVisible}
          aria-controls="password"
          @click=${() => (form.passwordVisible = !form.passwordVisible)}
        >
          ${form.passwordVisible ? t.hidePassword : t.showPassword}
        </button>`,
      })}
      <div class="actions">
        ${submitButton(form.busy === 'login' ? t.signingIn : t.signIn, form.busy !== undefined || locked)}
      </div>
    </form>
    ${form.noLinks
      ? nothing
      : html`<div class="links">
          ${linkButton(t.forgotPassword, () => onOpen('recover'), { id: 'to-recovery' })}
          ${linkButton(t.register, () => onOpen('register'), { id: 'to-registration' })}
        </div>`}
  `;
}
