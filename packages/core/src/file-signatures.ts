/**
 * What a file is by its bytes (its signature, or «magic number»), not by its name or the
 * type the browser declares: the same small check before an upload in the browser and
 * after it on the server. No dependencies; it reads a `Uint8Array` of the file's first
 * bytes (and, for DOCX, optionally its last ones). A signature is not proof: the server
 * also parses a PDF and decodes an image, and cuts off the bytes after its end.
 *
 * - PDF: `%PDF-` at the start;
 * - JPG: `FF D8 FF`; PNG: its 8-byte signature;
 * - DOC: the OLE2 compound file signature (Word 97–2003);
 * - DOCX: a ZIP whose parts include `[Content_Types].xml` and `word/…` (an OOXML word
 *   processing document), found among the local headers in the first bytes or in the
 *   central directory at the end.
 *
 * @example
 * ```ts
 * const head = new Uint8Array(await file.slice(0, headBytes).arrayBuffer());
 * const tail = new Uint8Array(await file.slice(-tailBytes).arrayBuffer());
 * const check = checkFile({ head, tail, size: file.size }, { accept: ['pdf', 'jpg', 'png'], maxSize: 5 * 1024 * 1024 });
 * if (!check.ok) showError(check.message); // «Это не PDF, JPG или PNG»
 * ```
 */

import { fileKinds, type FileKind } from './file-kinds.js';

export { fileKinds, type FileKind };

/** What a documents field accepts unless its service says otherwise. */
export const defaultAccept: readonly FileKind[] = ['pdf', 'jpg', 'png'];

/** The largest file a documents field accepts unless its service says otherwise: 5 MB. */
export const defaultMaxSize = 5 * 1024 * 1024;

/** How many first bytes to pass as `head`: enough for every signature and the first parts of a DOCX. */
export const headBytes = 64 * 1024;

/** How many last bytes to pass as `tail`: the ZIP central directory of a DOCX, which names every part. */
export const tailBytes = 64 * 1024;

/** The media type of each kind, for downloads. */
export const fileMimeTypes: Readonly<Record<FileKind, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const bytesOf = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));

const signatures: ReadonlyArray<readonly [FileKind, readonly number[]]> = [
  ['pdf', bytesOf('%PDF-')],
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpg', [0xff, 0xd8, 0xff]],
  ['doc', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
];
const zip = bytesOf('PK\x03\x04');
const contentTypesPart = bytesOf('[Content_Types].xml');
const wordFolder = bytesOf('word/');

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

function includes(bytes: Uint8Array | undefined, needle: readonly number[]): boolean {
  if (!bytes) return false;
  const first = needle[0];
  for (let at = bytes.indexOf(first!); at >= 0 && at <= bytes.length - needle.length; at = bytes.indexOf(first!, at + 1)) {
    if (needle.every((byte, index) => bytes[at + index] === byte)) return true;
  }
  return false;
}

/**
 * The kind of a file by its bytes, or `undefined` when it is none of {@link fileKinds}.
 *
 * @param head the file's first bytes ({@link headBytes} are enough)
 * @param tail its last bytes ({@link tailBytes}), where a ZIP lists its parts; optional
 */
export function detectFileKind(head: Uint8Array, tail?: Uint8Array): FileKind | undefined {
  for (const [kind, signature] of signatures) if (startsWith(head, signature)) return kind;
  if (!startsWith(head, zip)) return undefined;
  const names = (needle: readonly number[]) => includes(head, needle) || includes(tail, needle);
  return names(contentTypesPart) && names(wordFolder) ? 'docx' : undefined;
}

const labels: Readonly<Record<FileKind, string>> = { pdf: 'PDF', jpg: 'JPG', png: 'PNG', doc: 'DOC', docx: 'DOCX' };

/** The kinds as a Russian list: «PDF, JPG или PNG». */
export function describeKinds(kinds: readonly FileKind[]): string {
  const names = kinds.map((kind) => labels[kind]);
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} или ${names.at(-1)}`;
}

/** A size in Russian units: «5 МБ», «1,5 МБ», «500 КБ». */
export function formatSize(bytes: number): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'МБ'] : [Math.max(1, bytes / 1024), 'КБ'];
  return `${String(Math.round(value * 10) / 10).replace('.', ',')} ${unit}`;
}

/** What a documents field allows (both optional: the defaults apply). */
export interface FileLimits {
  accept?: readonly FileKind[] | undefined;
  /** Bytes. */
  maxSize?: number | undefined;
}

/** What is known of a file: its first bytes, optionally its last, and its size. */
export interface FileSample {
  head: Uint8Array;
  tail?: Uint8Array | undefined;
  size: number;
}

/** Why a file is refused: a stable code of the API and the message for the citizen. */
export interface FileRefusal {
  ok: false;
  code: 'file_too_large' | 'file_type_not_allowed';
  /** In Russian, e.g. «Файл больше 5 МБ». */
  message: string;
}

export type FileCheck = { ok: true; kind: FileKind } | FileRefusal;

/** The limits with the defaults filled in. */
export function fileLimits({ accept, maxSize }: FileLimits = {}): { accept: readonly FileKind[]; maxSize: number } {
  return { accept: accept && accept.length > 0 ? accept : defaultAccept, maxSize: maxSize ?? defaultMaxSize };
}

/** Whether `size` bytes exceed the limits; the refusal says by how much is allowed. */
export function checkSize(size: number, limits?: FileLimits): FileRefusal | undefined {
  const { maxSize } = fileLimits(limits);
  return size > maxSize ? { ok: false, code: 'file_too_large', message: `Файл больше ${formatSize(maxSize)}` } : undefined;
}

/**
 * Checks a file whose kind is known (by {@link detectFileKind}; `undefined` when it is none)
 * against the limits of a documents field: its size first, then its kind.
 */
export function checkKind(kind: FileKind | undefined, size: number, limits?: FileLimits): FileCheck {
  const tooLarge = checkSize(size, limits);
  if (tooLarge) return tooLarge;
  const { accept } = fileLimits(limits);
  const refuse = (message: string): FileRefusal => ({ ok: false, code: 'file_type_not_allowed', message });
  if (size === 0) return refuse('Файл пустой');
  if (kind === undefined) return refuse(`Это не ${describeKinds(accept)}`);
  if (!accept.includes(kind)) return refuse(`${labels[kind]} здесь не подходит: нужен ${describeKinds(accept)}`);
  return { ok: true, kind };
}

/**
 * Checks a file against the limits of a documents field: its size, then its kind by its
 * bytes. The declared type and the name play no part.
 *
 * @example checkFile({ head: pngBytes, size: 1000 }, { accept: ['pdf'] }) // { ok: false, code: 'file_type_not_allowed', message: 'PNG здесь не подходит: нужен PDF' }
 */
export function checkFile({ head, tail, size }: FileSample, limits?: FileLimits): FileCheck {
  return checkKind(size === 0 ? undefined : detectFileKind(head, tail), size, limits);
}
