import type { OtpChannel, Profile } from '@mfc-cabinet/core';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { linkButton, submitButton } from '../base/fields.js';
import { formatPhone } from './phone.js';
import { ProfileSection } from './section.js';

type Field = 'channel' | 'currentPassword';
type Choice = OtpChannel | 'off';

/**
 * «Вход с кодом» in the security of `<mfc-profile>`: whether sign-in asks a one-time code
 * after the password, and where it goes (SMS or e-mail). Turning it on or off asks the
 * current password.
 */
export class MfcProfileSecondFactor extends ProfileSection<Field> {
  @state() private open = false;
  @state() private choice: Choice = 'off';
  @state() private message?: string;

  protected override render() {
    const { t } = this;
    const profile = this.profile;
    if (!profile) return nothing;
    return this.section(
      t.profileSecondFactorHeading,
      html`
        <p class="hint">${t.profileSecondFactorLead}</p>
        ${this.message ? html`<div part="alert" class="alert info" role="status" id="message" tabindex="-1">${this.message}</div>` : nothing}
        ${this.open
          ? this.#renderForm(profile)
          : html`<dl class="summary" part="summary">
              ${this.row(t.profileSecondFactorNow, this.#describe(profile, profile.secondFactor), this.changeButton(t.profileSecondFactorHeading.toLowerCase(), this.#open, 'open'))}
            </dl>`}
      `,
      'second-factor',
    );
  }

  #describe(profile: Profile, channel: OtpChannel | null): string {
    const { t } = this;
    if (channel === 'sms') return t.profileSecondFactorSms(formatPhone(profile.phone ?? ''));
    if (channel === 'email') return t.profileSecondFactorEmail(profile.email ?? '');
    return t.profileSecondFactorOff;
  }

  #renderForm(profile: Profile) {
    const { t } = this;
    const error = this.fieldErrors.channel;
    const option = (value: Choice, label: string, available: boolean) => html`<label class="choice">
      <input
        type="radio"
        name="channel"
        value=${value}
        id=${`channel-${value}`}
        .checked=${this.choice === value}
        ?disabled=${!available}
        @change=${() => {
          this.choice = value;
          this.clearFieldError('channel');
        }}
      />
      <span>${label}${available ? nothing : html` <span class="hint">${t.profileSecondFactorNoEmail}</span>`}</span>
    </label>`;
    return html`<form part="form" novalidate @submit=${this.#onSubmit} aria-busy=${this.busy === 'second-factor'}>
      ${this.renderFormError()}
      <fieldset id="channel" tabindex="-1" aria-describedby=${error ? 'channel-error' : nothing} aria-invalid=${error ? 'true' : 'false'}>
        <legend>${t.profileSecondFactorChoose}</legend>
        ${error ? html`<span part="field-error" class="field-error" id="channel-error">${error}</span>` : nothing}
        ${option('off', t.profileSecondFactorOff, true)}
        ${option('sms', this.#describe(profile, 'sms'), profile.phone !== null)}
        ${option('email', profile.email ? this.#describe(profile, 'email') : t.profileSecondFactorEmailNone, profile.email !== null)}
      </fieldset>
      ${this.renderCurrentPassword()}
      <div class="actions">
        ${submitButton(this.busy === 'second-factor' ? t.saving : t.profileSave, this.busy !== undefined)}
        ${linkButton(t.profileCancel, this.#close)}
      </div>
    </form>`;
  }

  protected override fieldFor(path: string): Field | undefined {
    return path === 'channel' || path === 'currentPassword' ? path : undefined;
  }

  #open = (): void => {
    this.choice = this.profile?.secondFactor ?? 'off';
    this.open = true;
    this.message = undefined;
    this.focusAfterRender = `#channel-${this.choice}`;
  };

  #close = (): void => {
    this.open = false;
    this.currentPassword = '';
    this.formError = undefined;
    this.fieldErrors = {};
    this.focusAfterRender = '#open';
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.showFieldErrors(this.currentPasswordErrors())) return;
    const channel = this.choice === 'off' ? null : this.choice;
    void this.run('second-factor', async () => {
      const profile = await this.cabinet.profile.setSecondFactor({ channel, currentPassword: this.currentPassword });
      this.open = false;
      this.currentPassword = '';
      this.message = channel === null ? this.t.profileSecondFactorTurnedOff : this.t.profileSecondFactorTurnedOn;
      this.changed(profile);
      this.focusAfterRender = '#message';
    });
  };
}
