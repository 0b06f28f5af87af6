import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { linkButton, submitButton } from '../base/fields.js';
import { NewPasswordEntry } from '../base/new-password.js';
import { flowStyles } from '../styles/flow.styles.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import { profileStyles } from './profile.styles.js';
import { ProfileSection } from './section.js';

type Field = 'currentPassword' | 'password' | 'passwordRepeat';

/**
 * «Пароль» in the security of `<mfc-profile>`: the current password, the new one with its
 * rules (the last five are refused by the server), and whether to end the sessions on
 * other devices. This session stays.
 */
export class MfcProfilePassword extends ProfileSection<Field> {
  // The checklist of the password rules is drawn as in the other forms with a new password.
  static override styles = [tokens, controls, flowStyles, profileStyles];

  @state() private open = false;
  @state() private endOthers = true;
  @state() private message?: string;

  readonly #newPassword = new NewPasswordEntry(this);

  protected override render() {
    const { t } = this;
    return this.section(
      t.profilePasswordHeading,
      html`
        ${this.message ? html`<div part="alert" class="alert info" role="status" id="message" tabindex="-1">${this.message}</div>` : nothing}
        ${this.open ? this.#renderForm() : html`<div class="actions">
              <button class="button" part="button" type="button" id="open" @click=${this.#open}>${t.profilePasswordChange}</button>
            </div>`}
      `,
      'password',
    );
  }

  #renderForm() {
    const { t } = this;
    const profile = this.profile;
    const logins = [profile?.phone ?? '', profile?.email ?? '', profile?.snils ?? ''];
    return html`<form part="form" novalidate @submit=${this.#onSubmit} aria-busy=${this.busy === 'change-password'}>
      ${this.renderFormError()} ${this.renderCurrentPassword()}
      ${this.#newPassword.render({ t, logins, errors: this.fieldErrors, onInput: (field) => this.clearFieldError(field) })}
      <label class="choice">
        <input type="checkbox" id="endOthers" .checked=${this.endOthers} @change=${(event: Event) => (this.endOthers = (event.target as HTMLInputElement).checked)} />
        <span>${t.profileEndOtherSessions}</span>
      </label>
      <div class="actions">
        ${submitButton(this.busy === 'change-password' ? t.savingPassword : t.savePassword, this.busy !== undefined)}
        ${linkButton(t.profileCancel, this.#close)}
      </div>
    </form>`;
  }

  protected override fieldFor(path: string): Field | undefined {
    return path === 'password' || path === 'currentPassword' ? path : undefined;
  }

  #open = (): void => {
    this.open = true;
    this.message = undefined;
    this.focusAfterRender = '#currentPassword';
  };

  #close = (): void => {
    this.open = false;
    this.currentPassword = '';
    this.#newPassword.clear();
    this.formError = undefined;
    this.fieldErrors = {};
    this.focusAfterRender = '#open';
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const profile = this.profile;
    const logins = [profile?.phone ?? '', profile?.email ?? '', profile?.snils ?? ''];
    const errors = { ...this.currentPasswordErrors(), ...this.#newPassword.errors(this.t, logins) };
    if (this.showFieldErrors(errors)) return;
    void this.run('change-password', async () => {
      const { endedSessions } = await this.cabinet.profile.changePassword({
        currentPassword: this.currentPassword,
        password: this.#newPassword.password,
        endOtherSessions: this.endOthers,
      });
      this.open = false;
      this.currentPassword = '';
      this.#newPassword.clear();
      this.message = this.t.profilePasswordChanged(endedSessions);
      this.dispatchEvent(new CustomEvent('profile-history', { bubbles: true }));
      this.focusAfterRender = '#message';
    });
  };
}
