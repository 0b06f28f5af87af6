import { isCabinetError, type PendingUpload, type VaultDocument } from '@mfc-cabinet/core';
import { checkFile, defaultAccept, defaultMaxSize, headBytes, type FileKind } from '@mfc-cabinet/core/file-signatures';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { MfcElement } from '../base/mfc-element.js';
import { addStrings } from '../i18n/registry.js';
import { ruUploader } from './strings-ru.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import { documentUploaderStyles } from './document-uploader.styles.js';
import { acceptedKinds, formatKinds, formatSize, mimeTypes } from './upload-format.js';
import { renderItem, renderVault, type Item, type VaultState } from './uploader-views.js';

addStrings('ru', ruUploader);

/** `mfc-upload-complete`: a file became a document of the vault. */
export interface MfcUploadCompleteDetail {
  document: VaultDocument;
}

declare module '../base/events.js' {
  interface MfcEventMap {
    'mfc-upload-complete': CustomEvent<MfcUploadCompleteDetail>;
  }
}

/**
 * Uploads documents to the citizen's vault, resumably: drag and drop, a file picker, the
 * camera on phones, several files with progress, cancel and retry; uploads cut off by a
 * reload are listed and continue from where they stopped; a document already in the vault
 * can be chosen instead. Files are checked by their bytes before sending, with plain
 * messages («Файл больше 5 МБ», «Это не PDF»). A form control: its value is the ids of the
 * documents, submitted under `name`, and `required` makes an empty one invalid.
 *
 * @summary Resumable document upload with the vault, for forms.
 * @tagname mfc-document-uploader
 *
 * @event {CustomEvent<MfcUploadCompleteDetail>} mfc-upload-complete - A file was uploaded: `detail.document` is the vault document.
 * @event {CustomEvent<MfcErrorDetail>} mfc-error - An upload failed. `detail.action`: `upload`, `vault`.
 * @event {Event} change - The value (the documents' ids) changed.
 *
 * @csspart base - The outer box.
 * @csspart dropzone - The area files are dropped on.
 * @csspart actions - The row of buttons.
 * @csspart button - Every button.
 * @csspart hint - The limits.
 * @csspart files - The list of files.
 * @csspart file - One file.
 * @csspart progress - A file's progress bar.
 * @csspart file-error - A file's error.
 * @csspart vault - The list of documents of the vault.
 * @csspart alert - Why the list of documents of the vault could not be loaded.
 *
 * @cssproperty --mfc-document-uploader-reserved-size - Height kept for the element until its code has loaded (in `mfc-cabinet.css`). Default `9rem`.
 *
 * @example
 * ```html
 * <form>
 *   <mfc-document-uploader name="passport" kind="passport" accept="pdf,jpg" max-size="5242880" max-files="2" required></mfc-document-uploader>
 * </form>
 * ```
 */
export class MfcDocumentUploader extends MfcElement {
  static override styles = [tokens, controls, documentUploaderStyles];
  static formAssociated = true;

  /** File types accepted, e.g. `pdf,jpg,png`. Without it: the service field's, else PDF, JPG and PNG. */
  @property() accept?: string;
  /** The largest file in bytes. Without it: the service field's, else 5 MB. */
  @property({ attribute: 'max-size', type: Number }) maxSize?: number;
  /** How many documents at most. @default 10 */
  @property({ attribute: 'max-files', type: Number }) maxFiles = 10;
  /** What the documents are (`passport`, or a `documentKinds` entry of the service's field). */
  @property() kind = 'other';
  /** The application the documents are for; with `field-id`, its field's limits apply. */
  @property({ attribute: 'application-id' }) applicationId?: string;
  /** The documents field of the application (`application-id`) the files are for. */
  @property({ attribute: 'field-id' }) fieldId?: string;
  /** The form field name the ids are submitted under. */
  @property({ reflect: true }) name = '';
  /** At least one document is needed for the form to be valid. */
  @property({ type: Boolean, reflect: true }) required = false;
  /** Hides «Выбрать из загруженных». */
  @property({ attribute: 'no-vault', type: Boolean }) noVault = false;
  /** Set while files are dragged over the element. */
  @property({ type: Boolean, reflect: true }) dragging = false;

  @state() private items: Item[] = [];
  @state() private vault?: VaultState;
  @state() private announcement = '';

  readonly #internals = this.attachInternals();
  #nextKey = 0;

