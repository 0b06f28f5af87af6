import { type SessionInfo } from '@mfc-cabinet/core';
import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { linkButton } from '../base/fields.js';
import { MfcFormElement } from '../base/form-element.js';
import { formatDateTime } from '../base/format.js';
import { addStrings } from '../i18n/registry.js';
import { ruAccount } from '../i18n/ru-account.js';
import { flowStyles } from '../styles/flow.styles.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import { securityStyles } from './security.styles.js';

addStrings('ru', ruAccount);

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
 * @event {CustomEvent<MfcErrorDetail>} mfc-error - A failure was shown. `detail.action`: `revoke`, `revoke-others`, `identity` (from its `<mfc-identity-confirmation>`).
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

  /**
   * Only the sessions, headed «Где выполнен вход»: for a page that shows
   * `<mfc-identity-confirmation>` elsewhere, as `<mfc-profile>` does.
   */
  @property({ attribute: 'no-identity', type: Boolean }) noIdentity = false;

  @state() private message?: string;

  readonly #sessions = new Task(this, {
    task: ([client], { signal }) => client.auth.sessions({ signal }),
    args: () => [this.cabinet] as const,
  });

  protected override render() {
    const { t } = this;
    const sectionLevel = String(Math.min(6, Number(this.ariaHeadingLevel) + 1));
    return html`
      <section part="base" class="base" aria-labelledby=${this.noIdentity ? 'sessions-heading' : 'heading'}>
        ${this.noIdentity
          ? html`<div part="heading" class="heading" id="sessions-heading" role="heading" aria-level=${this.ariaHeadingLevel} tabindex="-1">${t.sessionsHeading}</div>`
          : this.renderHeading(t.securityHeading)}
        ${this.renderFormError()}
        ${this.message ? html`<div part="alert" class="alert info" role="status" id="message" tabindex="-1">${this.message}</div>` : nothing}
        ${this.noIdentity ? nothing : html`<div class="section" role="heading" aria-level=${sectionLevel} id="sessions-heading" tabindex="-1">${t.sessionsHeading}</div>`}
        ${this.#sessions.render({
          pending: () => html`<p role="status">${t.sessionsLoading}</p>`,
          complete: (sessions) => this.#renderSessions(sessions),
          error: () => html`<p part="alert" class="alert" role="alert">${t.errors.network}</p>
            <p>${linkButton(t.retry, () => void this.#sessions.run())}</p>`,
        })}
        ${this.noIdentity
          ? nothing
          : html`<div class="section" role="heading" aria-level=${sectionLevel}>${t.identityHeading}</div>
              <mfc-identity-confirmation
                exportparts="identity, identity-code, qr, alert, button"
                .client=${this.cabinet}
                .locale=${this.resolvedLocale}
                .strings=${this.strings}
              ></mfc-identity-confirmation>`}
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
}
