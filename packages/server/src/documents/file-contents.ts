/**
 * What a file really is, beyond its signature: a PDF must parse as a PDF (pdf.js), an
 * image must decode as its type (pngjs, jpeg-js), and the bytes after the file's own end
 * (HTML appended to a PNG, the video of a phone's Motion Photo after its JPEG) are not
 * part of it.
 *
 * - PNG ends after its `IEND` chunk, found by walking the chunks by their lengths;
 * - JPEG ends at the `EOI` of its primary image, found by walking the marker segments by
 *   their lengths (so the thumbnail in an EXIF `APP1`, with its own `FFD8 … FFD9`, is
 *   skipped) and the entropy-coded data after each `SOS` (where `FF00` is a stuffed byte
 *   and `FFD0`–`FFD7` restart markers);
 * - PDF ends after its last `%%EOF` that follows a `startxref` pointing at a cross-reference
 *   table or stream (incremental updates append sections of their own, each ending so) and
 *   one end of line after it.
 *
 * Pure functions of the bytes: the server runs {@link checkContents} in a worker thread
 * (`file-contents-worker.ts`), since parsing holds the thread that does it.
 */
import type { FileKind } from '@mfc-cabinet/core/file-signatures';

/** The kinds whose contents are checked; the others (DOC, DOCX) are checked by their signature only. */
export const parsedKinds: readonly FileKind[] = ['pdf', 'jpg', 'png'];

/** The largest image decoded, in pixels (a side and the whole). */
export const maxImageSide = 20_000;
export const maxImagePixels = 50_000_000;
/** The most memory jpeg-js may take to decode one image. */
export const maxJpegMemoryMb = 512;

export type ContentsCheck = { ok: true; end: number } | { ok: false; message: string };

const refusals: Readonly<Record<FileKind, string>> = {
  pdf: 'Файл повреждён или это не PDF',
  jpg: 'Файл повреждён или это не изображение JPEG',
  png: 'Файл повреждён или это не изображение PNG',
  doc: 'Файл повреждён или это не документ DOC',
  docx: 'Файл повреждён или это не документ DOCX',
};

/** What the citizen is told when a file of the `kind` its signature says is not one. */
export function refusalOf(kind: FileKind): string {
  return refusals[kind];
}

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function uint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

function typeAt(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
}

/** Where a PNG ends (just after its `IEND` chunk), or `undefined` when it is not a whole PNG. */
export function pngEnd(bytes: Uint8Array): number | undefined {
  if (bytes.length < 8 || pngSignature.some((byte, index) => bytes[index] !== byte)) return undefined;
  let at = 8;
  let first = true;
  while (at + 12 <= bytes.length) {
    const length = uint32(bytes, at);
    const type = typeAt(bytes, at + 4);
    if (first && type !== 'IHDR') return undefined;
    first = false;
    const next = at + 12 + length;
    if (length > 0x7fffffff || next > bytes.length) return undefined;
    if (type === 'IEND') return next;
    at = next;
  }
  return undefined;
}

/**
 * Where a JPEG's primary image ends (just after its `EOI`), or `undefined` when it is not
 * a whole JPEG (no frame, no scan, or cut short).
 */
export function jpegEnd(bytes: Uint8Array): number | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  let frame = false;
  let scan = false;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    // Any number of 0xFF may pad before a marker.
    while (at < bytes.length && bytes[at] === 0xff) at++;
    if (at >= bytes.length) return undefined;
    const marker = bytes[at]!;
    at++;
    if (marker === 0xd9) return frame && scan ? at : undefined;
    if (marker === 0xd8 || marker === 0x00) return undefined;
    // Standalone markers: TEM and the restart markers.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (at + 2 > bytes.length) return undefined;
    const length = (bytes[at]! << 8) | bytes[at + 1]!;
    if (length < 2 || at + length > bytes.length) return undefined;
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) frame = true;
    at += length;
    if (marker !== 0xda) continue;
    if (!frame) return undefined;
    scan = true;
    // Entropy-coded data: up to the next marker that is neither a stuffed byte nor a restart.
    while (at < bytes.length) {
      if (bytes[at] !== 0xff) {
        at++;
        continue;
      }
      const next = bytes[at + 1];
      if (next === undefined) return undefined;
      if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) at += 2;
      else if (next === 0xff) at++;
      else break;
    }
  }
  return undefined;
}

