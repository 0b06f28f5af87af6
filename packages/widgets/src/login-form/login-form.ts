import {
  CabinetError,
  classifyIdentifier,
  isCabinetError,
  type AccountLevel,
  type AuthState,
  type CabinetClient,
  type OtpChallenge,
} from '@mfc-cabinet/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { MfcElement } from '../base/mfc-element.js';
import { formatCountdown } from '../i18n/translation.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import { loginFormStyles } from './login-form.styles.js';

type Field = 'identifier' | 'password' | 'code';
type Busy = 'login' | 'verify' | 'resend' | 'logout';
type Notice = 'other-tab' | 'expired' | 'code-resent';

/**
 * Sign-in to the personal cabinet: login (phone, e-mail or СНИЛС) and password, then the
 * one-time code with a resend timer; the lockout after failed attempts with its
 * countdown; and, once signed in, who is signed in with a sign-out button. Sign-out in
 * another tab shows here at once.
 *
 * @summary Sign-in form: login and password, one-time code, lockout, sign-out.
 * @tagname mfc-login-form
 *
 * @event {CustomEvent<MfcLoginDetail>} mfc-login - The citizen signed in through this form. `detail.session` is the new session.
 * @event {CustomEvent<MfcLogoutDetail>} mfc-logout - The citizen is signed out. `detail.reason`: `logout` (the button), `other-tab`, or `expired`.
 * @event {CustomEvent<MfcErrorDetail>} mfc-error - A failure was shown to the citizen. `detail.error` is the `CabinetError`, `detail.action` one of `login`, `verify-code`, `resend-code`, `logout`, `session`.
 *
 * @csspart base - The outer box.
 * @csspart heading - The heading of the current step.
 * @csspart form - Each `<form>`.
 * @csspart field - A label with its hint, error and input.
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart input - A text field.
 * @csspart field-error - The message under a field that has a mistake.
 * @csspart alert - A message about the whole form (an error, the lockout, a notice).
 * @csspart button - Every button.
 * @csspart primary-button - The main button of a step.
 * @csspart password-toggle - The button that shows or hides the password.
 * @csspart resend - The resend timer or button.
 * @csspart user - Who is signed in, with the sign-out button.
 *
 * @cssproperty --mfc-login-form-max-width - Widest the form grows. Default `28rem`.
 * @cssproperty --mfc-color-primary - Main colour of buttons and links.
 * @cssproperty --mfc-color-text - Text colour.
 * @cssproperty --mfc-color-surface - Background.
 * @cssproperty --mfc-color-danger - Errors.
 * @cssproperty --mfc-color-focus - Focus ring.
 * @cssproperty --mfc-radius - Corner radius.
 * @cssproperty --mfc-font-family - Font; the page's by default.
 *
 * @example
 * ```html
 * <mfc-login-form api-base="/api/v1"></mfc-login-form>
 * ```
 */
export class MfcLoginForm extends MfcElement {
  static override styles = [tokens, controls, loginFormStyles];

