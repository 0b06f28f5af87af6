import { type AuthState, type IdentityConfirmation } from '@mfc-cabinet/core';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { Countdown } from '../base/countdown.js';
import { MfcFormElement } from '../base/form-element.js';
import { SessionController } from '../base/session-controller.js';
import { addStrings } from '../i18n/registry.js';
import { ruAccount } from '../i18n/ru-account.js';
import { formatCountdown } from '../i18n/translation.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import { securityStyles } from './security.styles.js';

addStrings('ru', ruAccount);

/** How often a waiting identity code is checked while the citizen stands at the counter. */
const identityPollMs = 3000;

/**
 * The confirmation of identity at an МФЦ, for a «standard» account: a short code and its QR
 * code for the operator, updated on screen the moment the operator confirms (the session
 * then says «confirmed»). `<mfc-security>` and `<mfc-profile>` show it; it has no heading
 * of its own.
 *
 * @summary Identity confirmation at an МФЦ: the code for the operator.
 * @tagname mfc-identity-confirmation
 *
 * @event {CustomEvent<MfcErrorDetail>} mfc-error - A failure was shown. `detail.action`: `identity`.
 *
 * @csspart identity - The box.
 * @csspart identity-code - The code to show the operator.
 * @csspart qr - The QR code image.
 * @csspart alert - A message.
 * @csspart button - The button that asks for a code.
 */
export class MfcIdentityConfirmation extends MfcFormElement<never> {
  static override styles = [tokens, controls, securityStyles];

  @state() private identity?: IdentityConfirmation;

  readonly #expiry = new Countdown(this, () => void this.#check());
  readonly #session = new SessionController(this, {
    client: () => this.cabinet,
    onChange: (state, previous) => {
      const wasLevel = previous?.status === 'signed-in' ? previous.session.user.level : undefined;
      if (state.status === 'signed-in' && state.session.user.level !== wasLevel) void this.#check();
    },
  });
  #pollTimer?: ReturnType<typeof setTimeout>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#pollTimer);
  }

  get #auth(): AuthState {
    return this.#session.state;
  }

  protected override render() {
    const { t } = this;
    const level = this.#auth.status === 'signed-in' ? this.#auth.session.user.level : undefined;
    let content;
    if (level === 'confirmed') {
      content = html`<div part="alert" class="alert info" role="status">${t.identityConfirmed}</div>`;
    } else if (level !== 'standard') {
      content = html`<p>${t.identityNeedsStandard}</p>`;
    } else if (this.identity?.status === 'waiting' && this.identity.code) {
      const { code } = this.identity;
      content = html`
        <p>${t.identityShowCode}</p>
        <p part="identity-code" class="identity-code" id="identity-code" tabindex="-1">${code}</p>
        <img part="qr" class="qr" src=${`${this.cabinet.profile.identityQrUrl}?code=${encodeURIComponent(code)}`} alt=${t.identityQrAlt(code)} width="200" height="200" />
        <p class="hint" role="status">${t.identityCodeExpiresIn(formatCountdown(this.#expiry.remaining))}</p>
      `;
    } else {
      content = html`
        ${this.renderFormError()}
        ${this.identity?.status === 'expired' ? html`<p>${t.identityExpired}</p>` : nothing}
        <p>${t.identityLead}</p>
        <button class="button primary" part="button primary-button" type="button" aria-disabled=${this.busy !== undefined} @click=${this.#start}>
          ${this.busy === 'identity' ? t.identityStarting : t.identityStart}
        </button>
      `;
    }
    return html`<div part="identity" class="identity">${content}</div>`;
  }

  #start = (): void => {
    void this.run('identity', async () => {
      this.#show(await this.cabinet.profile.startIdentityConfirmation());
      this.focusAfterRender = '#identity-code';
    });
  };

  /** Asks whether the waiting code was used; when it was, the session says «confirmed». */
  async #check(): Promise<void> {
    clearTimeout(this.#pollTimer);
    const level = this.#auth.status === 'signed-in' ? this.#auth.session.user.level : undefined;
    if (level !== 'standard' || !this.isConnected) return;
    try {
      const identity = await this.cabinet.profile.identityConfirmation();
      if (identity.status === 'confirmed') {
        await this.cabinet.auth.refresh();
        return;
      }
      this.#show(identity);
    } catch {
      // Shown as it was; the next check may succeed.
      if (this.identity?.status === 'waiting') this.#pollTimer = setTimeout(() => void this.#check(), identityPollMs);
    }
  }

  #show(identity: IdentityConfirmation): void {
    this.identity = identity;
    if (identity.status === 'waiting' && identity.expiresIn !== null) {
      this.#expiry.start(identity.expiresIn);
      clearTimeout(this.#pollTimer);
      this.#pollTimer = setTimeout(() => void this.#check(), identityPollMs);
    } else {
      this.#expiry.stop();
    }
  }
}