const latin1 = new TextDecoder('latin1');

/**
 * Where a PDF ends: just after its last `%%EOF` that follows `startxref` and an offset
 * inside the file, and the end of line after it; `undefined` when there is none.
 */
export function pdfEnd(bytes: Uint8Array): number | undefined {
  if (bytes.length < 5 || latin1.decode(bytes.subarray(0, 5)) !== '%PDF-') return undefined;
  const text = latin1.decode(bytes);
  // The last %%EOF whose startxref points at a cross-reference table or stream; failing
  // that (a writer that got the offset wrong), the last one after any startxref.
  let loose: number | undefined;
  for (let at = text.lastIndexOf('%%EOF'); at > 0; at = text.lastIndexOf('%%EOF', at - 1)) {
    const before = /startxref[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]*$/.exec(text.slice(Math.max(0, at - 64), at));
    const offset = Number(before?.[1]);
    if (!before || offset >= at) continue;
    let end = at + 5;
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
    loose ??= end;
    if (/^[\0\t\n\f\r ]*(xref|\d+[\0\t\n\f\r ]+\d+[\0\t\n\f\r ]+obj)/.test(text.slice(offset, offset + 64))) return end;
  }
  return loose;
}

/** Where a file of `kind` ends; `undefined` when it is not a whole one. DOC and DOCX end where their bytes do. */
export function contentsEnd(kind: FileKind, bytes: Uint8Array): number | undefined {
  switch (kind) {
    case 'pdf':
      return pdfEnd(bytes);
    case 'png':
      return pngEnd(bytes);
    case 'jpg':
      return jpegEnd(bytes);
    default:
      return bytes.length;
  }
}

/** Decodes a whole PNG; throws when it does not decode or is too large. */
export async function decodePng(bytes: Uint8Array): Promise<void> {
  // The IHDR chunk says the size before any pixel is decoded.
  const width = uint32(bytes, 16);
  const height = uint32(bytes, 20);
  if (width === 0 || height === 0 || width > maxImageSide || height > maxImageSide || width * height > maxImagePixels) {
    throw new Error(`a PNG of ${width}×${height} pixels`);
  }
  const { PNG } = await import('pngjs');
  const image = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { checkCRC: true });
  if (image.width !== width || image.height !== height) throw new Error('the PNG decoded to another size');
}

/** Decodes a whole JPEG; throws when it does not decode or is too large. */
export async function decodeJpeg(bytes: Uint8Array): Promise<void> {
  const { decode } = await import('jpeg-js');
  const image = decode(bytes, { maxResolutionInMP: maxImagePixels / 1_000_000, maxMemoryUsageInMB: maxJpegMemoryMb, formatAsRGBA: false });
  if (image.width === 0 || image.height === 0) throw new Error('a JPEG of no pixels');
}

/** Parses a whole PDF with pdf.js, without fonts, scripts or a worker of its own; throws when it has no first page. */
export async function parsePdf(bytes: Uint8Array): Promise<void> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    // pdf.js takes the buffer over: a copy, so that the caller's bytes stay.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const document = await task.promise;
    if (document.numPages < 1) throw new Error('a PDF of no pages');
    await document.getPage(1);
  } finally {
    await task.destroy();
  }
}

/**
 * Checks that `bytes` are a whole file of `kind` (the kind their signature says): finds
 * its end, then parses or decodes what is before it. `end` is where the file ends; the
 * bytes after it are not part of it.
 */
export async function checkContents(kind: FileKind, bytes: Uint8Array): Promise<ContentsCheck> {
  const end = contentsEnd(kind, bytes);
  if (end === undefined) return { ok: false, message: refusalOf(kind) };
  const whole = bytes.subarray(0, end);
  try {
    if (kind === 'pdf') await parsePdf(whole);
    else if (kind === 'png') await decodePng(whole);
    else if (kind === 'jpg') await decodeJpeg(whole);
  } catch {
    return { ok: false, message: refusalOf(kind) };
  }
  return { ok: true, end };
}
