import type { NotMeReported, ProfileChange } from '@mfc-cabinet/core';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { CursorPages } from '../base/cursor-pages.js';
import { linkButton } from '../base/fields.js';
import { formatDateTime } from '../base/format.js';
import { ProfileSection } from './section.js';

/** `profile-not-me`: «Это был не я» ended every session; `detail` is what the server answered. */
export type ProfileNotMeEvent = CustomEvent<NotMeReported>;

declare global {
  interface HTMLElementEventMap {
    'profile-not-me': ProfileNotMeEvent;
  }
}

/**
 * «История изменений» of `<mfc-profile>`: every change of the profile, newest first — when,
 * what (values masked), from which device and address. «Это был не я» on a change ends
 * every session of the account, this one too, and starts the recovery of the password.
 */
export class MfcProfileHistory extends ProfileSection {
  /** The change whose «Это был не я» waits to be confirmed. */
  @state() private confirming?: string;

  readonly #pages = new CursorPages<ProfileChange>(this, async (cursor, signal) => {
    const page = await this.cabinet.profile.changes(cursor === undefined ? { limit: 10 } : { cursor, limit: 10 }, { signal });
    return { items: page.changes, nextCursor: page.nextCursor };
  });

  /** Reads the history again, e.g. after another section saved a change. */
  reload(): void {
    void this.#pages.reload();
  }

  protected override render() {
    const { t } = this;
    return this.section(
      t.profileHistoryHeading,
      html`
        <p class="hint">${t.profileHistoryLead}</p>
        ${this.renderFormError()}
        ${this.renderPages(this.#pages, 'changes', t.profileHistoryEmpty, (change) => this.#renderChange(change))}
      `,
      'history',
    );
  }

  #renderChange(change: ProfileChange) {
    const { t } = this;
    const when = formatDateTime(this.resolvedLocale, change.at);
    const values = change.changes.filter((each) => each.before !== null || each.after !== null);
    return html`<li part="change" class="event">
      <p>
        <strong>${t.profileChangeKind[change.kind]}</strong>
        ${change.current ? html`<span class="badge">${t.thisDevice}</span>` : nothing}
        ${change.reportedAt ? html`<span class="badge warning">${t.profileReported}</span>` : nothing}
      </p>
      <p class="hint">${when} · ${change.device} · ${change.ip}</p>
      ${values.length > 0
        ? html`<ul class="kept">
            ${values.map((each) => html`<li>${t.profileFieldName(each.field)}: ${this.#value(each.field, each.before)} → ${this.#value(each.field, each.after)}</li>`)}
          </ul>`
        : change.fields.length > 0 && change.kind !== 'password'
          ? html`<p>${change.fields.map((field) => t.profileFieldName(field)).join(', ')}</p>`
          : nothing}
      ${change.reportedAt ? nothing : this.confirming === change.id ? this.#renderConfirm(change, when) : html`<button
            class="link"
            part="button link-button"
            type="button"
            id=${`not-me-${change.id}`}
            aria-disabled=${this.busy !== undefined}
            @click=${() => this.#ask(change)}
          >
            ${t.profileNotMe}<span class="visually-hidden">: ${t.profileChangeKind[change.kind]}, ${when}</span>
          </button>`}
    </li>`;
  }

  /** A value as the history shows it: masked as the server keeps it; the code's channel in words. */
  #value(field: string, value: string | null): string {
    const { t } = this;
    if (field === 'secondFactor') return t.profileFactorValue[value === 'sms' || value === 'email' ? value : 'off'];
    return value ?? t.profileNotGiven;
  }

  #renderConfirm(change: ProfileChange, when: string) {
    const { t } = this;
    return html`<div part="alert" class="alert" role="group" aria-labelledby="not-me-question" id="not-me-confirm">
      <p id="not-me-question" tabindex="-1"><strong>${t.profileNotMeQuestion}</strong></p>
      <p>${t.profileNotMeExplained}</p>
      <div class="actions">
        <button class="button primary" part="button primary-button" type="button" aria-disabled=${this.busy !== undefined} @click=${() => this.#report(change)}>
          ${this.busy === 'not-me' ? t.endingSessions : t.profileNotMeConfirm}<span class="visually-hidden">: ${t.profileChangeKind[change.kind]}, ${when}</span>
        </button>
        ${linkButton(t.profileCancel, () => this.#cancel(change))}
      </div>
    </div>`;
  }

  #ask(change: ProfileChange): void {
    if (this.busy) return;
    this.confirming = change.id;
    this.focusAfterRender = '#not-me-question';
  }

  #cancel(change: ProfileChange): void {
    this.confirming = undefined;
    this.focusAfterRender = `#not-me-${CSS.escape(change.id)}`;
  }

  #report(change: ProfileChange): void {
    void this.run('not-me', async () => {
      const reported = await this.cabinet.profile.reportNotMe(change.id);
      this.confirming = undefined;
      this.dispatchEvent(new CustomEvent('profile-not-me', { detail: reported, bubbles: true }));
    });
  }
}
