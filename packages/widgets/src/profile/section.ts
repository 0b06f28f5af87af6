import type { CabinetError, Profile } from '@mfc-cabinet/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CursorPages } from '../base/cursor-pages.js';
import { linkButton, textField } from '../base/fields.js';
import { MfcFormElement } from '../base/form-element.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import { profileStyles } from './profile.styles.js';

/** `profile-change`: a section saved something and the server answered the new profile. */
export type ProfileChangeEvent = CustomEvent<Profile>;

declare global {
  interface HTMLElementEventMap {
    'profile-change': ProfileChangeEvent;
  }
}

/**
 * A section of `<mfc-profile>`: its own heading, one action at a time with its errors and
 * focus (the form base), the profile it shows, and `profile-change` when the server
 * answered a new one. `<mfc-profile>` renders each with its client, language and strings.
 */
export class ProfileSection<Field extends string = never> extends MfcFormElement<Field> {
  static override styles = [tokens, controls, profileStyles];

  /** The profile as last answered by the server. */
  @property({ attribute: false }) profile?: Profile;

  /** The password the citizen signs in with, asked again before a change that needs it. */
  @state() protected currentPassword = '';

  /** The field of the current password; a wrong one is its error, with the tries left. */
  protected renderCurrentPassword(): TemplateResult {
    const { t } = this;
    return textField({
      id: 'currentPassword',
      label: t.profileCurrentPasswordLabel,
      hint: t.profileCurrentPasswordHint,
      error: (this.fieldErrors as Partial<Record<string, string>>).currentPassword,
      type: 'password',
      autocomplete: 'current-password',
      maxlength: 128,
      required: true,
      value: this.currentPassword,
      onInput: (value) => {
        this.currentPassword = value;
        this.clearFieldError('currentPassword' as Field);
      },
    });
  }

  /** The error of an empty current password, for the form's check before it is sent. */
  protected currentPasswordErrors(): Partial<Record<Field, string>> {
    return this.currentPassword ? {} : ({ currentPassword: this.t.passwordRequired } as Partial<Record<Field, string>>);
  }

  protected override onFailure(failure: CabinetError, action: string): void {
    if (failure.code === 'invalid_credentials') {
      const left = failure.attemptsLeft;
      this.showFieldErrors({ currentPassword: left === undefined ? this.t.profileWrongPassword : `${this.t.profileWrongPassword} ${this.t.attemptsLeft(left)}` } as Partial<Record<Field, string>>);
      return;
    }
    super.onFailure(failure, action);
  }

  /** The section's heading, focusable so that focus can come back to it after an action. */
  protected section(heading: string, content: TemplateResult | TemplateResult[], part: string): TemplateResult {
    return html`<section part=${`base ${part}`} class="section" aria-labelledby="heading">${this.renderHeading(heading)} ${content}</section>`;
  }

  /** Tells `<mfc-profile>` of the profile the server answered. */
  protected changed(profile: Profile): void {
    this.profile = profile;
    this.dispatchEvent(new CustomEvent('profile-change', { detail: profile, bubbles: true }));
  }

  /** A row of a summary list: what, its value (or «не указано»), and an action. */
  protected row(label: string, value: string | null | undefined | TemplateResult, action?: TemplateResult): TemplateResult {
    return html`<div class="row">
      <dt>${label}</dt>
      <dd>${value === null || value === undefined || value === '' ? html`<span class="hint">${this.t.profileNotGiven}</span>` : value}</dd>
      ${action ? html`<dd class="row-action">${action}</dd>` : html`<dd class="row-action"></dd>`}
    </div>`;
  }

  /** «Изменить» for the row `what`, with its name for a screen reader. */
  protected changeButton(what: string, onClick: () => void, id?: string): TemplateResult {
    return html`<button class="link" part="button link-button" type="button" id=${id ?? nothing} aria-disabled=${this.busy !== undefined} @click=${onClick}>
      ${this.t.profileChange}<span class="visually-hidden"> ${what}</span>
    </button>`;
  }

  /** A list read by pages: its items, «Загружаем…», a failure with «Повторить», «Показать ещё». */
  protected renderPages<Item>(pages: CursorPages<Item>, part: string, empty: string, item: (item: Item) => TemplateResult): TemplateResult {
    const { t } = this;
    const { items, status } = pages;
    return html`
      ${items.length > 0 ? html`<ul class="events" part=${part}>${items.map(item)}</ul>` : status === 'loaded' ? html`<p>${empty}</p>` : nothing}
      ${status === 'loading' ? html`<p role="status">${t.profileLoadingList}</p>` : nothing}
      ${status === 'failed'
        ? html`<div part="alert" class="alert" role="alert">
            <p>${t.profileListFailed}</p>
            <p>${linkButton(t.retry, () => void (items.length ? pages.more() : pages.reload()))}</p>
          </div>`
        : nothing}
      ${status === 'loaded' && pages.nextCursor !== null ? html`<div class="actions">${linkButton(t.profileShowMore, () => void pages.more())}</div>` : nothing}
    `;
  }
}
