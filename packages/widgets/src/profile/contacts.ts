import { isValidPhone, type CabinetError, type OtpChallenge, type Profile } from '@mfc-cabinet/core';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { CodeEntry } from '../base/code-entry.js';
import { linkButton, submitButton, textField } from '../base/fields.js';
import { formatPhone } from './phone.js';
import { ProfileSection } from './section.js';

type Contact = 'phone' | 'email';
type Field = Contact | 'currentPassword' | 'code';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * «Контакты» of `<mfc-profile>`: the phone and the e-mail. A new one is used only after the
 * code sent to it comes back; the current one stays until then and is told of the change.
 * The current password is asked first.
 */
export class MfcProfileContacts extends ProfileSection<Field> {
  /** The contact being changed, and the step: its new value, then the code sent to it. */
  @state() private changing?: Contact;
  @state() private value = '';
  @state() private message?: string;

  readonly #code = new CodeEntry<OtpChallenge>(this);

  protected override render() {
    const { t } = this;
    const profile = this.profile;
    if (!profile) return nothing;
    return this.section(
      t.profileContactsHeading,
      html`
        ${this.message ? html`<div part="alert" class="alert info" role="status" id="message" tabindex="-1">${this.message}</div>` : nothing}
        ${this.changing ? this.#renderChange(this.changing) : this.#renderSummary(profile)}
      `,
      'contacts',
    );
  }

  #renderSummary(profile: Profile) {
    const { t } = this;
    return html`<dl class="summary" part="summary">
      ${this.row(t.phoneLabel, profile.phone && formatPhone(profile.phone), this.changeButton(t.phoneLabel.toLowerCase(), () => this.#start('phone'), 'change-phone'))}
      ${this.row(
        t.emailLabel,
        profile.email,
        profile.email
          ? this.changeButton(t.emailLabel.toLowerCase(), () => this.#start('email'), 'change-email')
          : html`<button class="link" part="button link-button" type="button" id="change-email" @click=${() => this.#start('email')}>
              ${t.profileAdd}<span class="visually-hidden"> ${t.emailLabel.toLowerCase()}</span>
            </button>`,
      )}
    </dl>`;
  }

  #renderChange(contact: Contact) {
    const { t } = this;
    const challenge = this.#code.challenge;
    if (challenge) {
      if (this.#code.dead) {
        return html`${this.renderFormError()}
          <div class="actions">${linkButton(t.startAgain, () => this.#start(contact))} ${linkButton(t.profileCancel, this.#cancel)}</div>`;
      }
      return html`
        <div class="sub" role="heading" aria-level=${this.#subLevel} id="code-heading" tabindex="-1">
          ${contact === 'phone' ? t.profileNewPhoneCodeHeading : t.profileNewEmailCodeHeading}
        </div>
        ${this.renderCodeStep(this.#code, t.codeSent(challenge.channel, challenge.destination.replaceAll(' ', '\u00a0')), {
          onSubmit: this.#onVerify,
          onResend: this.#onResend,
        })}
        <div class="actions">${linkButton(t.profileCancel, this.#cancel)}</div>
      `;
    }
    const isPhone = contact === 'phone';
    return html`
      <div class="sub" role="heading" aria-level=${this.#subLevel} id="change-heading" tabindex="-1">
        ${isPhone ? t.profileNewPhoneHeading : t.profileNewEmailHeading}
      </div>
      <p class="hint">${isPhone ? t.profileNewPhoneLead : t.profileNewEmailLead}</p>
      <form part="form" novalidate @submit=${this.#onSubmit} aria-busy=${this.busy === 'change-contact'}>
        ${this.renderFormError()}
        ${textField({
          id: contact,
          label: isPhone ? t.profileNewPhoneLabel : t.profileNewEmailLabel,
          hint: isPhone ? t.phoneHint : t.emailHint,
          error: this.fieldErrors[contact],
          type: isPhone ? 'tel' : 'email',
          autocomplete: isPhone ? 'tel' : 'email',
          inputmode: isPhone ? 'tel' : 'email',
          maxlength: isPhone ? 40 : 254,
          required: true,
          value: this.value,
          onInput: (value) => {
            this.value = value;
            this.clearFieldError(contact);
          },
        })}
        ${this.renderCurrentPassword()}
        <div class="actions">
          ${submitButton(this.busy === 'change-contact' ? t.sendingCode : t.getCode, this.busy !== undefined)}
          ${linkButton(t.profileCancel, this.#cancel)}
        </div>
      </form>
    `;
  }

  get #subLevel(): string {
    return String(Math.min(6, Number(this.ariaHeadingLevel) + 1));
  }

  protected override fieldFor(path: string): Field | undefined {
    return path === 'phone' || path === 'email' || path === 'code' || path === 'currentPassword' ? path : undefined;
  }

  protected override onFailure(failure: CabinetError, action: string): void {
    if (this.#code.onFailure(failure, action, this.t, (message) => this.showFieldErrors({ code: message }))) return;
    super.onFailure(failure, action);
  }

  #start(contact: Contact): void {
    this.#code.clear();
    this.changing = contact;
    this.value = '';
    this.currentPassword = '';
    this.message = undefined;
    this.formError = undefined;
    this.fieldErrors = {};
    this.focusAfterRender = `#${contact}`;
  }

  #cancel = (): void => {
    const contact = this.changing;
    this.#code.clear();
    this.changing = undefined;
    this.currentPassword = '';
    this.formError = undefined;
    this.fieldErrors = {};
    this.focusAfterRender = contact ? `#change-${contact}` : '#heading';
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const contact = this.changing;
    if (!contact) return;
    const { t } = this;
    const value = this.value.trim();
    const errors: Partial<Record<Field, string>> = {};
    if (contact === 'phone' && !isValidPhone(value)) errors.phone = value ? t.phoneInvalid : t.phoneRequired;
    if (contact === 'email' && !emailPattern.test(value)) errors.email = t.emailInvalid;
    Object.assign(errors, this.currentPasswordErrors());
    if (this.showFieldErrors(errors)) return;
    void this.run('change-contact', async () => {
      const request = { currentPassword: this.currentPassword };
      const challenge =
        contact === 'phone'
          ? await this.cabinet.profile.changePhone({ ...request, phone: value })
          : await this.cabinet.profile.changeEmail({ ...request, email: value });
      this.currentPassword = '';
      this.#code.start(challenge);
      this.focusAfterRender = '#code';
    });
  };

  #onVerify = (event: SubmitEvent): void => {
    event.preventDefault();
    const request = this.codeToVerify(this.#code);
    const contact = this.changing;
    if (!request || !contact) return;
    void this.run('verify-code', async () => {
      const profile = await this.cabinet.profile.confirmContact(request);
      this.#code.clear();
      this.changing = undefined;
      this.message = contact === 'phone' ? this.t.profilePhoneChanged : this.t.profileEmailChanged;
      this.changed(profile);
      this.focusAfterRender = '#message';
    });
  };

  #onResend = (): void => {
    const challenge = this.#code.challenge;
    if (this.busy || !challenge) return;
    void this.run('resend-code', async () => {
      this.#code.start(await this.cabinet.profile.resendContactCode({ challengeId: challenge.id }));
      this.focusAfterRender = '#code';
    });
  };
}
