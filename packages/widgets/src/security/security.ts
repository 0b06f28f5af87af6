import { type AuthState, type IdentityConfirmation, type SessionInfo } from '@mfc-cabinet/core';
import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Countdown } from '../base/countdown.js';
import { linkButton } from '../base/fields.js';
import { MfcFormElement } from '../base/form-element.js';
import { SessionController } from '../base/session-controller.js';
import { formatDateTime } from '../base/format.js';
import { addStrings } from '../i18n/registry.js';
import { ruAccount } from '../i18n/ru-account.js';
import { formatCountdown } from '../i18n/translation.js';
import { flowStyles } from '../styles/flow.styles.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import { securityStyles } from './security.styles.js';

addStrings('ru', ruAccount);

/** How often a waiting identity code is checked while the citizen stands at the counter. */
const identityPollMs = 3000;

/**
 * «Безопасность»: where the citizen is signed in (device, place, times) with a button to end
 * any other session or all of them; and the confirmation of identity at an МФЦ — a short
 * code and its QR code for the operator, updated on screen the moment the operator
 * confirms.
 *
 * @summary Sessions of the account and identity confirmation at an МФЦ.
 * @tagname mfc-security
 *
 * @event {CustomEvent<MfcNavigateDetail>} mfc-navigate - «Назад» (`to: 'login'`).
 * @event {CustomEvent<MfcErrorDetail>} mfc-error - A failure was shown. `detail.action`: `revoke`, `revoke-others`, `identity`.
 *
 * @csspart base - The outer box.
 * @csspart heading - The heading.
 * @csspart sessions - The list of sessions.
 * @csspart session - One session.
 * @csspart identity - The identity confirmation section.
 * @csspart identity-code - The code to show the operator.
 * @csspart qr - The QR code image.
 * @csspart alert - A message.
 * @csspart button - Every button.
 *
 * @example
 * ```html
 * <mfc-security api-base="/api/v1"></mfc-security>
 * ```
 */
export class MfcSecurity extends MfcFormElement<never> {
  static override styles = [tokens, controls, flowStyles, securityStyles];

  /** Hides «Назад», for a site that shows this on a page of its own. */
  @property({ attribute: 'no-back', type: Boolean }) noBack = false;

  @state() private identity?: IdentityConfirmation;
  @state() private message?: string;

