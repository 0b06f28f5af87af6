import { CabinetError, isCabinetError, type NotMeReported, type Profile } from '@mfc-cabinet/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { linkButton } from '../base/fields.js';
import { MfcElement } from '../base/mfc-element.js';
import { SessionController } from '../base/session-controller.js';
import { addStrings } from '../i18n/registry.js';
import { ruAccount } from '../i18n/ru-account.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import type { MfcProfileHistory } from './history.js';
import type { MfcProfilePersonal } from './personal-data.js';
import { profileStyles, profileShellStyles } from './profile.styles.js';
import { ruProfile } from './strings-ru.js';

addStrings('ru', { ...ruAccount, ...ruProfile });

/** The sections, in the order of the page: the tag and the heading of each in the contents. */
const sections = [
  { tag: 'mfc-profile-personal', heading: 'profilePersonalHeading' },
  { tag: 'mfc-profile-contacts', heading: 'profileContactsHeading' },
  { tag: 'mfc-profile-level', heading: 'profileLevelHeading' },
  { tag: 'mfc-profile-security', heading: 'profileSecurityHeading' },
  { tag: 'mfc-profile-history', heading: 'profileHistoryHeading' },
  { tag: 'mfc-profile-closure', heading: 'profileDataHeading' },
] as const;

/**
 * The citizen's profile: personal data (edited with the checks of registration, passport
 * and СНИЛС checked in the registries again), contacts (a new one used only once the code
 * sent to it comes back), the account level and what raises it (with the code for an
 * МФЦ operator), security (password, sign-in with a code, the history of sign-ins, the
 * sessions of `<mfc-security>`), the history of changes with «Это был не я», the data to
 * download and the closure of the account.
 *
 * Inside `<mfc-cabinet>` it is the view `?mfc=profile`; a site may also place it on a page
 * of its own.
 *
 * @summary The citizen's profile: personal data, contacts, level, security, history, closure.
 * @tagname mfc-profile
 *
 * @event {CustomEvent<MfcErrorDetail>} mfc-error - A failure was shown. `detail.action`: `profile` (loading it), `personal-data`, `change-contact`, `verify-code`, `resend-code`, `change-password`, `second-factor`, `not-me`, `export-json`, `export-pdf`, `close`, `identity`, `revoke`, `revoke-others`.
 * @event {CustomEvent<MfcNavigateDetail>} mfc-navigate - After «Это был не я» and a new password: back to sign-in (`to: 'login'`, `reason: 'password-changed'`).
 *
 * @csspart base - The outer box.
 * @csspart heading - The profile's heading.
 * @csspart contents - The list of sections.
 * @csspart section - Each section.
 * @csspart alert - A message about the whole profile.
 * @csspart button - Every button.
 *
 * @example
 * ```html
 * <mfc-profile api-base="/api/v1"></mfc-profile>
 * ```
 */
export class MfcProfile extends MfcElement {
  static override styles = [tokens, controls, profileStyles, profileShellStyles];

  /** Level of the profile's heading in the page outline (1–6); the sections' are one below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() private profile?: Profile;
  @state() private loadError?: CabinetError;
  /** «Это был не я» ended every session: the recovery of the password it started. */
  @state() private notMe?: NotMeReported;
  @state() private closed = false;
  @state() private passwordReset = false;

