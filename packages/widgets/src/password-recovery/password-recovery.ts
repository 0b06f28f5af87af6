import { classifyIdentifier, type CabinetError, type RecoveryChallenge } from '@mfc-cabinet/core';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CodeEntry } from '../base/code-entry.js';
import { linkButton, submitButton, textField } from '../base/fields.js';
import { MfcFormElement } from '../base/form-element.js';
import { NewPasswordEntry } from '../base/new-password.js';
import { addStrings } from '../i18n/registry.js';
import { ruAccount } from '../i18n/ru-account.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import { flowStyles } from '../styles/flow.styles.js';

addStrings('ru', ruAccount);

type Step = 'identifier' | 'code' | 'password' | 'done';
type Field = 'identifier' | 'code' | 'password' | 'passwordRepeat';

/**
 * Password recovery by phone, e-mail or СНИЛС: a one-time code, then a new password with
 * the rules checked as the citizen types. Every session of the account ends. The screens
 * say the same whether or not an account has the login, so nobody learns who is
 * registered.
 *
 * @summary Password recovery: login, code, new password.
 * @tagname mfc-password-recovery
 *
 * @event {CustomEvent<MfcNavigateDetail>} mfc-navigate - Back to sign-in (`to: 'login'`), with `reason: 'password-changed'` and the login once the password is changed.
 * @event {CustomEvent<MfcErrorDetail>} mfc-error - A failure was shown. `detail.action`: `start`, `verify-code`, `resend-code`, `new-password`.
 *
 * @csspart base - The outer box.
 * @csspart heading - The heading of the current step.
 * @csspart form - Each `<form>`.
 * @csspart field - A label with its hint, error and input.
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart input - A text field.
 * @csspart field-error - The message under a field that has a mistake.
 * @csspart password-rules - The checklist of password rules.
 * @csspart alert - A message about the whole form.
 * @csspart button - Every button.
 * @csspart primary-button - The main button of a step.
 * @csspart link-button - A secondary action shown as a link.
 * @csspart resend - The resend timer or button.
 *
 * @cssproperty --mfc-login-form-max-width - Widest the form grows. Default `28rem`.
 * @cssproperty --mfc-color-primary - Main colour of buttons and links.
 *
 * @example
 * ```html
 * <mfc-password-recovery api-base="/api/v1"></mfc-password-recovery>
 * ```
 */
export class MfcPasswordRecovery extends MfcFormElement<Field> {
  static override styles = [tokens, controls, flowStyles];

  /** The login to start with, e.g. what the citizen typed on the sign-in form. */
  @property() identifier = '';

  /** The account's logins when known (phone, e-mail, СНИЛС): a new password may not contain them. */
  @property({ attribute: false }) logins: readonly string[] = [];

  /**
   * A recovery already started elsewhere — «Это был не я» in `<mfc-profile>` sends the code
   * itself: the form opens at its code step.
   */
  @property({ attribute: false }) challenge?: RecoveryChallenge;

  @state() private step: Step = 'identifier';

  override connectedCallback(): void {
    super.connectedCallback();
    // Opened in place of the link that had focus (the sign-in form's «Забыли пароль?»):
    // focus goes to the heading instead of being lost on the page.
    if (this.getRootNode() instanceof ShadowRoot && document.activeElement === document.body) this.focusAfterRender = '#heading';
  }