  /** The ids of the documents uploaded or chosen. */
  get value(): string[] {
    return this.items.flatMap((item) => (item.document ? [item.document.id] : []));
  }

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  get validity(): ValidityState {
    return this.#internals.validity;
  }

  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  formResetCallback(): void {
    for (const item of this.items) item.controller?.abort();
    this.items = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#listPending();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const item of this.items) if (item.status === 'uploading' || item.status === 'paused') item.controller?.abort();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const ids = this.value;
    const data = new FormData();
    for (const id of ids) data.append(this.name, id);
    this.#internals.setFormValue(this.name ? data : null);
    const input = this.renderRoot.querySelector<HTMLElement>('#choose');
    if (this.required && ids.length === 0) this.#internals.setValidity({ valueMissing: true }, this.t.uploadRequired, input ?? undefined);
    else this.#internals.setValidity({});
  }

  /** Limits from the attributes; with none and a field, the SDK asks the service. */
  get #limits() {
    const fromField = this.applicationId && this.fieldId && !this.accept && !this.maxSize;
    return fromField ? undefined : { accept: acceptedKinds(this.accept) ?? defaultAccept, maxSize: this.maxSize || defaultMaxSize };
  }

  #announce(text: string): void {
    this.announcement = text;
  }

  async #listPending(): Promise<void> {
    const pending = await this.cabinet.documents.pendingUploads().catch((): PendingUpload[] => []);
    const mine = pending.filter(
      (upload) =>
        !upload.active &&
        upload.kind === this.kind &&
        upload.applicationId === (this.applicationId ?? null) &&
        upload.fieldId === (this.fieldId ?? null) &&
        !this.items.some((item) => item.pendingId === upload.id),
    );
    if (mine.length === 0) return;
    this.items = [
      ...this.items,
      ...mine.map((upload): Item => ({ key: this.#nextKey++, name: upload.name, size: upload.size, sent: upload.sent, status: 'interrupted', pendingId: upload.id })),
    ];
  }

  /** Adds files: each is checked, then uploaded. */
  addFiles(files: Iterable<File>): void {
    const limits = this.#limits;
    for (const file of files) {
      const item: Item = { key: this.#nextKey++, name: file.name, size: file.size, sent: 0, status: 'uploading', file };
      const counted = this.items.filter((other) => other.status !== 'error').length;
      this.items = [...this.items, item];
      if (counted >= this.maxFiles) this.#fail(item, this.t.tooManyFiles(this.maxFiles), true);
      else void this.#start(item, limits);
    }
  }

  async #start(item: Item, limits: { accept: readonly FileKind[]; maxSize: number } | undefined): Promise<void> {
    if (limits && item.file) {
      const head = new Uint8Array(await item.file.slice(0, headBytes).arrayBuffer());
      const tail = new Uint8Array(await item.file.slice(-headBytes).arrayBuffer());
      const check = checkFile({ head, tail, size: item.size }, limits);
      if (!check.ok) {
        const { t } = this;
        const message =
          check.code === 'file_too_large' ? t.fileTooLarge(formatSize(this.resolvedLocale, limits.maxSize)) : item.size === 0 ? t.fileEmpty : t.fileWrongType(formatKinds(this.resolvedLocale, limits.accept));
        return this.#fail(item, message, true);
      }
    }
    this.#announce(this.t.announceAdded(item.name));
    void this.#send(item, limits);
  }

  async #send(item: Item, limits?: { accept: readonly FileKind[]; maxSize: number }): Promise<void> {
    const controller = new AbortController();
    this.#update(item, { status: 'uploading', controller, error: undefined });
    const progress = {
      signal: controller.signal,
      onProgress: ({ sent }: { sent: number }) => this.#update(item, { sent, status: 'uploading' }),
      onRetry: ({ delay }: { delay: number }) => this.#update(item, { status: 'paused', retryIn: Math.ceil(delay / 1000) }),
    };
    const { documents } = this.cabinet;
    try {
      const document = item.pendingId
        ? await documents.resume(item.pendingId, progress)
        : await documents.upload(item.file!, {
            ...progress,
            kind: this.kind,
            ...(this.applicationId && this.fieldId ? { applicationId: this.applicationId, fieldId: this.fieldId } : {}),
            ...(limits ? { limits } : {}),
          });
      this.#update(item, { status: 'done', document, sent: item.size, controller: undefined });
      this.#announce(this.t.announceDone(item.name));
      this.dispatchEvent(new Event('change', { bubbles: true }));
      this.emit('mfc-upload-complete', { document });
    } catch (error) {
      if (!isCabinetError(error)) throw error;
      if (error.code === 'aborted') return;
      if (error.code === 'network' || error.code === 'timeout' || error.code === 'server_unavailable') {
        // Kept by the SDK: the retry continues it.
        const pending = (await documents.pendingUploads().catch(() => [])).find((upload) => !upload.active && upload.name === item.name && upload.size === item.size);
        if (pending) item.pendingId = pending.id;
      }
      const message = error.code.startsWith('file_') && this.resolvedLocale === 'ru' ? error.message : this.t.errors[error.code];
      this.#fail(item, message, !['network', 'timeout', 'server_unavailable', 'rate_limited', 'unauthenticated', 'session_expired'].includes(error.code));
      this.emit('mfc-error', { error, action: 'upload' });
    }
  }

  #fail(item: Item, message: string, refused = false): void {
    this.#update(item, { status: 'error', error: message, refused, controller: undefined });
    this.#announce(this.t.announceFailed(item.name, message));
  }

  #update(item: Item, changes: Partial<Item>): void {
    Object.assign(item, changes);
    this.items = [...this.items];
  }

  async #cancel(item: Item): Promise<void> {
    if (item.controller) item.controller.abort();
    else if (item.pendingId && item.status !== 'done') await this.cabinet.documents.cancel(item.pendingId).catch(() => undefined);
    const wasDone = item.status === 'done';
    this.items = this.items.filter((other) => other !== item);
    this.#announce(this.t.announceCancelled(item.name));
    if (wasDone) this.dispatchEvent(new Event('change', { bubbles: true }));
    this.renderRoot.querySelector<HTMLElement>('#choose')?.focus();
  }

  #retry(item: Item): void {
    if (!item.file && !item.pendingId) return;
    void this.#send(item, this.#limits);
  }

  async #openVault(): Promise<void> {
    this.vault = 'loading';
    try {
      this.vault = await this.cabinet.documents.list();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#vault-heading')?.focus();
    } catch (error) {
      if (!isCabinetError(error)) throw error;
      this.vault = error;
      this.emit('mfc-error', { error, action: 'vault' });
    }
  }

  #choose(document: VaultDocument): void {
    if (this.items.filter((item) => item.status !== 'error').length >= this.maxFiles) {
      this.#announce(this.t.tooManyFiles(this.maxFiles));
      return;
    }
    this.items = [...this.items, { key: this.#nextKey++, name: document.name, size: document.size, sent: document.size, status: 'done', document }];
    this.#announce(this.t.announceDone(document.name));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  #onPick(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.files) this.addFiles(input.files);
    input.value = '';
  }

  #onDragOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.dragging = true;
  }

  #onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    if (event.dataTransfer?.files.length) this.addFiles(event.dataTransfer.files);
  }

  protected override render() {
    const { t } = this;
    const limits = this.#limits;
    const accept = (limits?.accept ?? acceptedKinds(this.accept) ?? defaultAccept).map((kind) => mimeTypes[kind]).join(',');
    const images = accept.includes('image/');
    const phone = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
    return html`
      <div part="base" class="base" role="group" aria-labelledby="label" aria-describedby="hint">
        <div
          part="dropzone"
          class="dropzone"
          @dragover=${this.#onDragOver}
          @dragenter=${this.#onDragOver}
          @dragleave=${() => (this.dragging = false)}
          @drop=${this.#onDrop}
        >
          <p class="label" id="label">${t.uploaderLabel}</p>
          <p>${this.dragging ? t.dropHere : t.dropHint}</p>
          <p part="hint" class="hint" id="hint">
            ${limits ? t.limitsHint(formatKinds(this.resolvedLocale, limits.accept), formatSize(this.resolvedLocale, limits.maxSize), this.maxFiles) : nothing}
          </p>
          <div part="actions" class="actions">
            <label part="button" class="button primary" for="choose">${t.chooseFiles}</label>
            <input id="choose" class="visually-hidden" type="file" accept=${accept} ?multiple=${this.maxFiles > 1} @change=${this.#onPick} />
            ${images && phone
              ? html`<label part="button" class="button" for="camera">${t.takePhoto}</label>
                  <input id="camera" class="visually-hidden" type="file" accept="image/*" capture="environment" @change=${this.#onPick} />`
              : nothing}
            ${this.noVault
              ? nothing
              : html`<button part="button" class="button" type="button" aria-expanded=${this.vault !== undefined} @click=${() => (this.vault ? (this.vault = undefined) : void this.#openVault())}>
                  ${this.vault ? t.closeVault : t.chooseFromVault}
                </button>`}
          </div>
        </div>
        ${renderVault(t, this.resolvedLocale, this.vault, this.value, (document) => this.#choose(document))}
        ${this.items.length > 0
          ? html`<ul part="files" class="files">
              ${repeat(
                this.items,
                (item) => item.key,
                (item) => renderItem(t, this.resolvedLocale, item, () => this.#retry(item), () => void this.#cancel(item)),
              )}
            </ul>`
          : nothing}
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      </div>
    `;
  }
}
