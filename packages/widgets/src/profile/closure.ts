import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { linkButton, submitButton } from '../base/fields.js';
import { ProfileSection } from './section.js';

type Field = 'currentPassword' | 'understood';
type ExportFormat = 'json' | 'pdf';

/** How long a downloaded export's object URL lives: the browser has long taken the file by then. */
const objectUrlLifeMs = 60_000;

/**
 * «Ваши данные и удаление учётной записи» of `<mfc-profile>`: the citizen's data to download
 * (JSON and PDF: the profile, the applications with their history, the list of documents),
 * what closing the account keeps and for how long, and the closure itself — after the
 * current password and a tick that the citizen understands it cannot be undone.
 */
export class MfcProfileClosure extends ProfileSection<Field> {
  @state() private confirming = false;
  @state() private understood = false;
  @state() private downloaded?: ExportFormat;

  /** The last action, to show its failure beside it. */
  #failedAction?: string;

  protected override render() {
    const { t } = this;
    const sub = String(Math.min(6, Number(this.ariaHeadingLevel) + 1));
    return this.section(
      t.profileDataHeading,
      html`
        <p>${t.profileExportLead}</p>
        <div class="actions">
          ${this.#exportButton('json', t.profileExportJson)} ${this.#exportButton('pdf', t.profileExportPdf)}
        </div>
        ${this.downloaded ? html`<p class="hint" role="status">${t.profileExportDone}</p>` : nothing}
        ${this.formError && this.#failedAction?.startsWith('export') ? this.renderFormError() : nothing}
        <div class="sub" role="heading" aria-level=${sub} id="closure-heading" tabindex="-1">${t.profileClosureHeading}</div>
        <p>${t.profileClosureLead}</p>
        <p><strong>${t.profileClosureKeptTitle}</strong></p>
        <ul class="kept" part="kept">
          ${t.profileClosureKept.map((line) => html`<li>${line}</li>`)}
        </ul>
        <p>${t.profileClosureGone}</p>
        ${this.confirming
          ? this.#renderConfirm()
          : html`<div class="actions">
              <button class="button danger" part="button danger-button" type="button" id="close-start" @click=${this.#start}>${t.profileClosureStart}</button>
            </div>`}
      `,
      'closure',
    );
  }

  #exportButton(format: ExportFormat, label: string) {
    const busy = this.busy === `export-${format}`;
    return html`<button class="button" part="button" type="button" aria-disabled=${this.busy !== undefined} @click=${() => this.#download(format)}>
      ${busy ? this.t.profileExportPreparing : label}
    </button>`;
  }

  #renderConfirm() {
    const { t } = this;
    const error = this.fieldErrors.understood;
    return html`<form part="form" novalidate @submit=${this.#onClose} aria-busy=${this.busy === 'close'}>
      ${this.#failedAction === 'close' ? this.renderFormError() : nothing}
      <p id="close-warning"><strong>${t.profileClosureWarning}</strong></p>
      ${this.renderCurrentPassword()}
      <div class="field" part="field">
        ${error ? html`<span part="field-error" class="field-error" id="understood-error">${error}</span>` : nothing}
        <label class="choice">
          <input
            type="checkbox"
            id="understood"
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? 'understood-error' : nothing}
            .checked=${this.understood}
            @change=${(event: Event) => {
              this.understood = (event.target as HTMLInputElement).checked;
              this.clearFieldError('understood');
            }}
          />
          <span>${t.profileClosureUnderstood}</span>
        </label>
      </div>
      <div class="actions">
        ${submitButton(this.busy === 'close' ? t.profileClosing : t.profileClosureConfirm, this.busy !== undefined)}
        ${linkButton(t.profileCancel, this.#cancel)}
      </div>
    </form>`;
  }

  protected override fieldFor(path: string): Field | undefined {
    return path === 'currentPassword' ? path : undefined;
  }

  protected override async run(name: string, work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.#failedAction = name;
    await super.run(name, work);
  }

  #download(format: ExportFormat): void {
    void this.run(`export-${format}`, async () => {
      const { blob, fileName } = await this.cabinet.profile.downloadExport(format);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), objectUrlLifeMs);
      this.downloaded = format;
    });
  }

  #start = (): void => {
    this.confirming = true;
    this.understood = false;
    this.currentPassword = '';
    this.focusAfterRender = '#currentPassword';
  };

  #cancel = (): void => {
    this.confirming = false;
    this.currentPassword = '';
    this.formError = undefined;
    this.fieldErrors = {};
    this.focusAfterRender = '#close-start';
  };

  #onClose = (event: SubmitEvent): void => {
    event.preventDefault();
    const errors: Partial<Record<Field, string>> = { ...this.currentPasswordErrors() };
    if (!this.understood) errors.understood = this.t.profileClosureUnderstoodRequired;
    if (this.showFieldErrors(errors)) return;
    void this.run('close', async () => {
      await this.cabinet.profile.close({ currentPassword: this.currentPassword });
      this.dispatchEvent(new CustomEvent('profile-closed', { bubbles: true }));
    });
  };
}