  readonly #code = new CodeEntry<RecoveryChallenge>(this);
  readonly #newPassword = new NewPasswordEntry(this);
  #resetToken?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('challenge') && this.challenge) {
      this.#code.start(this.challenge);
      this.step = 'code';
    }
  }

  protected override render() {
    const { t } = this;
    const headings: Record<Step, string> = {
      identifier: t.recoveryHeading,
      code: t.recoveryCodeHeading,
      password: t.newPasswordHeading,
      done: t.passwordChangedHeading,
    };
    return html`
      <section part="base" class="base" aria-labelledby="heading">
        ${this.renderHeading(headings[this.step])} ${this.#renderStep()}
      </section>
    `;
  }

  #renderStep(): TemplateResult {
    const { t } = this;
    switch (this.step) {
      case 'identifier':
        return html`
          <p class="lead">${t.recoveryLead}</p>
          <form part="form" novalidate @submit=${this.#onStart} aria-busy=${this.busy === 'start'}>
            ${this.renderFormError()}
            ${textField({
              id: 'identifier',
              label: t.identifierLabel,
              hint: t.identifierHint,
              error: this.fieldErrors.identifier,
              autocomplete: 'username',
              inputmode: 'email',
              required: true,
              value: this.identifier,
              onInput: (value) => {
                this.identifier = value;
                this.clearFieldError('identifier');
              },
            })}
            <div class="actions">${submitButton(this.busy === 'start' ? t.sendingCode : t.getCode, this.busy !== undefined)}</div>
          </form>
          <div class="links">${linkButton(t.backToLogin, () => this.#backToLogin())}</div>
        `;
      case 'code':
        if (this.#code.dead) {
          return html`
            ${this.renderFormError()}
            <div class="actions">
              <button class="button primary" part="button primary-button" type="button" @click=${this.#startOver}>
                ${t.startAgain}
              </button>
            </div>
          `;
        }
        return html`
          ${this.renderCodeStep(this.#code, t.recoveryCodeSent, { onSubmit: this.#onVerify, onResend: this.#onResend })}
          <p>${linkButton(t.changeIdentifier, this.#startOver)}</p>
        `;
      case 'password':
        return html`
          <form part="form" novalidate @submit=${this.#onSave} aria-busy=${this.busy === 'new-password'}>
            ${this.formError?.code === 'otp_expired'
              ? this.renderFormError(html`<p>${linkButton(t.startAgain, this.#startOver)}</p>`, t.resetExpired)
              : this.renderFormError()}
            ${this.#newPassword.render({
              t,
              logins: [this.identifier, ...this.logins],
              errors: this.fieldErrors,
              onInput: (field) => this.clearFieldError(field),
            })}
            <div class="actions">
              ${submitButton(this.busy === 'new-password' ? t.savingPassword : t.savePassword, this.busy !== undefined)}
            </div>
          </form>
        `;
      case 'done':
        return html`
          <div part="alert" class="alert info" role="status">${t.passwordChangedLead}</div>
          <div class="actions">
            <button class="button primary" part="button primary-button" type="button" @click=${this.#signIn}>
              ${t.signInWithNewPassword}
            </button>
          </div>
        `;
    }
  }

  // ------------------------------------------------------------------ behaviour

  protected override fieldFor(path: string): Field | undefined {
    return path === 'identifier' || path === 'code' || path === 'password' ? path : undefined;
  }

  protected override onFailure(failure: CabinetError, action: string): void {
    if (this.#code.onFailure(failure, action, this.t, (message) => this.showFieldErrors({ code: message }))) return;
    super.onFailure(failure, action);
  }

  #onStart = (event: SubmitEvent): void => {
    event.preventDefault();
    const { t } = this;
    if (!this.identifier.trim()) {
      this.showFieldErrors({ identifier: t.identifierRequired });
      return;
    }
    if (classifyIdentifier(this.identifier).length === 0) {
      this.showFieldErrors({ identifier: t.identifierInvalid });
      return;
    }
    void this.run('start', async () => {
      this.#code.start(await this.cabinet.auth.startRecovery({ identifier: this.identifier }));
      this.step = 'code';
      this.focusAfterRender = '#code';
    });
  };

  #onVerify = (event: SubmitEvent): void => {
    event.preventDefault();
    const request = this.codeToVerify(this.#code);
    if (!request) return;
    void this.run('verify-code', async () => {
      const { resetToken } = await this.cabinet.auth.verifyRecoveryCode(request);
      this.#resetToken = resetToken;
      this.#code.clear();
      this.step = 'password';
      this.focusAfterRender = '#password';
    });
  };

  #onResend = (): void => {
    const challenge = this.#code.challenge;
    if (this.busy || !challenge) return;
    void this.run('resend-code', async () => {
      this.#code.start(await this.cabinet.auth.resendRecoveryCode({ challengeId: challenge.id }));
      this.focusAfterRender = '#code';
    });
  };

  #onSave = (event: SubmitEvent): void => {
    event.preventDefault();
    const resetToken = this.#resetToken;
    if (this.busy || !resetToken) return;
    if (this.showFieldErrors(this.#newPassword.errors(this.t, [this.identifier]))) return;
    void this.run('new-password', async () => {
      await this.cabinet.auth.setNewPassword({ resetToken, password: this.#newPassword.password });
      this.#resetToken = undefined;
      this.#newPassword.clear();
      this.step = 'done';
      this.focusAfterRender = '#heading';
    });
  };

  #startOver = (): void => {
    this.#code.clear();
    this.#resetToken = undefined;
    this.formError = undefined;
    this.fieldErrors = {};
    this.step = 'identifier';
    this.focusAfterRender = '#identifier';
  };

  #signIn = (): void => {
    this.emit('mfc-navigate', { to: 'login', reason: 'password-changed', identifier: this.identifier });
  };

  #backToLogin(): void {
    this.emit('mfc-navigate', { to: 'login', ...(this.identifier ? { identifier: this.identifier } : {}) });
  }
}
