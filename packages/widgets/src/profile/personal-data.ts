import { formatSnils, type Profile } from '@mfc-cabinet/core';
import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { linkButton, submitButton } from '../base/fields.js';
import { dateFormat } from '../base/format.js';
import { personalDataErrors, personalDataOf, personalDataRequest, renderPersonalFields, type Field, type PersonalData } from '../base/personal-data.js';
import { RegistryCheckController, renderRegistryStatus } from '../base/registry-check.js';
import { ProfileSection } from './section.js';

const calendarDate: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeZone: 'UTC' };

/**
 * «Личные данные» of `<mfc-profile>`: name, birth date, passport, СНИЛС and ИНН as a summary
 * list; «Изменить» opens them as a form checked by the same rules as registration. Saved
 * passport or СНИЛС go to the registry check again, and the level follows its result.
 */
export class MfcProfilePersonal extends ProfileSection<Field> {
  @state() private editing = false;
  @state() private values?: PersonalData;

  readonly #registry = new RegistryCheckController(this, () => this.cabinet, (profile) => {
    const levelChanged = profile.level !== this.profile?.level;
    this.changed(profile);
    // The session carries the level too: the other widgets follow it.
    if (levelChanged) void this.cabinet.auth.refresh().catch(() => undefined);
  });

  /** Opens the form, e.g. from «Заполнить позже» or the level's «Указать данные». */
  edit(): void {
    if (!this.profile) return;
    this.values = personalDataOf(this.profile);
    this.editing = true;
    this.focusAfterRender = '#lastName';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('profile') && this.profile && this.#registry.check?.status !== 'pending') this.#registry.follow(this.profile.registryCheck);
  }

  protected override render() {
    const { t } = this;
    const profile = this.profile;
    if (!profile) return nothing;
    return this.section(t.profilePersonalHeading, this.editing && this.values ? this.#renderForm(this.values) : this.#renderSummary(profile), 'personal');
  }

  #renderSummary(profile: Profile) {
    const { t } = this;
    const empty = profile.lastName === null;
    const name = [profile.lastName, profile.firstName, profile.middleName].filter(Boolean).join(' ');
    const passport = profile.passport
      ? [`${profile.passport.series} ${profile.passport.number}`, profile.passport.issuedAt ? t.profilePassportIssued(this.#date(profile.passport.issuedAt)) : '', profile.passport.issuedBy ?? '']
          .filter(Boolean)
          .join(', ')
      : null;
    return html`
      ${this.renderFormError()}
      ${empty
        ? html`<p>${t.profilePersonalEmpty}</p>
            <div class="actions">
              <button class="button primary" part="button primary-button" type="button" id="edit" @click=${() => this.edit()}>${t.profilePersonalFill}</button>
            </div>`
        : html`<dl class="summary" part="summary">
              ${this.row(t.profileNameLabel, name)}
              ${this.row(t.birthDateLabel, profile.birthDate && this.#date(profile.birthDate))}
              ${this.row(t.passportLabel, passport)}
              ${this.row(t.snilsLabel, profile.snils && (formatSnils(profile.snils) ?? profile.snils))}
              ${this.row(t.innLabel, profile.inn)}
              ${this.row(t.registrationAddressLabel, profile.registrationAddress)}
            </dl>
            <div class="actions">${this.changeButton(t.profilePersonalHeading.toLowerCase(), () => this.edit(), 'edit')}</div>`}
      ${renderRegistryStatus(t, this.#registry.check ?? profile.registryCheck)}
    `;
  }

  #renderForm(values: PersonalData) {
    const { t } = this;
    return html`
      <p class="hint">${t.profilePersonalEditLead}</p>
      <form part="form" novalidate @submit=${this.#onSave} aria-busy=${this.busy === 'personal-data'}>
        ${this.renderFormError()}
        ${renderPersonalFields(t, values, this.fieldErrors, (name, key, value) => {
          this.values = { ...values, [name]: value };
          this.clearFieldError(key);
        })}
        <div class="actions">
          ${submitButton(this.busy === 'personal-data' ? t.saving : t.saveAndCheck, this.busy !== undefined)}
          ${linkButton(t.profileCancel, this.#cancel)}
        </div>
      </form>
    `;
  }

  protected override fieldFor(path: string): Field | undefined {
    if (path === 'passport.series' || path === 'passport.number') return 'passport';
    const fields: readonly string[] = ['lastName', 'firstName', 'middleName', 'birthDate', 'passport.issuedAt', 'passport.issuedBy', 'snils', 'inn', 'registrationAddress'];
    return fields.includes(path) ? (path as Field) : undefined;
  }

  #date(iso: string): string {
    return dateFormat(this.resolvedLocale, calendarDate).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
  }

  #cancel = (): void => {
    this.editing = false;
    this.formError = undefined;
    this.fieldErrors = {};
    this.focusAfterRender = '#edit';
  };

  #onSave = (event: SubmitEvent): void => {
    event.preventDefault();
    if (!this.values || this.showFieldErrors(personalDataErrors(this.t, this.values))) return;
    const request = personalDataRequest(this.values);
    void this.run('personal-data', async () => {
      const before = this.profile?.level;
      const profile = await this.cabinet.profile.savePersonalData(request);
      this.editing = false;
      this.changed(profile);
      this.#registry.follow(profile.registryCheck);
      if (profile.level !== before) void this.cabinet.auth.refresh().catch(() => undefined);
      this.focusAfterRender = '#heading';
    });
  };
}