  readonly #session = new SessionController(this, {
    client: () => this.cabinet,
    // The level moved (an operator confirmed the identity, the registries answered): read it.
    onChange: (state) => {
      if (state.status === 'signed-in' && this.profile && state.session.user.level !== this.profile.level) void this.#load();
    },
    onAccountChange: (accountId) => {
      if (accountId) {
        this.notMe = undefined;
        this.closed = false;
        this.passwordReset = false;
        void this.#load();
      } else {
        // Signed out («Это был не я» signs out before its event arrives): the logins stay
        // known for the recovery it starts.
        const { phone, email, snils } = this.profile ?? {};
        if (this.profile) this.#logins = [phone, email, snils].filter((login): login is string => !!login);
        this.profile = undefined;
      }
    },
  });
  #loading?: AbortController;
  /** The logins of the account last shown, which a new password may not contain. */
  #logins: readonly string[] = [];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#loading?.abort();
  }

  get #level(): number {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  protected override render() {
    const { t } = this;
    const heading = (text: string) =>
      html`<div part="heading" class="heading top" id="heading" role="heading" aria-level=${this.#level} tabindex="-1">${text}</div>`;
    let content: TemplateResult;
    if (this.closed) {
      content = html`${heading(t.profileClosedHeading)}
        <p>${t.profileClosedLead}</p>
        <ul class="kept">
          ${t.profileClosureKept.map((line) => html`<li>${line}</li>`)}
        </ul>`;
    } else if (this.notMe) {
      content = this.#renderNotMe(this.notMe, heading);
    } else if (this.#session.state.status === 'unknown') {
      content = html`${heading(t.profileHeading)}<p role="status">${t.checkingSession}</p>`;
    } else if (!this.#session.signedIn) {
      content = html`${heading(t.profileHeading)}<p>${t.profileSignInFirst}</p>`;
    } else if (!this.profile) {
      content = html`${heading(t.profileHeading)}
        ${this.loadError
          ? html`<div part="alert" class="alert" role="alert" id="load-error" tabindex="-1">
              <p><strong>${t.errors[this.loadError.code]}</strong></p>
              <p>${linkButton(t.retry, () => void this.#load())}</p>
            </div>`
          : html`<p role="status">${t.profileLoading}</p>`}`;
    } else {
      content = html`${heading(t.profileHeading)}
        ${this.#renderContents()}
        ${this.#renderSections(this.profile)}`;
    }
    return html`<div part="base" class="base">${content}</div>`;
  }

  #renderContents() {
    const { t } = this;
    return html`<nav part="contents" aria-label=${t.profileContentsLabel}>
      <ul class="contents">
        ${sections.map(
          ({ tag, heading }) => html`<li><button class="link" part="button link-button" type="button" @click=${() => this.#goTo(tag)}>${t[heading]}</button></li>`,
        )}
      </ul>
    </nav>`;
  }

  #renderSections(profile: Profile) {
    const level = this.#level + 1;
    const common = { client: this.cabinet, locale: this.resolvedLocale, strings: this.strings };
    return html`
      <mfc-profile-personal
        part="section"
        heading-level=${level}
        .client=${common.client}
        .locale=${common.locale}
        .strings=${common.strings}
        .profile=${profile}
        @profile-change=${this.#onChange}
      ></mfc-profile-personal>
      <mfc-profile-contacts
        part="section"
        heading-level=${level}
        .client=${common.client}
        .locale=${common.locale}
        .strings=${common.strings}
        .profile=${profile}
        @profile-change=${this.#onChange}
      ></mfc-profile-contacts>
      <mfc-profile-level
        part="section"
        heading-level=${level}
        .client=${common.client}
        .locale=${common.locale}
        .strings=${common.strings}
        .profile=${profile}
        @profile-edit-personal=${this.#editPersonal}
      ></mfc-profile-level>
      <div class="group" part="section">
        <div class="heading" id="security-heading" role="heading" aria-level=${level} tabindex="-1">${this.t.profileSecurityHeading}</div>
        <mfc-profile-password
          heading-level=${level + 1}
          .client=${common.client}
          .locale=${common.locale}
          .strings=${common.strings}
          .profile=${profile}
          @profile-history=${this.#reloadHistory}
        ></mfc-profile-password>
        <mfc-profile-second-factor
          heading-level=${level + 1}
          .client=${common.client}
          .locale=${common.locale}
          .strings=${common.strings}
          .profile=${profile}
          @profile-change=${this.#onChange}
        ></mfc-profile-second-factor>
        <mfc-security
          heading-level=${level + 1}
          no-back
          no-identity
          exportparts="sessions, session"
          .client=${common.client}
          .locale=${common.locale}
          .strings=${common.strings}
        ></mfc-security>
        <mfc-profile-sign-ins
          heading-level=${level + 1}
          .client=${common.client}
          .locale=${common.locale}
          .strings=${common.strings}
          .profile=${profile}
        ></mfc-profile-sign-ins>
      </div>
      <mfc-profile-history
        part="section"
        heading-level=${level}
        .client=${common.client}
        .locale=${common.locale}
        .strings=${common.strings}
        .profile=${profile}
        @profile-not-me=${this.#onNotMe}
      ></mfc-profile-history>
      <mfc-profile-closure
        part="section"
        heading-level=${level}
        .client=${common.client}
        .locale=${common.locale}
        .strings=${common.strings}
        .profile=${profile}
        @profile-closed=${this.#onClosed}
      ></mfc-profile-closure>
    `;
  }

  #renderNotMe(reported: NotMeReported, heading: (text: string) => TemplateResult) {
    const { t } = this;
    if (this.passwordReset) {
      return html`${heading(t.passwordChangedHeading)}<p>${t.passwordChangedLead}</p>`;
    }
    return html`${heading(t.profileNotMeDoneHeading)}
      <div part="alert" class="alert info" role="status">${t.profileNotMeDone}</div>
      ${reported.challenge
        ? html`<mfc-password-recovery
            heading-level=${this.#level + 1}
            .client=${this.cabinet}
            .locale=${this.resolvedLocale}
            .strings=${this.strings}
            .challenge=${reported.challenge}
            .logins=${this.#logins}
            @mfc-navigate=${this.#onRecoveryNavigate}
          ></mfc-password-recovery>`
        : html`<p>${t.profileNotMeNoCode}</p>`}`;
  }

  async #load(): Promise<void> {
    this.#loading?.abort();
    const loading = (this.#loading = new AbortController());
    this.loadError = undefined;
    try {
      this.profile = await this.cabinet.profile.get({ signal: loading.signal });
    } catch (error) {
      if (loading.signal.aborted) return;
      const failure = isCabinetError(error) ? error : new CabinetError('internal', { cause: error });
      if (failure.code === 'aborted') return;
      this.loadError = failure;
      this.emit('mfc-error', { error: this.loadError, action: 'profile' });
    }
  }

  #section<T extends Element>(tag: string): T | null {
    return this.renderRoot.querySelector<T>(tag);
  }

  #goTo(tag: string): void {
    const target = tag === 'mfc-profile-security' ? this.renderRoot.querySelector<HTMLElement>('#security-heading') : this.#section<HTMLElement>(tag)?.shadowRoot?.querySelector<HTMLElement>('#heading');
    target?.scrollIntoView({ block: 'start' });
    target?.focus();
  }

  #onChange = (event: CustomEvent<Profile>): void => {
    this.profile = event.detail;
    this.#reloadHistory();
  };

  #reloadHistory = (): void => {
    this.#section<MfcProfileHistory>('mfc-profile-history')?.reload();
  };

  #editPersonal = (): void => {
    const personal = this.#section<MfcProfilePersonal>('mfc-profile-personal');
    personal?.scrollIntoView({ block: 'start' });
    personal?.edit();
  };

  #onNotMe = (event: CustomEvent<NotMeReported>): void => {
    void import('../mfc-password-recovery.js');
    this.notMe = event.detail;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#heading')?.focus());
  };

  #onClosed = (): void => {
    this.closed = true;
    this.profile = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#heading')?.focus());
  };

  #onRecoveryNavigate = (event: CustomEvent<{ to: string; reason?: string }>): void => {
    if (event.detail.reason === 'password-changed') this.passwordReset = true;
  };
}
