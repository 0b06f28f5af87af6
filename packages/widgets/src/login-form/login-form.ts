import {
  classifyIdentifier,
  type AccountLevel,
  type AuthState,
  type CabinetError,
  type OtpChallenge,
  type SignInResult,
} from '@mfc-cabinet/core';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CodeEntry } from '../base/code-entry.js';
import { Countdown } from '../base/countdown.js';
import type { MfcNavigateDetail } from '../base/events.js';
import { linkButton, submitButton, textField } from '../base/fields.js';
import { MfcFormElement } from '../base/form-element.js';
import { SessionController } from '../base/session-controller.js';
import { LazySessionWarning } from '../base/lazy-session-warning.js';
import { loadAccountStrings } from '../i18n/registry.js';
import { formatCountdown } from '../i18n/translation.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import { flowStyles } from '../styles/flow.styles.js';
import type { TemporaryPasswordForm, TemporaryPasswordStep } from './temporary-password.js';
import { renderCredentialsStep, type CredentialsForm } from './credentials-step.js';
import { loadView, renderView, type LoginView } from './views.js';

type Field = 'identifier' | 'password' | 'code' | 'passwordRepeat';
type Notice = 'other-tab' | 'expired' | 'code-resent' | 'password-changed';
/** The form itself, or a view it leads to. */
type View = 'login' | LoginView;


/**
 * Sign-in to the personal cabinet: login (phone, e-mail or СНИЛС) and password, then the
 * one-time code with a resend timer; the lockout after failed attempts with its
 * countdown; and, once signed in, who is signed in with a sign-out button. Sign-out in
 * another tab shows here at once. Links lead to registration and password recovery
 * (`<mfc-registration-form>`, `<mfc-password-recovery>`), loaded when first opened.
 *
 * @summary Sign-in form: login and password, one-time code, lockout, sign-out; leads to registration and recovery.
 * @tagname mfc-login-form
 *
 * @event {CustomEvent<MfcLoginDetail>} mfc-login - The citizen signed in through this form (or registered through it). `detail.session` is the new session.
 * @event {CustomEvent<MfcLogoutDetail>} mfc-logout - The citizen is signed out. `detail.reason`: `logout` (the button), `other-tab`, `expired`, `not-me` («Это был не я» ended every session) or `account-deleted` (the citizen closed the account).
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
 * @csspart link-button - A secondary action shown as a link.
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
 * @cssproperty --mfc-login-form-reserved-size - Height kept for the element until its code has loaded (in `mfc-cabinet.css`). Default `23.5rem`.
 *
 * @example
 * ```html
 * <mfc-login-form api-base="/api/v1"></mfc-login-form>
 * ```
 */
export class MfcLoginForm extends MfcFormElement<Field> {
  static override styles = [
    tokens,
    controls,
    flowStyles,
    // While the session is checked, the room reserved before the element was defined stays:
    // the form that follows does not push the page down.
    css`
      .base.checking {
        box-sizing: border-box;
        min-block-size: var(--mfc-login-form-reserved-size, 23.5rem);
      }
    `,
  ];

  /** Hides the links to registration and password recovery, for sites that have their own pages for them. */
  @property({ attribute: 'no-links', type: Boolean, reflect: true }) noLinks = false;

  @state() private view: View = 'login';
  @state() private attemptsLeft?: number;
  @state() private notice?: Notice;
  @state() private passwordVisible = false;
  @state() private identifier = '';
  @state() private password = '';
  @state() private announcement = '';
  /** Writes made offline and not yet sent, found when the citizen asked to sign out. */
  @state() private unsent = 0;
  /**
   * A temporary password worked: the citizen's own new password is due before the session.
   * The step (and its strings) is loaded then, as few citizens ever see it.
   */
  @state() private passwordChange?: TemporaryPasswordStep;

