import { isValidPhone, type CabinetError, type OtpChallenge, type PersonalDataConsent } from '@mfc-cabinet/core';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { CodeEntry } from '../base/code-entry.js';
import { linkButton, submitButton, textField } from '../base/fields.js';
import { MfcFormElement } from '../base/form-element.js';
import { NewPasswordEntry } from '../base/new-password.js';
import { addStrings } from '../i18n/registry.js';
import { ruAccount } from '../i18n/ru-account.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import { flowStyles } from '../styles/flow.styles.js';
import { registrationStyles } from './registration-form.styles.js';
import { renderConsent } from './consent.js';
import { emptyPersonalData, personalDataErrors, personalDataRequest, renderPersonalFields, type Field } from '../base/personal-data.js';
import { RegistryCheckController, renderRegistryStatus } from '../base/registry-check.js';

addStrings('ru', ruAccount);

type Step = 'contacts' | 'phone-code' | 'email-code' | 'personal-data' | 'done';

const stepNumber: Record<Step, number> = { contacts: 1, 'phone-code': 2, 'email-code': 2, 'personal-data': 3, done: 3 };

/**
 * Registration in the personal cabinet: phone, optional e-mail and a password checked
 * against the rules as the citizen types, consent to the processing of personal data
 * (152-ФЗ); the phone's one-time code (the account is created and signed in), the
 * e-mail's code; then name, birth date, passport, СНИЛС and ИНН, sent to the registry
 * check that makes the account «standard». A phone or e-mail already in use is never
 * revealed: its owner gets a notice instead of a code.
 *
 * @summary Registration: contacts, password, consent, codes, personal data.
 * @tagname mfc-registration-form
 *
 * @event {CustomEvent<MfcLoginDetail>} mfc-login - The phone was confirmed: the account exists and the citizen is signed in.
 * @event {CustomEvent<MfcNavigateDetail>} mfc-navigate - The citizen asks for the sign-in form (`to: 'login'`), or finished (`reason: 'registered'`).
 * @event {CustomEvent<MfcErrorDetail>} mfc-error - A failure was shown. `detail.action`: `consent`, `register`, `verify-code`, `resend-code`, `personal-data`, `registry-check`.
 *
 * @csspart base - The outer box.
 * @csspart heading - The heading of the current step.
 * @csspart steps - «Step 1 of 3».
 * @csspart form - Each `<form>`.
 * @csspart field - A label with its hint, error and input.
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart input - A text field.
 * @csspart field-error - The message under a field that has a mistake.
 * @csspart password-rules - The checklist of password rules.
 * @csspart consent - The consent checkbox and its text.
 * @csspart alert - A message about the whole form.
 * @csspart button - Every button.
 * @csspart primary-button - The main button of a step.
 * @csspart link-button - A secondary action shown as a link.
 * @csspart resend - The resend timer or button.
 *
 * @cssproperty --mfc-login-form-max-width - Widest the form grows. Default `28rem`.
 * @cssproperty --mfc-color-primary - Main colour of buttons and links.
 * @cssproperty --mfc-color-success - The ticks of met password rules.
 *
 * @example
 * ```html
 * <mfc-registration-form api-base="/api/v1"></mfc-registration-form>
 * ```
 */
export class MfcRegistrationForm extends MfcFormElement<Field> {
  static override styles = [tokens, controls, flowStyles, registrationStyles];

  @state() private step: Step = 'contacts';
  @state() private consentText?: PersonalDataConsent;
  @state() private phone = '';
  @state() private email = '';
  @state() private consentGiven = false;
  @state() private personal = emptyPersonalData();

