/**
 * Valid sample files for tests that upload to the real server, which parses PDFs and
 * decodes images: a one-page PDF with a correct cross-reference table, and a PNG written
 * by hand. Plain `Uint8Array`, no Node APIs: the browser tests use them too.
 */

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/** What fills the padding that makes a sample as large as asked: a byte, random bytes, or a pattern of no repeated byte. */
export type Filler = number | 'random' | 'pattern';

/** `length` bytes of `filler`. */
export function filled(length: number, filler: Filler): Uint8Array {
  const bytes = new Uint8Array(length);
  if (filler === 'pattern') {
    for (let index = 0; index < length; index++) bytes[index] = (index * 31 + 7) % 251;
  } else if (filler === 'random') {
    for (let at = 0; at < length; at += 65536) crypto.getRandomValues(bytes.subarray(at, Math.min(length, at + 65536)));
  } else {
    bytes.fill(filler);
  }
  return bytes;
}

export interface SamplePdfOptions {
  /** The exact size in bytes (at least {@link minPdfSize}); the rest is a stream of filler. */
  size?: number;
  /** The words on the page (ASCII). */
  text?: string;
  filler?: Filler;
}

function pdfWith(text: string, padding: Uint8Array | undefined): Uint8Array<ArrayBuffer> {
  const content = `BT /F1 18 Tf 20 100 Td (${text.replace(/[\\()]/g, (char) => `\\${char}`)}) Tj ET`;
  const objects: Uint8Array[] = [
    latin1('<< /Type /Catalog /Pages 2 0 R >>'),
    latin1('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    latin1('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>'),
    latin1(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`),
    latin1('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
  ];
  if (padding) objects.push(concat([latin1(`<< /Length ${padding.length} >>\nstream\n`), padding, latin1('\nendstream')]));
  const parts: Uint8Array[] = [latin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(offset);
    const object = concat([latin1(`${index + 1} 0 obj\n`), body, latin1('\nendobj\n')]);
    parts.push(object);
    offset += object.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(latin1(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return concat(parts);
}

/** The size of the smallest sample PDF with padding (a smaller `size` is refused). */
export const minPdfSize = pdfWith('Sample', new Uint8Array(0)).length + 10;

/** A valid one-page PDF, optionally of an exact size. */
export function samplePdf({ size, text = 'Sample', filler = 0x20 }: SamplePdfOptions = {}): Uint8Array<ArrayBuffer> {
  if (size === undefined) return pdfWith(text, undefined);
  let length = size - pdfWith(text, new Uint8Array(0)).length;
  for (let tries = 0; tries < 4; tries++) {
    if (length < 0) break;
    const bytes = pdfWith(text, filled(length, filler));
    if (bytes.length === size) return bytes;
    length += size - bytes.length;
  }
  throw new RangeError(`a sample PDF of ${size} bytes cannot be made (at least ${minPdfSize})`);
}

/**
 * `pdf` (a {@link samplePdf}) with an incremental update appended: a new page object
 * replacing the first one and a cross-reference section of its own, ending with `%%EOF`.
 */
export function withIncrementalUpdate(pdf: Uint8Array, text = 'Updated'): Uint8Array<ArrayBuffer> {
  const source = new TextDecoder('latin1').decode(pdf);
  const previous = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(source)?.[1]);
  const size = Number(/\/Size (\d+)/.exec(source)?.[1]);
  const content = `BT /F1 18 Tf 20 100 Td (${text}) Tj ET`;
  const stream = `${size} 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`;
  const page = `3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 5 0 R >> >> /Contents ${size} 0 R >>\nendobj\n`;
  const pageAt = pdf.length;
  const streamAt = pageAt + page.length;
  const xrefAt = streamAt + stream.length;
  const entry = (at: number) => `${String(at).padStart(10, '0')} 00000 n \n`;
  const xref = `xref\n3 1\n${entry(pageAt)}${size} 1\n${entry(streamAt)}trailer\n<< /Size ${size + 1} /Root 1 0 R /Prev ${previous} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return concat([pdf, latin1(page + stream + xref)]);
}

// ------------------------------------------------------------------ PNG

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function uint32(value: number): Uint8Array {
  return Uint8Array.of(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typed = concat([latin1(type), data]);
  return concat([uint32(data.length), typed, uint32(crc32(typed))]);
}

/** `data` as a zlib stream of stored (uncompressed) deflate blocks. */
function zlibStored(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [Uint8Array.of(0x78, 0x01)];
  for (let at = 0; at < data.length || at === 0; at += 65535) {
    const block = data.subarray(at, Math.min(data.length, at + 65535));
    const last = at + 65535 >= data.length ? 1 : 0;
    parts.push(Uint8Array.of(last, block.length & 0xff, block.length >>> 8, ~block.length & 0xff, (~block.length >>> 8) & 0xff), block);
    if (data.length === 0) break;
  }
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  parts.push(uint32(((b << 16) | a) >>> 0));
  return concat(parts);
}

export interface SamplePngOptions {
  width?: number;
  height?: number;
  /** The exact size in bytes; the rest is a private ancillary chunk of filler before the end. */
  size?: number;
  filler?: Filler;
}

const pngSignature = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** A valid RGB PNG (a gradient), optionally of an exact size. */
export function samplePng({ width = 4, height = 4, size, filler = 0 }: SamplePngOptions = {}): Uint8Array<ArrayBuffer> {
  const header = concat([uint32(width), uint32(height), Uint8Array.of(8, 2, 0, 0, 0)]);
  const rows = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set([(x * 40) & 0xff, (y * 40) & 0xff, 128], y * (1 + width * 3) + 1 + x * 3);
  }
  const head = concat([pngSignature, chunk('IHDR', header), chunk('IDAT', zlibStored(rows))]);
  const end = chunk('IEND', new Uint8Array(0));
  if (size === undefined) return concat([head, end]);
  const padding = size - head.length - end.length - 12;
  if (padding < 0) throw new RangeError(`a sample PNG of ${size} bytes cannot be made (at least ${head.length + end.length + 12})`);
  return concat([head, chunk('smPl', filled(padding, filler)), end]);
}
