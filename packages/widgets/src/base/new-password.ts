import { checkPassword, passwordRules, type PasswordRule } from '@mfc-cabinet/core';
import { html, type TemplateResult } from 'lit';
import type { Translation } from '../i18n/translation.js';
import { textField } from './fields.js';

/**
 * A new password, its repetition, a show/hide button, and the rules as a checklist that
 * follows the typing. The checklist is tied to the field with `aria-describedby`, so a
 * screen reader reads it on focus instead of announcing every keystroke.
 */
export function newPasswordFields(options: {
  t: Translation;
  password: string;
  repeat: string;
  visible: boolean;
  /** The citizen's logins: the password must not contain them. */
  logins: readonly string[];
  errors: { password?: string; passwordRepeat?: string };
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
  onToggleVisible: () => void;
}): TemplateResult {
  const { t } = options;
  const met = checkPassword(options.password, options.logins);
  const type = options.visible ? 'text' : 'password';
  return html`
    ${textField({
      id: 'password',
      label: t.newPasswordLabel,
      error: options.errors.password,
      type,
      autocomplete: 'new-password',
      maxlength: 128,
      required: true,
      value: options.password,
      onInput: options.onPassword,
      describedBy: 'password-rules',
      after: html`<button
        class="link toggle"
        part="button password-toggle"
        type="button"
        aria-pressed=${options.visible}
        aria-controls="password passwordRepeat"
        @click=${options.onToggleVisible}
      >
        ${options.visible ? t.hidePassword : t.showPassword}
      </button>`,
    })}
    <div>
      <p class="hint" id="password-rules-title">${t.passwordRulesTitle}</p>
      <ul class="checklist" part="password-rules" id="password-rules" aria-labelledby="password-rules-title">
        ${passwordRules.map((rule: PasswordRule) => {
          const ok = options.password !== '' && met[rule];
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
      value: options.repeat,
      onInput: options.onRepeat,
    })}
  `;
}

/** The client-side problems of a new password: the first rule it breaks, or a mismatch. */
export function newPasswordErrors(
  t: Translation,
  password: string,
  repeat: string,
  logins: readonly string[],
): { password?: string; passwordRepeat?: string } {
  const met = checkPassword(password, logins);
  const broken = passwordRules.find((rule) => !met[rule]);
  const errors: { password?: string; passwordRepeat?: string } = {};
  if (!password) errors.password = t.newPasswordRequired;
  else if (broken) errors.password = t.passwordProblem[`password_${broken}`];
  if (password && repeat !== password) errors.passwordRepeat = t.passwordMismatch;
  return errors;
}