  readonly #code = new CodeEntry<OtpChallenge>(this);
  readonly #newPassword = new NewPasswordEntry(this);
  readonly #registry = new RegistryCheckController(this, () => this.cabinet);

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.consentText) void this.#loadConsent();
    // Opened in place of the link that had focus (the sign-in form's «Зарегистрироваться»):
    // focus goes to the heading instead of being lost on the page.
    if (this.getRootNode() instanceof ShadowRoot && document.activeElement === document.body) this.focusAfterRender = '#heading';
  }

  protected override render() {
    const { t } = this;
    const headings: Record<Step, string> = {
      contacts: t.registrationHeading,
      'phone-code': t.phoneCodeHeading,
      'email-code': t.emailCodeHeading,
      'personal-data': t.personalDataHeading,
      done: t.registeredHeading,
    };
    return html`
      <section part="base" class="base" aria-labelledby="heading">
        ${this.renderHeading(headings[this.step])}
        <p part="steps" class="steps">${t.stepOf(stepNumber[this.step], 3)}</p>
        ${this.#renderStep()}
      </section>
    `;
  }

  #renderStep(): TemplateResult {
    switch (this.step) {
      case 'contacts':
        return this.#renderContacts();
      case 'phone-code':
      case 'email-code':
        return this.#renderCode();
      case 'personal-data':
        return this.#renderPersonalData();
      case 'done':
        return this.#renderDone();
    }
  }

  #renderContacts() {
    const { t } = this;
    return html`
      <form part="form" novalidate @submit=${this.#onRegister} aria-busy=${this.busy === 'register'}>
        ${this.renderFormError(this.consentText ? nothing : html`<p>${linkButton(t.retry, () => void this.#loadConsent())}</p>`)}
        ${textField({
          id: 'phone',
          label: t.phoneLabel,
          hint: t.phoneHint,
          error: this.fieldErrors.phone,
          type: 'tel',
          autocomplete: 'tel',
          inputmode: 'tel',
          maxlength: 40,
          required: true,
          value: this.phone,
          onInput: (value) => this.#input('phone', () => (this.phone = value)),
        })}
        ${textField({
          id: 'email',
          label: `${t.emailLabel} (${t.optional})`,
          hint: t.emailHint,
          error: this.fieldErrors.email,
          type: 'email',
          autocomplete: 'email',
          inputmode: 'email',
          value: this.email,
          onInput: (value) => this.#input('email', () => (this.email = value)),
        })}
        ${this.#newPassword.render({
          t,
          logins: [this.phone, this.email],
          errors: this.fieldErrors,
          onInput: (field) => this.clearFieldError(field),
        })}
        ${renderConsent(t, this.consentText, this.consentGiven, this.fieldErrors.consent, (given) => this.#input('consent', () => (this.consentGiven = given)))}
        <div class="actions">
          ${submitButton(this.busy === 'register' ? t.sendingCode : t.getCode, this.busy !== undefined || !this.consentText)}
        </div>
      </form>
      <div class="links">${linkButton(t.backToLogin, () => this.#navigate({ to: 'login' }))}</div>
    `;
  }

  #renderCode() {
    const { t } = this;
    const challenge = this.#code.challenge!;
    const isEmail = this.step === 'email-code';
    if (this.#code.dead) {
      return html`
        ${this.renderFormError()}
        <div class="actions">
          ${isEmail
            ? html`<button class="button primary" part="button primary-button" type="button" @click=${this.#skipEmail}>
                ${t.skipEmail}
              </button>`
            : html`<button class="button primary" part="button primary-button" type="button" @click=${this.#startOver}>
                ${t.startAgain}
              </button>`}
        </div>
      `;
    }
    return html`
      ${this.renderCodeStep(this.#code, t.codeSent(challenge.channel, challenge.destination.replaceAll(' ', '\u00a0')), { onSubmit: this.#onVerify, onResend: this.#onResend })}
      <p>
        ${isEmail ? linkButton(t.skipEmail, this.#skipEmail) : linkButton(t.changePhone, this.#startOver)}
      </p>
    `;
  }

  #renderPersonalData() {
    const { t } = this;
    return html`
      <p class="lead">${t.personalDataLead}</p>
      <form part="form" novalidate @submit=${this.#onSavePersonalData} aria-busy=${this.busy === 'personal-data'}>
        ${this.renderFormError()}
        ${renderPersonalFields(t, this.personal, this.fieldErrors, (name, key, value) => this.#input(key, () => (this.personal = { ...this.personal, [name]: value })))}
        <div class="actions">
          ${submitButton(this.busy === 'personal-data' ? t.saving : t.saveAndCheck, this.busy !== undefined)}
        </div>
      </form>
      <div class="links">${linkButton(t.fillLater, this.#finish)}</div>
    `;
  }

  #renderDone() {
    const { t } = this;
    return html`
      <p class="lead">${t.registeredLead}</p>
      ${renderRegistryStatus(t, this.#registry.check)} ${this.renderFormError()}
      <div class="actions">
        <button class="button primary" part="button primary-button" type="button" @click=${this.#toCabinet}>
          ${t.toCabinet}
        </button>
      </div>
    `;
  }

  // ------------------------------------------------------------------ behaviour

  protected override fieldFor(path: string): Field | undefined {
    if (path.startsWith('consent')) return 'consent';
    if (path === 'passport.series' || path === 'passport.number') return 'passport';
    const fields: readonly string[] = ['phone', 'email', 'password', 'code', 'lastName', 'firstName', 'middleName', 'birthDate', 'passport.issuedAt', 'passport.issuedBy', 'snils', 'inn', 'registrationAddress'];
    return fields.includes(path) ? (path as Field) : undefined;
  }

  protected override fieldMessage(field: Field, code: string, message: string): string {
    if (field === 'consent') return code === 'consent_outdated' ? this.t.consentOutdated : this.t.consentRequired;
    return super.fieldMessage(field, code, message);
  }

  protected override onFailure(failure: CabinetError, action: string): void {
    if (this.#code.onFailure(failure, action, this.t, (message) => this.showFieldErrors({ code: message }))) return;
    if (failure.fieldErrors.some((error) => error.code === 'consent_outdated')) this.#reloadConsent();
    super.onFailure(failure, action);
  }

  #input(field: Field, apply: () => void): void {
    apply();
    this.clearFieldError(field);
  }

  /**
   * The consent text changed while the citizen was reading it: show the new one and ask for
   * the tick again. Runs beside the failed action, so it keeps the field's error.
   */
  #reloadConsent(): void {
    this.consentGiven = false;
    this.cabinet.auth.personalDataConsent().then(
      (consent) => (this.consentText = consent),
      () => undefined,
    );
  }

  #loadConsent(): Promise<void> {
    return this.run('consent', async () => {
      this.consentText = await this.cabinet.auth.personalDataConsent();
    });
  }

  #onRegister = (event: SubmitEvent): void => {
    event.preventDefault();
    const { t } = this;
    const errors: Partial<Record<Field, string>> = {};
    if (!this.phone.trim()) errors.phone = t.phoneRequired;
    else if (!isValidPhone(this.phone)) errors.phone = t.phoneInvalid;
    if (this.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(this.email.trim())) errors.email = t.emailInvalid;
    Object.assign(errors, this.#newPassword.errors(t, [this.phone, this.email]));
    if (!this.consentGiven) errors.consent = t.consentRequired;
    if (this.showFieldErrors(errors) || !this.consentText) return;
    const consent = this.consentText;

    void this.run('register', async () => {
      const email = this.email.trim();
      const challenge = await this.cabinet.auth.register({
        phone: this.phone,
        ...(email ? { email } : {}),
        password: this.#newPassword.password,
        consent: { version: consent.version, accepted: true },
      });
      this.#code.start(challenge);
      this.step = 'phone-code';
      this.focusAfterRender = '#code';
    });
  };

  #onVerify = (event: SubmitEvent): void => {
    event.preventDefault();
    const request = this.codeToVerify(this.#code);
    if (!request) return;
    void this.run('verify-code', async () => {
      if (this.step === 'phone-code') {
        const completed = await this.cabinet.auth.verifyRegistrationCode(request);
        this.#newPassword.clear();
        this.emit('mfc-login', { session: completed.session });
        if (completed.emailChallenge) {
          this.#code.start(completed.emailChallenge);
          this.step = 'email-code';
          this.focusAfterRender = '#code';
          return;
        }
      } else {
        await this.cabinet.profile.confirmEmail(request);
      }
      this.#code.clear();
      this.step = 'personal-data';
      this.focusAfterRender = '#heading';
    });
  };

  #onResend = (): void => {
    const challenge = this.#code.challenge;
    if (this.busy || !challenge) return;
    void this.run('resend-code', async () => {
      const request = { challengeId: challenge.id };
      this.#code.start(
        this.step === 'phone-code'
          ? await this.cabinet.auth.resendRegistrationCode(request)
          : await this.cabinet.profile.resendEmailCode(request),
      );
      this.focusAfterRender = '#code';
    });
  };

  #skipEmail = (): void => {
    this.#code.clear();
    this.formError = undefined;
    this.step = 'personal-data';
    this.focusAfterRender = '#heading';
  };

  #startOver = (): void => {
    this.#code.clear();
    this.formError = undefined;
    this.fieldErrors = {};
    this.step = 'contacts';
    this.focusAfterRender = '#phone';
  };

  #onSavePersonalData = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.showFieldErrors(personalDataErrors(this.t, this.personal))) return;
    const request = personalDataRequest(this.personal);
    void this.run('personal-data', async () => {
      const profile = await this.cabinet.profile.savePersonalData(request);
      this.step = 'done';
      this.focusAfterRender = '#heading';
      this.#registry.follow(profile.registryCheck);
    });
  };

  #finish = (): void => {
    this.step = 'done';
    this.focusAfterRender = '#heading';
  };

  #toCabinet = (): void => {
    this.#navigate({ to: 'login', reason: 'registered' });
  };

  #navigate(detail: { to: 'login'; reason?: 'registered' }): void {
    this.emit('mfc-navigate', { ...detail, ...(this.phone ? { identifier: this.phone } : {}) });
  }
}