  /** Level of the form's heading in the page outline (1–6). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() private auth: AuthState = { status: 'unknown' };
  @state() private challenge?: OtpChallenge;
  @state() private challengeDead = false;
  @state() private busy?: Busy;
  @state() private formError?: CabinetError;
  @state() private fieldErrors: Partial<Record<Field, string>> = {};
  @state() private attemptsLeft?: number;
  @state() private notice?: Notice;
  @state() private lockedUntil?: number;
  @state() private resendAt = 0;
  @state() private now = Date.now();
  @state() private passwordVisible = false;
  @state() private identifier = '';
  @state() private password = '';
  @state() private code = '';
  @state() private announcement = '';

  #client?: CabinetClient;
  #unsubscribe?: () => void;
  #timer?: ReturnType<typeof setInterval>;
  #focusAfterRender?: string;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#client = undefined;
    this.#stopTimer();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.cabinet;
    if (client !== this.#client) this.#watch(client);
  }

  protected override updated(): void {
    if (!this.#focusAfterRender) return;
    this.renderRoot.querySelector<HTMLElement>(this.#focusAfterRender)?.focus();
    this.#focusAfterRender = undefined;
  }

  protected override render() {
    const { t } = this;
    let content: TemplateResult;
    let heading = t.loginHeading;
    if (this.auth.status === 'signed-in') {
      heading = t.accountHeading;
      content = this.#renderSignedIn(this.auth.session.user.displayName, this.auth.session.user.level);
    } else if (this.auth.status === 'unknown' && !this.formError) {
      content = html`<p class="status" role="status">${t.checkingSession}</p>`;
    } else if (this.challenge) {
      heading = t.codeHeading;
      content = this.#renderCodeStep(this.challenge);
    } else {
      content = this.#renderCredentialsStep();
    }
    return html`
      <section part="base" class="base" aria-labelledby="heading">
        <div part="heading" class="heading" id="heading" role="heading" aria-level=${this.#headingLevel()} tabindex="-1">
          ${heading}
        </div>
        ${this.#renderNotice()} ${content}
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </section>
    `;
  }

  #renderNotice() {
    if (!this.notice || this.auth.status === 'signed-in') return nothing;
    const text = {
      'other-tab': this.t.signedOutOtherTab,
      expired: this.t.sessionExpired,
      'code-resent': this.t.codeResent,
    }[this.notice];
    return html`<div part="alert" class="alert info" role="status">${text}</div>`;
  }

  #renderFormError() {
    if (!this.formError) return nothing;
    const { t } = this;
    const { code } = this.formError;
    const extra =
      code === 'invalid_credentials' && this.attemptsLeft !== undefined && this.attemptsLeft > 0
        ? html`<p>${t.attemptsLeft(this.attemptsLeft)}</p>`
        : nothing;
    const retry =
      this.auth.status === 'unknown'
        ? html`<p><button class="link" part="button" type="button" @click=${this.#retrySession}>${t.retry}</button></p>`
        : nothing;
    return html`
      <div part="alert" class="alert" role="alert" id="form-error" tabindex="-1">
        <p><strong>${t.errors[code]}</strong></p>
        ${extra} ${retry}
      </div>
    `;
  }

  #renderLockout() {
    const remaining = this.#lockRemaining();
    if (remaining <= 0) return nothing;
    const { t } = this;
    return html`
      <div part="alert" class="alert warning" id="lockout" tabindex="-1">
        <p><strong>${t.lockedHeading}</strong></p>
        <p>${t.lockedFor(formatCountdown(remaining))}</p>
      </div>
    `;
  }

  #renderCredentialsStep() {
    const { t } = this;
    const locked = this.#lockRemaining() > 0;
    return html`
      <form part="form" novalidate @submit=${this.#onLogin} aria-busy=${this.busy === 'login'}>
        ${this.#renderFormError()} ${this.#renderLockout()}
        ${this.#renderField('identifier', t.identifierLabel, t.identifierHint, {
          autocomplete: 'username',
          inputmode: 'email',
          value: this.identifier,
          onInput: (value) => (this.identifier = value),
        })}
        ${this.#renderField('password', t.passwordLabel, undefined, {
          type: this.passwordVisible ? 'text' : 'password',
          autocomplete: 'current-password',
          value: this.password,
          onInput: (value) => (this.password = value),
          after: html`<button
            class="link toggle"
            part="button password-toggle"
            type="button"
            aria-pressed=${this.passwordVisible}
            aria-controls="password"
            @click=${() => (this.passwordVisible = !this.passwordVisible)}
          >
            ${this.passwordVisible ? t.hidePassword : t.showPassword}
          </button>`,
        })}
        <div class="actions">
          ${this.#renderSubmit(this.busy === 'login' ? t.signingIn : t.signIn, this.busy !== undefined || locked)}
        </div>
      </form>
    `;
  }

  #renderCodeStep(challenge: OtpChallenge) {
    const { t } = this;
    if (this.challengeDead) {
      return html`
        ${this.#renderFormError()}
        <div class="actions">
          <button class="button primary" part="button primary-button" type="button" @click=${this.#startOver}>
            ${t.startOver}
          </button>
        </div>
      `;
    }
    const resendIn = Math.ceil((this.resendAt - this.now) / 1000);
    return html`
      <p class="lead">${t.codeSent(challenge.channel, challenge.destination.replaceAll(' ', '\u00a0'))}</p>
      <form part="form" novalidate @submit=${this.#onVerify} aria-busy=${this.busy === 'verify'}>
        ${this.#renderFormError()}
        ${this.#renderField('code', t.codeLabel, t.codeHint, {
          autocomplete: 'one-time-code',
          inputmode: 'numeric',
          maxlength: challenge.codeLength,
          value: this.code,
          onInput: (value) => (this.code = value.replace(/\D/g, '')),
        })}
        <div class="actions">
          ${this.#renderSubmit(this.busy === 'verify' ? t.confirming : t.confirm, this.busy !== undefined)}
        </div>
      </form>
      <div part="resend" class="resend">
        ${resendIn > 0
          ? html`<p class="hint">${t.resendIn(formatCountdown(resendIn))}</p>`
          : html`<button
              class="link"
              part="button"
              type="button"
              aria-disabled=${this.busy !== undefined}
              @click=${this.#onResend}
            >
              ${this.busy === 'resend' ? t.resendingCode : t.resendCode}
            </button>`}
      </div>
      <p><button class="link" part="button" type="button" @click=${this.#startOver}>${t.changeLogin}</button></p>
    `;
  }

  #renderSignedIn(name: string, level: AccountLevel) {
    const { t } = this;
    return html`
      <div part="user" class="user">
        <p class="name">${t.signedInAs(name)}</p>
        <p class="hint">${t.accountLevelLabel}: ${t.accountLevel[level]}</p>
        ${this.#renderFormError()}
        <button
          class="button"
          part="button"
          type="button"
          aria-disabled=${this.busy === 'logout'}
          @click=${this.#onLogout}
        >
          ${this.busy === 'logout' ? t.signingOut : t.signOut}
        </button>
      </div>
    `;
  }

  #renderField(
    name: Field,
    label: string,
    hint: string | undefined,
    options: {
      value: string;
      onInput: (value: string) => void;
      autocomplete: string;
      type?: string;
      inputmode?: string;
      maxlength?: number;
      after?: TemplateResult;
    },
  ) {
    const error = this.fieldErrors[name];
    const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`
      <div part="field" class="field">
        <label part="label" class="label" for=${name}>${label}</label>
        ${hint ? html`<span part="hint" class="hint" id=${`${name}-hint`}>${hint}</span>` : nothing}
        ${error ? html`<span part="field-error" class="field-error" id=${`${name}-error`}>${error}</span>` : nothing}
        <div class="control">
          <input
            part="input"
            class="input"
            id=${name}
            name=${name}
            type=${options.type ?? 'text'}
            autocomplete=${options.autocomplete}
            inputmode=${options.inputmode ?? nothing}
            maxlength=${options.maxlength ?? 254}
            spellcheck="false"
            autocapitalize="off"
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            .value=${live(options.value)}
            @input=${(event: InputEvent) => {
              options.onInput((event.target as HTMLInputElement).value);
              if (this.fieldErrors[name]) this.fieldErrors = { ...this.fieldErrors, [name]: undefined };
            }}
          />
          ${options.after ?? nothing}
        </div>
      </div>
    `;
  }

  #renderSubmit(label: string, disabled: boolean) {
    return html`<button class="button primary" part="button primary-button" type="submit" aria-disabled=${disabled}>
      ${label}
    </button>`;
  }

  // ------------------------------------------------------------------ behaviour

  #watch(client: CabinetClient): void {
    this.#unsubscribe?.();
    this.#client = client;
    this.#unsubscribe = client.auth.subscribe((state) => this.#onAuthState(state));
    if (client.auth.state.status === 'unknown') void this.#retrySession();
  }

  #retrySession = async (): Promise<void> => {
    this.formError = undefined;
    try {
      await this.cabinet.auth.refresh();
    } catch (error) {
      this.#fail(error, 'session');
    }
  };

  #onAuthState(state: AuthState): void {
    const previous = this.auth;
    this.auth = state;
    if (previous.status === 'signed-in' && state.status === 'signed-out' && state.reason !== 'initial') {
      this.challenge = undefined;
      this.formError = undefined;
      this.notice = state.reason === 'other-tab' ? 'other-tab' : state.reason === 'expired' ? 'expired' : undefined;
      this.#focusAfterRender = '#heading';
      this.emit('mfc-logout', { reason: state.reason });
    }
  }

  #onLogin = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy || this.#lockRemaining() > 0) return;
    const { t } = this;
    const errors: Partial<Record<Field, string>> = {};
    if (!this.identifier.trim()) errors.identifier = t.identifierRequired;
    else if (classifyIdentifier(this.identifier).length === 0) errors.identifier = t.identifierInvalid;
    if (!this.password) errors.password = t.passwordRequired;
    if (this.#showFieldErrors(errors)) return;

    this.#beginAction('login');
    try {
      const result = await this.cabinet.auth.login({ identifier: this.identifier, password: this.password });
      this.password = '';
      this.attemptsLeft = undefined;
      if (result.status === 'code_required') {
        this.#startChallenge(result.challenge);
        this.#focusAfterRender = '#code';
      } else {
        this.emit('mfc-login', { session: result.session });
        this.#focusAfterRender = '#heading';
      }
    } catch (error) {
      this.#fail(error, 'login');
    } finally {
      this.busy = undefined;
    }
  };

  #onVerify = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const challenge = this.challenge;
    if (this.busy || !challenge) return;
    const code = this.code.trim();
    if (!new RegExp(`^\\d{${challenge.codeLength}}$`).test(code) && this.#showFieldErrors({ code: this.t.codeRequired })) {
      return;
    }
    this.#beginAction('verify');
    try {
      const session = await this.cabinet.auth.verifyCode({ challengeId: challenge.id, code });
      this.challenge = undefined;
      this.code = '';
      this.#focusAfterRender = '#heading';
      this.emit('mfc-login', { session });
    } catch (error) {
      this.#fail(error, 'verify-code');
    } finally {
      this.busy = undefined;
    }
  };

  #onResend = async (): Promise<void> => {
    const challenge = this.challenge;
    if (this.busy || !challenge) return;
    this.#beginAction('resend');
    try {
      this.#startChallenge(await this.cabinet.auth.resendCode({ challengeId: challenge.id }));
      this.notice = 'code-resent';
      this.#focusAfterRender = '#code';
    } catch (error) {
      this.#fail(error, 'resend-code');
    } finally {
      this.busy = undefined;
    }
  };

  #onLogout = async (): Promise<void> => {
    if (this.busy) return;
    this.#beginAction('logout');
    try {
      await this.cabinet.auth.logout();
    } catch (error) {
      this.#fail(error, 'logout');
    } finally {
      this.busy = undefined;
    }
  };

  #startOver = (): void => {
    this.challenge = undefined;
    this.challengeDead = false;
    this.code = '';
    this.formError = undefined;
    this.fieldErrors = {};
    this.notice = undefined;
    this.#focusAfterRender = '#identifier';
  };

  #beginAction(busy: Busy): void {
    this.busy = busy;
    this.formError = undefined;
    this.notice = undefined;
    this.fieldErrors = {};
  }

  #startChallenge(challenge: OtpChallenge): void {
    this.challenge = challenge;
    this.challengeDead = false;
    this.code = '';
    this.resendAt = Date.now() + challenge.resendAfter * 1000;
    this.#startTimer();
  }

  /** Shows the errors of fields and focuses the first; false when there are none. */
  #showFieldErrors(errors: Partial<Record<Field, string>>): boolean {
    const first = (Object.keys(errors) as Field[]).find((field) => errors[field]);
    if (!first) return false;
    this.fieldErrors = errors;
    this.formError = undefined;
    this.#focusAfterRender = `#${first}`;
    return true;
  }

  #fail(error: unknown, action: string): void {
    const failure = isCabinetError(error) ? error : new CabinetError('internal', { cause: error });
    if (failure.code === 'aborted') return;
    const { t } = this;
    switch (failure.code) {
      case 'account_locked':
        this.lockedUntil = Date.now() + (failure.retryAfter ?? 0) * 1000;
        this.announcement = `${t.lockedHeading}. ${t.lockedFor(formatCountdown(failure.retryAfter ?? 0))}`;
        this.#focusAfterRender = '#lockout';
        this.#startTimer();
        break;
      case 'otp_invalid':
        this.#showFieldErrors({ code: t.codeInvalid(failure.attemptsLeft ?? 0) });
        break;
      case 'rate_limited':
        if (action === 'resend-code' && failure.retryAfter) {
          this.resendAt = Date.now() + failure.retryAfter * 1000;
          this.#startTimer();
        }
        this.formError = failure;
        break;
      case 'otp_attempts_exceeded':
        this.challengeDead = true;
        this.formError = failure;
        break;
      case 'otp_expired':
        // A code that merely expired can be re-sent; a dead sign-in attempt cannot.
        this.challengeDead = action === 'resend-code';
        this.formError = failure;
        break;
      case 'validation_failed': {
        const fields: Partial<Record<Field, string>> = {};
        for (const fieldError of failure.fieldErrors) {
          if (['identifier', 'password', 'code'].includes(fieldError.field)) fields[fieldError.field as Field] = fieldError.message;
        }
        if (!this.#showFieldErrors(fields)) this.formError = failure;
        break;
      }
      default:
        this.attemptsLeft = failure.attemptsLeft;
        this.formError = failure;
    }
    if (this.formError) this.#focusAfterRender = '#form-error';
    this.emit('mfc-error', { error: failure, action });
  }

  #lockRemaining(): number {
    return this.lockedUntil ? Math.ceil((this.lockedUntil - this.now) / 1000) : 0;
  }

  #startTimer(): void {
    this.now = Date.now();
    this.#timer ??= setInterval(() => {
      this.now = Date.now();
      if (this.lockedUntil && this.now >= this.lockedUntil) {
        this.lockedUntil = undefined;
        this.announcement = this.t.lockedOver;
      }
      if (!this.lockedUntil && this.now >= this.resendAt) this.#stopTimer();
    }, 1000);
  }

  #stopTimer(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #headingLevel(): string {
    return String(Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2)));
  }
}
