import type { CabinetError, VaultDocument } from '@mfc-cabinet/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../i18n/translation.js';
import { formatSize, kindLabels } from './upload-format.js';

export type ItemStatus = 'uploading' | 'paused' | 'interrupted' | 'error' | 'done';

/** One file in the list. */
export interface Item {
  key: number;
  name: string;
  size: number;
  status: ItemStatus;
  sent: number;
  file?: File;
  /** The SDK's pending upload, when known (after a reload). */
  pendingId?: string;
  document?: VaultDocument;
  error?: string;
  /** Refused for what it is (type, size, count): retrying cannot help. */
  refused?: boolean;
  retryIn?: number;
  controller?: AbortController;
}

/** The list of documents of the vault: loading, its failure, or the documents with «Выбрать». */
export type VaultState = VaultDocument[] | 'loading' | CabinetError;

/** A file of the list: name, size, progress, status, error and its buttons. */
export function renderItem(t: Translation, locale: string, item: Item, retry: () => void, cancel: () => void): TemplateResult {
  const percent = item.size > 0 ? Math.floor((item.sent / item.size) * 100) : 0;
  const status =
    item.status === 'uploading' ? t.uploading(percent)
    : item.status === 'paused' ? t.paused(item.retryIn ?? 1)
    : item.status === 'interrupted' ? t.interrupted(percent)
    : item.status === 'done' ? t.uploaded
    : '';
  const button = (label: string, action: () => void, primary = false) =>
    html`<button part="button" class="button ${primary ? 'primary' : ''}" type="button" aria-label=${t.forFile(label, item.name)} @click=${action}>${label}</button>`;
  return html`<li part="file" class="file" data-status=${item.status}>
    <span class="name">${item.name}</span>
    <span class="size hint">${formatSize(locale, item.size)}</span>
    ${item.status === 'uploading' || item.status === 'paused' || item.status === 'interrupted'
      ? html`<progress part="progress" max=${item.size} .value=${item.sent} aria-label=${t.forFile(status, item.name)}></progress>`
      : nothing}
    ${status ? html`<span class="status">${status}</span>` : nothing}
    ${item.error ? html`<span part="file-error" class="field-error">${item.error}</span>` : nothing}
    <span class="file-actions">
      ${item.status === 'interrupted' ? button(t.resume, retry, true) : nothing}
      ${item.status === 'error' && !item.refused ? button(t.retry, retry, true) : nothing}
      ${button(item.status === 'done' || item.status === 'error' ? t.remove : t.cancel, cancel)}
    </span>
  </li>`;
}

/** The documents of the vault to choose from (those chosen already disabled). */
export function renderVault(
  t: Translation,
  locale: string,
  vault: VaultState | undefined,
  chosen: readonly string[],
  choose: (document: VaultDocument) => void,
): TemplateResult | typeof nothing {
  if (vault === undefined) return nothing;
  if (vault === 'loading') return html`<p role="status">${t.vaultLoading}</p>`;
  if (!Array.isArray(vault)) return html`<p part="alert" class="alert" role="alert">${t.errors[vault.code]}</p>`;
  return html`<section part="vault" class="vault" aria-labelledby="vault-heading">
    <p class="label" id="vault-heading" tabindex="-1">${t.vaultHeading}</p>
    ${vault.length === 0
      ? html`<p class="hint">${t.vaultEmpty}</p>`
      : html`<ul class="files">
          ${vault.map(
            (document) => html`<li class="file">
              <span class="name">${document.name}</span>
              <span class="size hint">${kindLabels[document.fileType]}, ${formatSize(locale, document.size)}</span>
              <span class="file-actions">
                <button part="button" class="button" type="button" ?disabled=${chosen.includes(document.id)} aria-label=${t.forFile(t.choose, document.name)} @click=${() => choose(document)}>
                  ${t.choose}
                </button>
              </span>
            </li>`,
          )}
        </ul>`}
  </section>`;
}