  readonly #code = new CodeEntry<OtpChallenge>(this);
  /** The «still there?» dialog of a form used without <mfc-cabinet>, loaded once signed in. */
  readonly #warning: LazySessionWarning = new LazySessionWarning(this);
  readonly #lockout = new Countdown(this, () => (this.announcement = this.t.lockedOver));
  /** The login the lockout is for: another one typed may be tried at once. */
  #lockedLogin?: string;
  readonly #session = new SessionController(this, {
    client: () => this.cabinet,
    // Asked through run(), so that a failure shows with «Повторить».
    refresh: false,
    onChange: (state, previous) => this.#onAuthState(state, previous),
  });

  get #auth(): AuthState {
    return this.#session.state;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.cabinet;
    // Inside <mfc-cabinet> the cabinet asks «still there?»; alone, the form does.
    this.#warning.watch(this.providedClient ? undefined : client);
  }

  protected override render() {
    const { t } = this;
    let heading = t.loginHeading;
    let content: TemplateResult;
    let checking = false;
    if (this.view !== 'login') {
      // The form it leads to brings its own box (and `base` part); this one only listens.
      return html`<div class="view" @mfc-navigate=${this.#onNavigate}>
        ${renderView(this.view, {
          client: this.cabinet,
          strings: this.strings,
          locale: this.resolvedLocale,
          level: this.ariaHeadingLevel,
          identifier: this.identifier,
        })}
      </div>`;
    }
    if (this.#auth.status === 'signed-in') {
      heading = t.accountHeading;
      content = this.#renderSignedIn(this.#auth.session.user.displayName, this.#auth.session.user.level);
    } else if (this.#auth.status === 'unknown' && !this.formError) {
      checking = true;
      content = html`<p class="status" role="status">${t.checkingSession}</p>`;
    } else if (this.passwordChange) {
      heading = t.temporaryPasswordHeading;
      content = this.passwordChange.render(this.#startOver);
    } else if (this.#code.challenge) {
      heading = t.codeHeading;
      content = this.#renderCodeStep(this.#code.challenge);
    } else {
      content = renderCredentialsStep(this as unknown as CredentialsForm, {
        error: html`${this.#renderLoginError()} ${this.#renderLockout()}`,
        locked: this.#locked,
        onSubmit: this.#onLogin,
        onOpen: (view) => void this.#open(view),
      });
    }
    return html`
      <section part="base" class=${checking ? 'base checking' : 'base'} aria-labelledby="heading">
        ${this.renderHeading(heading)} ${this.#renderNotice()} ${content}
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </section>
      ${this.providedClient ? nothing : this.#warning.render(t)}
    `;
  }

  #renderNotice() {
    if (!this.notice || this.#auth.status === 'signed-in') return nothing;
    const text = {
      'other-tab': this.t.signedOutOtherTab,
      expired: this.t.sessionExpired,
      'code-resent': this.t.codeResent,
      'password-changed': this.t.passwordChanged,
    }[this.notice];
    return html`<div part="alert" class="alert info" role="status">${text}</div>`;
  }

  #renderLoginError() {
    const { t } = this;
    const attempts =
      this.formError?.code === 'invalid_credentials' && this.attemptsLeft !== undefined && this.attemptsLeft > 0
        ? html`<p>${t.attemptsLeft(this.attemptsLeft)}</p>`
        : nothing;
    const retry =
      this.#auth.status === 'unknown' ? html`<p>${linkButton(t.retry, () => void this.#refreshSession())}</p>` : nothing;
    return this.renderFormError(html`${attempts}${retry}`);
  }

  get #locked(): boolean {
    return this.#lockout.running && this.identifier === this.#lockedLogin;
  }

  #renderLockout() {
    const remaining = this.#lockout.remaining;
    if (!this.#locked) return nothing;
    const { t } = this;
    return html`
      <div part="alert" class="alert warning" id="lockout" tabindex="-1">
        <p><strong>${t.lockedHeading}</strong></p>
        <p>${t.lockedFor(formatCountdown(remaining))}</p>
        ${this.noLinks ? nothing : html`<p>${linkButton(t.forgotPassword, () => void this.#open('recover'))}</p>`}
      </div>
    `;
  }

  #renderCodeStep(challenge: OtpChallenge) {
    const { t } = this;
    if (this.#code.dead) {
      return html`
        ${this.renderFormError()}
        <div class="actions">
          <button class="button primary" part="button primary-button" type="button" @click=${this.#startOver}>
            ${t.startOver}
          </button>
        </div>
      `;
    }
    return html`
      ${this.renderCodeStep(this.#code, t.codeSent(challenge.channel, challenge.destination.replaceAll(' ', '\u00a0')), { onSubmit: this.#onVerify, onResend: this.#onResend })}
      <p>${linkButton(t.changeLogin, this.#startOver)}</p>
    `;
  }

  #renderSignedIn(name: string, level: AccountLevel) {
    const { t } = this;
    return html`
      <div part="user" class="user">
        <p class="name">${t.signedInAs(name)}</p>
        <p class="hint">${t.accountLevelLabel}: ${t.accountLevel[level]}</p>
        ${this.renderFormError()}
        ${this.unsent ? html`<p class="hint" part="alert" role="alert">${t.unsentWarning(this.unsent)}</p>` : nothing}
        <div class="links">
          <button class="button" part="button" type="button" aria-disabled=${this.busy === 'logout'} @click=${this.#onLogout}>
            ${this.busy === 'logout' ? t.signingOut : this.unsent ? t.signOutAnyway : t.signOut}
          </button>
          ${this.noLinks ? nothing : linkButton(t.security, () => void this.#open('security'), { id: 'to-security' })}
        </div>
      </div>
    `;
  }

  // ------------------------------------------------------------------ behaviour

  protected override fieldFor(path: string): Field | undefined {
    return path === 'identifier' || path === 'password' || path === 'code' ? path : undefined;
  }

  protected override onFailure(failure: CabinetError, action: string): void {
    const { t } = this;
    switch (failure.code) {
      case 'account_locked':
        this.#lockout.start(failure.retryAfter ?? 0);
        this.#lockedLogin = this.identifier;
        this.announcement = `${t.lockedHeading}. ${t.lockedFor(formatCountdown(failure.retryAfter ?? 0))}`;
        this.focusAfterRender = '#lockout';
        return;
      case 'invalid_credentials':
        this.attemptsLeft = failure.attemptsLeft;
        break;
    }
    if (this.#code.onFailure(failure, action, t, (message) => this.showFieldErrors({ code: message }))) return;
    super.onFailure(failure, action);
  }

  #refreshSession(): Promise<void> {
    return this.run('session', async () => {
      await this.cabinet.auth.refresh();
    });
  }

  #onAuthState(state: AuthState, previous: AuthState | undefined): void {
    if (!previous && state.status === 'unknown') void this.#refreshSession();
    if (previous?.status === 'signed-in' && state.status === 'signed-out' && state.reason !== 'initial') {
      this.#code.clear();
      this.formError = undefined;
      this.notice = state.reason === 'other-tab' ? 'other-tab' : state.reason === 'expired' ? 'expired' : undefined;
      this.focusAfterRender = '#heading';
      this.emit('mfc-logout', { reason: state.reason });
    }
  }

  #onLogin = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.busy || this.#locked) return;
    const { t } = this;
    const errors: Partial<Record<Field, string>> = {};
    if (!this.identifier.trim()) errors.identifier = t.identifierRequired;
    else if (classifyIdentifier(this.identifier).length === 0) errors.identifier = t.identifierInvalid;
    if (!this.password) errors.password = t.passwordRequired;
    if (this.showFieldErrors(errors)) return;

    this.notice = undefined;
    void this.run('login', async () => {
      const result = await this.cabinet.auth.login({ identifier: this.identifier, password: this.password });
      this.password = '';
      this.attemptsLeft = undefined;
      if (result.status === 'code_required') {
        this.#code.start(result.challenge);
        this.focusAfterRender = '#code';
      } else {
        this.#passedPassword(result);
      }
    });
  };

  #onVerify = (event: SubmitEvent): void => {
    event.preventDefault();
    const request = this.codeToVerify(this.#code);
    if (!request) return;
    this.notice = undefined;
    void this.run('verify-code', async () => {
      const result = await this.cabinet.auth.verifyCode(request);
      this.#code.clear();
      this.#passedPassword(result);
    });
  };

  /** Signed in — or, after a temporary password, on to choosing the citizen's own. */
  #passedPassword(result: SignInResult): void {
    this.focusAfterRender = '#heading';
    if (result.status === 'password_change_required') {
      void Promise.all([import('./temporary-password.js'), loadAccountStrings()]).then(([{ TemporaryPasswordStep }]) => {
        // The step uses the form's protected members: it is a part of the form.
        this.passwordChange = new TemporaryPasswordStep(this as unknown as TemporaryPasswordForm, result.changeToken, (session) => {
          this.passwordChange = undefined;
          this.focusAfterRender = '#heading';
          this.emit('mfc-login', { session });
        });
        this.focusAfterRender = '#password';
      });
    } else {
      this.emit('mfc-login', { session: result.session });
    }
  }

  #onResend = (): void => {
    const challenge = this.#code.challenge;
    if (this.busy || !challenge) return;
    void this.run('resend-code', async () => {
      this.#code.start(await this.cabinet.auth.resendCode({ challengeId: challenge.id }));
      this.notice = 'code-resent';
      this.focusAfterRender = '#code';
    });
  };

  /** Signing out deletes this device's copy of the citizen's data: writes not yet sent are warned about first. */
  #onLogout = (): void => {
    void this.run('logout', async () => {
      const unsent = this.unsent ? 0 : (await this.cabinet.applications.pending().catch(() => [])).length;
      this.unsent = unsent;
      if (!unsent) await this.cabinet.auth.logout();
    });
  };

  #startOver = (): void => {
    this.#code.clear();
    this.passwordChange = undefined;
    this.formError = undefined;
    this.fieldErrors = {};
    this.notice = undefined;
    this.focusAfterRender = '#identifier';
  };

  async #open(view: LoginView): Promise<void> {
    await loadView[view]();
    this.view = view;
    this.notice = undefined;
    this.formError = undefined;
  }

  #onNavigate = (event: CustomEvent<MfcNavigateDetail>): void => {
    event.stopPropagation();
    const { to, identifier } = event.detail;
    if (to === 'login') {
      this.view = 'login';
      if (identifier) this.identifier = identifier;
      this.password = '';
      this.notice = event.detail.reason === 'password-changed' ? 'password-changed' : undefined;
      this.focusAfterRender = this.notice ? '#password' : '#identifier';
    } else {
      void this.#open(to);
    }
  };

}
