import { fileKinds, type FileKind } from '@mfc-cabinet/core/file-signatures';
import { numberFormat } from '../base/format.js';

/** What a file type is called in messages. */
export const kindLabels: Record<FileKind, string> = { pdf: 'PDF', jpg: 'JPG', png: 'PNG', doc: 'DOC', docx: 'DOCX' };

/** The file picker's `accept` of each file type. */
export const mimeTypes: Record<FileKind, string> = {
  pdf: '.pdf,application/pdf',
  jpg: '.jpg,.jpeg,image/jpeg',
  png: '.png,image/png',
  doc: '.doc,application/msword',
  docx: '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const sizeFormat: Intl.NumberFormatOptions = { maximumFractionDigits: 1 };

/** The kinds an `accept` attribute names (`pdf, JPEG`), or `undefined` when it names none. */
export function acceptedKinds(accept: string | undefined): FileKind[] | undefined {
  const kinds = (accept ?? '')
    .toLowerCase()
    .split(/[\s,]+/)
    .map((kind) => (kind === 'jpeg' ? 'jpg' : kind))
    .filter((kind): kind is FileKind => (fileKinds as readonly string[]).includes(kind));
  return kinds.length > 0 ? kinds : undefined;
}

/** «PDF, JPG или PNG». */
export function formatKinds(locale: string, kinds: readonly FileKind[]): string {
  const names = kinds.map((kind) => kindLabels[kind]);
  const or = locale === 'en' ? 'or' : 'или';
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${or} ${names.at(-1)}`;
}

/** «1,5 МБ», «12 КБ». */
export function formatSize(locale: string, bytes: number): string {
  const mb = bytes >= 1024 * 1024;
  const value = numberFormat(locale, sizeFormat).format(mb ? bytes / 1048576 : Math.max(1, bytes / 1024));
  return `${value} ${locale === 'en' ? (mb ? 'MB' : 'KB') : mb ? 'МБ' : 'КБ'}`;
}