  readonly #identityExpiry = new Countdown(this, () => void this.#checkIdentity());
  readonly #session = new SessionController(this, {
    client: () => this.cabinet,
    onChange: (state, previous) => {
      const wasLevel = previous?.status === 'signed-in' ? previous.session.user.level : undefined;
      if (state.status === 'signed-in' && state.session.user.level !== wasLevel) void this.#checkIdentity();
    },
  });
  #pollTimer?: ReturnType<typeof setTimeout>;

  readonly #sessions = new Task(this, {
    task: ([client], { signal }) => client.auth.sessions({ signal }),
    args: () => [this.cabinet] as const,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#pollTimer);
  }

  get #auth(): AuthState {
    return this.#session.state;
  }

  protected override render() {
    const { t } = this;
    const sectionLevel = String(Math.min(6, Number(this.ariaHeadingLevel) + 1));
    return html`
      <section part="base" class="base" aria-labelledby="heading">
        ${this.renderHeading(t.securityHeading)}
        ${this.renderFormError()}
        ${this.message ? html`<div part="alert" class="alert info" role="status" id="message" tabindex="-1">${this.message}</div>` : nothing}
        <div class="section" role="heading" aria-level=${sectionLevel} id="sessions-heading" tabindex="-1">${t.sessionsHeading}</div>
        ${this.#sessions.render({
          pending: () => html`<p role="status">${t.sessionsLoading}</p>`,
          complete: (sessions) => this.#renderSessions(sessions),
          error: () => html`<p part="alert" class="alert" role="alert">${t.errors.network}</p>
            <p>${linkButton(t.retry, () => void this.#sessions.run())}</p>`,
        })}
        <div class="section" role="heading" aria-level=${sectionLevel}>${t.identityHeading}</div>
        ${this.#renderIdentity()}
        ${this.noBack ? nothing : html`<div class="links">${linkButton(t.back, () => this.emit('mfc-navigate', { to: 'login' }))}</div>`}
      </section>
    `;
  }

  #renderSessions(sessions: SessionInfo[]) {
    const { t } = this;
    const others = sessions.filter((session) => !session.current);
    return html`
      <ul part="sessions" class="sessions">
        ${sessions.map(
          (session) => html`<li part="session" class="session">
            <p class="device">
              <strong>${session.device}</strong>
              ${session.current ? html`<span class="badge">${t.thisDevice}</span>` : nothing}
            </p>
            <p class="hint">${[session.place ?? t.placeUnknown, session.ip].filter(Boolean).join(' · ')}</p>
            <p class="hint">${t.signedInAt(this.#date(session.createdAt))}, ${t.lastActiveAt(this.#date(session.lastSeenAt))}</p>
            ${session.current
              ? nothing
              : html`<button
                  class="link"
                  part="button"
                  type="button"
                  aria-disabled=${this.busy !== undefined}
                  @click=${() => this.#revoke(session)}
                >
                  ${t.endSession}<span class="visually-hidden">: ${session.device}</span>
                </button>`}
          </li>`,
        )}
      </ul>
      ${others.length === 0
        ? html`<p class="hint">${t.noOtherSessions}</p>`
        : html`<button class="button" part="button" type="button" aria-disabled=${this.busy !== undefined} @click=${this.#revokeOthers}>
            ${this.busy === 'revoke-others' ? t.endingSessions : t.endOtherSessions}
          </button>`}
    `;
  }

  #renderIdentity() {
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
        <p class="hint" role="status">${t.identityCodeExpiresIn(formatCountdown(this.#identityExpiry.remaining))}</p>
      `;
    } else {
      content = html`
        ${this.identity?.status === 'expired' ? html`<p>${t.identityExpired}</p>` : nothing}
        <p>${t.identityLead}</p>
        <button class="button primary" part="button primary-button" type="button" aria-disabled=${this.busy !== undefined} @click=${this.#startIdentity}>
          ${this.busy === 'identity' ? t.identityStarting : t.identityStart}
        </button>
      `;
    }
    return html`<div part="identity" class="identity">${content}</div>`;
  }

  #date(iso: string): string {
    return formatDateTime(this.resolvedLocale, iso);
  }

  #revoke(session: SessionInfo): void {
    void this.run('revoke', async () => {
      await this.cabinet.auth.revokeSession(session);
      this.message = undefined;
      if (!session.current) await this.#sessions.run();
      // The pressed button is gone with its session: keep the keyboard on the list.
      this.focusAfterRender = '#sessions-heading';
    });
  }

  #revokeOthers = (): void => {
    void this.run('revoke-others', async () => {
      const count = await this.cabinet.auth.revokeOtherSessions();
      this.message = this.t.otherSessionsEnded(count);
      await this.#sessions.run();
      this.focusAfterRender = '#message';
    });
  };

  #startIdentity = (): void => {
    void this.run('identity', async () => {
      this.#showIdentity(await this.cabinet.profile.startIdentityConfirmation());
      this.focusAfterRender = '#identity-code';
    });
  };

  /** Asks whether the waiting code was used; when it was, the session says «confirmed». */
  async #checkIdentity(): Promise<void> {
    clearTimeout(this.#pollTimer);
    const level = this.#auth.status === 'signed-in' ? this.#auth.session.user.level : undefined;
    if (level !== 'standard' || !this.isConnected) return;
    try {
      const identity = await this.cabinet.profile.identityConfirmation();
      if (identity.status === 'confirmed') {
        await this.cabinet.auth.refresh();
        return;
      }
      this.#showIdentity(identity);
    } catch {
      // Shown as it was; the next check may succeed.
      if (this.identity?.status === 'waiting') this.#pollTimer = setTimeout(() => void this.#checkIdentity(), identityPollMs);
    }
  }

  #showIdentity(identity: IdentityConfirmation): void {
    this.identity = identity;
    if (identity.status === 'waiting' && identity.expiresIn !== null) {
      this.#identityExpiry.start(identity.expiresIn);
      clearTimeout(this.#pollTimer);
      this.#pollTimer = setTimeout(() => void this.#checkIdentity(), identityPollMs);
    } else {
      this.#identityExpiry.stop();
    }
  }
}
